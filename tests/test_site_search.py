"""Search: Wagtail search over live articles, the query kept, counts, pages and empty states."""

import pytest

from tests.conftest import paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable(make_article):
    return {
        "body": make_article(
            title="Social proof", body=[paragraph("<p>Testimonials build a kaleidoscope of trust.</p>")]
        ),
        "other": make_article(title="Crawl budgets", body=[paragraph("<p>Bots have limits.</p>")]),
        "draft": make_article(
            title="Secret kaleidoscope plans",
            body=[paragraph("<p>kaleidoscope</p>")],
            publish=False,
        ),
    }


def test_search_finds_article_by_a_word_in_its_body(client, searchable):
    """A word that appears only in an article's body finds it, and nothing unpublished."""
    response = client.get("/search/", {"q": "kaleidoscope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Social proof" in html
    assert "Crawl budgets" not in html
    assert "Secret kaleidoscope plans" not in html
    assert "1 result for “kaleidoscope”" in html
    assert 'value="kaleidoscope"' in html


def test_search_results_are_not_indexed(client, searchable):
    """Result pages ask search engines not to index them; the bare search page may be."""
    assert '<meta name="robots" content="noindex, follow">' in client.get("/search/?q=trust").content.decode()
    bare = client.get("/search/").content.decode()
    assert "noindex" not in bare
    assert '<link rel="canonical" href="http://testserver/search/">' in bare


def test_search_without_query_invites_one(client, searchable, index_page):
    """An empty search explains what to do and offers topics instead of an empty list."""
    html = client.get("/search/", {"q": "   "}).content.decode()
    assert "What are you looking for?" in html
    assert 'href="/articles/category/search/"' in html
    assert 'class="card"' not in html


def test_search_with_no_results_says_so_helpfully(client, searchable):
    """A query that matches nothing says so, keeps the words and suggests what to try."""
    html = client.get("/search/", {"q": "zzyzx"}).content.decode()
    assert "0 results for “zzyzx”" in html
    assert "No articles match “zzyzx”" in html
    assert 'value="zzyzx"' in html
    assert 'href="/articles/"' in html


def test_search_paginates_and_keeps_the_query(client, make_article, settings):
    """Many results come a page at a time; the next-page link keeps the query."""
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        make_article(title=f"Hashtag guide {n}", body=[paragraph("<p>All about hashtags.</p>")])
    first = client.get("/search/", {"q": "hashtags"}).content.decode()
    assert "5 results for “hashtags”" in first
    assert first.count('class="card"') == 2
    assert 'href="?q=hashtags&amp;page=2"' in first
    third = client.get("/search/", {"q": "hashtags", "page": "3"}).content.decode()
    assert third.count('class="card"') == 1


def test_search_is_in_breadcrumbs_and_structured_data(client, searchable):
    """The search page has breadcrumbs; the site's JSON-LD advertises its search action."""
    html = client.get("/search/").content.decode()
    assert '<span aria-current="page">Search</span>' in html
    assert (
        '"urlTemplate": "http://testserver/search/?q={search_term_string}"'
        in client.get("/").content.decode()
    )


def test_overlong_query_is_cut_not_refused(client, searchable, settings):
    settings.ARTICLES_SEARCH_MAX_LENGTH = 12
    response = client.get("/search/", {"q": "kaleidoscope and much more"})
    assert response.status_code == 200
    assert 'value="kaleidoscope"' in response.content.decode()


@pytest.mark.parametrize("query", ['"', "\x00", "a\x00b", 'seo" OR "', "(", "*", "NEAR(", "a:b", "²"])
def test_odd_queries_answer_calmly(client, query):
    """Quotes, NUL bytes and search-syntax characters give a results page, never a server error."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
