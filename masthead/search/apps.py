from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "masthead.search"
    label = "site_search"  # "search" is too close to Wagtail's own search app
    verbose_name = "Search"
