"""`manage.py export_content OUT`: the whole publication as a Masthead archive (a folder, or a
zip when OUT ends in .zip), or with `--format wxr` its articles and pages as a WordPress export.
See docs/archive-format.md."""

from django.core.management.base import BaseCommand, CommandError

from masthead.importers.archive import ArchiveError
from masthead.importers.archive.export import CHUNK_SIZE, export_archive


class Command(BaseCommand):
    help = (
        "Export the whole publication as a Masthead archive (OUT is a new folder, or a .zip), "
        "or with --format wxr its articles and pages as a WordPress WXR 1.2 file."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="A new folder or .zip file (archive), or an .xml file.")
        parser.add_argument("--format", choices=["archive", "wxr"], default="archive")
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=CHUNK_SIZE,
            help="Rows read from the database at a time.",
        )

    def handle(self, *args, out, format, chunk_size, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1")
        if format == "wxr":
            from masthead.importers.wordpress.export import WxrError, export_wxr

            try:
                result = export_wxr(out=out, chunk_size=chunk_size)
            except WxrError as error:
                raise CommandError(str(error)) from error
        else:
            try:
                result = export_archive(out=out, chunk_size=chunk_size, echo=self.stderr.write)
            except ArchiveError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(result.line())
