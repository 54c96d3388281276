"""Settings shared by every environment; the environment fills in secrets and hosts."""

import os
from datetime import timedelta
from pathlib import Path

import django

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

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
    "backups",
    "page_cache",
    "wagtail.contrib.frontend_cache",
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
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "site_project.middleware.ContentSecurityPolicyMiddleware",
    # Compresses HTML, feeds and sitemaps (static files come pre-compressed from WhiteNoise,
    # which answers before this runs). Django pads gzip output against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    # 304 Not Modified for a revalidated public page (its ETag is set by the page cache).
    "django.middleware.http.ConditionalGetMiddleware",
    # Signs the form tokens of each HTML page as it is served, cached or not.
    "antispam.middleware.stamp_form_tokens",
    # Anonymous visitors' public pages, served from the cache (page_cache/middleware.py).
    "page_cache.middleware.PageCacheMiddleware",
    # A page showing a visitor their own pending comment is marked private, no-store.
    "comments.middleware.private_comment_preview",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Site and home page from the cache (site_cache/).
    "site_cache.site_middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "site_project.middleware.security_headers",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a sign-in refused for too many failures into the "sign-in paused" page.
    "axes.middleware.AxesMiddleware",
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

# --- Security headers ----------------------------------------------------------------------

# Sites whose players the embed block may show in an iframe (comma-separated origins).
CSP_EMBED_SOURCES = env_list(
    "CSP_EMBED_SOURCES", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
)
# Public pages are cached whole, so they carry no nonce: no inline script at all (JSON-LD is
# data, not script), nothing from other sites but embeds, and no framing of the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "frame-src": CSP_EMBED_SOURCES,
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# The Wagtail 8 admin (URLs under ADMIN_URL_PREFIX) runs inline scripts and style attributes
# (InlinePanel templates, date pickers, widget set-up): enforced, it gets 'unsafe-inline' for
# those two and may frame its own previews; the same policy without 'unsafe-inline' for
# scripts is sent report-only, so each inline script still in use shows in the console.
ADMIN_URL_PREFIX = "/admin/"
_ADMIN_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF, *CSP_EMBED_SOURCES],
    "frame-ancestors": [SELF],
}
ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": _ADMIN_DIRECTIVES}
ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {**_ADMIN_DIRECTIVES, "script-src": [SELF], "style-src": [SELF]}
}
# Browser features no page of the site uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)

# --- Data -------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Retry-After (seconds) of the 503 page shown while the database does not answer.
DATABASE_RETRY_AFTER_SECONDS = int(os.environ.get("DATABASE_RETRY_AFTER_SECONDS", "30"))
# Seconds a SQLite write waits for another process's write to finish before giving up
# (the visitor then sees the 503 page); kept well under gunicorn's 30-second worker timeout.
SQLITE_BUSY_TIMEOUT = int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write to the one file. WAL lets readers carry on while one
    # process writes; IMMEDIATE takes the write lock when a transaction begins, so a writer
    # queues for it (up to the busy timeout) instead of failing with "database is locked"
    # when a read turns into a write; synchronous=NORMAL is safe under WAL and much faster.
    # PostgreSQL keeps its own defaults.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_BUSY_TIMEOUT,
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that drops packets must cost a visitor seconds (then the 503 page), not
    # gunicorn's 30-second worker timeout. A connect_timeout in DATABASE_URL wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
    # Wagtail's search index uses PostgreSQL's search fields, which Django 6.1's checks
    # refuse without the app (migrate stops there).
    INSTALLED_APPS.append("django.contrib.postgres")

