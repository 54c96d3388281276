"""Metadata beyond the article: views outside the page tree, listings, pagination, breadcrumbs,
feeds and the finer points search engines and social networks read."""

import json

from django.urls import resolve, reverse

import feedparser
import pytest
from bs4 import BeautifulSoup

from articles.images import draw_image
from articles.models import Author, StandardPage
from comments.tokens import unsubscribe_token
from tests.comment_builders import make_comment
from tests.conftest import paragraph

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def graph(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)["@graph"]


def nodes(soup):
    return {node["@type"]: node for node in graph(soup)}


def visible_crumbs(soup):
    nav = soup.find("nav", class_="breadcrumbs")
    assert nav is not None
    return [(item.get_text(strip=True), item.a["href"] if item.a else None) for item in nav.find_all("li")]


# --- Views outside the page tree ---------------------------------------------------------


def test_contact_page_has_canonical_social_tags_json_ld_and_breadcrumbs(client, organization):
    """/contact/ shares and indexes like any page: one canonical without the query, OG, card, JSON-LD, trail."""
    soup = soup_of(client.get("/contact/?service=seo&utm_source=mail"))
    assert soup.title.string == "Contact our team | Northwind Digital"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/contact/"
    assert meta(soup, "og:url") == "http://testserver/contact/"
    assert meta(soup, "og:title") == "Contact our team"
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "og:image").startswith("http://testserver/media/")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "robots") is None
    found = nodes(soup)
    assert {"Organization", "WebSite", "WebPage", "BreadcrumbList"} <= set(found)
    assert found["WebPage"]["url"] == "http://testserver/contact/"
    assert visible_crumbs(soup) == [("Northwind Digital", "/"), ("Contact", None)]
    items = found["BreadcrumbList"]["itemListElement"]
    assert [(item["name"], item["item"]) for item in items] == [
        ("Northwind Digital", "http://testserver/"),
        ("Contact", "http://testserver/contact/"),
    ]


def test_thanks_unsubscribe_and_search_results_are_noindex_with_metadata(client, organization, make_article):
    """Pages for one visitor are kept out of search results, yet still carry OG tags and JSON-LD."""
    comment = make_comment(make_article(), notify_replies=True)
    urls = [
        "/contact/thanks/?form=contact",
        reverse("comments:unsubscribe", args=[unsubscribe_token(comment)]),
        "/search/?q=ranking",
    ]
    for url in urls:
        soup = soup_of(client.get(url))
        assert meta(soup, "robots").startswith("noindex"), url
        assert soup.find("link", rel="canonical") is None, url
        assert meta(soup, "og:title"), url
        assert {"Organization", "WebSite", "WebPage"} <= set(nodes(soup)), url
    thanks = soup_of(client.get("/contact/thanks/"))
    assert visible_crumbs(thanks) == [
        ("Northwind Digital", "/"),
        ("Contact", "/contact/"),
        ("Thank you", None),
    ]


