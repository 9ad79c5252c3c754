"""The newsroom's roles as groups (masthead/users/roles.py) and the default review workflow.

Django creates permissions after the migrations (post_migrate), so on a fresh database they are
created here first. The roles are applied again after every migrate (masthead/users/signals.py),
which grants the permissions of models added later.
"""

from django.db import migrations

from masthead.users.review import install_review_workflow
from masthead.users.roles import apply_roles
from masthead.users.signals import create_all_permissions


def roles_and_review(apps, schema_editor):
    using = schema_editor.connection.alias
    create_all_permissions(apps=apps, using=using)
    apply_roles(apps=apps, using=using)
    install_review_workflow(apps=apps, using=using)


class Migration(migrations.Migration):

    dependencies = [
        ("users", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("images", "0003_suggested_metadata_and_live_photo_permission"),
        ("newsroom", "0003_body_quote_table_blocks"),
        ("newsletter", "0005_subscription_one_per_address_any_case"),
    ]

    operations = [
        migrations.RunPython(roles_and_review, migrations.RunPython.noop, elidable=False),
    ]
