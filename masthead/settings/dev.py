"""Development: DEBUG on, console email, SQLite in the project folder."""

import os

from .base import *  # noqa: F403

# The demo runs with DEBUG off so readers see the real 404 and 500 pages; DEBUG=1 turns it on.
DEBUG = env_bool("DEBUG", False)  # noqa: F405
SERVE_MEDIA = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-masthead")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
