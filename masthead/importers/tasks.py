import logging
from pathlib import Path

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task(priority=-10)  # hours of work nobody waits on: behind confirmations, purges and sends
def run_import_task(run_id: int) -> None:
    """Run one import the admin queued; safe to run twice. A finished run is left alone, and a
    run taken back from a lost worker starts again where its imported objects say it stopped."""
    from masthead.importers import mapping as mappings
    from masthead.importers.models import ImportRun
    from masthead.importers.run import Cancelled, Importer, Options
    from masthead.importers.uploads import discard_files

    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.status not in (ImportRun.QUEUED, ImportRun.RUNNING):
        return
    if run.cancel_requested:  # cancelled before a worker took it: nothing to undo
        ImportRun.objects.filter(
            pk=run_id, status__in=(ImportRun.QUEUED, ImportRun.RUNNING)
        ).update(
            status=ImportRun.CANCELLED,
            finished_at=timezone.now(),
            summary="Cancelled before it started: nothing was imported.",
        )
        discard_files(run)
        return
    given = run.options.get("mapping")
    try:
        options = Options(
            uploads=Path(run.options["uploads"]) if run.options.get("uploads") else None,
            mapping=mappings.parse(given, "the chosen mapping") if given else None,
            fetch_media=bool(run.options.get("fetch_media")),
            site_url=run.options.get("site_url", ""),
            author_name=run.options.get("author_name", ""),
        )
        Importer([run.export_path], options, run=run).run()
    except Cancelled:
        logger.info("import run %s cancelled", run_id)
    except Exception as error:
        # The Importer records a failure once it is writing; before that (the export gone,
        # the mapping refused) it is recorded here. Raised once, for the task's own record.
        ImportRun.objects.filter(pk=run_id).exclude(status__in=ImportRun.FINISHED).update(
            status=ImportRun.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
        logger.exception("import run %s failed", run_id)
        raise
    run.refresh_from_db()
    if run.status in (ImportRun.DONE, ImportRun.CANCELLED):
        discard_files(run)  # a failed run keeps its upload, to be run again by an operator
