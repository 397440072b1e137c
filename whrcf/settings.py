"""
Settings for WHRCF News: one module, every production difference an environment variable
with a safe development default (SQLite, local-memory cache, DEBUG on for localhost only).
"""

import datetime
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
if DEBUG and set(ALLOWED_HOSTS) - {"127.0.0.1", "localhost", "testserver", "[::1]"}:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ALLOWED_HOSTS names public hosts.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# A less obvious admin address keeps most password-guessing robots away.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "whrcf.apps.AxesConfig",
    "django_prose_editor",
    "sorl.thumbnail",
    "rosetta",
    "reversion",
    # The project's apps, each importing only those below it (tests/test_layers.py).
    "whrcf",
    "demo",
    "legacy",
    "search",
    "news",
    "editions",
    "common",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whrcf.middleware.RequestIdMiddleware",
    "whrcf.middleware.PermissionsPolicyMiddleware",
    # Cached pages for anonymous readers, with the headers the middleware below gave them
    # when they were rendered, without running it again (common/page_cache.py).
    "common.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whrcf.middleware.RejectNullCharactersMiddleware",
    # ETags on pages: a reader's browser revalidates and gets a 304 when nothing changed.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before LocaleMiddleware, which would send the old site's /news/?bmode=view&idx=N to
    # our news list: old links are answered first (legacy/middleware.py).
    "legacy.middleware.LegacyURLMiddleware",
    # Before a language is activated: a catalogue saved in /rosetta/ by another process is read again.
    "common.interface_translations.ReloadChangedCataloguesMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "whrcf.middleware.RejectLargeRequestsOfVisitorsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "whrcf.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "whrcf.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Production keeps each thread's connection for a minute rather than connecting on
        # every request; the development server starts a thread per request, so it can't.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0" if DEBUG else "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many readers at once must not hit "database is locked": WAL lets readers run beside
    # the writer, IMMEDIATE transactions take the write lock up front, and writers wait.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not shared-cache memory: only a file has WAL and the busy timeout,
    # which the concurrent view-count test relies on as production does.
    # One file per test process, so that two test runs at once never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"whrcf-test-{os.getpid()}.sqlite3")}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # Redis answers in well under a millisecond: a server that takes longer than
            # this is treated as down (common/cache.py), and pages come from the database.
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The report of missing old-site addresses (legacy/middleware.py) keeps at most this many,
# the least requested dropped first.
MISSING_LEGACY_URLS_MAX = int(os.environ.get("MISSING_LEGACY_URLS_MAX", "1000"))
# After Redis fails to answer, each process leaves it alone this long, then tries again.
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))
# Public pages served from the cache (common/page_cache.py); off only to measure or debug.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# On a miss, how long requests for a page another request is rendering wait for it
# before rendering it themselves (common/page_cache.py: no stampede).
PAGE_CACHE_WAIT_SECONDS = float(os.environ.get("PAGE_CACHE_WAIT_SECONDS", "2"))
# How many pages that have a previous version in the cache one process renders again at
# once (0: no limit); a request for another one meanwhile gets its previous version, so a
# worker always has a thread left for pages from the cache (common/page_cache.py).
PAGE_CACHE_RENDERS_AT_ONCE = int(os.environ.get("PAGE_CACHE_RENDERS_AT_ONCE", "1"))
# When the next scheduled content comes out: a cached page is good until then.
PAGE_CACHE_NEXT_PUBLICATION_FUNCTION = "news.models.next_scheduled_publication"
# What counts the readers of a cached page that counts them (an article's views).
PAGE_CACHE_COUNTER = "news.counting.article_views"
# With Redis, shared by every app server, the view count a page shows is kept there, and
# each process writes the views it counted to the database every this many seconds
# (news/counting.py). Without it (0) each view is counted straight in the database: a
# local-memory cache is not shared between processes.
VIEW_COUNT_FLUSH_SECONDS = float(os.environ.get("VIEW_COUNT_FLUSH_SECONDS", "1")) if REDIS_URL else 0

