"""The public pages: every page type renders with navigation, listings, filters and related articles."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from articles.models import ArticleAuthor, Author, Category
from comments.models import Comment
from tests.conftest import comparison_table, paragraph

pytestmark = pytest.mark.django_db


def test_home_lists_latest_articles_with_card_details(client, organization, make_article, image):
    """The home page shows each article's card: image, title, intro, author, date and reading time."""
    make_article(title="How search works", intro="Crawling, indexing, ranking.", hero_image=image)
    html = client.get("/").content.decode()
    assert "How search works" in html
    assert "Crawling, indexing, ranking." in html
    assert "Maya Okafor" in html
    assert "1 min read" in html
    assert 'srcset="' in html and ".webp" in html
    assert 'width="360"' in html and 'height="203"' in html


def test_header_has_logo_menu_and_search_and_footer_has_contact_and_social(
    client, organization, index_page, image
):
    """Visitors find the logo, the editable menu, a search box, contact details and social links."""
    organization.logo = image
    organization.save()
    index_page.show_in_menus = True
    index_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert 'class="brand__logo"' in html
    assert '<a href="/articles/">Articles</a>' in html
    assert 'action="/search/"' in html and 'for="header-search"' in html
    assert 'href="tel:+442079460000"' in html and "mailto:hello@example.com" in html
    assert "1 Quay Street" in html
    assert 'href="https://www.linkedin.com/company/northwind-example"' in html
    assert 'href="https://x.com/northwind_example"' in html


def test_menu_hides_pages_not_ticked_for_menus(client, organization, index_page):
    """Only pages editors tick "Show in menus" appear in the main menu."""
    html = client.get("/").content.decode()
    assert '<a href="/articles/">Articles</a>' not in html


def test_article_index_paginates(client, organization, make_article, settings):
    """The index shows a page of articles at a time with links to the other pages."""
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        make_article(title=f"Article number {n}")
    first = client.get("/articles/").content.decode()
    assert first.count('class="card"') == 2
    assert "Page 1 of 3" in first and 'rel="next" href="?page=2"' in first
    last = client.get("/articles/?page=3").content.decode()
    assert last.count('class="card"') == 1 and "Article number 0" in last
    assert '<link rel="canonical" href="http://testserver/articles/?page=3">' in last


def test_index_filters_by_category_and_tag(client, organization, make_article):
    """Category links and a tag cloud narrow the index to matching articles."""
    social = Category.objects.create(name="Social", slug="social")
    make_article(title="A search piece", tags=["ranking"])
    make_article(title="A social piece", category=social, tags=["audience"])
    html = client.get("/articles/").content.decode()
    assert 'href="/articles/category/social/"' in html and 'href="/articles/tag/ranking/"' in html
    by_category = client.get("/articles/category/social/").content.decode()
    assert "A social piece" in by_category and "A search piece" not in by_category
    assert 'aria-current="page">Social' in by_category
    by_tag = client.get("/articles/tag/ranking/").content.decode()
    assert "A search piece" in by_tag and "A social piece" not in by_tag


def test_author_page_shows_profile_and_articles(client, organization, make_article, author):
    """An author's page shows who they are and only their articles."""
    other = Author.objects.create(name="Sam Lee", slug="sam-lee")
    make_article(title="Maya writes")
    make_article(title="Sam writes", authors=[other])
    html = client.get("/articles/author/maya-okafor/").content.decode()
    assert "<h1>Maya Okafor</h1>" in html and "Head of SEO" in html
    assert "Maya writes" in html and "Sam writes" not in html
    assert 'href="/feeds/author/maya-okafor/rss/"' in html


def test_unknown_listing_is_404(client, organization, index_page):
    """A category that does not exist is a 404, not an empty page."""
    assert client.get("/articles/category/nope/").status_code == 404


def test_article_page_renders_body_table_and_breadcrumbs(client, organization, make_article, image):
    """An article shows its body, an accessible comparison table and breadcrumbs to it."""
    article = make_article(
        title="SEO versus SMO",
        hero_image=image,
        hero_credit="Studio North",
        body=[paragraph("<p>Organic reach matters.</p>"), comparison_table()],
        tags=["seo"],
    )
    html = client.get(article.url).content.decode()
    assert "<h1>SEO versus SMO</h1>" in html and "Organic reach matters." in html
    assert (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="SEO and SMO side by side">' in html
    )
    assert '<th scope="col"' in html and "<caption>SEO and SMO side by side</caption>" in html
    assert 'fetchpriority="high"' in html and "Image credit: Studio North" in html
    assert '<nav class="breadcrumbs wrap" aria-label="Breadcrumb">' in html
    assert '<span aria-current="page">SEO versus SMO</span>' in html
    assert '"@type": "BreadcrumbList"' in html
    assert '<div class="article__body">' in html


