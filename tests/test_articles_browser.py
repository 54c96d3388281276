"""What a reader sees in a real browser (Chromium driven by Playwright)."""

import pytest

from tests.conftest import comparison_table, paragraph

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_article_reads_well_on_a_360px_phone(live_server, page, console_errors, make_article, author):
    """On a 360 px phone the table, caption and byline show and the page never scrolls sideways."""
    long_cell = "A long explanation that would push a naive table far past the edge of a small phone screen"
    body = [paragraph("<p>Intro paragraph.</p>"), comparison_table(), paragraph(f"<p>{long_cell}</p>")]
    body[1]["value"]["data"][1][1] = long_cell
    article = make_article(title="SEO or SMO on a phone", body=body)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + article.url)

    table = page.locator("table")
    assert table.locator("caption").inner_text() == "SEO and SMO side by side"
    assert table.locator("th[scope=col]").all_inner_texts() == ["#", "SEO", "SMO"]
    assert table.locator("tbody tr").count() == 6
    assert table.is_visible()
    byline = page.locator(".byline")
    assert "Maya Okafor" in byline.inner_text()
    assert byline.locator("a[rel=author]").get_attribute("href") == "/articles/author/maya-okafor/"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    box = table.bounding_box()
    assert box["x"] >= 0
    assert console_errors == []
