"""The lead and comment admin lists at scale: constant queries per page, the PostgreSQL-only
search indexes, counts that never read a whole table, and the dashboard's weekly window.
(bench/admin_at_scale.py times them at 100,000 leads.)"""

import re
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.tables import Column, DateColumn

import pytest

from admin_access import listing as admin_listing
from admin_access.listing import HumanDateColumn, TextColumn
from comments import admin_views as comment_admin
from comments.models import Comment
from leads.models import Lead

from .comment_builders import make_comment
from .leads_support import make_lead, make_user

LEADS = reverse("leads_admin:index")
COMMENTS = "/admin/snippets/comments/comment/"
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-only indexes")


@pytest.fixture
def sales(db):
    return make_user("sam", group="Sales")


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def queries_for(client, url):
    client.get(url)  # warm: content types, settings
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_leads(count, pages, owner):
    for n in range(count):
        make_lead(name=f"Lead {n}", source_page=pages[n % len(pages)], owner=owner if n % 2 else None)


@pytest.mark.parametrize("url", [LEADS, LEADS + "?status=new", LEADS + "?q=Lead"])
def test_lead_list_costs_the_same_queries_at_5_and_50_rows(client, sales, make_article, url):
    """Each row's source page and owner come with the leads (no query per row)."""
    client.force_login(sales)
    pages = [make_article(title=f"Article {n}") for n in range(3)]
    add_leads(5, pages, sales)
    small = queries_for(client, url)
    add_leads(45, pages, sales)
    assert queries_for(client, url) == small


def test_comment_list_costs_the_same_queries_at_5_and_50_rows(client, moderator, make_article):
    client.force_login(moderator)
    pages = [make_article(title=f"Article {n}") for n in range(3)]
    for n in range(5):
        make_comment(pages[n % 3], status=Comment.Status.PENDING if n % 2 else Comment.Status.APPROVED)
    small = queries_for(client, COMMENTS)
    for n in range(45):
        make_comment(pages[n % 3], status=Comment.Status.SPAM if n % 2 else Comment.Status.APPROVED)
    assert queries_for(client, COMMENTS) == small


def test_lists_link_each_row_to_its_page_without_a_menu_per_row(client, moderator, sales, make_article):
    """The title opens the lead or comment, whose page has every action; no dropdown per row."""
    article = make_article(title="Local SEO")
    lead = make_lead(name="Grace Hopper")
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    html = client.get(LEADS).content.decode()
    assert reverse("leads_admin:inspect", args=[lead.pk]) in html
    assert "More options for" not in html
    html = client.get(COMMENTS).content.decode()
    assert reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]) in html
    assert "More options for" not in html


@on_postgres
@pytest.mark.django_db
def test_postgres_has_a_trigram_index_for_each_searched_field():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'leads_lead'")
        indexes = dict(cursor.fetchall())
    for field in ["name", "email", "company", "phone"]:
        assert "gin_trgm_ops" in indexes[f"lead_{field}_trgm_idx"]


@on_postgres
@pytest.mark.django_db
def test_postgres_search_reads_the_trigram_indexes():
    """The admin's icontains search matches the indexed expression, UPPER(column::text)."""
    make_lead(name="Ada Kowalski")
    query = (
        Lead.objects.filter(name__icontains="kowal") | Lead.objects.filter(email__icontains="kowal")
    ).order_by()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: force the choice
        sql, params = query.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "lead_name_trgm_idx" in plan and "lead_email_trgm_idx" in plan


@on_postgres
def test_postgres_unfiltered_list_shows_the_estimated_total(client, sales, monkeypatch):
    """Above the threshold the total is PostgreSQL's estimate; a filtered list counts exactly."""
    client.force_login(sales)
    for n in range(3):
        make_lead(name=f"Lead {n}", status="won" if n else "new")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE leads_lead")
    monkeypatch.setattr(admin_listing, "EXACT_COUNT_BELOW", 2)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(LEADS).content.decode()
    assert "About 3 leads" in html
    assert not any("COUNT(" in query["sql"] for query in queries)
    assert "There is 1 match" in client.get(LEADS, {"status": "new"}).content.decode()


def test_sqlite_or_small_tables_count_exactly(client, sales):
    client.force_login(sales)
    for n in range(3):
        make_lead(name=f"Lead {n}")
    assert "3 leads" in client.get(LEADS).content.decode()


def test_comment_status_counts_stop_at_the_cap(client, moderator, make_article, monkeypatch):
    """Each count above the list reads at most the cap (+1) rows, then says "N+"."""
    client.force_login(moderator)
    article = make_article(title="Local SEO")
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.SPAM)
    monkeypatch.setattr(comment_admin, "STATUS_COUNT_CAP", 2)
    html = client.get(COMMENTS).content.decode()
    assert 'data-status-count="pending">2+<' in html
    assert 'data-status-count="spam">1<' in html
    assert 'data-status-count="approved">0<' in html


def test_dashboard_top_pages_count_the_charts_weeks(client, sales, make_article):
    """Top pages: genuine leads of the chart's weeks only, linked to that part of the list."""
    client.force_login(sales)
    recent, old = make_article(title="Recent favourite"), make_article(title="Old favourite")
    for _ in range(2):
        make_lead(source_page=recent)
    make_lead(source_page=recent, status="spam")
    for _ in range(5):
        make_lead(source_page=old, created=timezone.now() - timedelta(weeks=20))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Top pages by leads, last 12 weeks" in html
    assert "Recent favourite</a>: 2<" in html
    assert "Old favourite" not in html
    assert f"?source_page={recent.pk}&amp;created_from=" in html


def squeezed(html):
    return re.sub(r"\s*([<>])\s*", r"\1", re.sub(r"<td >", "<td>", str(html)))


def test_python_cells_match_wagtails_templates(sales):
    """The cells built in Python are Wagtail's own markup (this fails if an upgrade changes it)."""
    lead = make_lead(company="Fish & Chips <Ltd>", owner=sales, created=timezone.now() - timedelta(days=3))
    context = {"row": None, "table": None, "request": None}
    pairs = [
        (DateColumn("created"), HumanDateColumn("created")),
        (Column("company"), TextColumn("company")),
        (Column("phone", classname="phone"), TextColumn("phone", classname="phone")),
        (
            Column("status", accessor="get_status_display"),
            TextColumn("status", accessor="get_status_display"),
        ),
        (Column("owner"), TextColumn("owner")),
        (Column("referrer"), TextColumn("referrer")),
    ]
    for wagtails, ours in pairs:
        assert squeezed(ours.render_cell_html(lead, context)) == squeezed(
            wagtails.render_cell_html(lead, context)
        )
    assert "Fish &amp; Chips &lt;Ltd&gt;" in TextColumn("company").render_cell_html(lead, context)
