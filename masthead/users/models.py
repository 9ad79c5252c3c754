from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The newsroom's accounts; custom from the first migration so fields can be added later."""

    class Meta:
        db_table = "users_user"
