"""Audit-log entries never show a person to those who may not see them, and erasure removes them."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment
from leads.models import LeadLogEntry
from leads.privacy import erase_person

from .comment_builders import make_comment
from .leads_support import make_lead, make_user

SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.com", "pw")


def test_editors_site_history_shows_no_leads_or_comments(client, superuser, make_article):
    """A lead deleted and a comment edited by an admin do not appear in an Editor's site history."""
    article = make_article(title="History article")
    lead = make_lead(name="Jane Doe", company="Acme", email="jane@example.org")
    comment = make_comment(article, name="Carla Commenter", email="carla@example.org")
    client.force_login(superuser)
    client.post(reverse("leads_admin:delete", args=[lead.pk]))
    log(comment, "wagtail.edit", user=superuser)
    editor = Client()
    editor.force_login(make_user("eddie", group="Editors"))
    html = editor.get(SITE_HISTORY).content.decode()
    assert "History article" in html  # the Editor's own kind of entry is there
    assert "Jane Doe" not in html and "Acme" not in html and "Lead #" not in html
    assert "Carla Commenter" not in html and "Comment #" not in html


def test_site_history_lists_pages_models_and_leads_newest_first(client, superuser, make_article):
    """All three kinds of log entry share one report, newest first; its filtered results too."""
    article = make_article(title="History article")
    comment = make_comment(article, name="Carla Commenter")
    lead = make_lead(name="Jane Doe", company="Acme")
    for instance in (article, comment, lead):
        log(instance, "wagtail.edit", user=superuser)
    client.force_login(superuser)
    html = client.get(SITE_HISTORY).content.decode()
    positions = [html.index(label) for label in ("Jane Doe", "Carla Commenter", "History article")]
    assert positions == sorted(positions)
    results = client.get(SITE_HISTORY + "results/", {"action": "wagtail.edit", "user": superuser.pk})
    assert results.status_code == 200
    assert "Jane Doe" in results.content.decode() and "History article" in results.content.decode()


def test_editors_hold_no_permission_on_leads_or_comment_moderation(db):
    """Editors keep the lead-count report but hold nothing on Lead, and do not moderate comments."""
    editor = make_user("eddie", group="Editors")
    assert editor.has_perm("leads.view_lead_stats")
    assert not editor.get_all_permissions() & {"leads.view_lead", "comments.moderate_comment"}
    assert not editor.groups.filter(permissions__content_type__model__in=["lead", "comment"]).exists()


def test_a_deleted_lead_is_no_longer_named_in_the_history(client, superuser):
    """After a lead is deleted, the site history says "Lead #n", not the person's name."""
    lead = make_lead(name="Jane Doe", company="Acme")
    client.force_login(superuser)
    client.post(reverse("leads_admin:delete", args=[lead.pk]))
    entry = LeadLogEntry.objects.get(action="wagtail.delete")
    assert entry.label == f"Lead #{lead.pk}"
    client.get(reverse("wagtailadmin_home"))  # shows and clears the "deleted" message
    assert "Jane Doe" not in client.get(SITE_HISTORY).content.decode()


def test_erasing_a_person_removes_their_audit_log_entries(client, superuser, make_article):
    """After erasure no log entry about the person's leads or comments is left, others' stay."""
    article = make_article()
    lead = make_lead(name="Pat Person", email="pat@example.org")
    comment = make_comment(article, name="Pat Person", email="PAT@example.org")
    other = make_lead(name="Olive Other", email="olive@example.org")
    for instance in (lead, comment, other):
        log(instance, "wagtail.edit", user=superuser)
    erase_person("pat@example.org")
    labels = [*ModelLogEntry.objects.values_list("label", flat=True)]
    labels += LeadLogEntry.objects.values_list("label", flat=True)
    assert labels == ["Olive Other"]
    assert not Comment.objects.exists()
    client.force_login(superuser)
    assert "Pat Person" not in client.get(SITE_HISTORY).content.decode()
