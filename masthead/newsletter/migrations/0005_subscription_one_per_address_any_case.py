import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0004_subscription_address_any_case"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="subscription",
            constraint=models.UniqueConstraint(
                models.F("newsletter"),
                django.db.models.functions.text.Lower("email"),
                name="one_subscription_per_address",
            ),
        ),
    ]