AUTHENTICATION_BACKENDS = [
    # django-axes first: after 5 failed logins for one user from one address, that user is
    # locked out from that address for an hour (the attempts live in the database, so
    # every app server agrees).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# How many proxies stand in front of the app, each appending the address it was reached
# from to X-Forwarded-For: production runs behind one nginx (deploy/nginx.conf); 0 when
# clients connect to the app server itself. The client's address is the one the outermost
# proxy saw (common/clients.py), for the login lockout as for every per-client limit.
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0" if DEBUG else "1"))
AXES_CLIENT_IP_CALLABLE = "common.clients.client_address"

# Search (search/views.py): searches per reader's address (django-ratelimit's "N/m"), and
# how long one search may run on PostgreSQL before it is cancelled.
SEARCH_RATE = os.environ.get("SEARCH_RATE", "10/m")
SEARCH_TIMEOUT_MS = int(os.environ.get("SEARCH_TIMEOUT_MS", "1000"))
# Results are counted up to this many per kind ("more than 500"), and up to this many
# ranked exactly; past it, in tiers (search/views.py: ranked_ids). 500 rather than 1,000:
# the count reads that many rows, and at 100,000 posts the two-word search's p50 went
# from 51–69 to 41 ms.
SEARCH_COUNT_LIMIT = int(os.environ.get("SEARCH_COUNT_LIMIT", "500"))
# Searches the whole site runs at once (on PostgreSQL); more are answered "search is
# busy" (503). A limit per address cannot bound a flood from many addresses: this does.
SEARCH_CONCURRENCY = int(os.environ.get("SEARCH_CONCURRENCY", "1"))
# A cache that does not answer lets searches through rather than refusing every reader.
RATELIMIT_FAIL_OPEN = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Korean is the default language and the fallback of English content (and the reverse,
# for posts that came from the old English board and have no Korean text).
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ko",), "ko": ("en",)}
# modeltranslation loads jQuery UI from a Google CDN by default; the admin tabs must work
# offline, so it is vendored into static/.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files are served by Django itself in development and, with DJANGO_SERVE_MEDIA,
# on a single small server; a larger deployment lets the web server or object store do it.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)
# Files of content that may not be public yet — attachments, declaration PDFs, the old
# site's attachments — are never served at their media address (the media view and
# deploy/nginx.conf refuse these folders), only by views that check access (common/downloads.py).
PROTECTED_MEDIA_PREFIXES = ["attachments/", "declarations/", "legacy/file/"]
# Behind nginx, those views answer with X-Accel-Redirect to this `internal` location
# (deploy/nginx.conf: `/protected-media/`) and nginx sends the file; empty, the app sends it.
MEDIA_ACCEL_REDIRECT_URL = os.environ.get("DJANGO_MEDIA_ACCEL_REDIRECT_URL", "")
# Development serves static files from the source folders; production from collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploads in an S3-compatible bucket (AWS, MinIO, Cloudflare R2…) instead of MEDIA_ROOT, for
# app servers without a shared disk. Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 itself.
if MEDIA_S3_BUCKET := os.environ.get("DJANGO_MEDIA_S3_BUCKET", ""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("DJANGO_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("DJANGO_MEDIA_S3_CUSTOM_DOMAIN") or None,
            # Public images with stable addresses (cached pages keep them); uploads never
            # replace one another, as the local storage behaves.
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "whrcf.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "whrcf.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json" if env_bool("DJANGO_LOG_JSON", not DEBUG) else None,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's own console handler would print every record a second time.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

# Security. Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
# Load balancers ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No inline or foreign scripts anywhere; inline styles only because the admin uses them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", *env_list("DJANGO_MEDIA_ORIGINS", "")],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Sessions are read from the shared cache and kept in the database, so every app server
# sees the same sessions and a cache restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Form posts beyond these sizes are refused with 400 before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Anyone but staff (readers, the login form) sends small forms: a larger body is refused
# with a 413 before it is read (whrcf/middleware.py).
PUBLIC_REQUEST_MAX_BYTES = 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Uploads (common/images.py, news/attachments.py, editions.models.validate_pdf). Pillow's own decompression-bomb limit,
# Image.MAX_IMAGE_PIXELS, still applies when it is lower.
IMAGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
IMAGE_UPLOAD_MAX_PIXELS = 40_000_000
ATTACHMENT_UPLOAD_MAX_BYTES = 30 * 1024 * 1024

# An editor may change every field in the admin; other staff only translated ones
# (common/permissions.py). Whoever may publish posts is an editor.
EDITOR_PERMISSION = "news.publish_post"

# django-rosetta: .po files edited in the browser at /rosetta/ by superusers and the
# Translators group; machine-translation suggestions (an outside service) stay off.
ROSETTA_ACCESS_CONTROL_FUNCTION = "common.permissions.can_translate_interface"
ROSETTA_LOGIN_URL = "admin:login"
ROSETTA_ENABLE_TRANSLATION_SUGGESTIONS = False
ROSETTA_SHOW_AT_ADMIN_PANEL = True
# Translators see the project's own catalogue (locale/) and nothing else: no installed app's,
# not Django's (whrcf/urls.py answers 404 to the "django", "third-party" and "all" lists).
ROSETTA_EXCLUDED_APPLICATIONS = INSTALLED_APPS
ROSETTA_POFILENAMES = ("django.po",)
