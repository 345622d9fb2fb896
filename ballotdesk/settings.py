"""Settings for Ballot Desk, read from the environment through django-environ.

Defaults suit a laptop (`make run`): SQLite in the project folder, local-memory cache,
DEBUG on. With DEBUG off the settings turn strict: a real SECRET_KEY is required, HTTPS is
enforced (HSTS, secure cookies, redirect to https), static files are hashed and compressed,
PostgreSQL connections are pooled and logs are JSON lines.
"""

from copy import deepcopy
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "django-insecure-ballot-desk-development-key-do-not-use-in-production"

env = environ.Env(
    DEBUG=(bool, True),
    SECRET_KEY=(str, DEVELOPMENT_SECRET_KEY),
    TIME_ZONE=(str, "UTC"),
    # Unset, links follow the address each request was served on (newsroom.site_address).
    SITE_URL=(str, ""),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY")
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. With DEBUG off, Ballot Desk refuses to start with the "
        "development key: set SECRET_KEY in the environment to a long random value."
    )
# Django's test client calls itself "testserver": a name to answer only on a laptop.
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["127.0.0.1", "localhost", "[::1]", *(["testserver"] if DEBUG else [])],
)
SITE_URL = env("SITE_URL").rstrip("/")
# Moving the admin off the well-known path keeps drive-by login attempts away from it.
ADMIN_URL = env("ADMIN_URL", default="admin/").strip("/") + "/"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "axes",
    "ballotdesk",
    "newsroom",
    "candidates",
    "results",
    "intake",
    "api",
    "frontpage",
    "seed",
]

MIDDLEWARE = [
    "ballotdesk.middleware.RequestLogMiddleware",
    # Before anything that renders: pages link to the address they were served on.
    "newsroom.site_address.ServedAddressMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After, not 500.
    "ballotdesk.database_outage.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside every middleware that may answer 404, so they see the final one; a redirect
    # left by a merge wins over a tombstone.
    "newsroom.middleware.GoneFallbackMiddleware",
    "newsroom.middleware.RedirectFallbackMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "ballotdesk.page_cache.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ballotdesk.urls"

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
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "ballotdesk.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("TEST", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env.bool(
    "DATABASE_JIT", default=False
):
    # PostgreSQL's JIT compiles a query whose estimated cost is high; for a page's short
    # queries it costs more than it saves (measured on the bench newsroom: 490 ms of JIT for
    # an 850 ms home-page query), so it is off unless DATABASE_JIT=on.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DATABASE_POOL", default=not DEBUG
):
    # One psycopg pool per worker process; a sync worker needs one connection at a time.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=4),
        "timeout": 10,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# A streaming replica for anonymous readers' reads (ballotdesk.db_router), only when
# REPLICA_DATABASE_URL is set; staff, writes and reads after a write stay on the primary.
if REPLICA_DATABASE_URL := env.str("REPLICA_DATABASE_URL", default=""):
    DATABASES["replica"] = env.db_url_config(REPLICA_DATABASE_URL)
    for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS"):
        if key in DATABASES["default"]:
            DATABASES["replica"][key] = DATABASES["default"][key]
    DATABASES["replica"]["OPTIONS"] = {
        **deepcopy(DATABASES["default"].get("OPTIONS", {})),
        **DATABASES["replica"].get("OPTIONS", {}),
    }
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["ballotdesk.db_router.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "ballotdesk.db_router.ReplicaReadsMiddleware",
    )
READ_YOUR_WRITES_SECONDS = env.int("READ_YOUR_WRITES_SECONDS", default=10)

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://ballot-desk")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # A lost Redis must not hang requests: fail fast, then serve from the database.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    )
    # Sessions read from Redis and are written through to the database, so nobody is
    # logged out when Redis goes away.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "ballotdesk.cache"

