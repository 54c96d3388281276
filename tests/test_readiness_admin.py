"""The readiness checks in the admin: the Checks panel's rules, the edit view's panel, the page
listing column, the report and dismissals."""

import json

import pytest
from bs4 import BeautifulSoup

from articles.models import CheckDismissal, ReadinessScore
from articles.readiness.checks import CHECKS
from articles.readiness.evaluate import record

from .leads_support import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_user("editor", group="Editors")


@pytest.fixture
def draft(make_article, organization):
    page = make_article(title="Thin draft", slug="thin-draft")
    record(page)
    return page


def test_checks_panel_runs_one_rule_per_readiness_check_with_its_fix(client, editor, draft):
    """The editor's Checks panel is configured with each readiness check, its name and how to fix it."""
    client.force_login(editor)
    soup = BeautifulSoup(client.get(f"/admin/pages/{draft.pk}/edit/").content, "html.parser")
    config = json.loads(soup.find(id="checker-axe-configuration").string)
    for check in CHECKS:
        rule = f"readiness-{check.id.replace('_', '-')}"
        assert rule in config["options"]["runOnly"]
        assert config["messages"][rule] == {"error_name": check.name, "help_text": check.fix}
    assert "heading-order" in config["options"]["runOnly"]  # Wagtail's own checks still run


def marked_checks(page):
    html = page.make_preview_request().render().content
    return {
        tag["data-readiness-check"]
        for tag in BeautifulSoup(html, "html.parser").select("[data-readiness-check]")
    }


def test_preview_carries_a_marker_for_each_failing_check_only(client, draft):
    """The preview marks the checks the unsaved draft fails, and only those, for axe to report."""
    assert marked_checks(draft) == {"seo_title", "description", "social_image", "word_count", "internal_link"}
    draft.seo_title = "A thin draft, with an SEO title"  # unsaved
    assert "seo_title" not in marked_checks(draft)
    public = BeautifulSoup(client.get(draft.url).content, "html.parser")
    assert not public.select("[data-readiness-check]")


def test_edit_view_panel_explains_and_dismissal_keeps_reason_who_and_when(client, editor, draft):
    """An editor sees each failing check with its fix, dismisses one with a reason; the report shows it."""
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "The article has 11 words; aim for at least 300. Write at least 300 words" in edit
    assert ReadinessScore.objects.get(page=draft).score == 55
    url = f"/admin/articles/{draft.pk}/dismiss/word_count/"
    assert client.post(url, {"reason": ""}).status_code == 200  # a reason is required
    client.post(url, {"reason": "A short news item on purpose."})
    dismissal = CheckDismissal.objects.get(page=draft, check_id="word_count")
    assert dismissal.dismissed_by == editor and dismissal.reason == "A short news item on purpose."
    assert ReadinessScore.objects.get(page=draft).score == 60
    report = client.get("/admin/reports/readiness/").content.decode()
    assert "A short news item on purpose. (editor," in report
    csv = b"".join(client.get("/admin/reports/readiness/?export=csv").streaming_content).decode()
    assert "Thin draft,60," in csv and "A short news item on purpose." in csv


def test_a_dismissal_can_be_undone(client, editor, draft):
    """The panel links a dismissed check to "Count it again"; after the POST it counts again."""
    client.force_login(editor)
    client.post(f"/admin/articles/{draft.pk}/dismiss/word_count/", {"reason": "News item."})
    restore = f"/admin/articles/{draft.pk}/restore/word_count/"
    assert restore in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    confirm = client.get(restore)
    assert confirm.status_code == 200 and "News item." in confirm.content.decode()
    assert CheckDismissal.objects.filter(page=draft).exists()  # a GET changes nothing
    assert client.post(restore).status_code == 302
    assert not CheckDismissal.objects.filter(page=draft).exists()
    assert ReadinessScore.objects.get(page=draft).score == 55
    assert client.post(restore).status_code == 404  # nothing left to undo


def test_report_sorts_by_score_and_listing_shows_it(client, editor, draft, make_article):
    """The report lists the weakest articles first and the page listing has a Readiness column."""
    good = make_article(title="Another", slug="another")
    ReadinessScore.objects.filter(page=good).update(score=91)  # recorded on publish
    client.force_login(editor)
    report = client.get("/admin/reports/readiness/").content.decode()
    assert report.index("Thin draft") < report.index("Another")
    report = client.get("/admin/reports/readiness/?ordering=-score").content.decode()
    assert report.index("Another") < report.index("Thin draft")
    listing = BeautifulSoup(client.get(f"/admin/pages/{draft.get_parent().pk}/").content, "html.parser")
    assert "Readiness" in listing.find("table", class_="listing").find("thead").get_text()
    row = next(tr for tr in listing.select("tbody tr") if "Thin draft" in tr.get_text())
    assert "55" in [td.get_text(strip=True) for td in row.find_all("td")]
