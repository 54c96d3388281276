"""In production, notification email waits in the database queue for the worker."""

import django
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest
from django_tasks_db.models import DBTaskResult

from tests.leads_support import callback_data

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        django.VERSION >= (6, 0),
        reason="django-tasks-db serves django.tasks on Django 6; Wagtail 8 enqueues through django-tasks",
    ),
]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LEADS_NOTIFY_EMAILS = ["sales@agency.test"]


def test_lead_email_is_queued_then_sent_by_the_worker(client, database_queue):
    """The visitor's request only queues the email; `db_worker` sends it afterwards."""
    response = client.post(reverse("leads:callback"), callback_data())
    assert response.status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="leads.tasks.notify_new_lead").count() == 1
    call_command("db_worker", "--batch", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sales@agency.test"]
    assert DBTaskResult.objects.get(task_path="leads.tasks.notify_new_lead").status == "SUCCESSFUL"
