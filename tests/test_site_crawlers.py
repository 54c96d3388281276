"""Feeds, sitemap.xml, robots.txt and the error pages, as feed readers and crawlers see them."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from articles.models import Author, Category

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def articles(make_article, author):
    social = Category.objects.create(name="Social", slug="social")
    sam = Author.objects.create(name="Sam Lee", slug="sam-lee")
    return {
        "search": make_article(title="Ranking basics", intro="How ranking works.", tags=["ranking"]),
        "social": make_article(title="Audience growth", category=social, authors=[sam]),
        "both": make_article(title="Joint piece", category=social, authors=[author, sam]),
        "draft": make_article(title="Unfinished draft", publish=False),
    }


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(("url", "version"), [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_site_feed_lists_live_articles_newest_first(client, articles, url, version):
    """Feed readers get every live article, newest first, with link, summary, author and date."""
    feed = parse(client, url)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Joint piece", "Audience growth", "Ranking basics"]
    ranking = feed.entries[2]
    assert ranking.link == "http://testserver" + articles["search"].url
    assert ranking.summary == "How ranking works."
    assert ranking.author == "Maya Okafor"
    assert ranking.published_parsed is not None
    assert {tag.term for tag in ranking.tags} == {"Search", "ranking"}
    assert feed.feed.link == "http://testserver/articles/"


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize(
    ("path", "titles", "named", "link"),
    [
        ("category/social", ["Joint piece", "Audience growth"], "Social", "/articles/category/social/"),
        (
            "author/maya-okafor",
            ["Joint piece", "Ranking basics"],
            "Maya Okafor",
            "/articles/author/maya-okafor/",
        ),
    ],
)
def test_category_and_author_feeds_list_only_their_articles(
    client, articles, kind, path, titles, named, link
):
    """A category's feed holds only its own articles, an author's the ones they wrote or co-wrote."""
    feed = parse(client, f"/feeds/{path}/{kind}/")
    assert [entry.title for entry in feed.entries] == titles
    assert named in feed.feed.title
    assert feed.feed.link == "http://testserver" + link


def test_feed_for_unknown_category_is_404(client, articles):
    assert client.get("/feeds/category/nope/rss/").status_code == 404


def test_feed_length_is_a_setting(client, articles, settings):
    settings.ARTICLES_FEED_ITEMS = 1
    assert len(parse(client, "/feeds/rss/").entries) == 1


def test_sitemap_lists_live_pages_with_lastmod_and_no_drafts(client, articles):
    """Search engines get every live article with its last change, never a draft or unpublished page."""
    articles["social"].unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("sm:loc", SITEMAP_NS).text: url.find("sm:lastmod", SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    base = "http://testserver"
    assert base + articles["search"].url in entries
    assert base + articles["both"].url in entries
    assert base + articles["social"].url not in entries
    assert base + articles["draft"].url not in entries
    assert base + "/" in entries and base + "/articles/" in entries
    listing_routes = ("/articles/author/", "/articles/category/", "/articles/tag/")
    article_entries = [
        loc
        for loc in entries
        if loc.startswith(base + "/articles/")
        and loc != base + "/articles/"
        and not loc.startswith(tuple(base + route for route in listing_routes))
    ]
    assert len(article_entries) == 2
    assert all(entries[loc] is not None and entries[loc].text for loc in article_entries)
    assert entries[base + articles["search"].url].text.startswith(
        articles["search"].last_published_at.strftime("%Y-%m-%d")
    )


def test_sitemap_leaves_out_private_pages(client, articles):
    """A page behind a password is not advertised to crawlers."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=articles["search"], restriction_type="password", password="x")
    assert articles["search"].url.encode() not in client.get("/sitemap.xml").content


def test_robots_txt_names_sitemap_and_keeps_admin_out(client, home):
    """Crawlers are pointed at the absolute sitemap URL and kept out of the admin."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_404_page_in_site_design(client, home):
    """A missing page says so in the site's layout, with a way onwards."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'action="/search/"' in html
    assert '<meta name="robots" content="noindex">' in html
