"""Settings shared by every environment.

Configuration comes only from the environment, through one ``env`` (cookiecutter-django style).
With nothing set the site runs on SQLite with Celery tasks run eagerly, so a newcomer sees
everything working; ``DATABASE_URL`` and ``REDIS_URL`` switch on PostgreSQL and real workers.
"""

from pathlib import Path

import environ

from languages.catalogue import bidi_codes, django_languages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    # A local .env is a convenience for development; real deployments set the environment.
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -----------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-embedded-default-only-for-local-use")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps: dependencies point one way, cms -> easyread; feedback -> cms, easyread;
    # tasks -> feedback; safeguarding -> tasks, feedback; insight -> safeguarding, tasks.
    "cms",
    "easyread",
    "feedback",
    "tasks",
    "safeguarding",
    "insight",
    "involvement",
    "panel",
    "languages",
    # Translation: wagtail-localize's editor and PO export/import. No machine translator is
    # configured, so no text is ever sent anywhere (see WAGTAILLOCALIZE_MACHINE_TRANSLATOR).
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_filters",
    # Accounts: participants sign in by email code; staff by password plus TOTP.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: refuses an over-size body before anything reads it.
    "cms.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers of public pages are answered here, before sessions (cms/page_cache.py).
    "cms.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL ("/gu/..."); unprefixed URLs are English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After CSPMiddleware: its editor previews may be framed by the admin (same origin).
    "cms.middleware.AdminPreviewFrameMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.middleware.StaffMFARequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

# --- Data -----------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default: with write-ahead logging a background job reading (a retrain)
    # never blocks a page saving a decision; IMMEDIATE transactions take the write lock when
    # they begin, so two writers (a page and a job) wait for each other, up to 20 s, instead
    # of one failing with "database is locked" when it first reads and then writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis outage reads as cache misses, never as errors (cms/cache.py), with
            # short timeouts so a page never waits long on a Redis that is down.
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "everyvoice",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    # Every survey page reads the session: from Redis, with PostgreSQL only on a miss. Writes
    # go to both, so a Redis restart signs nobody out and loses no survey in progress. (Not
    # with the local-memory cache below: separate processes would read stale copies.)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Rate limits need a cache shared by every process; in the embedded default there is
    # one process, so a local-memory cache is honest.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages kept for anonymous readers (cms/page_cache.py), purged on every change; this
# only bounds how late a consultation opening or closing by date shows. 0 turns it off.
EVERYVOICE_PAGE_CACHE_SECONDS = env.int("EVERYVOICE_PAGE_CACHE_SECONDS", default=300)

# --- Background jobs (Celery) ---------------------------------------------------------------
# Without a broker, tasks run eagerly in-process (still only after the transaction commits,
# because services queue them with transaction.on_commit).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# Eager jobs on a background thread of the web process, not inside the request (`make run`
# sets it; cms/jobs.py). Tests and management commands keep running them inline.
EVERYVOICE_JOBS_IN_THREAD = env.bool("EVERYVOICE_JOBS_IN_THREAD", default=False)
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = "Europe/London"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
# A web request must never hang on a broker that is down: fail fast, and let the sweep
# re-queue the work once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # With acks_late, Redis hands an unacknowledged job (its worker was killed) to another
    # worker only after this many seconds. Redis's default is an hour; twice the task time
    # limit redelivers lost jobs in 10 minutes without ever re-running a job still in time.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 5 * 60),
    # A running worker looks for such jobs every unacked_restore_interval (10 s) times
    # unacked_restore_throttle seconds; kombu's default throttle of 10 made that every 100 s,
    # so a lost job waited up to 100 s past its visibility timeout. 1: every 10 s, at the cost
    # of one small Redis query per worker (an option of kombu 5.7's Redis transport).
    "unacked_restore_throttle": 1,
}
# How old unfinished work must be before the sweep assumes its job was lost.
EVERYVOICE_SWEEP_AFTER_SECONDS = env.int("EVERYVOICE_SWEEP_AFTER_SECONDS", default=300)

