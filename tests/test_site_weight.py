"""An article page stays light: HTML + CSS + JS, compressed, within the 60 KB budget (images aside)."""

import gzip
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

import pytest

from tests.conftest import comparison_table, paragraph

BUDGET = 60 * 1024

pytestmark = pytest.mark.django_db


def test_article_page_is_within_weight_budget(client, make_article, image):
    """A long article with a table and images, compressed as browsers receive it, weighs under 60 KB."""
    body = [paragraph("<p>" + "Search and social reach, explained with care. " * 60 + "</p>")] * 6
    body.insert(2, comparison_table())
    article = make_article(title="A long read", body=body, hero_image=image, tags=["seo", "smo"])
    response = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assets = [
        Path(finders.find(path))
        for path in ("css/site.css", "js/site.js")
        if settings.STATIC_URL + path in html
    ]
    assert len(assets) == 2
    total = len(response.content) + sum(len(gzip.compress(asset.read_bytes(), 9)) for asset in assets)
    assert total < BUDGET, f"{total / 1024:.1f} KB"
    assert '<script src="https://' not in html and 'href="https://fonts.' not in html
