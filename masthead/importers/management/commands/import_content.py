"""`manage.py import_content EXPORT…`: bring a WordPress, Ghost or Substack publication, or
saved article pages, into Masthead (see importers/run.py)."""

import resource
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from masthead.importers import mapping as mappings
from masthead.importers.models import ImportRun
from masthead.importers.run import Importer, Options
from masthead.importers.sources import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (.xml, .xml.gz, .zip or a folder of parts), a Ghost JSON "
        "export, a Substack export, or saved article pages (.html files or folders)."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", nargs="+", help="The export, or saved pages.")
        parser.add_argument(
            "--uploads",
            help="The site's wp-content/uploads (or images) folder: photos come from here.",
        )
        parser.add_argument(
            "--mapping", help="A JSON file mapping categories and tags to regions, types, topics."
        )
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="Fetch photos missing from --uploads from the old site (its own host only).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Read and plan, write nothing.")
        parser.add_argument(
            "--one-process",
            action="store_true",
            help="Convert bodies in this process instead of a second one beside the writes.",
        )
        parser.add_argument(
            "--limit",
            type=int,
            help="Import only the first N posts (and every page), to try an import out.",
        )
        parser.add_argument("--site-url", default="", help="Where a Substack publication lived.")
        parser.add_argument("--author", default="", help="The byline for a Substack export.")
        parser.add_argument(
            "--write-mapping", help="Write the mapping the import uses to this file, to edit."
        )

    def handle(self, *args, **options):
        from masthead.importers.archive.restore import is_archive, restore_command

        if len(options["export"]) == 1 and is_archive(options["export"][0]):
            restore_command(self, options["export"][0], dry_run=options["dry_run"])
            return  # a Masthead archive: restored as it is, with no mapping or run
        given = None
        if options["mapping"]:
            try:
                given = mappings.load(options["mapping"])
            except mappings.MappingError as error:
                raise CommandError(str(error)) from error
        if options["limit"] is not None and options["limit"] < 0:
            raise CommandError("--limit is a number of posts, 0 or more")
        uploads = Path(options["uploads"]) if options["uploads"] else None
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"{uploads}: the uploads folder does not exist")
        run = None
        if not options["dry_run"]:  # kept, so the admin shows its report and what needs attention
            run = ImportRun.objects.create(
                name=Path(options["export"][0]).name[:255],
                export_path=" ".join(options["export"])[:1000],
                options={"uploads": str(options["uploads"] or ""), "command": True},
            )
        importer = Importer(
            options["export"],
            Options(
                uploads=uploads,
                mapping=given,
                fetch_media=options["fetch_media"],
                dry_run=options["dry_run"],
                site_url=options["site_url"],
                author_name=options["author"],
                parallel=not options["one_process"],
                limit=options["limit"],
            ),
            run=run,
            echo=lambda line: self.stderr.write(line),
        )
        try:
            importer.open()
        except (ExportError, mappings.MappingError) as error:
            if run is not None:
                run.delete()  # nothing was read: no run to report on
            raise CommandError(str(error)) from error
        plan = importer.plan()
        if run is not None and importer.source.label:
            run.name = importer.source.label[:255]
            run.save(update_fields=["name"])
        if not given and importer.source.mapping is None:
            self.stdout.write(
                "No mapping given: categories named like a region or an article type become "
                "one, others become topics. The mapping used (edit it and pass --mapping):"
            )
            self.stdout.write(importer.mapping.dumps())
        if options["write_mapping"]:
            Path(options["write_mapping"]).write_text(importer.mapping.dumps(), encoding="utf-8")
        self.stdout.write(
            f"{plan['source']} export {plan['title']!r} "
            f"from {plan['site_url'] or 'an unknown site'}"
            f": {plan['items'] if plan['items'] is not None else '?'} items, {plan['authors']} "
            f"authors, {plan['terms']} terms, {plan['media']} media"
        )
        try:
            report = importer.run()
        except Exception as error:
            raise CommandError(f"the import stopped: {type(error).__name__}: {error}") from error
        # This process's peak, and the body converter's (a forked child) beside it.
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
        converter = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
        self.stdout.write(importer.detail_line(peak, converter))
        self.stdout.write(report.line(importer.seconds))
