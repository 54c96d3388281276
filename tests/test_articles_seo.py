"""What search engines and social networks read: meta tags and the JSON-LD graph."""

import json

import pytest
from bs4 import BeautifulSoup

from articles.images import draw_image

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("x")</script><!-- "quoted" & <b>'


@pytest.fixture
def hero(db):
    return draw_image("Hero", size=(1600, 900))


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def graph_of(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}, data["@graph"]


def collect_ids(value, defined, references):
    """Walk the JSON-LD: nodes that describe something define an @id, bare {"@id"} refer to one."""
    if isinstance(value, list):
        for item in value:
            collect_ids(item, defined, references)
    elif isinstance(value, dict):
        if "@id" in value:
            (references.append(value["@id"]) if set(value) == {"@id"} else defined.add(value["@id"]))
        for item in value.values():
            collect_ids(item, defined, references)


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_organization_website_and_webpage(client, organization, index_page):
    """Home and index pages carry the Organization, WebSite and WebPage, linked by @id."""
    for url in ("/", index_page.url):
        nodes, _ = graph_of(parse(client.get(url)))
        org = nodes["Organization"]
        assert org["@id"] == "http://testserver/#organization"
        assert org["name"] == "Northwind Digital"
        assert org["url"] == "http://testserver/"
        assert org["logo"]["@type"] == "ImageObject"
        assert org["logo"]["url"].startswith("http://testserver/media/")
        assert org["logo"]["width"] == 300 and org["logo"]["height"] == 300
        assert org["sameAs"] == [
            "https://x.com/northwind_example",
            "https://www.linkedin.com/company/northwind-example",
        ]
        assert org["contactPoint"]["telephone"] == "+44 20 7946 0000"
        assert org["address"]["postalCode"] == "BS1 4AA"
        assert nodes["WebSite"]["publisher"] == {"@id": org["@id"]}
        assert nodes["WebPage"]["isPartOf"] == {"@id": nodes["WebSite"]["@id"]}


def test_article_graph_has_posting_people_and_breadcrumbs(client, organization, make_article, hero, author):
    """An article adds a BlogPosting with authors, publisher and breadcrumbs, every @id resolvable."""
    article = make_article(
        title="T" * 150, hero_image=hero, tags=["seo"], search_description="Custom summary"
    )
    nodes, graph = graph_of(parse(client.get(article.url)))
    posting = nodes["BlogPosting"]
    canonical = f"http://testserver{article.url}"
    assert len(posting["headline"]) == 110
    assert posting["description"] == "Custom summary"
    assert posting["image"]["url"].startswith("http://testserver/media/")
    assert posting["image"]["width"] == 1200 and posting["image"]["height"] == 630
    assert posting["datePublished"].startswith(article.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert "dateModified" in posting
    assert posting["publisher"] == {"@id": "http://testserver/#organization"}
    assert posting["mainEntityOfPage"] == {"@id": canonical + "#webpage"}
    person = nodes["Person"]
    assert posting["author"] == [{"@id": person["@id"]}]
    assert person["name"] == author.name
    assert person["url"] == "http://testserver/articles/author/maya-okafor/"
    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Northwind Digital", "Articles", "T" * 150]
    assert crumbs[-1]["item"] == canonical
    defined, references = set(), []
    collect_ids(graph, defined, references)
    assert len(references) >= 8 and set(references) <= defined


def test_hostile_title_cannot_break_out_of_json_ld_or_meta(client, organization, make_article):
    """A title with </script> or <!-- stays inert text in the JSON-LD and the meta tags."""
    article = make_article(title=HOSTILE, intro=HOSTILE)
    response = client.get(article.url)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert html.count("</script>") == html.count("<script")
    soup = parse(response)
    nodes, _ = graph_of(soup)
    assert nodes["BlogPosting"]["headline"] == HOSTILE
    assert nodes["BlogPosting"]["description"] == HOSTILE
    assert meta(soup, "og:title") == HOSTILE
    assert meta(soup, "description") == HOSTILE
    # With the name it would be over 60 characters, so the title stands alone.
    assert soup.title.string == HOSTILE


def test_article_meta_canonical_open_graph_and_twitter(client, organization, make_article, hero, author):
    """An article tells search and social exactly what it is, with absolute URLs."""
    article = make_article(title="Share previews", intro="What a preview needs.", hero_image=hero)
    soup = parse(client.get(article.url + "?utm_source=x"))
    canonical = f"http://testserver{article.url}"
    assert soup.title.string == "Share previews | Northwind Digital"
    assert meta(soup, "description") == "What a preview needs."
    assert soup.find("link", rel="canonical")["href"] == canonical
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Share previews"
    assert meta(soup, "og:description") == "What a preview needs."
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:site_name") == "Northwind Digital"
    assert meta(soup, "og:image").startswith("http://testserver/media/")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "article:published_time") == article.first_published_at.isoformat()
    assert meta(soup, "article:modified_time") == article.last_published_at.isoformat()
    assert meta(soup, "article:author") == "http://testserver/articles/author/maya-okafor/"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:site") == "@northwind"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")


def test_seo_fields_from_promote_tab_win(client, organization, make_article, image):
    """The SEO title, search description and social image set in Promote are what is shown."""
    social = draw_image("Social card", size=(1200, 630))
    article = make_article(
        title="Long internal title",
        seo_title="Short SEO title",
        search_description="Promote text",
        hero_image=image,
        social_image=social,
    )
    soup = parse(client.get(article.url))
    assert soup.title.string == "Short SEO title"
    assert meta(soup, "description") == "Promote text"
    assert social.file.name.split("/")[-1].split(".")[0] in meta(soup, "og:image")


def test_website_pages_are_og_website_with_logo_fallback(client, organization, make_article, settings):
    """Non-article pages are og:type website and fall back to the logo for the image."""
    settings.ARTICLES_PER_PAGE = 1
    make_article(title="One")
    make_article(title="Two")
    soup = parse(client.get("/articles/?page=2"))
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "og:image").startswith("http://testserver/media/")
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/articles/?page=2"


def test_derived_description_and_title_are_cut_at_a_word_to_what_google_shows(
    client, make_article, organization
):
    """A blank description takes the intro cut at a word to 160 characters; a long title is cut to 60."""
    intro = "Search engine optimisation and social media optimisation are often sold together, " * 3
    title = "SMM and SMO: where paid reach ends and earned reach begins, in practice"
    soup = BeautifulSoup(client.get(make_article(title=title, intro=intro).url).content, "html.parser")
    description = meta(soup, "description")
    assert len(description) <= 160 and description.endswith("…")
    assert intro.startswith(description[:-1]) and intro[len(description) - 1] == " "
    assert soup.title.string == "SMM and SMO: where paid reach ends and earned reach begins…"
