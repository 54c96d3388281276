"""Load runs only (bench/load_submissions.py, bench/run.py): the production settings with the
spam limits relaxed, so thousands of submissions from one loopback address within seconds are all
accepted and counted. Never serve real visitors with these settings."""

from .production import *  # noqa: F403

ANTISPAM_MIN_FILL_SECONDS = 0
ANTISPAM_RATE_LIMITS = {"comments": (10**9, 60), "leads": (10**9, 60)}
