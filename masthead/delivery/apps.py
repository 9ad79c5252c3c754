from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "masthead.delivery"
    verbose_name = "Page delivery"

    def ready(self):
        from masthead.delivery import wagtail_hooks  # noqa: F401
