from django.apps import AppConfig


class SiteconfigConfig(AppConfig):
    name = "masthead.siteconfig"
    verbose_name = "Site settings"

    def ready(self):
        from django.db.models.signals import post_save

        from masthead.siteconfig.models import SiteSettings
        from masthead.siteconfig.signals import queue_logo_renditions

        post_save.connect(
            queue_logo_renditions, sender=SiteSettings, dispatch_uid="logo-renditions"
        )
