from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "masthead.delivery"
    verbose_name = "Page delivery"
