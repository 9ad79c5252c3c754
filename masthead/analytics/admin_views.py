"""The readership screens in the admin: the whole site's, and one piece's. Every table is also a
CSV (`?csv=<table>`); nothing in them identifies a reader."""

import csv
from datetime import UTC, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from masthead.analytics import charts, reports

PERMISSION = "analytics.view_readership"


def _allowed(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _period(request) -> str:
    period = request.GET.get("period", "day")
    return period if period in reports.PERIODS else "day"


def _table(title: str, columns: list[tuple[str, str]], rows: list[dict], name: str) -> dict:
    return {"title": title, "columns": columns, "rows": rows, "name": name}


def _csv(table: dict, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{table["name"]}.csv"'
    writer = csv.writer(response)
    writer.writerow([label for _key, label in table["columns"]])
    for row in table["rows"]:
        writer.writerow([row.get(key, "") for key, _label in table["columns"]])
    return response


def _answer(request, template: str, context: dict, filename: str):
    wanted = request.GET.get("csv")
    if wanted:
        table = next((t for t in context["tables"] if t["name"] == wanted), None)
        if table is None:
            raise Http404(f"No table called {wanted!r} here")
        return _csv(table, filename)
    return TemplateResponse(request, template, context)


def _over_time_table(series) -> dict:
    rows = [
        {"label": b.label, "views": b.views, "visitors": b.visitors,
         "newsletter_views": b.newsletter_views}
        for b in series
    ]  # fmt: skip
    columns = [("label", "Period"), ("views", "Views"), ("visitors", "Visitors"),
               ("newsletter_views", "From the newsletter")]  # fmt: skip
    return _table("Over time", columns, rows, "over-time")


def dashboard(request):
    _allowed(request)
    period = _period(request)
    today = datetime.now(UTC).date()
    report = reports.site_report(period, today)
    series = report["series"]
    start = series[0].start
    named = [("name", "Name"), ("views", "Views"), ("visitors", "Visitors")]
    tables = [
        _over_time_table(series),
        _table(
            "Read most",
            [
                ("title", "Piece"),
                ("views", "Views"),
                ("visitors", "Visitors"),
                ("newsletter_views", "From the newsletter"),
                ("read_to_end", "Read to the end (%)"),
            ],
            [
                {**row, "link": reverse("analytics_page", args=[row["page_id"]])}
                if row["found"]
                else row
                for row in report["pieces"]
            ],
            "pieces",
        ),  # fmt: skip
        _table("By region", named, report["regions"], "regions"),
        _table("By article type", named, report["types"], "types"),
        _table("By author", named, report["authors"], "authors"),
        _table(
            "Where readers came from",
            [("name", "Site"), ("source", "Source (utm_source or ref)"), ("views", "Views")],
            report["referrers"],
            "referrers",
        ),
        _table(
            "Devices",
            [("name", "Device"), ("views", "Views")],
            report["devices"],
            "devices",
        ),  # fmt: skip
    ]
    issues, stories = reports.newsletter_issues()
    signed, pages = reports.signups(period, today)
    tables += [
        _table(
            "Newsletter issues",
            [("name", "Issue"), ("sent", "Sent"), ("delivered", "Delivered"),
             ("bounced", "Bounced"), ("failed", "Failed"), ("complaints", "Complaints"),
             ("arrivals", "Readers arriving"), ("unsubscribed", "Unsubscribed before the next")],
            issues,
            "issues",
        ),
        _table("Readers each story brought",
               [("name", "Issue"), ("story", "Story"), ("arrivals", "Readers arriving")],
               stories, "issue-stories"),
        _table(
            "Newsletter sign-ups",
            [("label", "Period"), ("signups", "Signed up"), ("confirmed", "Confirmed")],
            [{"label": b.label, "signups": b.views, "confirmed": b.visitors} for b in signed],
            "signups",
        ),
        _table("Sign-ups by page", [("name", "Page"), ("signups", "Signed up")], pages,
               "signup-pages"),
    ]  # fmt: skip
    context = {
        "title": "Readership",
        "period": period,
        "periods": reports.PERIODS,
        "since": start,
        "tables": tables,
        "views_chart": charts.bars([(b.label, b.views) for b in series], title="Views"),
        "newsletter_chart": charts.bars(
            [(b.label, b.newsletter_views) for b in series],
            title="Readers arriving from the newsletter",
        ),
        "totals": {
            "views": sum(b.views for b in series),
            "visitors": sum(b.visitors for b in series),
            "newsletter_views": sum(b.newsletter_views for b in series),
        },
    }
    return _answer(request, "analytics/admin/dashboard.html", context, f"readership-{period}")


def page_readership(request, page_id: int):
    """One piece's readership since it was published."""
    _allowed(request)
    page = get_object_or_404(Page, pk=page_id).specific
    period = _period(request)
    today = datetime.now(UTC).date()
    series = reports.over_time(period, today, page_id=page.pk)
    published = page.first_published_at.date() if page.first_published_at else series[0].start
    start = max(series[0].start, published - timedelta(days=1))
    series = [b for b in series if reports.bucket_start(published, period) <= b.start] or series
    totals = reports.page_totals(page.pk, series[0].start, today)
    tables = [
        _over_time_table(series),
        _table(
            "Where its readers came from",
            [("name", "Site"), ("source", "Source (utm_source or ref)"), ("views", "Views")],
            reports.referrers(start, today, page_id=page.pk),
            "referrers",
        ),
    ]
    context = {
        "title": f"Readership: {page.title}",
        "page": page,
        "period": period,
        "periods": reports.PERIODS,
        "since": series[0].start,
        "tables": tables,
        "totals": totals,
        "views_chart": charts.bars([(b.label, b.views) for b in series], title="Views"),
    }
    return _answer(request, "analytics/admin/page.html", context, f"readership-{page.slug}")
