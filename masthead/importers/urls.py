"""The import's admin pages, under /admin/import/ (wagtail_hooks.py)."""

from django.urls import path

from masthead.importers import views

app_name = "importers_admin"

urlpatterns = [
    path("", views.index, name="index"),
    path("attention/", views.attention, name="attention"),
    path("<int:pk>/", views.run_page, name="run"),
    path("<int:pk>/start/", views.start, name="start"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/progress/", views.progress, name="progress"),
]
