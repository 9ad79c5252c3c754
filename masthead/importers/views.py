"""The admin's import: upload an export, check the plan and the mapping, start it, watch it, read
its report; and the imported articles that still need attention."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.paginator import WagtailPaginator

from masthead.core.versioning import remember
from masthead.importers.forms import (
    ImportUploadForm,
    MappingForm,
)
from masthead.importers.models import ImportProblem, ImportRun
from masthead.importers.tasks import run_import_task
from masthead.importers.uploads import UploadRefused, discard_files, upload_named

RUNS_PER_PAGE = 20
ROWS_PER_PAGE = 50
SOURCES = {
    "wordpress": "WordPress",
    "ghost": "Ghost",
    "substack": "Substack",
    "html": "Saved pages",
    "demo": "The demo publication",
}
# What a run's counts say, in the order the report shows them.
COUNT_LABELS = [
    ("items", "Items read"),
    ("articles", "Articles"),
    ("pages", "Plain pages"),
    ("drafts", "Of which drafts or scheduled"),
    ("authors", "Authors"),
    ("images", "Photos"),
    ("redirects", "Old addresses redirected"),
    ("skipped", "Skipped"),
    ("problems", "Problems"),
    ("changes_created", "Created"),
    ("changes_updated", "Updated"),
    ("changes_unchanged", "Unchanged since the last run"),
    ("changes_kept", "Left as an editor changed them"),
    ("changes_readers", "Newsletter readers"),
]
# The report's kinds of problem, in order, as its links name them.
KIND_TABS = {
    ImportProblem.ATTENTION: "Needs attention",
    ImportProblem.PROBLEM: "Problems",
    ImportProblem.SKIPPED: "Skipped",
    ImportProblem.KEPT: "Left as an editor changed them",
}
KIND_ORDER = list(KIND_TABS)


def may_import(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("importers.add_importrun"))


def _check(request) -> None:
    if not may_import(request.user):
        raise PermissionDenied


def may_manage(user, run: ImportRun) -> bool:
    """Who may start, discard or cancel a run: whoever uploaded it, and administrators."""
    return (
        user.is_superuser
        or (run.created_by_id is not None and run.created_by_id == user.pk)
        or user.has_perm("importers.change_importrun")
    )


def describe(run: ImportRun) -> str:
    """The run's counts in words, for the list of runs."""
    c = run.counts or {}
    if not c:
        return ""
    parts = [
        f"{c.get('articles', 0)} article{'s' if c.get('articles', 0) != 1 else ''}",
        f"{c.get('pages', 0)} page{'s' if c.get('pages', 0) != 1 else ''}",
        f"{c.get('images', 0)} photo{'s' if c.get('images', 0) != 1 else ''}",
    ]
    if c.get("problems"):
        parts.append(f"{c['problems']} problem{'s' if c['problems'] != 1 else ''}")
    if c.get("skipped"):
        parts.append(f"{c['skipped']} skipped")
    return ", ".join(parts)


def _page(request, items, per_page: int):
    paginator = WagtailPaginator(items, per_page)
    page = paginator.get_page(request.GET.get("p"))
    return page, list(paginator.get_elided_page_range(page.number))


# Start: upload, and the earlier runs ------------------------------------------------------


def index(request):
    _check(request)
    form = ImportUploadForm()
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                run = form.plan_run(user=request.user)
            except UploadRefused as refused:
                form.add_error(refused.field, str(refused))
            else:
                return redirect("importers_admin:run", run.pk)
        messages.error(
            request, "Nothing was uploaded: see what is wrong below, and choose the file again."
        )
    runs, page_range = _page(
        request, ImportRun.objects.select_related("created_by").order_by("-created_at"),
        RUNS_PER_PAGE,
    )  # fmt: skip
    for run in runs:
        run.described = describe(run)
        run.source_label = SOURCES.get(run.source, run.source or "—")
    return TemplateResponse(
        request,
        "importers/admin/index.html",
        {"form": form, "runs": runs, "elided_page_range": page_range},
        status=400 if form.errors else 200,
    )


# One run: its plan, its progress or its report -------------------------------------------


