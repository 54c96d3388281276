"""Share previews: the unsaved draft as Google results and LinkedIn, Facebook and X cards."""

import pytest
from bs4 import BeautifulSoup

from articles.images import draw_image

pytestmark = pytest.mark.django_db


def test_share_previews_show_the_unsaved_draft_cut_and_cropped_per_platform(make_article, organization):
    """Unsaved title, description and image appear, cut at Google's width and cropped per network."""
    page = make_article(title="Saved title")
    page.seo_title = "Unsaved SEO title about local search for small service businesses"
    page.search_description = "Unsaved description. " * 12
    page.hero_image = draw_image("Unsaved hero", size=(1600, 1000))
    response = page.make_preview_request(preview_mode="share")
    soup = BeautifulSoup(response.render().content, "html.parser")
    titles = [tag.get_text() for tag in soup.select(".google__title")]
    assert titles[0] == "Unsaved SEO title about local search for small service …"
    assert titles[1] == "Unsaved SEO title about local search for small service businesses"
    desktop, mobile = (tag.get_text() for tag in soup.select(".google__text"))
    assert desktop.startswith("Unsaved description.") and desktop.endswith("…")
    assert len(mobile) < len(desktop) <= 162
    sizes = {card.h2.get_text(): (card.img["width"], card.img["height"]) for card in soup.select(".card")}
    assert sizes == {"LinkedIn": ("1200", "627"), "Facebook": ("1200", "628"), "X": ("1200", "600")}
    assert "Saved title" not in " ".join(titles)
    assert ("share", "Share previews") in page.preview_modes
