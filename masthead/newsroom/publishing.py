"""Putting an article live: every publication of a revision passes the publish gate.

Wagtail publishes a revision through `page.publish()` (bulk actions, scheduled go-live, workflow
approval, the create view and any code calling `revision.publish()`); `ArticlePage.publish()`
hands it to `GatedPublishPageRevisionAction`, which asks `gate.publishing_problems()` of the
revision's content with today's photo records before anything is written. The edit view runs
the same rules through `ArticlePageForm`; what reaches readers another way (a copy kept live,
the admin API) is caught by `unpublish_failing_article` on `page_published`.
"""

import logging

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from masthead.newsroom.gate import PublishRefused, publishing_problems

logger = logging.getLogger(__name__)

# The log action Wagtail's `publish_scheduled` command publishes with: how a scheduled go-live
# is told from an editor's publish, which must be refused to the editor's face instead.
SCHEDULED_GO_LIVE = "wagtail.publish.scheduled"
HELD = "newsroom.publish.held"
UNPUBLISHED_BY_GATE = "newsroom.unpublish.gate"


class GatedPublishPageRevisionAction(PublishPageRevisionAction):
    """Wagtail's publish, refused (or, for a scheduled go-live, held) when the gate says no."""

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        problems = publishing_problems(self.object)
        if not problems:
            # The backstop on page_published need not ask the same question again.
            self.object.passed_publish_gate = True
            return super().execute(skip_permission_checks=True)
        if self.log_action == SCHEDULED_GO_LIVE:
            # Raising would stop `publish_scheduled` before the pages due after this one, every
            # minute. The revision keeps its go-live time, so it goes out at the first run after
            # the desk fixes what is missing.
            hold_scheduled_revision(page=self.object, revision=self.revision, problems=problems)
            return None
        raise PublishRefused(self.object, problems)


def hold_scheduled_revision(*, page, revision, problems: list[str]) -> None:
    """Leave a due revision scheduled and say why, once per revision and set of reasons."""
    logger.warning(
        "Scheduled publication held back: page=%s revision=%s problems=%d",
        page.pk,
        revision.pk,
        len(problems),
    )
    last = (
        PageLogEntry.objects.filter(page_id=page.pk, action=HELD, revision_id=revision.pk)
        .order_by("-timestamp", "-pk")
        .values_list("data", flat=True)
        .first()
    )
    if last is None or last.get("problems") != problems:
        log(
            instance=page,
            action=HELD,
            data={"problems": problems, "revision": {"id": revision.pk}},
            revision=revision,
            content_changed=False,
        )


def scheduled_problems(page) -> tuple[object, list[str]]:
    """The revision of `page` waiting to go live, and what would stop it (today's photos)."""
    revision = page.revisions.filter(approved_go_live_at__isnull=False).first()
    if revision is None:
        return None, []
    return revision, publishing_problems(revision.as_object())


def unpublish_failing_article(instance, **kwargs) -> None:
    """The backstop on `page_published`: an article that went live by a path Wagtail does not
    route through `page.publish()` (a copy kept live, the admin API) and fails the gate is taken
    down again at once, with the reasons in its history."""
    if getattr(instance, "passed_publish_gate", False):
        return  # published through the gated action, which has just checked it
    problems = publishing_problems(instance)
    if not problems:
        return
    logger.warning("Article went live failing the publish gate, unpublished: page=%s", instance.pk)
    instance.unpublish(log_action=False)
    log(instance=instance, action=UNPUBLISHED_BY_GATE, data={"problems": problems})


def refuse_failing_move(instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """On `pre_page_move`, before anything changes: a live article may only move where it
    still passes the gate (under a region)."""
    article = instance.specific
    if not article.live or parent_page_after.pk == parent_page_before.pk:
        return
    problems = publishing_problems(article, parent=parent_page_after)
    if problems:
        raise PublishRefused(article, problems, doing=f"moved under “{parent_page_after.title}”")