def run_page(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    if run.status == ImportRun.PLANNED and run.plan:
        return _plan(request, run, _mapping_form(run))
    if not run.is_finished:
        return _progress(request, run)
    return _report(request, run)


def _mapping_form(run: ImportRun, data=None) -> MappingForm:
    from masthead.newsroom.models import ArticleType, HomePage, SectionPage

    home = HomePage.objects.first()
    regions = dict(SectionPage.objects.child_of(home).values_list("slug", "title")) if home else {}
    taken = set(home.get_children().values_list("slug", flat=True)) if home else set()
    types = dict(ArticleType.objects.order_by("name").values_list("slug", "name"))
    return MappingForm(data, plan=run.plan, regions=regions, types=types, taken=taken)


def _plan(request, run: ImportRun, form: MappingForm, status: int = 200):
    plan = run.plan
    return TemplateResponse(
        request,
        "importers/admin/plan.html",
        {
            "run": run,
            "plan": plan,
            "source_label": SOURCES.get(plan.get("source"), plan.get("source")),
            "form": form,
            "busy": _busy(exclude=run.pk),
            "may_manage": may_manage(request.user, run),
        },
        status=status,
    )


def _busy(exclude=None) -> ImportRun | None:
    """Another run queued or running: two at once could make the same page twice."""
    return (
        ImportRun.objects.filter(status__in=(ImportRun.QUEUED, ImportRun.RUNNING))
        .exclude(pk=exclude)
        .first()
    )


@require_POST
def start(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    if run.status != ImportRun.PLANNED:
        messages.info(request, f"“{run.name}” has already been started.")
        return redirect("importers_admin:run", run.pk)
    if not may_manage(request.user, run):
        messages.error(request, _not_yours(run, "start"))
        return redirect("importers_admin:run", run.pk)
    form = _mapping_form(run, request.POST)
    if not form.is_valid():
        messages.error(request, "The import was not started: correct the mapping below.")
        return _plan(request, run, form, status=400)
    busy = _busy(exclude=run.pk)
    if busy is not None:
        messages.error(
            request,
            f"The import was not started: “{busy.name}” is {busy.get_status_display().lower()}."
            " Start this one when it has finished (or cancel it).",
        )
        return _plan(request, run, form, status=409)
    options = {**run.options, "mapping": form.mapping_json()}
    with transaction.atomic():
        started = ImportRun.objects.filter(pk=run.pk, status=ImportRun.PLANNED).update(
            status=ImportRun.QUEUED, options=options
        )
        if started:  # once, however often the button is pressed
            transaction.on_commit(partial(run_import_task.enqueue, run.pk))
    if started:
        messages.success(request, f"The import of “{run.name}” is queued.")
    return redirect("importers_admin:run", run.pk)


@require_POST
def discard(request, pk):
    """Throw away a planned run and its upload."""
    _check(request)
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    if run.status != ImportRun.PLANNED:
        messages.error(
            request, f"“{run.name}” has been started; it can be cancelled, not discarded."
        )
        return redirect("importers_admin:run", run.pk)
    if not may_manage(request.user, run):
        messages.error(request, _not_yours(run, "discard"))
        return redirect("importers_admin:run", run.pk)
    discard_files(run)
    run.delete()
    messages.success(request, f"The upload “{run.name}” was discarded; nothing was imported.")
    return redirect("importers_admin:index")


def _not_yours(run: ImportRun, action: str) -> str:
    done = "uploaded" if run.status == ImportRun.PLANNED else "started"
    if run.created_by is None:
        return (
            f"You cannot {action} “{run.name}”: it was {done} from the command line, and only "
            f"an administrator may {action} it."
        )
    who = run.created_by.get_full_name() or run.created_by.get_username()
    return (
        f"You cannot {action} “{run.name}”: {who} {done} it, and only they or an "
        f"administrator may {action} it."
    )


@require_POST
def cancel(request, pk):
    _check(request)
    run = get_object_or_404(ImportRun.objects.select_related("created_by"), pk=pk)
    if run.is_finished or run.status == ImportRun.PLANNED:
        messages.info(request, f"“{run.name}” is not running: there is nothing to cancel.")
        return redirect("importers_admin:run", run.pk)
    if not may_manage(request.user, run):
        messages.error(request, _not_yours(run, "cancel"))
        return redirect("importers_admin:run", run.pk)
    runs = ImportRun.objects.filter(pk=run.pk)
    if runs.filter(status=ImportRun.QUEUED).update(
        status=ImportRun.CANCELLED,
        cancel_requested=True,
        finished_at=timezone.now(),
        summary="Cancelled before it started: nothing was imported.",
    ):
        discard_files(run)
        messages.success(request, f"“{run.name}” was cancelled before it started.")
    elif runs.filter(status=ImportRun.RUNNING).update(cancel_requested=True):
        messages.success(
            request,
            f"Cancelling “{run.name}”: it stops when the batch it is writing is done. What it "
            "has imported so far stays.",
        )
    return redirect("importers_admin:run", run.pk)


def _problem_counts(run: ImportRun) -> dict[str, int]:
    counts = dict(run.problems.values_list("kind").annotate(n=Count("pk")).order_by())
    return {kind: counts.get(kind, 0) for kind in KIND_ORDER}


def progress_data(run: ImportRun) -> dict:
    return {
        "status": run.status,
        "status_label": run.get_status_display(),
        "finished": run.is_finished,
        "cancel_requested": run.cancel_requested,
        "percent": run.percent,
        "items_done": run.items_done,
        "items_total": run.items_total,
        "counts": run.counts,
        "problems": _problem_counts(run),
        "url": reverse("importers_admin:run", args=[run.pk]),
    }


def _progress(request, run: ImportRun):
    from masthead.core.worker import live_worker_ids

    return TemplateResponse(
        request,
        "importers/admin/progress.html",
        {
            "run": run,
            "data": progress_data(run),
            "kinds": [(kind, KIND_TABS[kind], n) for kind, n in _problem_counts(run).items()],
            # What the Importer has counted so far, when it records its counts as it goes.
            "made": [
                (key, label, run.counts[key])
                for key, label in COUNT_LABELS[1:8]
                if key in (run.counts or {})
            ],
            "may_manage": may_manage(request.user, run),
            "no_worker": run.status == ImportRun.QUEUED and not live_worker_ids(),
        },
    )


@require_GET
def progress(request, pk):
    """The run's progress as JSON, for the progress page's script."""
    _check(request)
    run = get_object_or_404(ImportRun, pk=pk)
    response = JsonResponse(progress_data(run))
    response["Cache-Control"] = "no-store"
    return response


def _report(request, run: ImportRun):
    counts = _problem_counts(run)
    labels = KIND_TABS
    kind = request.GET.get("kind")
    if kind not in labels:
        kind = next((k for k in KIND_ORDER if counts[k]), ImportProblem.ATTENTION)
    rows, page_range = _page(
        request, run.problems.filter(kind=kind).select_related("page").order_by("id"),
        ROWS_PER_PAGE,
    )  # fmt: skip
    for row in rows:
        row.shown = upload_named(run, row.message)
    return TemplateResponse(
        request,
        "importers/admin/report.html",
        {
            "run": run,
            "source_label": SOURCES.get(run.source, run.source),
            "counts": [
                (label, run.counts[key]) for key, label in COUNT_LABELS if key in (run.counts or {})
            ],  # fmt: skip
            "kinds": [(k, labels[k], counts[k]) for k in KIND_ORDER],
            "kind": kind,
            "kind_label": labels[kind],
            "rows": rows,
            "elided_page_range": page_range,
            "error": upload_named(run, run.error),
            "summary_line": run.summary if run.summary.startswith("import:") else "",
            "upload_kept": run.status == ImportRun.FAILED
            and bool(run.export_path)
            and not run.options.get("command"),
        },
    )


# Needs attention, across all runs ---------------------------------------------------------


def still_failing() -> list[int]:
    """Pages an import flagged that exist and still fail the publish gate, newest flag first.

    The gate is asked of each page, which takes a few queries: the answer is kept under the
    content version (which publishing or a photo's change moves on) and the latest flag."""
    latest = ImportProblem.objects.filter(kind=ImportProblem.ATTENTION).aggregate(m=Max("pk"))["m"]
    if latest is None:
        return []
    return remember("import-attention", _failing, latest, timeout=24 * 3600)


def _failing() -> list[int]:
    from masthead.newsroom.gate import publishing_problems
    from masthead.newsroom.models import ArticlePage, SectionPage

    flagged = list(
        ImportProblem.objects.filter(kind=ImportProblem.ATTENTION, page__isnull=False)
        .values("page_id")
        .annotate(latest=Max("pk"))
        .order_by("-latest")
        .values_list("page_id", flat=True)
    )
    sections = {s.path: s for s in SectionPage.objects.all()}
    failing = []
    for start in range(0, len(flagged), 200):
        chunk = flagged[start : start + 200]
        pages = ArticlePage.objects.filter(pk__in=chunk).select_related(
            "article_type", "hero_image"
        ).prefetch_related("article_authors__author")  # fmt: skip
        # The gate's own question, with the parent found from the tree path (None: it is not
        # under a region, and the gate looks it up to say so).
        found = {
            page.pk
            for page in pages
            if publishing_problems(page, parent=sections.get(page.path[: -page.steplen]))
        }
        failing += [pk for pk in chunk if pk in found]
    return failing


def attention(request):
    _check(request)
    from masthead.newsroom.models import ArticlePage

    pages, page_range = _page(request, still_failing(), ROWS_PER_PAGE)
    found = {
        p.pk: p
        for p in ArticlePage.objects.filter(pk__in=list(pages)).select_related(
            "article_type", "hero_image"
        )
    }
    flags = {}
    for problem in (
        ImportProblem.objects.filter(kind=ImportProblem.ATTENTION, page_id__in=list(found))
        .select_related("run")
        .order_by("-pk")
    ):
        flags.setdefault(problem.page_id, problem)
    rows = [
        {"page": found[pk], "reasons": found[pk].publishing_problems(), "flag": flags.get(pk)}
        for pk in pages
        if pk in found
    ]
    return TemplateResponse(
        request,
        "importers/admin/attention.html",
        {"rows": rows, "pages": pages, "elided_page_range": page_range},
    )
