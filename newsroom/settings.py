"""Settings for the newsroom fact-checking desk, read from the environment.

Variables (all optional on a developer's machine with DEBUG=true):
    DEBUG                 "true"/"false" (default false)
    DEV_TOOLS             "true"/"false": load the development-only `evaluation` app
                          (evaluate_engine, generate_corpus); default: same as DEBUG
    SECRET_KEY            required when DEBUG is off
    ALLOWED_HOSTS         comma-separated host names
    CSRF_TRUSTED_ORIGINS  comma-separated origins (https://desk.example.org)
    DATABASE_URL          e.g. postgres://user@127.0.0.1:5432/newsroom; default: SQLite file db.sqlite3
    DATABASE_CONN_MAX_AGE seconds a database connection is kept open (default 0: per request)
    TIME_ZONE             default UTC
    SECURE_SSL_REDIRECT   "true"/"false" (default: on when DEBUG is off)
    SECURE_HSTS_SECONDS   integer (default: one year when DEBUG is off)
    SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD, SESSION_COOKIE_SECURE,
    CSRF_COOKIE_SECURE    "true"/"false" (default: on when DEBUG is off)
    BEHIND_TLS_PROXY      "true" when a proxy terminates TLS and sets X-Forwarded-Proto
                          (default false)
    LOG_LEVEL             root log level (default WARNING)
    STATIC_ROOT           where collectstatic writes the static files whitenoise serves
                          (default: staticfiles/ in the checkout)
    IMPORT_MAX_BYTES      largest article file accepted by the importer (default 5 MB)
    ENGINE_SECONDS_PER_ARTICLE  claim extraction's time budget per article (default 20)
    IMPORT_JOB_LEASE_SECONDS  a running import job silent this long lost its worker and is
                          resumed by the next (default 300)
    LOGIN_FAILURE_LIMIT   wrong passwords before a username+IP is locked out (default 5)
    LOGIN_LOCKOUT_MINUTES how long that lockout lasts (default 15)
    NEWSROOM_NAME         the newsroom's name, as published
    NEWSROOM_URL          public base URL of the site, for absolute links in JSON-LD and feeds
                          (default: unset, each page uses the address it was requested at;
                          `export_claims --format claimreview` needs it or --base-url)
    PUBLISH_NEEDS_SECOND_EDITOR  "true"/"false" (default true): a fact-check is published only
                          after review was requested and a second editor (not the one who
                          asked, nor the one who recorded the verdict) approved it
    TASKS_BACKEND         background task backend: django_tasks_db.DatabaseBackend (default;
                          run `manage.py db_worker`) or
                          django.tasks.backends.immediate.ImmediateBackend (runs in the request)
    PYTEST_XDIST_WORKER   set by pytest-xdist, not by hand: part of the SQLite test database's
                          name
"""

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

if TYPE_CHECKING:
    # Only for the annotation: settings load before the apps and the ORM.
    from django.db.models import Model

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, "
            "or DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only-not-for-production-use"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_filters",
    "django_tasks_db",
    "axes",
    "sources",
    "factcheck",
    "intake",
]
# Engine evaluation and the corpus generator are development tools: production
# does not load them (their commands do not exist there).
DEV_TOOLS = env_bool("DEV_TOOLS", DEBUG)
if DEV_TOOLS:
    INSTALLED_APPS.append("evaluation")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Reads an upload's body before the CSRF check does, to answer one over Django's
    # limits with the upload page and a form error instead of a bare 400.
    "intake.middleware.UploadLimitsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"


def _url_of(name: str) -> Callable[["Model"], str]:
    def get_absolute_url(obj: "Model") -> str:
        from newsroom.links import pk_url

        return pk_url(name, obj.pk)

    return get_absolute_url


# Models of sources have their pages in the apps above it (an article is read on
# the desk, an import job is followed in intake): the project wires them, so
# sources names neither app.
ABSOLUTE_URL_OVERRIDES = {
    "sources.article": _url_of("factcheck:article-detail"),
    "sources.importjob": _url_of("intake:import-job"),
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.newsroom",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while an import or a worker writes;
    # IMMEDIATE transactions avoid "database is locked" on write upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too, not Django's shared-cache in-memory default: there a
    # write racing a read in another thread (the browser tests' live server) fails
    # at once with "database table is locked" instead of waiting like production.
    # One file per test run (process id, and pytest-xdist's worker if any), so two
    # runs in one checkout never share, clobber or delete each other's database.
    # Django deletes it after the run; conftest.py removes what a crash leaves.
    _test_run = "-".join(filter(None, [str(os.getpid()), os.environ.get("PYTEST_XDIST_WORKER")]))
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{_test_run}.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes), for the desk's login and the admin's: after
# LOGIN_FAILURE_LIMIT wrong passwords for one username from one IP address, that pair is
# refused for LOGIN_LOCKOUT_MINUTES; a successful login clears the count. The address is
# REMOTE_ADDR (never a header a client could forge), so behind a proxy it is the proxy's
# and the lock is in effect per username. Permission checks are answered by
# newsroom.permissions (ModelBackend's, read in one statement); ModelBackend signs in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "newsroom.permissions.PermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
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

# Content Security Policy: no inline scripts; htmx_script adds the nonce itself.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The importer refuses files larger than this many bytes.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# Claim extraction stops with a clear error past this many seconds for one article.
ENGINE_SECONDS_PER_ARTICLE = env_int("ENGINE_SECONDS_PER_ARTICLE", 20)
# A running import job whose worker has sent no heartbeat (one per file) for this long
# is taken over by the next worker; longer than any one file can take to import.
IMPORT_JOB_LEASE_SECONDS = env_int("IMPORT_JOB_LEASE_SECONDS", 300)
NEWSROOM_NAME = os.environ.get("NEWSROOM_NAME", "Newsroom Fact-Check Desk")
# Four eyes before anything is published (factcheck/publishing.py).
PUBLISH_NEEDS_SECOND_EDITOR = env_bool("PUBLISH_NEEDS_SECOND_EDITOR", True)
# Unset (""): public pages and the feed link to the host they were requested at; set it when
# the public address differs (a proxy, a CDN) or for exports, which have no request.
NEWSROOM_URL = os.environ.get("NEWSROOM_URL", "").strip().rstrip("/")
if NEWSROOM_URL and not NEWSROOM_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"NEWSROOM_URL must start with http:// or https://, not {NEWSROOM_URL!r}"
    )

# Background tasks (large uploads). The database backend needs a worker:
# `manage.py db_worker` (`make run` starts one beside the web server).
_TASK_BACKENDS = {
    "django_tasks_db.DatabaseBackend",
    "django.tasks.backends.immediate.ImmediateBackend",
    "django.tasks.backends.dummy.DummyBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(sorted(_TASK_BACKENDS))}, not {TASKS_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
