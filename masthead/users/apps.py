from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "masthead.users"
    verbose_name = "Users"