# A shared cache (Redis) when REDIS_URL is set, so rate limits hold across processes;
# otherwise one process's local memory, which is enough for a single dev server. Redis down
# or silent costs the cache, never a page or a submission (site_project/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds one Redis call may wait to connect, or for an answer, before the cache acts empty.
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
# After Redis fails, each process leaves it alone this many seconds before trying again.
REDIS_RETRY_SECONDS = int(os.environ.get("REDIS_RETRY_SECONDS", "15"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "site_project.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Page cache and HTTP caching --------------------------------------------------------

# Seconds an anonymous visitor's public page is kept in the cache above (0: off). Any change
# readers would see invalidates it at once, so the lifetime only bounds what a lost
# invalidation (Redis down at that moment) can cost.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Query parameters that make a page one visitor's own: never served from or kept in a cache.
PAGE_CACHE_PRIVATE_PARAMS = ["comment"]
# Changes to these (edits and deletions) invalidate every page; pages and comments are
# watched on their own (page_cache/invalidation.py, comments/apps.py).
PAGE_CACHE_SITE_WIDE_MODELS = [
    "articles.OrganizationSettings",
    "articles.Author",
    "articles.Category",
    "comments.CommentSettings",
    "wagtailimages.Image",
    "wagtailcore.Site",
]
# What must change for every app process at once (the page cache's generation, the cached
# Site and site settings): in Redis when there is one, otherwise in a file cache that all
# processes on this machine share.
SHARED_CACHE = "shared"
CACHES[SHARED_CACHE] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
    }
)
# Shared max-age (s-maxage) of public pages for a CDN or Varnish in front; browsers get
# max-age=0 and revalidate with the ETag. Changes purge the CDN (WAGTAILFRONTENDCACHE).
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "60"))
# FRONTEND_CACHE_PURGE_URL: the Varnish (or other HTTP cache honouring PURGE) in front, e.g.
# http://127.0.0.1:6081; Wagtail's frontend cache sends it a PURGE for each changed URL.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)

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
        # Seconds the task worker waits on a silent mail server before trying again later.
        "timeout": int(os.environ.get("EMAIL_TIMEOUT", "20")),
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
# Notification email the mail server refused or could not take is sent again by the task
# worker: first after MAIL_RETRY_DELAY_SECONDS, the delay doubling each time up to
# MAIL_RETRY_MAX_DELAY_SECONDS, for MAIL_RETRY_ATTEMPTS attempts in all (about a day).
MAIL_RETRY_DELAY_SECONDS = int(os.environ.get("MAIL_RETRY_DELAY_SECONDS", "60"))
MAIL_RETRY_MAX_DELAY_SECONDS = int(os.environ.get("MAIL_RETRY_MAX_DELAY_SECONDS", "3600"))
MAIL_RETRY_ATTEMPTS = int(os.environ.get("MAIL_RETRY_ATTEMPTS", "24"))
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
# django-axes checks every sign-in first: after AXES_FAILURE_LIMIT failures for one username,
# or from one address, sign-in is paused for AXES_COOLOFF_TIME (a clear page, status 429).
# Failures are kept in the database, so every app server sees them. Unlock at once with
# `manage.py axes_reset_username NAME`, `axes_reset_ip ADDRESS` or `axes_reset` (everyone).
AUTHENTICATION_BACKENDS = [
    "admin_access.login.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each counted on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_access/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "admin_access.login.login_address"
AXES_VERBOSE = False

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
# Documents are always streamed by /documents/<id>/<name>, which checks the collection's
# privacy; never a redirect to, or a link into, MEDIA_URL (which serves images only).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_DATE_FORMAT = "%d %b %Y"
# No Gravatar look-ups from the admin: staff email addresses stay on this server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page editors hold many StreamField blocks.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- The agency -----------------------------------------------------------------------------

# The services the agency sells (value, label): a call-to-action block pre-selects one on the
# contact form, and each lead records the one the visitor asked about. Values are stored, so
# keep them; labels may change.
SITE_SERVICES = [
    ("seo", "Search engine optimisation (SEO)"),
    ("smo", "Social media optimisation (SMO)"),
    ("smm", "Social media marketing (SMM)"),
    ("ppc", "Paid search"),
    ("other", "Something else"),
]

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
# `import_wordpress --fetch`: how long to wait for one image from the old site, and the
# largest image it downloads (bigger ones are left out and listed in the report).
WORDPRESS_FETCH_TIMEOUT_SECONDS = 20
WORDPRESS_FETCH_MAX_BYTES = 25 * 1024 * 1024
# Days a review link (a draft shown to someone without an account) works before it expires.
REVIEW_LINK_EXPIRY_DAYS = int(os.environ.get("REVIEW_LINK_EXPIRY_DAYS", "7"))

# --- Visitor forms: spam defences (comments and leads) ------------------------------------

# Submissions sent sooner than this after the form was shown are treated as automated.
ANTISPAM_MIN_FILL_SECONDS = int(os.environ.get("ANTISPAM_MIN_FILL_SECONDS", "3"))
# A form older than this must be sent again; keep it longer than any page-cache lifetime.
ANTISPAM_TOKEN_MAX_AGE = 60 * 60 * 24 * 7
# (submissions, seconds) allowed per IP address and form family; admin password reset
# emails also per email address ("password_reset_email").
ANTISPAM_RATE_LIMITS = {
    "comments": (5, 10 * 60),
    "leads": (5, 10 * 60),
    "password_reset": (5, 60 * 60),
    "password_reset_email": (3, 60 * 60),
}
# How many reverse proxies in front of the app append to X-Forwarded-For (0: trust none).
ANTISPAM_PROXY_COUNT = int(os.environ.get("ANTISPAM_PROXY_COUNT", "0"))
# Longest User-Agent kept with a comment or lead (for spam work); longer ones are cut. It is
# also the size of both apps' user_agent column, so a change needs `makemigrations`.
ANTISPAM_USER_AGENT_MAX_LENGTH = 300

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
# Longest note sales may add to a lead in the admin.
LEADS_NOTE_MAX_LENGTH = 5000
# Weeks of the leads-per-week chart on the admin dashboard.
LEADS_DASHBOARD_WEEKS = 12
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
# Publish at once a comment from a browser that sent an earlier, approved comment under the
# same email address (the signed comments_written cookie), unless a spam rule trips. Typing
# an address earns nothing; team replies earn no trust, and an address of a team account
# (moderators) never publishes a logged-out comment. False sends every visitor's comment to
# moderation.
COMMENTS_TRUST_RETURNING = os.environ.get("COMMENTS_TRUST_RETURNING", "1") == "1"
# Addresses told of each comment awaiting moderation, besides every active user who holds
# the "Can moderate comments" permission and has an email address.
COMMENTS_MODERATOR_EMAILS = env_list("COMMENTS_MODERATOR_EMAILS")
# How long the link a commenter lands on after posting shows them their pending comment
# (only in the browser that sent it, and never once it is held as spam or removed).
COMMENTS_PREVIEW_MAX_AGE = 60 * 60 * 24 * 7
# Top-level comments per page of a long thread, each shown with all its replies; 0 shows
# every comment on the article itself.
COMMENTS_PER_PAGE = int(os.environ.get("COMMENTS_PER_PAGE", "50"))
# Which page of comments the article shows: "oldest" (page 1) or "newest" (the last page),
# as WordPress's default_comments_page. Pages are numbered from the oldest either way.
COMMENTS_FIRST_PAGE = os.environ.get("COMMENTS_FIRST_PAGE", "oldest")
if COMMENTS_FIRST_PAGE not in ("oldest", "newest"):
    raise ValueError('COMMENTS_FIRST_PAGE must be "oldest" or "newest".')
# The signed, HttpOnly cookie listing the comments a browser sent: how long it lasts (and
# so how long a returning commenter stays trusted) and how many comment ids it keeps.
COMMENTS_WRITER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365
COMMENTS_WRITER_COOKIE_SIZE = 20
