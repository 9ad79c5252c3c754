"""Settings safe for production: no secrets, DEBUG off, integrations switched on by variables."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "masthead"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "masthead.core",
    "masthead.delivery",
    "masthead.users",
    "masthead.siteconfig",
    "masthead.images",
    "masthead.newsroom",
    "masthead.feeds",
    "masthead.search",
    "masthead.newsletter",
    "masthead.analytics",
    "masthead.importers",
    "wagtail_footnotes",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "anymail",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    # Two-step sign-in for the admin (masthead/users/twofactor): authenticator apps, recovery
    # codes and passkeys.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost, so a kept page carries every header the rest add (security headers included).
    "masthead.delivery.middleware.PageCacheMiddleware",
    "masthead.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "masthead.delivery.middleware.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second step this session passed; then the admin is closed to a signed-in account
    # that owes one (masthead/users/twofactor/middleware.py).
    "django_otp.middleware.OTPMiddleware",
    "masthead.users.twofactor.middleware.TwoStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends a staff session idle for SESSION_IDLE_TIMEOUT (masthead/users/middleware.py).
    "masthead.users.middleware.IdleSessionMiddleware",
    "masthead.newsroom.middleware.PublishRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "masthead.core.middleware.CSPMiddleware",
    "masthead.core.middleware.SecurityHeadersMiddleware",
    "masthead.core.middleware.AllowedMethodsMiddleware",
    "axes.middleware.AxesMiddleware",
    # Old addresses of an imported archive: plain permalinks (/?p=12), feed/amp/page variants
    # and paths too long for Wagtail's redirects, after Wagtail's own exact redirects.
    "masthead.importers.middleware.OldAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL names another server.
SQLITE_PATH = os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
if os.environ.get("DATABASE_URL"):
    # Connections are kept a minute, and checked before each request's first query: one the
    # server dropped (a restart, a failover) is replaced instead of failing the request.
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                # WAL lets readers and the task worker work beside one writer.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    # One cache for every app server: pages, counts, sign-up limits, login throttling, sessions.
    CACHES = {
        "default": {
            "BACKEND": "masthead.core.cache.PooledRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One machine: a cache on local disk (SQLite files beside the database) that the web
    # server, the task worker, the clock and any shell share, so a purge made by one of them
    # reaches pages kept by another. Never one process's memory.
    CACHES = {
        "default": {
            "BACKEND": "masthead.core.cache.SharedDiskCache",
            "LOCATION": os.environ.get("CACHE_DIR")
            or str(Path(SQLITE_PATH).with_name(Path(SQLITE_PATH).stem + "-cache")),
            "TIMEOUT": 300,
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 1.0,
            "OPTIONS": {"size_limit": int(os.environ.get("CACHE_SIZE_MB", "512")) * 2**20},
        }
    }

# Proxies of ours in front (Varnish, a load balancer): addresses or networks, comma-separated.
# Only a request from one of them has its X-Forwarded-For believed (core.middleware).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Searches one reader's address may make per window (masthead/search/limits.py); 0 for none.
SEARCH_RATE_LIMIT = int(os.environ.get("SEARCH_RATE_LIMIT", "30"))
SEARCH_RATE_WINDOW_SECONDS = int(os.environ.get("SEARCH_RATE_WINDOW_SECONDS", "60"))

# Page delivery (masthead/delivery): the app's full-page cache, and the shared cache in front.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# Parts of pages (an article's text and bylines, the front page's lists), kept under the same
# tags: a page the full-page cache does not hold still renders without most of its queries.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(7 * 24 * 3600)))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# Purges reach a shared cache in front, so it may keep a page long; browsers are not purged.
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "86400"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))
PAGE_CACHE_STALE_IF_ERROR_SECONDS = 86400
# Varnish (or several, comma-separated) in front: purged through Wagtail's frontend cache.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {"BACKEND": "masthead.delivery.backends.VarnishBackend", "LOCATION": url}
    for number, url in enumerate(env_list("VARNISH_URLS"))
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task whose worker goes unseen this long is run again by another (masthead/core/worker.py),
# up to this many runs in all; then it is failed with the reason.
WORKER_LEASE_SECONDS = float(os.environ.get("WORKER_LEASE_SECONDS", "60"))
WORKER_MAX_ATTEMPTS = int(os.environ.get("WORKER_MAX_ATTEMPTS", "3"))

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A signed-in session idle this long in the admin (seconds) is signed out; 0 never. Checked only
# for requests that bring a session cookie: readers' pages stay cookie-free and cacheable.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(30 * 60)))
# The admin draws staff avatars itself: no staff address is sent to Gravatar, and nothing breaks
# where the admin cannot reach it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Admin login throttling (masthead/users/lockout.py), for an hour: five failures lock one
# address out of an account; fifteen from any addresses lock the account itself.
AXES_HANDLER = "masthead.users.lockout.AccountLockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("AXES_ACCOUNT_FAILURE_LIMIT", "15"))  # ours
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["username"]]  # the handler's order
AXES_LOCKOUT_TEMPLATE = "users/login_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Two-step sign-in (masthead/users/twofactor): wrong codes one account may enter before its
# second step is locked, counted in the shared cache, and for how long it then stays locked.
TWO_STEP_FAILURE_LIMIT = int(os.environ.get("TWO_STEP_FAILURE_LIMIT", "5"))
TWO_STEP_LOCKOUT_SECONDS = int(os.environ.get("TWO_STEP_LOCKOUT_SECONDS", "900"))
# Passkeys are a second step after the password, never a sign-in of their own. They belong to
# the domain the admin is reached at, and are checked against the address the browser used
# there (masthead/users/twofactor/passkeys.py), which Django has checked against ALLOWED_HOSTS.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_HELPER_CLASS = "masthead.users.twofactor.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "masthead.users.twofactor.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME_CALLABLE = "masthead.users.twofactor.passkeys.relying_party_name"
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "masthead.users.twofactor.passkeys"
SILENCED_SYSTEM_CHECKS = [
    "otp_webauthn.E030",  # no fixed list of origins: see PasskeyHelper.get_allowed_origins
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage once a bucket is named (the scaled shape): app servers
# keep nothing on their own disk. Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in
# the environment, never from OPTIONS: Wagtail queues the storage's options with file deletions.
MEDIA_ORIGIN = ""
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "")
    _public = urlsplit(
        os.environ.get("MEDIA_PUBLIC_URL")
        or (
            f"{_endpoint.rstrip('/')}/{_bucket}"
            if _endpoint
            else f"https://{_bucket}.s3.amazonaws.com"
        )
    )
    MEDIA_ORIGIN = f"{_public.scheme}://{_public.netloc}"
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": _endpoint or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "us-east-1"),
            "addressing_style": "path",
            "signature_version": "s3v4",
            "querystring_auth": False,  # plain public URLs that a CDN and browsers can keep
            "file_overwrite": False,
            "url_protocol": f"{_public.scheme}:",
            "custom_domain": _public.netloc + _public.path.rstrip("/"),
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Exports and photos uploaded for an import in the admin, kept for the task worker: never under
# MEDIA_ROOT (media is public). In the scaled shape, a folder the app servers and workers share.
IMPORT_DIR = Path(os.environ.get("IMPORT_DIR", BASE_DIR / "var" / "imports"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Email: SMTP by default; console in development.
# Django's SMTP backend with the site's Message-IDs and, when DKIM_* is set, DKIM signatures.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "masthead.core.mail.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# DKIM signing for mail sent straight over SMTP (a provider through anymail signs its own):
# all three, or none. The public key goes in DNS at <selector>._domainkey.<domain>.
DKIM_DOMAIN = os.environ.get("DKIM_DOMAIN", "")
DKIM_SELECTOR = os.environ.get("DKIM_SELECTOR", "")
DKIM_PRIVATE_KEY_FILE = os.environ.get("DKIM_PRIVATE_KEY_FILE", "")

# Seconds an SMTP connection may wait for the server before the send fails (and is retried).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))

# django-anymail's settings: ANYMAIL_<NAME> in the environment is ANYMAIL["<NAME>"], e.g.
# ANYMAIL_WEBHOOK_SECRET (the webhooks' HTTP basic auth "user:password") or
# ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}
ANYMAIL.setdefault("WEBHOOK_SECRET", "")
# Providers' tracking webhooks (bounces, complaints) at /anymail/<provider>/tracking/ are routed
# only for the providers named here (e.g. "postmark"), and only with ANYMAIL_WEBHOOK_SECRET set.
NEWSLETTER_WEBHOOK_PROVIDERS = [name.lower() for name in env_list("NEWSLETTER_WEBHOOK_PROVIDERS")]

# Newsletter sending (see masthead/newsletter/sender.py for what each does)
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "100"))
NEWSLETTER_RATE_PER_SECOND = float(os.environ.get("NEWSLETTER_RATE_PER_SECOND", "0"))
NEWSLETTER_LEASE_SECONDS = float(os.environ.get("NEWSLETTER_LEASE_SECONDS", "120"))
# Sign-ups from all readers together, per minute; past it readers are asked to try again later.
NEWSLETTER_SIGNUPS_PER_MINUTE = int(os.environ.get("NEWSLETTER_SIGNUPS_PER_MINUTE", "60"))

# Security headers; production.py turns on the HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    # The admin ships inline scripts and styles of its own; public pages get the strict policy.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

WAGTAIL_SITE_NAME = "Masthead"
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
# Every image form in the admin: clear errors for damaged files, the rules for live photos.
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.images.forms.PhotoForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "gif": "gif"}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "docx", "xlsx", "txt"]
WAGTAIL_FOOTNOTES_TEXT_FEATURES = ["bold", "italic", "link"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"masthead": {"level": os.environ.get("LOG_LEVEL", "INFO")}},
}
