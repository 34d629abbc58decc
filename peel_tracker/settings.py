"""Settings for PEEL Tracker, driven by environment variables (see docs/settings.md)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean strictly: only 'true' or 'false' (any case); anything else is an error."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value not in {"true", "false"}:
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {raw!r}.")
    return value == "true"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is not 'true'.")
    # Only for local development: a debug server with no real data behind it.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "csp",
    "axes",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "inspections",
    "recommendations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signed-in pages and exports are never kept by browsers or shared caches.
    "peel_tracker.private_responses.PrivateResponsesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records request.user as the author of each change django-simple-history saves.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it throttles repeated failed sign-ins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peel_tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peel_tracker.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "peel_tracker.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: on the exports' queries (100,000+ rows, a subquery per row) PostgreSQL
    # chose it and spent 0.8 s compiling each time; this app's queries never win it back.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# On PostgreSQL, the role the application servers connect as, when it is not the role that owns
# the tables and runs `migrate` (docs/deploy.md): each migrate, run as the owner, grants it what
# it needs and no more: on the history tables, only SELECT and INSERT.
DATABASE_APP_ROLE = os.environ.get("DJANGO_DB_APP_ROLE", "").strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: "default" holds counts and aggregates (recommendations.freshness); "pages" holds
# rendered pages and CSV exports (peel_tracker.page_cache), at most 200 entries of up to 1 MB.
# Entries are keyed by the record's version, so a change made in one process is seen by every
# other on its next request, shared cache or not. By default each process keeps its own (in
# memory); with DJANGO_CACHE_DIR the processes on this machine share files in that directory,
# so a page is rendered once for all of them.
# With REDIS_URL, every application server (on any machine) shares one Redis: the caches, and
# the sessions' cache (sessions stay in the database too, so a Redis restart signs nobody out).
CACHE_DIR = os.environ.get("DJANGO_CACHE_DIR", "")
REDIS_URL = os.environ.get("REDIS_URL", "")


def _cache(name: str, **options) -> dict:
    if REDIS_URL:
        # Redis bounds its memory itself (maxmemory with an LRU policy; docs/deploy.md).
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"peel-tracker:{name}",
        }
    if CACHE_DIR:
        backend, location = "filebased.FileBasedCache", str(Path(CACHE_DIR) / name)
    else:
        backend, location = "locmem.LocMemCache", name
    return {
        "BACKEND": f"django.core.cache.backends.{backend}",
        "LOCATION": location,
        "OPTIONS": options,
    }


CACHES = {"default": _cache("record"), "pages": _cache("pages", MAX_ENTRIES=200)}
if REDIS_URL:
    CACHES["sessions"] = _cache("sessions")
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
# How long a rendered page or export is kept at most (seconds); 0 renders every request.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/build/ is compiled from GOV.UK Frontend by `make install` (npm run build).
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed, compressed file names (after collectstatic) in production; plain files in development
# and tests, where no manifest has been built.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
# Without a collected manifest, let WhiteNoise serve straight from the source folders.
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out client is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES. Only the pair: failures from
# elsewhere never lock the account's owner out.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind reverse proxies, the client's address is the one the outermost trusted proxy put in
# X-Forwarded-For (peel_tracker/client_address.py); DJANGO_TRUSTED_PROXIES is how many proxies
# stand in front of the application (1 for nginx alone; 2 for a load balancer and nginx).
TRUSTED_PROXY_COUNT = int(
    os.environ.get("DJANGO_TRUSTED_PROXIES", "1" if env_bool("DJANGO_BEHIND_PROXY", False) else "0")
)
AXES_CLIENT_IP_CALLABLE = "peel_tracker.client_address.client_address"

# Email (deadline reminders). The console backend prints messages instead of sending them; set
# DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the SMTP settings to send.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "PEEL Tracker <noreply@localhost>")
# The service's public address, for the links in emails (which have no request to build from).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Change history (django-simple-history) is evidence: it can be read, never reverted or edited.
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- The read-only API (recommendations/api/, docs/api.md) --------------------------------------
# Each token (or signed-in session) may make API_RATE requests: "<number>/<second|minute|hour|
# day>". Counted in the default cache: set REDIS_URL so that every worker shares one count.
API_RATE = os.environ.get("DJANGO_API_RATE", "600/minute")
REST_FRAMEWORK = {
    # A personal token first (its challenge makes a missing one a 401), then the signed-in
    # session, for the schema's documentation page and a quick look in the browser.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "recommendations.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["recommendations.api.throttling.ApiTokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PEEL Tracker API",
    "DESCRIPTION": "Read-only access to HMICFRS inspection findings, each force's status, "
    "reports with their grades, the 56-day responses and the forces' local policing bodies. "
    "See docs/api.md.",
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from our own static files (the CSP allows no other origin).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per set of choices used by several fields.
    "ENUM_NAME_OVERRIDES": {
        "FindingKindEnum": "recommendations.models.findings.FindingKind",
        "ReportKindEnum": "inspections.models.reports.InspectionKind",
        "DatePrecisionEnum": "inspections.models.reports.DatePrecision",
        "PolicingBodyKindEnum": "recommendations.api.serializers.POLICING_BODY_KINDS",
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# --- Security -----------------------------------------------------------------------------
# Content-Security-Policy: our pages load only our own scripts, styles and images; no inline
# script or style. The Django admin's few inline style attributes are cosmetic.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Behind a TLS-terminating proxy set DJANGO_BEHIND_PROXY=true so Django trusts its
# X-Forwarded-Proto header; the defaults assume HTTPS in production (debug off).
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A working day from sign-in, not Django's two weeks: a session left open on a shared computer
# ends. (Not extended on each request: that would write the session on every page view.)
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_HOURS", "10")) * 60 * 60
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
