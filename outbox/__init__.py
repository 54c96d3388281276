"""Notification email that waits for the mail server instead of being lost.

django-tasks (0.13) records a failed task but never runs it again, so a mail task wraps its
sending in `retry_on_mail_failure`: when the mail server cannot be reached or refuses, the
task queues itself again to run after a delay that doubles each time (MAIL_RETRY_* settings),
and this attempt is still recorded as failed. Nothing here knows about comments or leads.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)


def retry_delay(attempt):
    """Seconds to wait after failed attempt number `attempt` (1, 2, ...): doubling, capped."""
    return min(settings.MAIL_RETRY_DELAY_SECONDS * 2 ** (attempt - 1), settings.MAIL_RETRY_MAX_DELAY_SECONDS)


@contextmanager
def retry_on_mail_failure(task, *args, attempt):
    """Run the block; if sending fails (refused, unreachable, timed out), queue `task(*args,
    attempt=attempt + 1)` for later, up to MAIL_RETRY_ATTEMPTS attempts, then re-raise."""
    try:
        yield
    except OSError as error:  # smtplib's errors, refused connections and timeouts
        if attempt >= settings.MAIL_RETRY_ATTEMPTS or not task.get_backend().supports_defer:
            logger.error("%s%r: mail failed on attempt %s, giving up: %s", task.name, args, attempt, error)
            raise
        delay = retry_delay(attempt)
        run_after = timezone.now() + timedelta(seconds=delay)
        task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1)
        logger.warning(
            "%s%r: mail failed (%s); attempt %s in %s s", task.name, args, error, attempt + 1, delay
        )
        raise
