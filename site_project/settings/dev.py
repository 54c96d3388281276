"""Local development: debug on, SQLite by default, mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import email_settings

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
globals().update(
    email_settings(os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"))
)
