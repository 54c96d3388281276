"""An article page stays light: HTML + CSS + JS, compressed, within the 60 KB budget (images aside)."""

import gzip
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

import pytest
from bs4 import BeautifulSoup

from tests.conftest import comparison_table, paragraph

BUDGET = 60 * 1024

pytestmark = pytest.mark.django_db


def loaded_assets(html):
    """The site's own file behind every script and stylesheet the page loads; an asset from
    anywhere else fails the test (the site ships everything itself, no CDN)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag["src"] for tag in soup.find_all("script", src=True)]
    urls += [tag["href"] for tag in soup.find_all("link", href=True) if "stylesheet" in tag.get("rel", [])]
    assets = {}
    for url in urls:
        assert url.startswith(settings.STATIC_URL), f"{url} is not one of the site's own files"
        path = url.removeprefix(settings.STATIC_URL).split("?")[0]
        assets[path] = Path(finders.find(path))
    return assets


def test_article_page_is_within_weight_budget(client, make_article, image):
    """A long article with a table, images, comments and the callback form, compressed as browsers receive it, weighs under 60 KB."""
    body = [paragraph("<p>" + "Search and social reach, explained with care. " * 60 + "</p>")] * 6
    body.insert(2, comparison_table())
    article = make_article(title="A long read", body=body, hero_image=image, tags=["seo", "smo"])
    response = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assets = loaded_assets(html)
    assert {"css/site.css", "js/site.js", "js/leads.js", "js/comments.js"} <= set(assets)
    total = len(response.content) + sum(
        len(gzip.compress(asset.read_bytes(), 9)) for asset in assets.values()
    )
    assert total < BUDGET, f"{total / 1024:.1f} KB"
    assert 'href="https://fonts.' not in html
