from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "masthead.images"
    verbose_name = "Images"

    def ready(self):
        from masthead.images import signals  # noqa: F401
