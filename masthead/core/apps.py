from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "masthead.core"
    verbose_name = "Core"
