"""Django settings for Commons.

One module, driven by environment variables. Every choice has a safe local
default, so `make run` needs none of them; production sets DEBUG=0 with at
least SECRET_KEY and ALLOWED_HOSTS (see README, "Configuration").
"""

import os
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    """Returns the boolean value of an environment variable ("1", "true", "yes", "on")."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Returns a comma-separated environment variable as a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name) or default)


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DEBUG", True)
# Under pytest: immediate tasks, per-test cache, fast password hashing.
TESTING = env_bool("COMMONS_TESTING", "pytest" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-not-for-production-use"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Commons
    "accounts",
    "home",
    "networks",
    "blog",
    "comments",
    "consultations",
    "events",
    "languages",
    "health",  # network health: reads comments and the content apps
    "demo",  # the demo loader, on top of every other app
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
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
    # Background work
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, locale, CSRF, messages and CSP: an anonymous reader's
    # hit is answered here, with the headers those gave the page when it was
    # stored and their own CSRF token and cookie (home.middleware).
    "home.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Wagtail's page view routes from the cached site root (home.routing).
    "home.middleware.CachedSiteRootMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that a locked-out login attempt is answered before anything else.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Database ---------------------------------------------------------------
# SQLite by default: WAL journal so readers never wait for the writer,
# IMMEDIATE transactions so writers queue for the lock instead of failing with
# "database is locked" on upgrade, and a busy timeout to wait in that queue.

SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", VAR_DIR / "commons.sqlite3"))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
else:
    # SQLite creates its file, but not the folder it lives in.
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_TIMEOUT", 30),
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=30000;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
            "TEST": {"NAME": os.environ.get("SQLITE_TEST_PATH") or None},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
# Rate limits and email batching must hold across every gunicorn worker, so the
# default cache is one that all processes on the machine share (files), not
# local memory. REDIS_URL switches to Redis for more than one machine.

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "commons",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
if TESTING and not REDIS_URL:
    # Each test process starts with an empty cache; the tests that prove rate
    # limits hold across processes configure a shared cache themselves.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache for anonymous readers (home.page_cache): how long a page is
# kept, in seconds; 0 turns it off. Off under DEBUG, so a template being
# edited shows at once, and under tests, which turn it on where they test it
# (most tests change the database directly and read the page straight after).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG or TESTING else 600)

# A CDN in front (Wagtail's frontend cache), purged with the same URLs as the
# page cache: FRONTEND_CACHE=cloudflare (CLOUDFLARE_API_TOKEN,
# CLOUDFLARE_ZONE_ID), cloudfront (CLOUDFRONT_DISTRIBUTION_ID; needs boto3,
# the "s3" extra) or http (FRONTEND_CACHE_URL: Varnish or any cache that
# takes PURGE requests). FRONTEND_CACHE_HOSTNAMES limits it to some hosts.
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "").strip().lower()
FRONTEND_CACHE_BACKENDS = {
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
    },
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ.get("FRONTEND_CACHE_URL", ""),
    },
}
if FRONTEND_CACHE:
    if FRONTEND_CACHE not in FRONTEND_CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE must be cloudflare, cloudfront or http, not {FRONTEND_CACHE!r}."
        )
    WAGTAILFRONTENDCACHE = {"default": FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE]()}
    if env_list("FRONTEND_CACHE_HOSTNAMES"):
        WAGTAILFRONTENDCACHE["default"]["HOSTNAMES"] = env_list("FRONTEND_CACHE_HOSTNAMES")
# The URLs purged already name each language's address.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Background tasks (django-tasks) -------------------------------------------
# Email and other slow work never happens inside a request: tasks are queued in
# the database and run by `manage.py db_worker`. Tests run them immediately.

TASKS_BACKEND = os.environ.get(
    "TASKS_BACKEND",
    "django_tasks.backends.immediate.ImmediateBackend"
    if TESTING
    else "django_tasks_db.DatabaseBackend",
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

# --- Email --------------------------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Commons <noreply@commons.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Languages ------------------------------------------------------------------
# English first; Polish, Bengali and Urdu for the borough's residents (Urdu
# proves right-to-left layout). Pages are translated with wagtail-localize; the
# site's own words with gettext (locale/ in each app and in site/).

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("pl", "Polski"),
    ("bn", "বাংলা"),
    ("ur", "اردو"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
FORMAT_MODULE_PATH = ["home.formats"]  # British dates for English
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

# --- Static and media -------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads (images, documents): local files under MEDIA_ROOT by default;
# MEDIA_STORAGE=s3 puts them in an S3-compatible bucket (needs the optional
# extra: pip install ".[s3]"), with credentials from the usual AWS_* variables.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").strip().lower()
if MEDIA_STORAGE == "local":
    MEDIA_STORAGE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    if not os.environ.get("MEDIA_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs MEDIA_BUCKET.")
    MEDIA_STORAGE_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_BUCKET"],
            "region_name": os.environ.get("MEDIA_REGION") or None,
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("MEDIA_PREFIX", "media"),
            "default_acl": None,  # the bucket's own policy decides who reads
            "querystring_auth": env_bool("MEDIA_SIGNED_URLS", False),
            "file_overwrite": False,
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0

# --- Security -------------------------------------------------------------------

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's live preview shows the page in a same-origin frame, so frames
    # are allowed from this site only (SAMEORIGIN), never from others.
    "security.W019",
    # HSTS preload is the site owner's decision (it is hard to undo), not a
    # default: SECURE_HSTS_PRELOAD=1 turns it on.
    "security.W021",
]

# Content Security Policy (django-csp 4): only our own scripts and styles;
# embeds (video) may come from the usual providers.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ("/admin/", "/django-admin/"),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Admin login throttling (django-axes): lock an account+IP after 5 failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ENABLED = env_bool("AXES_ENABLED", not TESTING)
# A locked-out login gets the site's "Too many attempts" page (status 429).
AXES_LOCKOUT_TEMPLATE = "429.html"

# How many trusted proxies stand in front of the site, so that the public
# forms' per-IP rate limits (home.defences) read the resident's address from
# X-Forwarded-For. COMMENTS_PROXY_COUNT is its old name, still read.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", env_int("COMMENTS_PROXY_COUNT", 0))
# The public forms' fill-in time and rate limits are the site admins', in the
# admin: Settings → Site settings → Spam defences (home.models.SiteSettings).
# Attendees' names, emails and access needs are removed this many days after an event.
EVENTS_REGISTRATION_RETENTION_DAYS = env_int("EVENTS_REGISTRATION_RETENTION_DAYS", 90)

# --- Wagtail ----------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Commons"
# The public address (https://commons.example.org): written to the Wagtail
# Site after every migrate (home.site_url), so the sitemap, feeds, canonical
# links and JSON-LD use it; `make run` sets it to its own HOST and PORT.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# Absolute links in emails (and the admin's own), the public address unless set.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
# No Gravatar: staff avatars would send a hash of their email to a third party
# (and the CSP blocks the images anyway, leaving a broken picture).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# "Translate this page" makes a draft, never a live page of English text
# under another language's <html lang>: the translation goes live when its
# editor publishes it (languages.publishing names what is still missing).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Logging ----------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
