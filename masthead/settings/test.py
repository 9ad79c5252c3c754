"""Tests: locmem email and cache, a fast hasher, immediate tasks; the database from the env."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Worker processes that tests start read their mail server from the environment.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests render pages afresh; masthead/delivery/tests turn the page cache on where they test it.
PAGE_CACHE = env_bool("PAGE_CACHE", False)  # noqa: F405
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", False)  # noqa: F405
# Tests search from one address many times a minute; search/tests/test_limits.py turns it on.
SEARCH_RATE_LIMIT = 0
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# `make test` runs the SQLite and PostgreSQL suites side by side: files each suite writes live
# apart.
_RUN = DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]  # noqa: F405
MEDIA_ROOT = BASE_DIR / "var" / f"test-media-{_RUN}"  # noqa: F405
IMPORT_DIR = BASE_DIR / "var" / f"test-imports-{_RUN}"  # noqa: F405
ALLOWED_HOSTS = ["*"]
SERVE_MEDIA = True
LOGGING["loggers"]["masthead"]["level"] = "WARNING"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, not memory, so worker processes that tests start see the same database.
    (BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
    test_db = os.environ.get("TEST_SQLITE_PATH", str(BASE_DIR / "var" / "test-db.sqlite3"))  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": test_db}  # noqa: F405
ANYMAIL = {
    "WEBHOOK_SECRET": "tracker:test-only-secret",
    # Every provider's webhook is routed in tests; these are the keys some of them need.
    "MAILERSEND_SIGNING_SECRET": "test-only-mailersend",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "test-only-mailgun",
    "POSTAL_WEBHOOK_KEY": "test-only-postal",
    "UNISENDER_GO_API_KEY": "test-only-unisender",
}
NEWSLETTER_WEBHOOK_PROVIDERS = [
    *["amazon_ses", "brevo", "mailersend", "mailgun", "mailjet", "mailtrap", "mandrill"],
    *["postal", "postmark", "resend", "sendgrid", "sendinblue", "sparkpost", "unisender_go"],
]
