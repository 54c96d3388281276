"""The page tree, article rendering and the listings built on it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from articles.models import ArticleIndexPage, ArticlePage, Author, HomePage, StandardPage
from tests.conftest import comparison_table, paragraph

pytestmark = pytest.mark.django_db


def test_page_types_only_build_a_sane_tree():
    """Articles go only under an index, an index and plain pages under home, one home."""
    assert ArticlePage.allowed_parent_page_models() == [ArticleIndexPage]
    assert ArticlePage.allowed_subpage_models() == []
    assert ArticleIndexPage.allowed_parent_page_models() == [HomePage]
    assert HomePage.allowed_subpage_models() == [ArticleIndexPage, StandardPage]
    assert StandardPage.allowed_subpage_models() == [StandardPage]


def test_only_one_home_page(home):
    """A second home page cannot be created anywhere."""
    root = Page.objects.get(depth=1)
    assert not HomePage.can_create_at(root)
    assert not ArticlePage.can_create_at(home)


def test_article_renders_every_block_type(client, make_article, image):
    """Each body block type shows up on the article in its own accessible markup."""
    body = [
        paragraph("<p>Opening paragraph with <b>bold</b> text.</p>"),
        {"type": "heading", "value": {"text": "Where they differ", "anchor": ""}},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "A chart", "decorative": False},
                "caption": "Reach by month",
                "credit": "Studio North",
            },
        },
        comparison_table(),
        {"type": "quote", "value": {"text": "Rank, then share.", "attribution": "Maya"}},
        {
            "type": "call_to_action",
            "value": {
                "title": "Need help?",
                "text": "Talk to us.",
                "button_label": "Get in touch",
                "service": "smo",
            },
        },
        {"type": "embed", "value": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
    ]
    article = make_article(body=body)
    html = client.get(article.url).content.decode()
    assert "<b>bold</b>" in html
    assert '<h2 id="where-they-differ">Where they differ</h2>' in html
    assert 'alt="A chart"' in html and "Image credit: Studio North" in html and "srcset=" in html
    assert "<caption>SEO and SMO side by side</caption>" in html
    assert html.count('<th scope="col"') == 3
    assert "<blockquote><p>Rank, then share.</p></blockquote>" in html
    assert "service=smo" in html and "Get in touch" in html
    assert 'class="embed"' in html


def test_article_shows_byline_dates_and_reading_time(client, make_article, author):
    """Readers see every author linked to their profile, the date and the reading time."""
    second = Author.objects.create(name="Tomás Lindqvist", slug="tomas")
    article = make_article(authors=[author, second], body=[paragraph("<p>" + "word " * 700 + "</p>")])
    html = client.get(article.url).content.decode()
    assert (
        'href="/articles/author/maya-okafor/">Maya Okafor</a> and <a rel="author" href="/articles/author/tomas/">'
        in html
    )
    assert article.reading_minutes == 4
    assert "4 min read" in html
    assert f'datetime="{article.first_published_at:%Y-%m-%d}"' in html  # vnu: no microseconds


def test_index_lists_newest_first_and_paginates(client, settings, make_article, index_page):
    """The index shows the newest article first, ten to a page, with a link to older ones."""
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        make_article(title=f"Article {n}")
    page1 = client.get(index_page.url).content.decode()
    assert page1.index("Article 4") < page1.index("Article 3")
    assert "Article 2" not in page1
    assert 'rel="next" href="?page=2"' in page1
    page3 = client.get(index_page.url + "?page=3").content.decode()
    assert "Article 0" in page3


def test_author_category_and_tag_listings(client, make_article, index_page, author, category):
    """Author, category and tag pages list exactly their articles; unknown slugs are 404."""
    make_article(title="Tagged piece", tags=["local"])
    other = Author.objects.create(name="Someone Else", slug="someone")
    make_article(title="Other author's piece", authors=[other], category=None)
    by_author = client.get(index_page.listing_url("author", author.slug))
    assert by_author.status_code == 200
    assert "Tagged piece" in by_author.content.decode() and "Other author" not in by_author.content.decode()
    assert "Head of SEO" in by_author.content.decode()
    in_category = client.get(index_page.listing_url("category", category.slug)).content.decode()
    assert "Tagged piece" in in_category and "Other author" not in in_category
    tagged = client.get(index_page.listing_url("tag", "local")).content.decode()
    assert "Tagged piece" in tagged and "Other author" not in tagged
    assert client.get(index_page.listing_url("author", "nobody")).status_code == 404
    assert client.get(index_page.listing_url("tag", "nothing")).status_code == 404


def test_drafts_are_not_listed_or_served(client, make_article, index_page):
    """An unpublished draft is neither listed nor reachable."""
    draft = make_article(title="Secret draft", publish=False)
    assert "Secret draft" not in client.get(index_page.url).content.decode()
    assert client.get(f"{index_page.url}{draft.slug}/").status_code == 404


def test_listing_queries_do_not_grow_with_articles(client, make_article, index_page, author):
    """The index costs the same number of queries for 2 articles as for 8."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index_page.url).status_code == 200
        return len(queries)

    for n in range(2):
        make_article(title=f"First {n}", tags=["a", f"t{n}"])
    client.get(index_page.url)  # warm caches (site root, settings)
    small = count()
    for n in range(6):
        make_article(
            title=f"More {n}",
            tags=["b", f"u{n}"],
            authors=[author, Author.objects.create(name=f"A{n}", slug=f"a{n}")],
        )
    assert count() == small


def test_home_page_shows_latest_articles(client, make_article, home):
    """The home page lists recent articles."""
    make_article(title="Fresh thinking")
    html = client.get("/").content.decode()
    assert "Fresh thinking" in html
    assert "<h1>Northwind Digital</h1>" in html


def test_cards_show_approved_comment_counts_without_a_query_each(
    client, organization, make_article, index_page, django_assert_num_queries
):
    """Each card shows its article's approved comments, in one query for all; pending ones are not counted."""
    from comments.models import Comment

    make_article(title="Quiet one")
    busy = make_article(title="Busy one")
    for n in range(3):
        Comment.objects.create(
            page=busy, name=f"Reader {n}", email="r@example.com", body="<p>Hi</p>", status="approved"
        )
    Comment.objects.create(
        page=busy, name="Waiting", email="w@example.com", body="<p>Hi</p>", status="pending"
    )
    with django_assert_num_queries(3):  # articles with counts (restrictions a subquery), authors, tags
        counts = {article.title: article.approved_comment_count for article in index_page.articles()}
    assert counts == {"Quiet one": 0, "Busy one": 3}
    cards = client.get(index_page.url).content.decode().split("card-list")[1].split("</ul>")[0]
    assert "· 3 comments" in cards


def test_sitemap_lists_author_category_and_tag_listings(client, make_article, author, category):
    """Crawlers find each author, category and tag listing, dated by its newest article."""
    article = make_article(title="Listed", tags=["local"])
    xml = client.get("/sitemap.xml").content.decode()
    for route, slug in (("author", author.slug), ("category", category.slug), ("tag", "local")):
        entry = xml[xml.index(f"<loc>http://testserver/articles/{route}/{slug}/</loc>") :]
        assert entry.split("</url>")[0].count(f"<lastmod>{article.last_published_at.date().isoformat()}") == 1
