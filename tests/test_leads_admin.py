"""Sales review in the Wagtail admin: who may see leads, the list, the lead page, exports."""

import csv
import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from leads.models import Lead, LeadLogEntry

from .leads_support import make_lead, make_user

INDEX = "leads_admin:index"


@pytest.fixture
def sales(db):
    return make_user("sam", group="Sales", first_name="Sam", last_name="Seller")


@pytest.fixture
def editor(db):
    return make_user("eddie", group="Editors")


@pytest.fixture
def sales_client(client, sales):
    client.force_login(sales)
    return client


@pytest.fixture
def lead(db):
    return make_lead(name="Ada Lovelace", company="Engines Ltd", utm_source="newsletter")


def lead_urls(lead):
    return [
        reverse(INDEX),
        reverse(INDEX) + "?export=csv",
        reverse(INDEX) + "?export=xlsx",
        reverse("leads_admin:inspect", args=[lead.pk]),
        reverse("leads_admin:privacy"),
        reverse("leads_admin:delete", args=[lead.pk]),
    ]


def test_groups_hold_the_right_lead_permissions(db):
    """Sales may view and work leads; Editors only see the per-article counts."""
    sales = set(
        Group.objects.get(name="Sales")
        .permissions.filter(content_type__app_label="leads")
        .values_list("codename", flat=True)
    )
    editors = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="leads")
        .values_list("codename", flat=True)
    )
    assert sales == {"view_lead", "change_lead", "view_lead_stats"}
    assert editors == {"view_lead_stats"}


def test_anonymous_visitors_are_sent_to_login(client, lead):
    """Nobody logged out can list, view or export leads."""
    for url in lead_urls(lead):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_editors_get_403_on_every_lead_url(client, editor, lead):
    """Editors (marketing) cannot list, view, export or act on leads: personal data."""
    client.force_login(editor)
    for url in lead_urls(lead):
        assert client.get(url).status_code == 403, url
    for name in ("status", "owner", "note"):
        assert (
            client.post(reverse(f"leads_admin:{name}", args=[lead.pk]), {"status": "won"}).status_code == 403
        )
    lead.refresh_from_db()
    assert lead.status == Lead.Status.NEW


def test_editors_do_not_see_the_leads_menu(client, editor):
    """The Leads menu is not shown to Editors; the dashboard has no leads panel for them."""
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in html
    assert "leads waiting" not in html


def test_sales_see_the_menu_and_dashboard_panel(sales_client, lead):
    """Sales have a Leads menu and a dashboard panel with waiting leads and the weekly chart."""
    html = sales_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in html
    assert "1</strong> lead waiting" in html
    assert "<svg" in html and "Leads per week" in html


def test_sales_list_shows_the_columns(sales_client, make_article):
    """The list shows name, company, service, source article, status, owner and received time."""
    article = make_article(title="Local SEO guide")
    make_lead(name="Grace Hopper", company="Navy", service="ppc", source_page=article)
    html = sales_client.get(reverse(INDEX)).content.decode()
    for text in (
        "Grace Hopper",
        "Navy",
        "Paid search",
        "Local SEO guide",
        "New",
        "Received",
        "Source article",
        "Owner",
    ):
        assert text in html


def test_list_filters_by_status_service_owner_page_and_date(sales_client, sales, make_article):
    """Each filter narrows the list to matching leads."""
    article = make_article(title="SMO explained")
    make_lead(name="Alpha New", status="new", service="seo")
    make_lead(name="Bravo Won", status="won", service="smm", owner=sales, source_page=article)
    make_lead(name="Charlie Old", service="other", created=timezone.now() - timedelta(days=40))
    cases = {
        "status=won": "Bravo Won",
        "service=seo": "Alpha New",
        f"owner={sales.pk}": "Bravo Won",
        f"source_page={article.pk}": "Bravo Won",
        f"created_to={(timezone.now() - timedelta(days=30)).date()}": "Charlie Old",
    }
    for query, expected in cases.items():
        html = sales_client.get(reverse(INDEX) + "?" + query).content.decode()
        names = {"Alpha New", "Bravo Won", "Charlie Old"}
        assert expected in html, query
        for other in names - {expected}:
            assert other not in html, (query, other)


def test_list_search_finds_by_name_email_company_phone(sales_client):
    """Search matches name, email, company or phone."""
    make_lead(name="Zed Search", email="zed@corp.test", company="Zcorp", phone="+1 555 0100")
    make_lead(name="Other Person", email="o@o.test", company="Ocorp", phone="+1 555 0199")
    for term in ("Zed", "zed@corp", "Zcorp", "0100"):
        html = sales_client.get(reverse(INDEX), {"q": term}).content.decode()
        assert "Zed Search" in html and "Other Person" not in html, term


