"""The default review: every page goes through "Editor approval" before it goes live.

A Wagtail workflow assigned to the root of the page tree, so it covers every page of every site
that has no workflow of its own. A Contributor submits; an Editor approves (which publishes, through
the publish gate) or asks for changes. Installed once, by the migration `users/0002`: after that
the workflow is the outlet's to change in *Settings → Workflows*.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, transaction

from masthead.users.roles import EDITOR

WORKFLOW = "Editorial review"
TASK = "Editor approval"
# What Wagtail's own migration (wagtailcore 0048) assigns to the root page, for its "Moderators".
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def install_review_workflow(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the workflow and its task (once: found again by name) and assign it to the root
    page in place of Wagtail's default, which is disabled when nothing else uses it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.using(using).filter(depth=1).order_by("path").first()
    if root is None:
        return
    with transaction.atomic(using=using):
        task = GroupApprovalTask.objects.using(using).filter(name=TASK).first()
        if task is None:
            # Wagtail's Task.save() sets the content type; a migration's model has no such save.
            content_type, _ = ContentType.objects.using(using).get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )
            task = GroupApprovalTask.objects.using(using).create(
                name=TASK, content_type=content_type, active=True
            )
        task.groups.set([Group.objects.using(using).get(name=EDITOR.name)])
        workflow, _ = Workflow.objects.using(using).get_or_create(
            name=WORKFLOW, defaults={"active": True}
        )
        WorkflowTask.objects.using(using).get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
        )
        replaced = WorkflowPage.objects.using(using).filter(page=root).first()
        WorkflowPage.objects.using(using).update_or_create(
            page=root, defaults={"workflow": workflow}
        )
        if replaced is not None and replaced.workflow_id != workflow.pk:
            _retire_if_unused(apps, using, replaced.workflow_id)


def _retire_if_unused(apps, using: str, workflow_id: int) -> None:
    """Disable Wagtail's default workflow once the root no longer uses it, if nothing else does
    either (no page, no snippet type, no page in review): it would only confuse the choice."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    workflow = Workflow.objects.using(using).get(pk=workflow_id)
    in_use = (
        WorkflowPage.objects.using(using).filter(workflow=workflow).exists()
        or WorkflowContentType.objects.using(using).filter(workflow=workflow).exists()
        or WorkflowState.objects.using(using)
        .filter(workflow=workflow, status="in_progress")
        .exists()
    )
    if workflow.name == WAGTAIL_DEFAULT_WORKFLOW and not in_use:
        workflow.active = False
        workflow.save(update_fields=["active"])