# --- Auth -----------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
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
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
# Participants make an account with an email address only (never a password) and prove it is
# theirs with a code sent by email; later they sign in by code. Staff accounts are made by an
# administrator and sign in with a password then TOTP: cms/accounts.py keeps the password
# field on the sign-in form, skips the email code for staff and refuses them a code sign-in.
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "cms.accounts.StaffPasswordLoginForm",
    "signup": "cms.accounts.ParticipantSignupForm",
    "request_login_code": "cms.accounts.ParticipantRequestLoginCodeForm",
    "confirm_login_code": "cms.accounts.ParticipantConfirmLoginCodeForm",
    "confirm_email_verification_code": "cms.accounts.ParticipantConfirmEmailCodeForm",
}
# Where a participant lands after signing in, unless they were on their way somewhere.
EVERYVOICE_PARTICIPANT_LOGIN_REDIRECT_URL = "/my-answers/"
ACCOUNT_LOGOUT_ON_GET = False
# How many proxies we run in front of Django (1 behind docker-compose.yml's nginx). Their
# hops of X-Forwarded-For give the client's address for rate limits (feedback/ratelimit.py)
# and allauth's; 0 (no proxy) uses REMOTE_ADDR. Never set it where clients reach Django direct.
EVERYVOICE_TRUSTED_PROXY_COUNT = env.int("EVERYVOICE_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = EVERYVOICE_TRUSTED_PROXY_COUNT
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "request_login_code": "5/m/ip,3/m/key",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Every Voice"
# Staff sign in through allauth (password, then TOTP), never through Wagtail's own form.
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# One password reset for staff: allauth's (rate limited, same templates). Wagtail's own would
# be a second way in to maintain and to test.
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Paths where a staff member must have TOTP turned on before anything is shown.
EVERYVOICE_MFA_PROTECTED_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/insight/",
    "/check/",
    "/involvement/",
    "/staff/",
    "/api/",
    "/exports/",
]

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# English, Gujarati, Punjabi, Urdu, Polish, Somali, Arabic: languages/data/languages.json.
LANGUAGES = django_languages()
LANGUAGES_BIDI = bidi_codes()
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The site's own words ("Continue", "Choose a language") in each language.
LOCALE_PATHS = [BASE_DIR / "languages" / "locale"]
# Off on purpose: with no machine translator configured, wagtail-localize offers none and sends
# no text anywhere. A deployment that wants one sets it here, after a privacy review.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Pressing "Translate" makes a draft copy, never a live one: otherwise a live page or outcome
# would be published at once in, say, Gujarati with its English words still in it (and no
# "not translated" mark). A translation goes live when it is published (or checked).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Audio answers and flipchart photos: never under MEDIA_URL, served only by staff views.
EVERYVOICE_PRIVATE_MEDIA_ROOT = Path(
    env(
        "EVERYVOICE_PRIVATE_MEDIA_ROOT",
        default=str(MEDIA_ROOT.with_name(MEDIA_ROOT.name + "-private")),
    )
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# The longest audio answer accepted, where the file says how long it is (feedback/uploads.py).
EVERYVOICE_MAX_AUDIO_SECONDS = env.int("EVERYVOICE_MAX_AUDIO_SECONDS", default=10 * 60)
# The longest answer signed in BSL (a video) accepted; its length must be readable.
EVERYVOICE_MAX_VIDEO_SECONDS = env.int("EVERYVOICE_MAX_VIDEO_SECONDS", default=3 * 60)
# Audio answers may be up to 10 MB; anything bigger is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
# The largest request body taken at all, by path, checked before the body is read
# (cms.middleware.RequestSizeLimitMiddleware; nginx in docker-compose.yml caps at the largest).
# Survey pages take one audio answer (10 MB) plus the form; staff pages take a flipchart photo,
# image or document (10 MB each) plus the form; everything else is small forms.
EVERYVOICE_MAX_REQUEST_BYTES = env.int("EVERYVOICE_MAX_REQUEST_BYTES", default=1024 * 1024)
_SURVEY_REQUEST_BYTES = env.int("EVERYVOICE_MAX_SURVEY_REQUEST_BYTES", default=11 * 1024 * 1024)
EVERYVOICE_MAX_REQUEST_BYTES_BY_PATH = [
    ("/survey/", _SURVEY_REQUEST_BYTES),
    # An answer signed in BSL: one video (50 MB, feedback/uploads.py) and its form.
    ("/bsl-answer/", env.int("EVERYVOICE_MAX_BSL_REQUEST_BYTES", default=51 * 1024 * 1024)),
    # The panel's check page takes spoken reasons: the same cap as one audio answer.
    ("/check/", _SURVEY_REQUEST_BYTES),
    ("/admin/", env.int("EVERYVOICE_MAX_STAFF_REQUEST_BYTES", default=12 * 1024 * 1024)),
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Every Voice"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Video and caption files are for the easy-read video block (captions are required there).
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSVG_ENABLE = True

# --- Security headers (tightened further in production) -------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The public site runs under a strict policy with no inline script or style. Wagtail's admin
# ships inline code of its own, so it keeps Django's defaults (it is staff-only, behind MFA).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Every Voice <noreply@localhost>")
SAFEGUARDING_NOTIFY_EMAILS = env.list("EVERYVOICE_SAFEGUARDING_EMAILS", default=[])
# An urgent flag nobody has picked up after this many minutes is sent again to the lead(s)
# and to these deputies; open flags are summarised once a day at this hour (local time).
SAFEGUARDING_ESCALATE_AFTER_MINUTES = env.int(
    "EVERYVOICE_SAFEGUARDING_ESCALATE_MINUTES", default=60
)
SAFEGUARDING_DEPUTY_EMAILS = env.list("EVERYVOICE_SAFEGUARDING_DEPUTY_EMAILS", default=[])
SAFEGUARDING_DIGEST_HOUR = env.int("EVERYVOICE_SAFEGUARDING_DIGEST_HOUR", default=8)
# Files the lead screens from the admin (the upload and its result) are deleted this many days
# after upload by the hourly retention job, or sooner with the screen's delete button.
SAFEGUARDING_SCREEN_KEEP_DAYS = env.int("EVERYVOICE_SAFEGUARDING_SCREEN_KEEP_DAYS", default=7)

# --- Logging: ids only, never response text -------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail's in-process task runner logs every search-index update at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}
