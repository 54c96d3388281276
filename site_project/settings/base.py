"""Settings shared by every environment; the environment fills in secrets and hosts."""

import os
from pathlib import Path

import django

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core ---------------------------------------------------------------------

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

# The public address of the site, used for canonical URLs, JSON-LD and email links.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

# --- Applications ---------------------------------------------------------------

INSTALLED_APPS = [
    "articles",
    "comments",
    "leads",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
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
    "django_tasks",
    "django_tasks_db",
    "crispy_forms",
    "crispy_bootstrap5",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML, feeds and sitemaps (static files come pre-compressed from WhiteNoise,
    # which answers before this runs). Django pads gzip output against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "site_project.urls"
WSGI_APPLICATION = "site_project.wsgi.application"

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

# --- Data -------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (Redis) when REDIS_URL is set, so rate limits hold across processes;
# otherwise one process's local memory, which is enough for a single dev server.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (email). Run at once by default; production queues in the database for
# `manage.py db_worker`, so a slow mail server never holds up a visitor's request.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}

# --- Email ----------------------------------------------------------------------

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def email_settings(backend):
    """Mail settings in the form the running Django reads: MAILERS from 6.1, EMAIL_* before."""
    smtp = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": os.environ.get("EMAIL_USE_TLS", "") == "1",
    }
    options = smtp if backend == SMTP_BACKEND else {}
    if django.VERSION >= (6, 1):
        return {"MAILERS": {"default": {"BACKEND": backend, "OPTIONS": options}}}
    legacy_names = {"username": "HOST_USER", "password": "HOST_PASSWORD"}
    return {
        "EMAIL_BACKEND": backend,
        **{f"EMAIL_{legacy_names.get(key, key.upper())}": value for key, value in options.items()},
    }


globals().update(email_settings(os.environ.get("EMAIL_BACKEND", SMTP_BACKEND)))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Northwind Digital <hello@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Auth -----------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# --- Internationalisation -----------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media files ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# One machine serves its own uploads; behind a CDN or object storage, set SERVE_MEDIA=0.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "1") == "1"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Forms ------------------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Wagtail ----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Northwind Digital"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_DATE_FORMAT = "%d %b %Y"
# No Gravatar look-ups from the admin: staff email addresses stay on this server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page editors hold many StreamField blocks.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Articles -------------------------------------------------------------------------------

# Articles per page on the index, category, tag and author listings.
ARTICLES_PER_PAGE = int(os.environ.get("ARTICLES_PER_PAGE", "10"))
# Reading speed used for the "N min read" estimate.
ARTICLES_WORDS_PER_MINUTE = 220
# Related articles shown at the end of an article (shared category or tags).
ARTICLES_RELATED_COUNT = 3
# Items in each RSS/Atom feed (site-wide, per category, per author).
ARTICLES_FEED_ITEMS = 20
# Tags offered as filters on the article index (the most used first).
ARTICLES_TAG_CLOUD_SIZE = 24
# Longest search query accepted; longer input is cut, not refused.
ARTICLES_SEARCH_MAX_LENGTH = 200

# --- Visitor forms: spam defences (comments and leads) ------------------------------------

# Submissions sent sooner than this after the form was shown are treated as automated.
ANTISPAM_MIN_FILL_SECONDS = int(os.environ.get("ANTISPAM_MIN_FILL_SECONDS", "3"))
# A form older than this must be sent again; keep it longer than any page-cache lifetime.
ANTISPAM_TOKEN_MAX_AGE = 60 * 60 * 24 * 7
# (submissions, seconds) allowed per IP address and form family.
ANTISPAM_RATE_LIMITS = {"comments": (5, 10 * 60), "leads": (5, 10 * 60)}
# How many reverse proxies in front of the app append to X-Forwarded-For (0: trust none).
ANTISPAM_PROXY_COUNT = int(os.environ.get("ANTISPAM_PROXY_COUNT", "0"))

# --- Leads --------------------------------------------------------------------------------

# Who hears about each new (non-spam) lead: comma-separated addresses.
LEADS_NOTIFY_EMAILS = env_list("LEADS_NOTIFY_EMAILS", "sales@example.com")
# A second submission from the same email within this many days is linked to the first.
LEADS_REPEAT_WINDOW_DAYS = int(os.environ.get("LEADS_REPEAT_WINDOW_DAYS", "30"))
# `leads_digest` lists leads still "new" this many hours after they arrived.
LEADS_DIGEST_AFTER_HOURS = int(os.environ.get("LEADS_DIGEST_AFTER_HOURS", "24"))
# `purge_leads` deletes lost and spam leads untouched for this many days.
LEADS_RETENTION_DAYS = int(os.environ.get("LEADS_RETENTION_DAYS", "365"))
# Longest note a visitor may add to a callback request, and longest contact message.
LEADS_CALLBACK_NOTE_MAX_LENGTH = 500
LEADS_MESSAGE_MAX_LENGTH = 5000
# Where the consent text links to for the full privacy notice.
LEADS_PRIVACY_URL = os.environ.get("LEADS_PRIVACY_URL", "/privacy/")

# --- Comments -------------------------------------------------------------------------------
# Spam defences shared with leads are above (ANTISPAM_*): the minimum fill time, the form
# token's lifetime and the per-IP rate limit, ANTISPAM_RATE_LIMITS["comments"].
# Staff can change the closing age, link limit, blocked words/domains and the human-check
# question in the admin (Settings > Comments); the values here are the defaults.

# Deepest nesting of replies (1 = no replies). A reply to a comment at this depth joins
# that comment's level instead of nesting further.
COMMENTS_MAX_DEPTH = int(os.environ.get("COMMENTS_MAX_DEPTH", "4"))
# Longest comment, in characters as typed.
COMMENTS_MAX_LENGTH = 5000
# More distinct links than this in one comment holds it as spam (default of the site setting).
COMMENTS_MAX_LINKS = 2
# Close comments this many days after an article is first published (default of the site
# setting); 0 keeps them open until an editor unticks "comments open".
COMMENTS_AUTO_CLOSE_DAYS = 0
# Publish at once a comment whose email address already has an approved comment, unless a
# spam rule trips. Team replies earn no trust, and an address of a team account never
# publishes a logged-out comment. False sends every visitor's comment to moderation.
COMMENTS_TRUST_RETURNING = os.environ.get("COMMENTS_TRUST_RETURNING", "1") == "1"
# Addresses told of each comment awaiting moderation, besides every active user who holds
# the "Can moderate comments" permission and has an email address.
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")
# How long the link a commenter lands on after posting shows them their pending comment.
COMMENTS_PREVIEW_MAX_AGE = 60 * 60 * 24 * 7
