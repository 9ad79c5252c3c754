"""The admin's own ways of publishing, put behind the publish gate.

Wagtail's bulk "Publish" and the admin API's publish action call the publish action themselves;
these replace them (registered in wagtail_hooks.py) so that an article the gate stops stays as
it is and the editor is told which one and why.
"""

from django.db import transaction
from wagtail.admin import messages
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.pages.bulk_actions import PublishBulkAction

from masthead.newsroom.gate import PublishRefused
from masthead.newsroom.publishing import GatedPublishPageRevisionAction


class GatedPublishBulkAction(PublishBulkAction):
    """ "Publish" on the page listing, page by page: the pages the gate stops are listed with
    their reasons, the others go live."""

    def execute_action(self, objects, include_descendants=False, user=None, **kwargs):
        self.refused: list[PublishRefused] = []
        published = descendants = 0
        for page in objects:
            published += self.publish_one(page, user)
            if not include_descendants:
                continue
            drafts = page.get_descendants().not_live().defer_streamfields().specific()
            for draft in drafts.iterator():
                if user is None or draft.permissions_for_user(user).can_publish():
                    descendants += self.publish_one(draft, user)
        return published, descendants

    def publish_one(self, page, user) -> int:
        revision = page.get_latest_revision() or page.specific.save_revision(user=user)
        try:
            with transaction.atomic():
                revision.publish(user=user)
        except PublishRefused as refusal:
            self.refused.append(refusal)
            return 0
        return 1

    def get_success_message(self, num_parent_objects, num_child_objects):
        for refusal in self.refused:
            messages.error(self.request, f"Not published. {refusal.summary}")
        if not (num_parent_objects or num_child_objects):
            return None
        return super().get_success_message(num_parent_objects, num_child_objects)


class GatedPublishPageAPIAction(PublishPageAPIAction):
    """The admin API's publish: refused as bad input (400, with the reasons) by the gate."""

    def _action_from_data(self, instance, data):
        action = super()._action_from_data(instance, data)
        return GatedPublishPageRevisionAction(action.revision, user=action.user)


class GatedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": GatedPublishPageAPIAction}
