"""The role groups hold exactly what the table in roles.py says, however often it is applied."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TestCase, TransactionTestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from masthead.core.tests.database import ensure_migrated_rows
from masthead.users import review
from masthead.users.roles import (
    ALL,
    AWAITED,
    CONTRIBUTOR,
    EDITOR,
    PHOTO_EDITOR,
    ROLES,
    apply_roles,
)
from masthead.users.signals import ROLES_MIGRATION, apply_roles_after_migrate

WRITES = ("INSERT", "UPDATE", "DELETE")


def name_of(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def existing_permissions() -> set[str]:
    return {name_of(p) for p in Permission.objects.select_related("content_type")}


def held(group) -> tuple[set[str], set[tuple[int, str]], set[tuple[int, str]]]:
    """What a group holds: model permissions, (page, permission), (collection, permission)."""
    return (
        {name_of(p) for p in group.permissions.select_related("content_type")},
        {
            (row.page_id, name_of(row.permission))
            for row in GroupPagePermission.objects.filter(group=group).select_related(
                "permission__content_type"
            )
        },
        {
            (row.collection_id, name_of(row.permission))
            for row in GroupCollectionPermission.objects.filter(group=group).select_related(
                "permission__content_type"
            )
        },
    )


def snapshot() -> list:
    """Every row the roles are made of, ids included: a delete-and-recreate shows."""
    return [
        sorted(Group.objects.values_list("pk", "name")),
        sorted(Group.permissions.through.objects.values_list("pk", "group_id", "permission_id")),
        sorted(GroupPagePermission.objects.values_list("pk", "group_id", "page_id", "permission")),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "pk", "group_id", "collection_id", "permission"
            )
        ),
    ]


class RoleTableTests(TestCase):
    def assert_groups_match_the_table(self):
        existing = existing_permissions()
        root_page = Page.get_first_root_node().pk
        root_collection = Collection.get_first_root_node().pk
        for role in ROLES:
            with self.subTest(role.name):
                permissions = existing if role.permissions == ALL else set(role.permissions)
                expected = (
                    permissions & existing,
                    {(root_page, name) for name in role.page_permissions},
                    {(root_collection, name) for name in role.collection_permissions},
                )
                self.assertEqual(held(Group.objects.get(name=role.name)), expected)

    def test_the_migrated_groups_hold_exactly_the_table(self):
        self.assert_groups_match_the_table()

    def test_every_permission_the_table_names_exists_or_is_awaited(self):
        named = set()
        for role in ROLES:
            if role.permissions != ALL:
                named |= role.permissions
            named |= role.page_permissions | role.collection_permissions
        self.assertLessEqual(named - existing_permissions(), AWAITED)

    def test_what_each_role_may_do(self):
        """The table read as the newsroom would read it."""
        contributor = held(Group.objects.get(name=CONTRIBUTOR.name))
        pages = {name for _, name in contributor[1]}
        self.assertEqual(pages, {"wagtailcore.add_page"})  # their own pages, never publish
        self.assertFalse(any(name.startswith("newsletter.") for name in contributor[0]))
        editor = held(Group.objects.get(name=EDITOR.name))
        self.assertIn((Page.get_first_root_node().pk, "wagtailcore.publish_page"), editor[1])
        self.assertIn("newsroom.change_author", editor[0])
        photos = held(Group.objects.get(name=PHOTO_EDITOR.name))
        self.assertIn("images.change_live_photo", photos[0])
        self.assertEqual(photos[1], set())
        administrator = Group.objects.get(name="Administrator")
        self.assertEqual(administrator.permissions.count(), Permission.objects.count())

    def test_applying_the_roles_again_changes_nothing(self):
        before = snapshot()
        with CaptureQueriesContext(connection) as queries:
            missing = apply_roles()
        self.assertEqual(snapshot(), before)
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
        self.assertEqual(writes, [])
        self.assertLessEqual(missing, AWAITED)

    def test_applying_the_roles_puts_back_what_was_changed_by_hand(self):
        editor = Group.objects.get(name=EDITOR.name)
        contributor = Group.objects.get(name=CONTRIBUTOR.name)
        europe = Page.get_first_root_node().add_child(title="Europe", slug="europe-x")
        editor.permissions.remove(Permission.objects.get(codename="change_author"))
        contributor.permissions.add(Permission.objects.get(codename="delete_subscription"))
        GroupPagePermission.objects.create(
            group=contributor,
            page=europe,
            permission=Permission.objects.get(codename="publish_page"),
        )
        GroupCollectionPermission.objects.filter(group=editor).delete()
        Group.objects.get(name=PHOTO_EDITOR.name).delete()

        apply_roles()

        self.assert_groups_match_the_table()
        before = snapshot()
        apply_roles()
        self.assertEqual(snapshot(), before)

    def test_a_permission_created_later_is_granted_after_the_next_migrate(self):
        # As when a model is added: its permissions exist only once `migrate` has run.
        Permission.objects.filter(codename="change_author").delete()
        self.assertFalse(Group.objects.filter(permissions__codename="change_author").exists())

        apply_roles_after_migrate(sender=None, using=connection.alias)

        editor = Group.objects.get(name=EDITOR.name)
        self.assertTrue(editor.permissions.filter(codename="change_author").exists())
        self.assert_groups_match_the_table()


class ReviewWorkflowTests(TestCase):
    def test_every_page_is_reviewed_by_the_editors(self):
        root = Page.get_first_root_node()
        assigned = WorkflowPage.objects.get(page=root).workflow
        self.assertEqual(assigned.name, review.WORKFLOW)
        self.assertTrue(assigned.active)
        [task] = [task.specific for task in assigned.tasks.all()]
        self.assertEqual(task.name, review.TASK)
        self.assertEqual([g.name for g in task.groups.all()], [EDITOR.name])
        site_page = root.add_child(title="Another site", slug="another-site")
        self.assertEqual(site_page.get_workflow(), assigned)
        # Wagtail's own default, which the root used to have, is no longer offered.
        self.assertFalse(Workflow.objects.get(name=review.WAGTAIL_DEFAULT_WORKFLOW).active)


class RolesMigrationTests(TransactionTestCase):
    """The migration on a database where nothing of it exists yet, not even the permissions
    (Django makes those after the migrations, which is too late for it)."""

    def migrate(self, target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([target])

    def migrate_to_the_latest(self):
        executor = MigrationExecutor(connection)
        self.migrate(*executor.loader.graph.leaf_nodes("users"))

    def test_the_migration_makes_the_groups_and_the_workflow_from_nothing(self):
        ensure_migrated_rows()  # an earlier transactional test's flush took the tree away
        root = Page.get_first_root_node()
        # Going back to 0001 takes the later migrations away too; the tests after need them.
        self.addCleanup(self.migrate_to_the_latest)
        self.migrate(("users", "0001_initial"))
        Group.objects.all().delete()
        Workflow.objects.all().delete()
        Permission.objects.filter(content_type__app_label__in=["newsroom", "images"]).delete()

        self.migrate(ROLES_MIGRATION)

        existing = existing_permissions()
        self.assertIn("images.change_live_photo", existing)
        for role in ROLES:
            group = Group.objects.get(name=role.name)
            wanted = existing if role.permissions == ALL else role.permissions & existing
            self.assertEqual(held(group)[0], wanted, role.name)
        self.assertEqual(WorkflowPage.objects.get(page=root).workflow.name, review.WORKFLOW)
