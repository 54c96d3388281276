"""Privacy: export or erase everything held for one email address; retention of closed leads."""

import json
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from comments.models import Comment
from leads import actions
from leads.models import Lead, LeadLogEntry, LeadNote

from .comment_builders import make_comment
from .leads_support import make_lead, make_user

PERSON = "person@example.org"


@pytest.fixture
def person_data(db, make_article):
    """Two leads (with a note and its history line) and a reply comment for PERSON, and someone else's."""
    article = make_article(title="Privacy article")
    first = make_lead(name="Pat Person", email=PERSON, source_page=article)
    make_lead(name="Pat Person", email="Person@Example.org", previous=first)
    actions.add_note(first, "Called, no answer", None)
    other = make_lead(name="Someone Else", email="else@example.org")
    actions.add_note(other, "Keep this one", None)
    elses = make_comment(article, email="else@example.org")
    comment = make_comment(article, email=PERSON, parent=elses, in_reply_to=elses)
    return {"article": article, "other": other, "comment": comment}


def test_command_exports_all_leads_notes_and_comments_as_json(person_data, capsys):
    """`leads_privacy export EMAIL` prints everything held for that person, case-insensitively."""
    call_command("leads_privacy", "export", PERSON)
    data = json.loads(capsys.readouterr().out)
    assert data["email"] == PERSON
    assert len(data["leads"]) == 2
    assert {lead["source_page"] for lead in data["leads"]} == {"Privacy article", None}
    assert any(note["text"] == "Called, no answer" for lead in data["leads"] for note in lead["notes"])
    assert all(lead["email"].lower() == PERSON for lead in data["leads"])
    assert any(
        line["what"] == "Note added: Called, no answer" for lead in data["leads"] for line in lead["history"]
    )
    assert len(data["comments"]) == 1


def test_export_holds_every_stored_field_of_a_comment(person_data, capsys):
    """The export leaves out nothing stored about a comment: timestamps and the reply target too."""
    call_command("leads_privacy", "export", PERSON)
    (exported,) = json.loads(capsys.readouterr().out)["comments"]
    comment = person_data["comment"]
    assert set(exported) == {field.name for field in Comment._meta.concrete_fields}
    assert exported["in_reply_to"] == comment.in_reply_to_id
    assert exported["approved_at"] == comment.approved_at.isoformat()
    assert exported["updated_at"] == comment.updated_at.isoformat()


def test_command_erases_the_person_everywhere(person_data, capsys):
    """`leads_privacy erase EMAIL --yes` removes their leads, notes, history and comments only."""
    call_command("leads_privacy", "erase", PERSON, "--yes")
    assert not Lead.objects.filter(email__iexact=PERSON).exists()
    assert list(LeadNote.objects.values_list("text", flat=True)) == ["Keep this one"]
    assert not LeadLogEntry.objects.filter(label="Pat Person").exists()
    assert LeadLogEntry.objects.for_instance(person_data["other"]).exists()
    assert Lead.objects.filter(pk=person_data["other"].pk).exists()
    assert not Comment.objects.filter(email__iexact=PERSON).exists()
    assert Comment.objects.filter(email="else@example.org").exists()
    assert "Erased 2 lead(s)" in capsys.readouterr().out


def test_sales_cannot_reach_privacy_requests(client, person_data):
    """A Sales user gets 403 on the privacy page (export and erase) and sees no link to it."""
    client.force_login(make_user("sam", group="Sales"))
    url = reverse("leads_admin:privacy")
    assert client.get(url).status_code == 403
    assert client.post(url, {"email": PERSON, "action": "export"}).status_code == 403
    response = client.post(url, {"email": PERSON, "action": "erase", "confirm": "on"})
    assert response.status_code == 403
    assert Lead.objects.filter(email__iexact=PERSON).count() == 2
    lead = Lead.objects.filter(email=PERSON).first()
    html = client.get(reverse("leads_admin:inspect", args=[lead.pk])).content.decode()
    assert url not in html


def test_privacy_requests_are_for_superusers_only_by_default(db):
    """Only the named permission opens privacy requests, and no group holds it out of the box."""
    assert not Group.objects.filter(permissions__codename="manage_personal_data").exists()
    assert Permission.objects.filter(
        content_type__app_label="leads", codename="manage_personal_data"
    ).exists()


def test_admin_export_downloads_json_for_a_superuser(client, person_data):
    """An admin can download a person's data (leads and comments) as JSON from the admin."""
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    response = client.post(reverse("leads_admin:privacy"), {"email": PERSON, "action": "export"})
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert len(data["leads"]) == 2
    assert len(data["comments"]) == 1


def test_admin_erase_needs_confirmation(client, person_data):
    """An admin erasing from the admin must tick the confirm box; then the person is gone."""
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    response = client.post(reverse("leads_admin:privacy"), {"email": PERSON, "action": "erase"})
    assert "Tick this box to confirm the erasure." in response.content.decode()
    assert Lead.objects.filter(email__iexact=PERSON).count() == 2

    response = client.post(
        reverse("leads_admin:privacy"), {"email": PERSON, "action": "erase", "confirm": "on"}
    )
    assert response.status_code == 302
    assert not Lead.objects.filter(email__iexact=PERSON).exists()
    assert Lead.objects.filter(pk=person_data["other"].pk).exists()


def test_the_named_permission_opens_privacy_requests(client, person_data):
    """A Sales user given "manage personal data" sees the link and can export and erase."""
    user = make_user("dpo", group="Sales")
    user.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
    client.force_login(user)
    lead = Lead.objects.filter(email=PERSON).first()
    html = client.get(reverse("leads_admin:inspect", args=[lead.pk])).content.decode()
    assert reverse("leads_admin:privacy") + "?email=person%40example.org" in html
    response = client.post(reverse("leads_admin:privacy"), {"email": PERSON, "action": "export"})
    assert len(json.loads(response.content)["leads"]) == 2
    response = client.post(
        reverse("leads_admin:privacy"), {"email": PERSON, "action": "erase", "confirm": "on"}
    )
    assert response.status_code == 302
    assert not Lead.objects.filter(email__iexact=PERSON).exists()


def test_purge_deletes_old_lost_and_spam_leads_only(db, settings):
    """`purge_leads` removes lost and spam leads past LEADS_RETENTION_DAYS and keeps the rest."""
    settings.LEADS_RETENTION_DAYS = 90
    old = timezone.now() - timedelta(days=91)
    kept = [
        make_lead(name="Old won", status="won"),
        make_lead(name="Recent lost", status="lost"),
        make_lead(name="Old new", status="new"),
    ]
    doomed = [make_lead(name="Old lost", status="lost"), make_lead(name="Old spam", status="spam")]
    Lead.objects.filter(name__startswith="Old").update(updated=old)
    for lead in kept + doomed:
        actions.log_received(lead)
    call_command("purge_leads")
    assert set(Lead.objects.values_list("pk", flat=True)) == {lead.pk for lead in kept}
    assert not Lead.objects.filter(pk__in=[lead.pk for lead in doomed]).exists()
    assert set(LeadLogEntry.objects.values_list("object_id", flat=True)) == {str(lead.pk) for lead in kept}


def test_demo_leads_load_once(make_article):
    """The demo loader creates varied leads and, run again, adds nothing."""
    from leads import demo

    make_article(title="Demo article")
    assert demo.load() == len(demo.DEMO_LEADS)
    assert demo.load() == 0
    assert Lead.objects.values("status").distinct().count() >= 4
    assert Lead.objects.exclude(utm_source="").exists()
    assert Lead.objects.filter(source_page__isnull=False).exists()
