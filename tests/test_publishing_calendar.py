"""The publishing calendar: a month of scheduled, draft and published articles, filterable."""

from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from articles.models import Author, Category

pytestmark = pytest.mark.django_db


def at(day, hour):
    """A time in a month still to come, so that a go-live time there schedules rather than publishes."""
    return timezone.make_aware(datetime(2027, 3, day, hour, 0))


@pytest.fixture
def month(make_article, author, category):
    published = make_article(title="Published piece")
    type(published).objects.filter(pk=published.pk).update(first_published_at=at(3, 9))
    draft = make_article(title="Draft piece", publish=False)
    type(draft).objects.filter(pk=draft.pk).update(latest_revision_created_at=at(10, 14))
    scheduled = make_article(title="Scheduled piece", publish=False)
    scheduled.go_live_at = at(20, 7)
    scheduled.save_revision().publish()  # with a future go-live time this schedules it
    other_author = Author.objects.create(name="Tomás", slug="tomas")
    other_category = Category.objects.create(name="Social", slug="social")
    elsewhere = make_article(
        title="Someone else's draft", publish=False, authors=[other_author], category=other_category
    )
    type(elsewhere).objects.filter(pk=elsewhere.pk).update(latest_revision_created_at=at(10, 15))
    return other_author, other_category


def items(client, query=""):
    soup = BeautifulSoup(client.get(f"/admin/articles/calendar/?month=2027-03{query}").content, "html.parser")
    found = {}
    for cell in soup.select("table.calendar td"):
        if cell.strong:
            for li in cell.select("li"):
                found[li.a.get_text()] = (int(cell.strong.get_text()), li.get_text(" ", strip=True))
    return found


def test_calendar_shows_each_kind_on_its_day_with_times_and_links(client, month):
    """Scheduled (go-live time), drafts (last edit) and published articles each sit on their day."""
    client.force_login(User.objects.create_superuser("admin", "a@example.com", "pw"))
    found = items(client)
    assert found["Published piece"][0] == 3 and found["Published piece"][1].startswith("Published")
    assert found["Draft piece"][0] == 10 and "Draft, last edited" in found["Draft piece"][1]
    day, text = found["Scheduled piece"]
    assert (
        day == 20
        and text.startswith("Scheduled to go live")
        and timezone.localtime(at(20, 7)).strftime("%H:%M") in text
    )


def test_calendar_filters_by_author_and_category(client, month, author, category):
    """Choosing an author or a category leaves only their articles."""
    other_author, other_category = month
    client.force_login(User.objects.create_superuser("admin", "a@example.com", "pw"))
    assert set(items(client, f"&author={other_author.pk}")) == {"Someone else's draft"}
    assert "Someone else's draft" not in items(client, f"&category={category.pk}")
    assert set(items(client, f"&category={other_category.pk}")) == {"Someone else's draft"}
