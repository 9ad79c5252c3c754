from django.apps import AppConfig


class SiteconfigConfig(AppConfig):
    name = "masthead.siteconfig"
    verbose_name = "Site settings"
