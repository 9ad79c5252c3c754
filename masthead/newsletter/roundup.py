"""The weekly round-up: the week's published pieces gathered by region into a draft issue."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from masthead.newsletter.models import Issue, IssueItem, Newsletter
from masthead.newsroom import queries

# A piece is gathered by the tick after it was published; this overlap catches one whose publish
# was still being committed when the previous tick looked.
GATHER_OVERLAP = timedelta(minutes=2)


def draft_roundup(
    *,
    newsletter: Newsletter,
    week_ending: date | None = None,
    now: datetime | None = None,
    keep_empty: bool = True,
) -> Issue | None:
    """The week's published pieces grouped by region, as a draft issue (made once per week).

    The week runs from the day after the previous send day to the end of the send day, or from
    where last week's issue stopped gathering when there is one: what it missed because it was
    scheduled or sent before its week was over opens this one, so every piece is in one
    round-up, and none in two.

    While the draft is neither scheduled nor sent, calling this again adds what was published
    since, each piece at the head of its region. What an editor removed or reordered stays
    as they left it: only pieces published after the last gathering are added. With
    `keep_empty` off, a new issue that would hold nothing is not made (None).
    """
    now = now or timezone.now()
    week_ending = week_ending or timezone.localdate(now)
    start = timezone.make_aware(datetime.combine(week_ending - timedelta(days=6), time.min))
    end = timezone.make_aware(datetime.combine(week_ending + timedelta(days=1), time.min))
    with transaction.atomic():
        issue, created = _issue_for_week(newsletter, week_ending, timezone.localdate(now))
        if issue.state != Issue.State.DRAFT or issue.scheduled_for is not None:
            return issue  # an editor has approved what it holds
        since, already = start, IssueItem.objects.filter(issue=issue)
        if not created and issue.gathered_until is not None:
            since = max(start, issue.gathered_until - GATHER_OVERLAP)
        else:
            # This one starts where last week's issue stopped looking: what that issue missed
            # (published after it was scheduled, or on its send day after it went out) opens
            # this one, and what it held is not repeated (the send day may have moved).
            previous = (
                Issue.objects.filter(
                    newsletter=newsletter,
                    week_of__gte=week_ending - timedelta(days=7),
                    week_of__lt=week_ending,
                    gathered_until__isnull=False,
                )
                .order_by("-week_of")
                .first()
            )
            if previous is not None:
                since = previous.gathered_until - GATHER_OVERLAP
                already = IssueItem.objects.filter(issue__in=[issue, previous])
        if since >= end:
            return issue
        seen = issue.gathered_recently
        fresh = list(
            queries.stories()
            .filter(first_published_at__gte=since, first_published_at__lt=end)
            .exclude(pk__in=already.values("article_id"))
            .exclude(pk__in=[int(pk) for pk in seen])
        )
        if created and not fresh and not keep_empty:
            # Undone, not deleted: saving it queued Wagtail's reference-index task, which
            # would fail on the worker every tick of an empty week (the issue gone by then).
            transaction.set_rollback(True)
            return None
        # What the next tick will look at again: remember what this one gathered there.
        horizon = now - GATHER_OVERLAP
        recently = {
            pk: when for pk, when in seen.items() if datetime.fromisoformat(when) >= horizon
        }
        for article in fresh:
            if article.first_published_at >= horizon:
                recently[str(article.pk)] = article.first_published_at.isoformat()
        issue.gathered_until, issue.gathered_recently = now, recently
        if fresh:
            _insert_by_region(issue, fresh)
            # Saved, so that Wagtail indexes the issue's new references.
            issue.save(update_fields=["gathered_until", "gathered_recently"])
        else:  # most ticks: only the marks move, with no signal (and no reindexing task)
            Issue.objects.filter(pk=issue.pk).update(gathered_until=now, gathered_recently=recently)
    return issue


def _subject(newsletter: Newsletter, week_ending: date) -> str:
    return f"{newsletter.name}: the week to {week_ending:%-d %B %Y}"


def _issue_for_week(newsletter: Newsletter, week_ending: date, today: date) -> tuple[Issue, bool]:
    """The week's issue, locked against a concurrent tick or form save, and whether it is new.

    When editors moved the send day while the coming issue's draft was open, that draft, with
    what they wrote and chose, becomes the issue of the new day rather than being left behind
    beside a new one. (A draft whose day has passed is last week's, and stays as it is.)"""
    slug = f"{newsletter.slug}-{week_ending.isoformat()}"
    issues = Issue.objects.select_for_update().filter(newsletter=newsletter)
    issue = issues.filter(slug=slug).first()
    if issue is not None:
        return issue, False
    draft = (
        issues.filter(
            state=Issue.State.DRAFT,
            scheduled_for__isnull=True,
            gathered_until__isnull=False,  # the clock's own, not one an editor began by hand
            week_of__gte=today,
            week_of__lt=today + timedelta(days=7),
        )
        .order_by("week_of")
        .first()
    )
    if draft is not None:
        if draft.subject == _subject(newsletter, draft.week_of):  # not one an editor wrote
            draft.subject = _subject(newsletter, week_ending)
        draft.week_of, draft.slug = week_ending, slug
        draft.save(update_fields=["subject", "week_of", "slug"])
        return draft, False
    issue, created = Issue.objects.get_or_create(
        newsletter=newsletter,
        slug=slug,
        defaults={"subject": _subject(newsletter, week_ending), "week_of": week_ending},
    )
    if not created:  # another tick made it a moment ago
        issue = issues.get(pk=issue.pk)
    return issue, created


def _insert_by_region(issue: Issue, fresh: list) -> None:
    """Add the pieces to the issue, each at the head of its region's stories: newest on top.
    The stories already there keep their order, as an editor may have set it."""
    items = list(issue.items.select_related("article").order_by("sort_order"))
    newcomers = [IssueItem(issue=issue, article=article) for article in fresh]
    items = _place_by_region(items, newcomers)
    kept = [item for item in items if item.pk is not None]
    IssueItem.objects.bulk_create([item for item in items if item.pk is None])
    IssueItem.objects.bulk_update(kept, ["sort_order"])


def _place_by_region(items: list[IssueItem], newcomers: list[IssueItem]) -> list[IssueItem]:
    """`items` in their order, with each newcomer at the head of its region's stories (regions
    in the navigation's order; of several newcomers in one region, the newest first), each
    with its new `sort_order`."""
    order = {section.path: index for index, section in enumerate(queries.live_sections())}

    def rank(article):  # its region's place in the navigation
        return order.get(article.path[: -Page.steplen], len(order))

    items = list(items)
    for newcomer in sorted(
        newcomers, key=lambda i: (rank(i.article), i.article.first_published_at)
    ):
        position = next(
            (n for n, item in enumerate(items) if rank(item.article) >= rank(newcomer.article)),
            len(items),
        )
        items.insert(position, newcomer)
    for number, item in enumerate(items):
        item.sort_order = number
    return items


def keep_gathered_since_form(issue: Issue, shown: set[int]) -> None:
    """After an editor saved the issue's stories as their form showed them: place the stories
    the clock added while the form was open (items not in `shown`) at the head of their regions
    in the editor's new order, and drop any the editor had added themselves meanwhile."""
    with transaction.atomic():
        Issue.objects.select_for_update().filter(pk=issue.pk).first()  # waits for a tick
        items = list(issue.items.select_related("article").order_by("sort_order", "pk"))
        edited = [item for item in items if item.pk in shown]
        chosen = {item.article_id for item in edited}
        added = [item for item in items if item.pk not in shown]
        if not added:
            return
        IssueItem.objects.filter(pk__in=[i.pk for i in added if i.article_id in chosen]).delete()
        added = [item for item in added if item.article_id not in chosen]
        IssueItem.objects.bulk_update(_place_by_region(edited, added), ["sort_order"])


def corrections_for(issue: Issue) -> list:
    """The corrections an issue opens with: those made since the newsletter's previous issue
    went out (and, for a sent issue, before it went), to pieces an earlier issue carried, so
    the readers who got a piece hear that it was wrong. Oldest first, each with its `page`."""
    if issue.is_notice:
        return []
    earlier = Issue.objects.filter(
        newsletter=issue.newsletter, state=Issue.State.SENT, correction_key__isnull=True
    )
    if issue.sent_at:
        earlier = earlier.filter(sent_at__lt=issue.sent_at)
    previous = earlier.order_by("-sent_at").values_list("sent_at", flat=True).first()
    if previous is None:
        return []  # no issue went out before: nobody got a piece from us yet
    carried = IssueItem.objects.filter(issue__in=earlier).values("article_id")
    found = queries.corrections().filter(page_id__in=carried, made_at__gt=previous)
    if issue.sent_at:
        found = found.filter(made_at__lte=issue.sent_at)
    return list(reversed(found))
