from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "masthead.core"
    verbose_name = "Core"

    def ready(self):
        from masthead.core import mail  # noqa: F401 - its system check
