"""The test suite: fast hashing, in-memory cache and mail, tasks run at once."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import email_settings

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
}
# Off by default, so other tests see each response rendered; tests/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
globals().update(email_settings("django.core.mail.backends.locmem.EmailBackend"))
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test process writes images to its own throwaway folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="site-test-media-"))
SITE_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
ALLOWED_HOSTS = ["*"]
# The page editor pings its editing session once on load; no later ping may reach a live
# server after a browser test has ended (tests/conftest.py mutes the closing beacon).
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
