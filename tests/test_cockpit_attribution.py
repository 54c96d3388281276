"""Attribution in the editor: comment and lead counts per article in the page listing and on the
edit view, each linking to the filtered admin list; lead details only for Sales and admins."""

from datetime import timedelta

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from comments.models import Comment
from leads.models import Lead
from tests.comment_builders import make_comment
from tests.leads_support import make_lead, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article, organization):
    page = make_article(title="Attributed article", slug="attributed")
    other = make_article(title="Quiet article", slug="quiet")
    for _ in range(2):
        make_comment(page)
    make_comment(page, status=Comment.Status.PENDING)
    make_comment(page, status=Comment.Status.SPAM)
    make_comment(other)
    for _ in range(3):
        make_lead(source_page=page, email="ada.private@example.org")
    old = make_lead(source_page=page)
    Lead.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=45))
    make_lead(source_page=page, status=Lead.Status.SPAM)
    make_lead(source_page=other)
    return page


def listing_row(client, page):
    soup = BeautifulSoup(client.get(f"/admin/pages/{page.get_parent().pk}/").content, "html.parser")
    table = soup.find("table", class_="listing")
    headings = [th.get_text(" ", strip=True) for th in table.find("thead").find_all(["th", "td"])]
    row = next(tr for tr in table.select("tbody tr") if "Attributed article" in tr.get_text())
    return dict(zip(headings, row.find_all("td"), strict=False)), soup


def test_admins_see_counts_linking_to_the_filtered_lists(client, article):
    """Counts match the data and link to the comments and leads lists filtered to the article."""
    client.force_login(make_user("boss", is_superuser=True, is_staff=True))
    cells, _soup = listing_row(client, article)
    assert cells["Comments"].get_text(strip=True) == "2"
    assert cells["Awaiting moderation"].get_text(strip=True) == "1"
    assert cells["Leads, last 30 days"].get_text(strip=True) == "3"
    assert cells["Leads, all time"].get_text(strip=True) == "4"
    leads_link = cells["Leads, all time"].a["href"]
    assert leads_link == f"/admin/leads/?source_page={article.pk}"
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f'<a href="{leads_link}">4</a>' in edit
    assert cells["Comments"].a["href"].endswith(f"?status=approved&page={article.pk}")
    assert client.get(cells["Awaiting moderation"].a["href"]).status_code == 200
    # The counts leave spam out; the list shows it too, marked with its status.
    listed = BeautifulSoup(client.get(leads_link).content, "html.parser").get_text()
    assert "Ada Lovelace" in listed and "5 leads" in listed


def test_an_editor_sees_counts_and_no_personal_data(client, article):
    """An Editor sees how many leads an article brought, with no link to them and no names or emails."""
    client.force_login(make_user("ed", "Editors"))
    cells, soup = listing_row(client, article)
    assert cells["Leads, last 30 days"].get_text(strip=True) == "3"
    assert cells["Leads, all time"].find("a") is None
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Leads, all time: 4" in edit
    for page_html in (str(soup), edit):
        assert "ada.private@example.org" not in page_html and "Ada Lovelace" not in page_html
        assert "/admin/leads/?" not in page_html


def test_without_the_report_permission_there_are_no_lead_figures(client, article):
    """A staff user without "Leads per article" sees comment counts but no lead columns."""
    client.force_login(make_user("mod", "Moderators"))
    cells, _soup = listing_row(client, article)
    assert "Comments" in cells and "Leads, all time" not in cells
