import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.production")
from masthead.delivery.wsgi import CachedPagesApp  # noqa: E402 - needs the settings module

application = CachedPagesApp(get_wsgi_application())