def test_related_articles_share_category_or_tag_and_exclude_self(client, organization, make_article):
    """The end of an article suggests others on the same topic, never itself or unrelated ones."""
    elsewhere = Category.objects.create(name="Elsewhere", slug="elsewhere")
    article = make_article(title="The main one", tags=["links"])
    make_article(title="Same category")
    make_article(title="Shared tag", category=elsewhere, tags=["links"])
    make_article(title="Unrelated", category=elsewhere)
    html = client.get(article.url).content.decode()
    related = html.split('id="related-heading"')[1]
    assert "Same category" in related and "Shared tag" in related
    assert "Unrelated" not in related and "The main one" not in related


def test_related_articles_are_limited_and_queries_stay_constant(client, organization, make_article, settings):
    """More articles, tags or authors do not add queries to an article page."""
    settings.ARTICLES_RELATED_COUNT = 3
    article = make_article(title="Hub", tags=["a", "b"])
    make_article(title="Spoke 0", tags=["a"])
    client.get(article.url)
    with CaptureQueriesContext(connection) as few:
        client.get(article.url)
    for n in range(1, 6):
        make_article(title=f"Spoke {n}", tags=["a", "b", f"t{n}"])
    with CaptureQueriesContext(connection) as many:
        html = client.get(article.url).content.decode()
    assert html.split('id="related-heading"')[1].count('class="card"') == 3
    assert len(many) == len(few)


def test_feeds_linked_from_head(client, organization, make_article, category):
    """Every page advertises the RSS and Atom feeds; a category listing adds its own."""
    make_article()
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html and 'href="/feeds/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/feeds/atom/"' in html
    html = client.get("/articles/category/search/").content.decode()
    assert 'href="/feeds/category/search/rss/"' in html and 'href="/feeds/category/search/atom/"' in html


def test_body_image_keeps_its_alt_text_and_is_lazy(client, organization, make_article, image):
    """An image in the body carries the alt text the editor wrote, in WebP, loading lazily."""
    body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "Visits by channel, 2024", "decorative": False},
                "caption": "Visits",
                "credit": "Northwind",
            },
        }
    ]
    html = client.get(make_article(body=body).url).content.decode()
    figure = html.split('<figure class="body-image">')[1].split("</figure>")[0]
    assert 'alt="Visits by channel, 2024"' in figure
    assert 'loading="lazy"' in figure and ".webp" in figure and 'width="' in figure
    assert "Image credit: Northwind" in figure


def test_preview_shows_unsaved_authors_and_tags(organization, make_article):
    """An editor previewing changes sees the tags and authors they have not saved yet."""
    article = make_article(title="Preview me", tags=["old-tag"])
    sam = Author.objects.create(name="Sam Previewer", slug="sam-previewer")
    article.tags.add("fresh-tag")
    article.article_authors.add(ArticleAuthor(author=sam, sort_order=1))
    html = article.make_preview_request().content.decode()
    assert "fresh-tag" in html
    assert "Sam Previewer" in html


def test_article_page_reads_authors_and_tags_once(client, organization, make_article):
    """The byline, author box, meta tags and JSON-LD share one fetch of authors and tags."""
    article = make_article(title="Counted", tags=["a", "b"])
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(article.url)
    author_queries = [q for q in queries if 'FROM "articles_articleauthor"' in q["sql"]]
    tag_queries = [q for q in queries if 'FROM "taggit_tag"' in q["sql"] and "content_object_id" in q["sql"]]
    assert len(author_queries) == 1
    assert len(tag_queries) == 1


def test_pages_outside_the_page_tree_have_a_description(client, organization):
    """Search, contact and error pages still describe themselves to search engines."""
    assert '<meta name="description" content="Search the articles of Northwind Digital' in (
        client.get("/search/").content.decode()
    )
    assert '<meta name="description" content="Tell us what you need, from SEO to social media' in (
        client.get("/contact/").content.decode()
    )


def test_every_time_element_has_a_valid_html_datetime(client, organization, make_article):
    """The W3C checker accepts every <time datetime> on an article with comments (no microseconds)."""
    article = make_article(title="Timed")
    make_article(title="Related and timed")
    Comment.objects.create(
        page=article, name="Ada", email="ada@example.com", body="<p>Nice.</p>", status="approved"
    )
    html = client.get(article.url).content.decode()
    values = re.findall(r'<time datetime="([^"]*)"', html)
    assert len(values) >= 3
    valid = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$")
    assert [value for value in values if not valid.match(value)] == []
