"""Shared by the transactional tests: the rows `migrate` makes, put back after a flush, and
tests of a migration."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase


def ensure_migrated_rows() -> None:
    """Put back what `migrate` makes that an earlier test emptying the tables took away (a
    transactional test's flush leaves content types, but not Wagtail's root page, root
    collection, default locale, "Welcome" page and Site). Does nothing on an intact database.
    Django's serialized_rollback cannot: the flush before it has made the content types again."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    ContentType.objects.clear_cache()  # ids change when a flush makes them again
    if Page.objects.exists():
        return
    locale = Locale.objects.first() or Locale.objects.create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    common = {"content_type": ContentType.objects.get_for_model(Page), "locale": locale}
    # The ids a new database gives them, as a restored archive expects of a fresh site.
    # bulk_create: Page.save() takes a page with an id for one that exists.
    root = Page(
        pk=1, title="Root", slug="root", path="0001", depth=1, numchild=1, url_path="/", **common
    )
    welcome = Page(
        pk=2,
        title="Welcome to your new Wagtail site!",
        slug="home",
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        **common,
    )
    Page.objects.bulk_create([root, welcome])
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    with connection.cursor() as cursor:  # PostgreSQL: the next page's id follows on
        for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
            cursor.execute(sql)


class MigrationTestCase(TransactionTestCase):
    """A test that takes the database back to some migrations, and forward again after."""

    def migrate(self, targets):
        """Migrate to `targets`; answers the apps as they were then, to make rows with."""
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    def tearDown(self):
        # Back to the latest migrations, for the tests after this one.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
