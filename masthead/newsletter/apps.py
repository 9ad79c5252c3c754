from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "masthead.newsletter"
    verbose_name = "Newsletter"

    def ready(self):
        from masthead.newsletter import checks, signals  # noqa: F401
