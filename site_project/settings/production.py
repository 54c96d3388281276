"""Production: secrets from the environment; HTTPS behaviour follows SITE_BASE_URL's scheme."""

import ipaddress
import os
from urllib.parse import urlsplit

import django
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("dev-", "test-", "django-insecure"))
):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 50 characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# No silent default here: without https the redirect, Secure cookies and HSTS switch off,
# which only a server on this machine's loopback (local checks, benchmarks) may do.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "").rstrip("/")
_base = urlsplit(SITE_BASE_URL)
if not (_base.scheme == "https" and _base.hostname) and not (
    _base.scheme == "http" and is_loopback(_base.hostname or "")
):
    raise ImproperlyConfigured(
        "Set SITE_BASE_URL to the site's public https address (https://blog.example.com); "
        "plain http is allowed only on loopback (http://127.0.0.1:8000)."
    )
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

DEBUG = False

# Email and other background work wait in the database for `manage.py db_worker`. On Django 6
# django-tasks-db serves django.tasks, while Wagtail 8 and this project enqueue through the
# django-tasks package, so there tasks run at once until Wagtail moves to django.tasks.
DEFAULT_TASKS_BACKEND = (
    "django_tasks_db.DatabaseBackend"
    if django.VERSION < (6, 0)
    else "django_tasks.backends.immediate.ImmediateBackend"
)
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", DEFAULT_TASKS_BACKEND)}}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads (images, their renditions, documents) go to an S3-compatible bucket when one is
# named, so every app server sees the same files without a shared MEDIA_ROOT. boto3 reads
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an instance role) itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _s3_options = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL"),  # MinIO, Ceph, R2...
        "region_name": os.environ.get("AWS_S3_REGION_NAME"),
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN"),  # a CDN in front of the bucket
        "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE"),  # "path" for most MinIO
        "location": os.environ.get("AWS_LOCATION"),  # a folder inside the bucket
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            **{name: value for name, value in _s3_options.items() if value},
            # Image URLs end up in cached pages and Varnish: plain URLs, not signed ones that
            # expire. Documents stay behind /documents/<id>/ (privacy checks), so the bucket
            # must make public only original_images/ and images/ (README).
            "querystring_auth": False,
            # A second "logo.png" gets a name of its own, as on the filesystem.
            "file_overwrite": False,
        },
    }
    # The bucket (or its CDN) serves images; Django no longer serves /media/.
    SERVE_MEDIA = False
    # Pages may show images from there: add its origin to the policies' img-src.
    if _s3_options["custom_domain"]:
        _media_origins = [f"https://{_s3_options['custom_domain']}"]
    elif _s3_options["endpoint_url"]:
        _endpoint = urlsplit(_s3_options["endpoint_url"])
        _media_origins = [
            f"{_endpoint.scheme}://{_endpoint.netloc}",
            f"{_endpoint.scheme}://*.{_endpoint.netloc}",
        ]
    else:
        _media_origins = ["https://*.amazonaws.com"]
    for _policy in (
        CONTENT_SECURITY_POLICY,  # noqa: F405
        ADMIN_CONTENT_SECURITY_POLICY,  # noqa: F405
        ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY,  # noqa: F405
    ):
        _policy["DIRECTIVES"] = {
            **_policy["DIRECTIVES"],
            "img-src": [*_policy["DIRECTIVES"]["img-src"], *_media_origins],
        }

# Served over HTTPS unless the base URL says otherwise (plain http on loopback for checks).
HTTPS = SITE_BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if HTTPS:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [SITE_BASE_URL]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
