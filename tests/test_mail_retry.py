"""Mail down: leads and comments are saved at once, and their notifications wait in the task
queue, sent again by the worker with back-off until a real SMTP server takes them."""

from datetime import timedelta

import django
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from leads.models import Lead
from outbox import retry_delay
from tests.comment_builders import form_data, post_url
from tests.leads_support import callback_data
from tests.production_support import free_port

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        django.VERSION >= (6, 0),
        reason="django-tasks-db serves django.tasks on Django 6; Wagtail 8 enqueues through django-tasks",
    ),
]
NOTIFICATIONS = ["comments.tasks.notify_moderators", "leads.tasks.notify_new_lead"]


class Inbox:
    """An SMTP server's handler that answers 451 (try later) while `refusing`, then takes mail."""

    def __init__(self):
        self.refusing = True
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusing:
            return "451 4.3.2 Mail system busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode())
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(settings, use_mail_backend):
    """(port, inbox, start): the site sends to this port, where nothing listens until start()."""
    port, inbox, controllers = free_port(), Inbox(), []
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]
    settings.COMMENTS_MODERATOR_EMAILS = ["moderators@agency.test"]
    use_mail_backend("django.core.mail.backends.smtp.EmailBackend", host="127.0.0.1", port=port, timeout=5)

    def start():
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)

    yield port, inbox, start
    for controller in controllers:
        controller.stop()


def run_worker():
    call_command("db_worker", "--batch", verbosity=0)


def waiting():
    """The notifications queued for a later attempt: (task, attempt, seconds from now)."""
    now = timezone.now()
    return sorted(
        (
            result.task_path,
            result.args_kwargs["kwargs"].get("attempt", 1),
            (result.run_after - now).total_seconds(),
        )
        for result in DBTaskResult.objects.filter(status="READY")
    )


def test_notifications_are_retried_with_back_off_until_the_mail_server_takes_them(client, make_article, smtp):
    """Mail server unreachable, then refusing, then back: each lead and comment email arrives once."""
    port, inbox, start_server = smtp
    article = make_article()
    assert client.post(reverse("leads:callback"), callback_data(name="Ravi Patel")).status_code == 302
    assert client.post(post_url(article), form_data(body="Mail is down today")).status_code == 302
    assert Lead.objects.count() == 1 and Comment.objects.count() == 1

    run_worker()  # attempt 1: nothing listens on the port
    queued = waiting()
    assert [(task, attempt) for task, attempt, _ in queued] == [(task, 2) for task in NOTIFICATIONS]
    assert all(retry_delay(1) - 5 < seconds <= retry_delay(1) for *_, seconds in queued)
    run_worker()  # too early: the worker leaves them waiting
    assert len(waiting()) == 2 and inbox.messages == []

    start_server()  # attempt 2: the server answers, but with 451
    with time_machine.travel(timezone.now() + timedelta(seconds=retry_delay(1) + 1)):
        run_worker()
        queued = waiting()
    assert [(task, attempt) for task, attempt, _ in queued] == [(task, 3) for task in NOTIFICATIONS]
    assert retry_delay(2) == 2 * retry_delay(1)
    assert inbox.messages == []

    inbox.refusing = False  # attempt 3: the mail server is back
    with time_machine.travel(timezone.now() + timedelta(seconds=retry_delay(1) + retry_delay(2) + 2)):
        run_worker()
    assert waiting() == []
    assert len(inbox.messages) == 2
    assert any("Subject: New lead: Ravi Patel" in message for message in inbox.messages)
    assert any("Mail is down today" in message for message in inbox.messages)
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.status for r in results if r.task_path == NOTIFICATIONS[1]] == [
        "FAILED",
        "FAILED",
        "SUCCESSFUL",
    ]


def test_retries_stop_after_the_last_attempt(client, smtp, settings):
    """A mail server that never comes back: after MAIL_RETRY_ATTEMPTS the notification is left failed."""
    settings.MAIL_RETRY_ATTEMPTS = 2
    client.post(reverse("leads:callback"), callback_data())
    run_worker()
    with time_machine.travel(timezone.now() + timedelta(seconds=retry_delay(1) + 1)):
        run_worker()
    assert waiting() == []
    attempts = DBTaskResult.objects.filter(task_path=NOTIFICATIONS[1]).values_list("status", flat=True)
    assert list(attempts) == ["FAILED", "FAILED"]


def test_back_off_doubles_up_to_its_ceiling(settings):
    """Delays grow 1, 2, 4... times the first and never pass the ceiling."""
    settings.MAIL_RETRY_DELAY_SECONDS, settings.MAIL_RETRY_MAX_DELAY_SECONDS = 60, 300
    assert [retry_delay(n) for n in range(1, 6)] == [60, 120, 240, 300, 300]