def test_list_sorts_by_name(sales_client):
    """Sorting by name orders the rows alphabetically."""
    make_lead(name="Bea")
    make_lead(name="Abe")
    html = sales_client.get(reverse(INDEX), {"ordering": "name"}).content.decode()
    assert html.index("Abe") < html.index("Bea")


def parse_csv(response):
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_respects_filters(sales_client):
    """Downloading CSV with a status filter gives exactly the filtered leads."""
    make_lead(name="Won One", status="won", email="won@x.test")
    make_lead(name="New One", status="new")
    response = sales_client.get(reverse(INDEX), {"status": "won", "export": "csv"})
    assert response["Content-Disposition"].startswith('attachment; filename="leads.csv"')
    rows = parse_csv(response)
    assert [row["Name"] for row in rows] == ["Won One"]
    assert rows[0]["Email"] == "won@x.test"
    assert rows[0]["Status"] == "Won"


def test_xlsx_export_respects_filters_and_search(sales_client):
    """Downloading XLSX with a search gives exactly the matching leads."""
    make_lead(name="Excel Match", company="Sheets Inc", utm_campaign="spring")
    make_lead(name="Excel Other", company="Docs Inc")
    response = sales_client.get(reverse(INDEX), {"q": "Sheets", "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    header, data = rows[0], rows[1:]
    assert len(data) == 1
    record = dict(zip(header, data[0], strict=True))
    assert record["Name"] == "Excel Match"
    assert record["UTM campaign"] == "spring"


def test_inspect_shows_every_field_source_and_utm(sales_client, make_article):
    """A lead's page shows its fields, a link to the source page, and UTM data."""
    article = make_article(title="Paid search basics")
    lead = make_lead(
        name="Inspect Me",
        source_page=article,
        utm_source="google",
        utm_campaign="ppc-q3",
        referrer="https://www.bing.com/",
        message="Call after lunch",
    )
    html = sales_client.get(reverse("leads_admin:inspect", args=[lead.pk])).content.decode()
    for text in (
        "Inspect Me",
        "Call after lunch",
        "google",
        "ppc-q3",
        "https://www.bing.com/",
        "Paid search basics",
    ):
        assert text in html
    assert f'href="{article.url}"' in html


def test_inspect_shows_linked_repeat_submissions(sales_client):
    """The lead page lists the same person's other submissions."""
    first = make_lead(name="Repeat Person", email="r@x.test", created=timezone.now() - timedelta(days=2))
    second = make_lead(name="Repeat Person", email="r@x.test", previous=first)
    html = sales_client.get(reverse("leads_admin:inspect", args=[second.pk])).content.decode()
    assert reverse("leads_admin:inspect", args=[first.pk]) in html
    assert "the submission this one repeats" in html


def test_status_change_is_recorded_with_who_and_when(sales_client, sales, lead):
    """Changing the status updates the lead and adds a history line naming the sales person."""
    response = sales_client.post(reverse("leads_admin:status", args=[lead.pk]), {"status": "contacted"})
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.status == Lead.Status.CONTACTED
    entry = LeadLogEntry.objects.for_instance(lead).get(action="leads.status")
    assert (entry.user, entry.data) == (sales, {"from": "New", "to": "Contacted"})
    for view in ("inspect", "history"):
        html = sales_client.get(reverse(f"leads_admin:{view}", args=[lead.pk])).content.decode()
        assert "Sam Seller" in html and "Status changed: New → Contacted" in html, view


def test_owner_change_is_recorded(sales_client, sales, lead):
    """Giving the lead to a sales person is recorded in its history."""
    sales_client.post(reverse("leads_admin:owner", args=[lead.pk]), {"owner": sales.pk})
    lead.refresh_from_db()
    assert lead.owner == sales
    entry = LeadLogEntry.objects.for_instance(lead).get(action="leads.owner")
    assert (entry.user, entry.data) == (sales, {"from": "nobody", "to": "Sam Seller"})


def test_owner_must_be_a_sales_user(sales_client, editor, lead):
    """A lead cannot be given to someone outside Sales."""
    sales_client.post(reverse("leads_admin:owner", args=[lead.pk]), {"owner": editor.pk})
    lead.refresh_from_db()
    assert lead.owner is None


def test_notes_show_author_and_time(sales_client, sales, lead):
    """A note added by sales appears on the lead page with its author."""
    sales_client.post(reverse("leads_admin:note", args=[lead.pk]), {"text": "Left a voicemail"})
    note = lead.notes.get()
    assert (note.author, note.text) == (sales, "Left a voicemail")
    html = sales_client.get(reverse("leads_admin:inspect", args=[lead.pk])).content.decode()
    assert "Left a voicemail" in html and "Sam Seller" in html
    assert LeadLogEntry.objects.for_instance(lead).filter(action="leads.note", user=sales).exists()


def test_sales_cannot_add_or_delete_leads(sales_client, lead):
    """Leads come only from the public forms; sales cannot delete them from the admin."""
    assert sales_client.get(reverse("leads_admin:delete", args=[lead.pk])).status_code == 403
    assert sales_client.get(reverse("leads_admin:add")).status_code == 403


def test_nobody_adds_edits_or_copies_a_lead_in_a_form(admin_client, lead):
    """Not even an admin gets a form to add, edit or copy a lead, nor a link to one."""
    assert admin_client.get(reverse("leads_admin:add")).status_code == 403
    assert admin_client.get(reverse("leads_admin:edit", args=[lead.pk])).status_code == 403
    assert admin_client.post(reverse("leads_admin:edit", args=[lead.pk]), {"name": "X"}).status_code == 403
    lead.refresh_from_db()
    assert lead.name == "Ada Lovelace"
    html = (
        admin_client.get(reverse(INDEX)).content.decode()
        + admin_client.get(reverse("leads_admin:inspect", args=[lead.pk])).content.decode()
    )
    assert reverse("leads_admin:add") not in html
    assert reverse("leads_admin:edit", args=[lead.pk]) not in html
    assert "/copy/" not in html


def test_site_history_shows_lead_changes_to_sales_only(client, sales_client, sales, editor, lead):
    """Sales find a lead's changes in the site history, linked to its page; Editors see none of it."""
    sales_client.post(reverse("leads_admin:status", args=[lead.pk]), {"status": "qualified"})
    html = sales_client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Ada Lovelace" in html and reverse("leads_admin:inspect", args=[lead.pk]) in html
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200 and "Ada Lovelace" not in response.content.decode()


def test_marketing_report_counts_leads_per_article_without_personal_data(client, editor, make_article):
    """Editors see how many leads each article brought, with no names or contact details."""
    article = make_article(title="Counting article")
    make_lead(name="Secret Name", email="secret@x.test", source_page=article, form="callback")
    make_lead(name="Another", source_page=article)
    make_lead(name="Spammy", source_page=article, status="spam")
    client.force_login(editor)
    html = client.get(reverse("leads_per_article")).content.decode()
    assert "Counting article" in html
    assert "Secret Name" not in html and "secret@x.test" not in html
    response = client.get(reverse("leads_per_article"), {"export": "csv"})
    rows = parse_csv(response)
    assert rows == [
        {"Page": "Counting article", "Leads": "2", "Callback requests": "1", "Contact enquiries": "1"}
    ]


def test_marketing_report_is_in_the_reports_menu_for_editors(client, editor):
    """Editors find "Leads per article" under Reports."""
    client.force_login(editor)
    assert reverse("leads_per_article") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_report_refused_without_permission(client, db):
    """An admin user without the stats permission cannot open the report."""
    user = make_user("plain")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("leads_per_article")).status_code == 403


def test_weekly_chart_counts_genuine_leads_per_week(db):
    """The dashboard chart has 12 weeks, counts each lead in its week, and leaves spam out."""
    now = timezone.now()
    make_lead(name="This week")
    make_lead(name="Also this week", status="won")
    make_lead(name="Spam this week", status="spam")
    make_lead(name="Three weeks ago", created=now - timedelta(weeks=3))
    make_lead(name="Too old", created=now - timedelta(weeks=13))
    weeks = Lead.objects.genuine().per_week(12)
    assert len(weeks) == 12
    assert weeks[-1][1] == 2
    assert weeks[-4][1] == 1
    assert sum(count for _, count in weeks) == 3
    assert all(monday.weekday() == 0 for monday, _ in weeks)


def test_csv_export_neutralises_formulas_typed_by_visitors(sales_client):
    """A lead whose company is `=cmd|...` opens in a spreadsheet as text, not as a formula."""
    make_lead(
        name="@SUM(A1:A9)",
        company='=cmd|" /C calc"!A0',
        message="+1+1",
        referrer="-2+3",
        utm_source="\t=1",
        utm_medium="\r=1",
        utm_campaign="spring",
    )
    rows = parse_csv(sales_client.get(reverse(INDEX), {"export": "csv"}))
    [row] = rows
    assert row["Company"] == '\'=cmd|" /C calc"!A0'
    assert row["Name"] == "'@SUM(A1:A9)"
    assert row["Message"] == "'+1+1"
    assert row["Referrer"] == "'-2+3"
    assert row["UTM source"] == "'\t=1"
    assert row["UTM medium"] == "'\r=1"
    assert row["UTM campaign"] == "spring"
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())
