from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "masthead.images"
    verbose_name = "Images"