# Anonymous pages kept whole in the cache (ballotdesk.page_cache), only where the cache is
# shared by every worker; a saved row makes the pages that show it render afresh (their
# surrogate keys), each once, while readers get the stale copy.
PAGE_CACHE_SECONDS = env.int(
    "PAGE_CACHE_SECONDS",
    default=60 if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache" else 0,
)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=0 if DEBUG else 30)
# How long a stale page is kept and served while one request renders its successor
# (`stale-while-revalidate`), and how long a CDN may serve it while the site fails.
PAGE_CACHE_STALE_SECONDS = env.int("PAGE_CACHE_STALE_SECONDS", default=300)
PAGE_CACHE_STALE_IF_ERROR = env.int("PAGE_CACHE_STALE_IF_ERROR", default=86400)
# The lock the one re-rendering request holds (a render longer than this is repeated).
PAGE_CACHE_LOCK_SECONDS = env.int("PAGE_CACHE_LOCK_SECONDS", default=5)
# Surrogate keys a page carries at most (Varnish takes 8 KB a header by default).
PAGE_CACHE_MAX_KEYS = env.int("PAGE_CACHE_MAX_KEYS", default=200)
PAGE_CACHE_MAX_KEY_BYTES = env.int("PAGE_CACHE_MAX_KEY_BYTES", default=4000)
# Shared caches in front (Varnish, a CDN's purge endpoint) sent `PURGE` with `xkey` and
# `Surrogate-Key` headers naming the keys of every committed change (comma-separated URLs).
PURGE_URLS = env.list("PURGE_URLS", default=[])
PURGE_TIMEOUT = env.float("PURGE_TIMEOUT", default=0.5)
PAGE_CACHE_CONTENT_APPS = ["newsroom", "candidates", "results"]

# Rows per page of a public list (newsroom.pagination): sources, candidates, contests.
PUBLIC_LIST_PAGE_SIZE = 50
# How many pages past the one shown a public list counts ("Page 1 of more than 21"), so
# a page of a long list never counts all its rows (newsroom.pagination).
PUBLIC_LIST_PAGES_COUNTED = env.int("PUBLIC_LIST_PAGES_COUNTED", default=20)
# How many matches of each kind a search ranks, the newest first (by id): one search's
# cost stops growing with the newsroom there; its facets then read "500+" (newsroom.search).
SEARCH_RANKING_WINDOW = env.int("SEARCH_RANKING_WINDOW", default=500)
# Rows of each part of a candidate's profile (quotes, facts, career, platform) the profile
# shows; the rest are on the part's own pages, PUBLIC_LIST_PAGE_SIZE a page.
PROFILE_LATEST_ITEMS = 10
# Contests a place's page shows, newest first; all of them are on its contests pages.
PLACE_LATEST_CONTESTS = 12
# How often a contest page whose count is live asks the API for new figures
# (static/js/live-results.js; the API answers 304 while nothing changed).
LIVE_RESULTS_POLL_SECONDS = env.float("LIVE_RESULTS_POLL_SECONDS", default=30)
# Sites that may show the embeddable results box (/embed/contests/<slug>/) in a frame, as
# origins ("https://news.example.org"); every other page refuses every frame.
EMBED_ALLOWED_ORIGINS = env.list("EMBED_ALLOWED_ORIGINS", default=[])

# The admin changelist `manage.py bench_admin` measures unless told another: the busiest.
BENCH_ADMIN_MODEL = "candidates.quote"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where a login lands when its `next` is missing or unsafe: the admin, the only place
# anyone logs in (Django's default, /accounts/profile/, is a 404 here).
LOGIN_REDIRECT_URL = "admin:index"

AUTHENTICATION_BACKENDS = [
    "ballotdesk.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock a user name out from one address after repeated failures (django-axes).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "ballotdesk.auth.client_ip"
# Lockouts expire after the cool-off; `manage.py axes_reset_username <name>` lifts one now.
AXES_ENABLE_ADMIN = False

# HTTPS. Behind a proxy that terminates TLS, BEHIND_TLS_PROXY=on trusts its
# X-Forwarded-Proto and X-Forwarded-For headers; the proxy must overwrite them.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# No inline script or style anywhere: what cannot be a file carries the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
WHITENOISE_USE_FINDERS = DEBUG
# Development finds each static file when asked. Whitenoise's own default reads DEBUG when
# its middleware starts, which the test runner has turned off by then: every test client
# would scan every static file (about a tenth of an admin test's time).
WHITENOISE_AUTOREFRESH = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ballotdesk.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "ballotdesk.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env("LOG_FORMAT", default="text" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # django-axes reports every login at INFO; lockouts come at WARNING.
    "loggers": {"axes": {"level": "WARNING"}},
}

# The read-only results API under /api/v1/ (api/): public data, no authentication.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    # JSON only: DRF's browsable pages use inline styles the strict CSP refuses; the
    # server-rendered docs at /api/v1/docs/ are the human-readable view.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ballot Desk API",
    "DESCRIPTION": (
        "Published candidates, contests, results, count snapshots, quotes, facts and the "
        "sources behind them. Read-only; see /api/v1/docs/."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "newsroom.dates.DatePrecision",
        # Places and contests both have a "kind": each its own enum in the schema.
        "PlaceKindEnum": "results.models.Jurisdiction.Kind",
        "ContestKindEnum": "results.models.Contest.Kind",
    },
}
