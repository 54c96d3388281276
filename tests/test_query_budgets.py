"""Every public page costs a fixed number of SQL queries, whatever the number of articles,
comments, authors, tags or related articles: the article at most 12, the home page and the
article index at most 10. Each count is taken on the second request (warm caches), at a
small and a large size, which must agree."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from articles.models import ArticleAuthor, ArticlePage, Author
from comments.models import Comment
from tests.conftest import paragraph

ARTICLE_BUDGET = 12
LISTING_BUDGET = 10
BODY = "<p>A comment of a usual length, saying what a reader thought of the article and why.</p>"


def queries_for(client, url):
    client.get(url)  # warm the caches a running site keeps warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def add_comments(page, total, replies_every=4):
    """`total` approved comments in two bulk inserts: every `replies_every`-th one a reply
    to the top-level comment before it."""
    now = timezone.now()
    replies = total // replies_every
    roots = Comment.objects.bulk_create(
        Comment(page=page, name=f"R{n}", email="r@example.com", body=BODY, status="approved", approved_at=now)
        for n in range(total - replies)
    )
    Comment.objects.bulk_create(
        Comment(
            page=page,
            parent=roots[n % len(roots)],
            in_reply_to=roots[n % len(roots)],
            name=f"A{n}",
            email="a@example.com",
            body=BODY,
            status="approved",
            approved_at=now,
        )
        for n in range(replies)
    )


def add_articles(index_page, total, authors, category, tags=("seo",)):
    """Live articles without revisions (fast): each with every author in `authors` and `tags`."""
    for n in range(total):
        page = ArticlePage(
            title=f"Article {n}",
            slug=f"bulk-{n}-{ArticlePage.objects.count()}",
            intro="An introduction.",
            body=json.dumps([paragraph("<p>Body.</p>")]),
            live=True,
            first_published_at=timezone.now(),
            category=category,
        )
        page.search_index_on_save = False
        page.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
        page.tags.add(*tags)
        index_page.add_child(instance=page)


@pytest.fixture
def authors(db):
    return [Author.objects.create(name=f"Writer {n}", slug=f"writer-{n}") for n in range(3)]


@pytest.mark.django_db
def test_article_costs_the_same_at_5_and_300_comments(client, organization, make_article, authors):
    """More comments, authors, tags and related articles: not one query more."""
    small = make_article(title="Small", tags=["seo"])
    add_comments(small, 5)
    small_count, small_html = queries_for(client, small.url)

    large = make_article(title="Large", tags=["seo", "smo", "ppc", "local"], authors=authors)
    add_comments(large, 300)
    for n in range(3):
        make_article(title=f"Related {n}", tags=["smo"], authors=authors)
    large_count, large_html = queries_for(client, large.url)

    assert "5 thoughts" in small_html and "300 thoughts" in large_html
    assert large_html.count('class="card"') == 3  # the related articles
    assert small_count == large_count <= ARTICLE_BUDGET


@pytest.mark.django_db
def test_home_and_index_cost_the_same_at_10_and_200_articles(
    client, organization, index_page, home, authors, category
):
    add_articles(index_page, 10, authors[:1], category)
    small = {url: queries_for(client, url)[0] for url in (home.url, index_page.url)}
    add_articles(index_page, 190, authors, category, tags=("seo", "smo", "ppc"))
    large = {url: queries_for(client, url)[0] for url in (home.url, index_page.url)}
    assert small == large
    assert max(large.values()) <= LISTING_BUDGET


@pytest.mark.django_db
def test_2000_comments_keep_the_article_under_100_kb(client, organization, make_article):
    """One page of the thread is shown; the heading still counts every approved comment."""
    page = make_article(title="Popular")
    add_comments(page, 2000)
    count, html = queries_for(client, page.url)
    assert "2000 thoughts" in html
    assert len(html.encode()) < 100_000
    assert count <= ARTICLE_BUDGET
