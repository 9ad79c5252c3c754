import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings.production")
django_application = get_wsgi_application()
# Needs the settings module, so imported after it is set.
from masthead.analytics.ingest import CountingApp  # noqa: E402
from masthead.delivery.wsgi import CachedPagesApp  # noqa: E402

# Counting first (its endpoint never reaches a page), then kept pages, then Django.
application = CountingApp(CachedPagesApp(django_application))
