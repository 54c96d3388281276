"""The side-by-side bench's own parts (bench/run.py): the lead it posts is one the contact form
accepts, built from the form's own hidden fields, so a changed form breaks here, not mid-run;
the stylesheet it takes as the static reference is the one the pages link; and the peer page
has the size the README says."""

import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

from leads.models import Lead

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import peer
import run as bench


@pytest.mark.django_db
def test_the_bench_lead_post_is_accepted_and_stored_with_its_marker(client, home, settings):
    settings.ANTISPAM_MIN_FILL_SECONDS = 0  # as site_project.settings.loadtest
    form = bench.parse(client.get("/contact/").content.decode())
    assert "issued" in form.hidden
    body = urlencode({**form.hidden, **bench.LEAD_FIELDS})

    for marker in ("1x1", "1x2"):
        response = client.post(
            "/contact/",
            body.replace("BENCHN", marker),
            content_type="application/x-www-form-urlencoded",
            HTTP_ORIGIN="http://testserver",
        )
        assert response.status_code == 302

    leads = Lead.objects.order_by("pk")
    assert [lead.email for lead in leads] == ["bench.1x1@example.org", "bench.1x2@example.org"]
    assert all(lead.status != Lead.Status.SPAM for lead in leads)


@pytest.mark.django_db
def test_the_static_reference_is_the_stylesheet_the_home_page_links(client, home):
    stylesheet = bench.parse(client.get("/").content.decode()).stylesheet
    assert stylesheet.startswith("/static/") and stylesheet.endswith(".css")


def test_the_peer_page_has_about_1500_words_and_a_table():
    html = peer.body_html()
    words = sum(len(p.split("</p>")[0].split()) for p in html.split("<p>")[1:])
    assert 1400 <= words <= 1700
    assert html.count("<table>") == 1