def test_404_page_has_site_metadata_and_stays_out_of_the_index(client, organization):
    """A missing page is noindex but still names the site to crawlers and previews."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert meta(soup, "robots") == "noindex"
    assert soup.title.string == "Page not found | Northwind Digital"
    assert meta(soup, "og:site_name") == "Northwind Digital"
    assert "Organization" in nodes(soup)


def test_search_breadcrumbs_start_at_the_home_page_title(client, organization):
    """The search page's trail starts with the home page's own title, as every other page's does."""
    soup = soup_of(client.get("/search/"))
    assert visible_crumbs(soup) == [("Northwind Digital", "/"), ("Search", None)]
    items = nodes(soup)["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in items] == ["Northwind Digital", "Search"]


# --- Listings -----------------------------------------------------------------------------


def test_author_page_describes_the_author_as_a_profile(client, organization, make_article, author):
    """An author's page previews with their bio and photo; its JSON-LD is their ProfilePage."""
    author.bio = "Maya has led search teams for ten years."
    author.photo = draw_image("Maya", size=(600, 600))
    author.save()
    article = make_article()
    soup = soup_of(client.get("/articles/author/maya-okafor/"))
    assert meta(soup, "description") == "Maya has led search teams for ten years."
    assert meta(soup, "og:description") == "Maya has led search teams for ten years."
    assert author.photo.file.name.split("/")[-1].split(".")[0] in meta(soup, "og:image")
    found = nodes(soup)
    person_id = "http://testserver/articles/author/maya-okafor/#person"
    assert found["ProfilePage"]["mainEntity"] == {"@id": person_id}
    assert found["Person"]["@id"] == person_id
    assert "WebPage" not in found
    posting = nodes(soup_of(client.get(article.url)))["BlogPosting"]
    assert posting["author"] == [{"@id": person_id}]


def test_author_without_bio_is_described_by_name_and_role(client, organization, make_article, author):
    author.bio = ""
    author.save()
    make_article()
    soup = soup_of(client.get("/articles/author/maya-okafor/"))
    assert meta(soup, "description") == "Articles by Maya Okafor, Head of SEO."


def test_category_and_tag_pages_have_their_own_description_and_collection_type(
    client, organization, make_article, category
):
    """Category and tag listings no longer repeat the index's description; they are CollectionPages."""
    category.description = "Everything about ranking in search engines."
    category.save()
    make_article(tags=["link-building"])
    by_category = soup_of(client.get("/articles/category/search/"))
    assert meta(by_category, "description") == "Everything about ranking in search engines."
    assert "CollectionPage" in nodes(by_category)
    by_tag = soup_of(client.get("/articles/tag/link-building/"))
    assert meta(by_tag, "description") == "Articles tagged link-building."
    assert "CollectionPage" in nodes(by_tag)


# --- Pagination ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["99", "abc", "0", "-1"])
def test_pages_that_do_not_exist_are_404(client, organization, make_article, number):
    """?page= past the end or not a number is a 404, not page 1 under a second address."""
    make_article(title="Only one", body=[paragraph("<p>kaleidoscope</p>")])
    for url in (
        "/articles/",
        "/articles/author/maya-okafor/",
        "/articles/category/search/",
        "/search/?q=kaleidoscope",
    ):
        joiner = "&" if "?" in url else "?"
        assert client.get(f"{url}{joiner}page={number}").status_code == 404, url
    assert client.get("/articles/?page=1").status_code == 200


# --- Breadcrumbs --------------------------------------------------------------------------


def test_visible_breadcrumbs_stay_on_the_host_json_ld_is_absolute(
    client, organization, make_article, settings
):
    """Breadcrumb links keep visitors on the host they came on; the JSON-LD names the public URLs."""
    settings.SITE_BASE_URL = "https://www.northwind.example"
    article = make_article(title="Where crumbs lead")
    soup = soup_of(client.get(article.url))
    assert visible_crumbs(soup) == [
        ("Northwind Digital", "/"),
        ("Articles", "/articles/"),
        ("Where crumbs lead", None),
    ]
    items = nodes(soup)["BreadcrumbList"]["itemListElement"]
    assert [item["item"] for item in items] == [
        "https://www.northwind.example/",
        "https://www.northwind.example/articles/",
        "https://www.northwind.example" + article.url,
    ]


# --- Feeds ----------------------------------------------------------------------------------


def test_rss_self_link_uses_the_public_base_url(client, organization, make_article, settings):
    """The RSS feed's atom:link rel="self" is on the public address, like its items."""
    settings.SITE_BASE_URL = "https://www.northwind.example"
    make_article()
    feed = feedparser.parse(client.get("/feeds/rss/").content)
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["https://www.northwind.example/feeds/rss/"]
    assert feed.entries[0].link.startswith("https://www.northwind.example/")


def test_feed_views_keep_no_request_data_between_requests(client, organization, make_article):
    """The feed view shared by every worker thread holds nothing from a request, so feeds cannot mix."""
    make_article()
    feed_view = resolve("/feeds/category/search/rss/").func
    before = dict(vars(feed_view))
    assert client.get("/feeds/category/search/rss/").status_code == 200
    assert dict(vars(feed_view)) == before


# --- Finer points ---------------------------------------------------------------------------


def test_heading_anchors_are_unique_on_the_page(client, organization, make_article):
    """Two headings with the same text, or named like a page section, get ids of their own."""
    heading = {"type": "heading", "value": {"text": "Why it matters", "anchor": ""}}
    body = [heading, heading, {"type": "heading", "value": {"text": "Comments", "anchor": ""}}]
    soup = soup_of(client.get(make_article(body=body).url))
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    headings = soup.select(".article__body h2")
    assert [h["id"] for h in headings] == ["why-it-matters", "why-it-matters-2", "comments-2"]


def test_menu_marks_only_the_section_the_page_is_in(client, organization, home):
    """A menu item is "current" only for its own page and pages below it, not for look-alike paths."""
    about = home.add_child(
        instance=StandardPage(title="About", slug="about", body="<p>Us.</p>", show_in_menus=True)
    )
    team = home.add_child(instance=StandardPage(title="Team", slug="team", body="<p>Team.</p>"))
    nested = team.add_child(instance=StandardPage(title="Nested home", slug=home.slug, body="<p>Odd.</p>"))
    lookalike = nested.add_child(
        instance=StandardPage(title="About the team", slug="about", body="<p>Team.</p>")
    )
    assert about.url_path in lookalike.url_path and not lookalike.url_path.startswith(about.url_path)
    menu = soup_of(client.get(lookalike.url)).find("nav", class_="main-nav")
    assert not menu.find("a", string="About").has_attr("aria-current")
    menu = soup_of(client.get(about.url)).find("nav", class_="main-nav")
    assert menu.find("a", string="About")["aria-current"] == "page"


def test_one_favicon_and_british_english_everywhere(client, organization, index_page):
    """Browsers get one favicon; the page, its JSON-LD and og:locale all say British English."""
    soup = soup_of(client.get("/"))
    assert len(soup.find_all("link", rel="icon")) == 1
    assert soup.html["lang"] == "en-GB"
    assert meta(soup, "og:locale") == "en_GB"
    languages = {node["inLanguage"] for node in graph(soup) if "inLanguage" in node}
    assert languages == {"en-GB"}


# --- Search ---------------------------------------------------------------------------------


def test_search_finds_articles_by_author_name_and_tag(client, organization, make_article):
    """Searching an author's surname or a tag finds their articles."""
    sam = Author.objects.create(name="Sam Quillfeather", slug="sam-quillfeather")
    make_article(title="Written by Sam", authors=[sam])
    make_article(title="Tagged piece", tags=["zeitgeistology"])
    make_article(title="Neither")
    by_author = client.get("/search/", {"q": "Quillfeather"}).content.decode()
    assert "Written by Sam" in by_author and "Neither" not in by_author
    by_tag = client.get("/search/", {"q": "zeitgeistology"}).content.decode()
    assert "Tagged piece" in by_tag and "Neither" not in by_tag
