"""The thread on the article: nesting, the depth limit, the heading, and its cost in queries."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from comments.models import Comment, CommentSettings
from tests.comment_builders import form_data, make_comment, post_url


def thread_html(client, page):
    html = client.get(page.url).content.decode()
    return html[html.index('<section class="comments"') :]


def nesting_of(html, comment):
    """How many reply lists enclose the comment's <li> (0 at the top level)."""
    before = html[: html.index(f'id="comment-{comment.pk}"')]
    return before.count('<ol class="comment-list comment-list--replies">') - before.count("</ol>")


@pytest.mark.django_db
def test_replies_nest_under_their_parent(client, make_article):
    """A reply shows inside its parent's list of replies, a reply to a reply one level deeper."""
    page = make_article()
    first = make_comment(page, name="First")
    reply = make_comment(page, name="Reply", parent=first)
    reply_to_reply = make_comment(page, name="Deeper", parent=reply)
    second = make_comment(page, name="Second")
    html = thread_html(client, page)
    assert [nesting_of(html, c) for c in (first, reply, reply_to_reply, second)] == [0, 1, 2, 0]
    assert html.index(f'id="comment-{first.pk}"') < html.index(f'id="comment-{second.pk}"')


@pytest.mark.django_db
def test_heading_counts_approved_comments_only(client, make_article):
    """The heading says how many approved comments there are, with the title."""
    page = make_article(title="SMM and SMO")
    for _ in range(3):
        make_comment(page)
    make_comment(page, status=Comment.Status.PENDING, body="<p>pending</p>")
    make_comment(page, status=Comment.Status.SPAM, body="<p>buy now</p>")
    make_comment(page, status=Comment.Status.REMOVED, body="<p>rude</p>")
    html = thread_html(client, page)
    assert re.search(r"3 thoughts on “SMM and SMO”", html)
    for hidden in ("pending", "buy now", "rude"):
        assert hidden not in html


@pytest.mark.django_db
def test_one_comment_is_singular(client, make_article):
    """One comment reads "1 thought", not "1 thoughts"."""
    page = make_article(title="Solo")
    make_comment(page)
    assert "1 thought on “Solo”" in thread_html(client, page)


@pytest.mark.django_db
def test_reply_to_a_removed_comment_stays_visible(client, make_article):
    """An approved reply whose parent was removed moves to the top level instead of vanishing."""
    page = make_article()
    parent = make_comment(page, status=Comment.Status.REMOVED, body="<p>gone</p>")
    orphan = make_comment(page, parent=parent, body="<p>still here</p>")
    html = thread_html(client, page)
    assert "still here" in html and "gone" not in html
    assert nesting_of(html, orphan) == 0


@pytest.mark.django_db
def test_depth_limit_attaches_deeper_replies_at_the_deepest_level(client, make_article, settings):
    """Replying at the deepest allowed level adds a sibling there instead of nesting further."""
    assert settings.COMMENTS_MAX_DEPTH == 4
    page = make_article()
    chain = [make_comment(page, name="Level 1")]
    for level in range(2, 5):
        chain.append(make_comment(page, name=f"Level {level}", parent=chain[-1]))
    assert len(chain[-1].ancestors()) + 1 == 4

    client.post(post_url(page), form_data(parent=str(chain[-1].pk), body="Too deep"))
    deep = Comment.objects.get(body="<p>Too deep</p>")
    assert deep.parent == chain[2]
    assert len(deep.ancestors()) + 1 == 4

    client.post(post_url(page), form_data(parent=str(chain[1].pk), body="Fits"))
    assert Comment.objects.get(body="<p>Fits</p>").parent == chain[1]


@pytest.mark.django_db
def test_depth_limit_follows_the_setting(client, make_article, settings):
    """With COMMENTS_MAX_DEPTH = 2, a reply to a reply joins the first reply's level."""
    settings.COMMENTS_MAX_DEPTH = 2
    page = make_article()
    top = make_comment(page)
    reply = make_comment(page, parent=top)
    client.post(post_url(page), form_data(parent=str(reply.pk), body="Third level?"))
    assert Comment.objects.get(body="<p>Third level?</p>").parent == top


@pytest.mark.django_db
def test_cannot_reply_to_a_comment_of_another_page_or_not_approved(client, make_article):
    """Replies attach only to approved comments of the same article."""
    page, other = make_article(title="One"), make_article(title="Two")
    elsewhere = make_comment(other)
    pending = make_comment(page, status=Comment.Status.PENDING)
    for parent in (elsewhere, pending):
        response = client.post(post_url(page), form_data(parent=str(parent.pk)))
        assert response.status_code == 400
        assert "The comment you replied to no longer exists" in response.content.decode()
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_permalink_anchor_and_website_link(client, make_article):
    """Each comment has a #comment-<id> permalink; a website links the name with nofollow ugc."""
    page = make_article()
    comment = make_comment(page, name="Acme", website="https://acme.example/")
    html = thread_html(client, page)
    assert f'<li id="comment-{comment.pk}"' in html
    assert f'href="#comment-{comment.pk}"' in html
    assert '<a href="https://acme.example/" rel="nofollow ugc noopener">Acme</a>' in html


def build_thread_of(page, total):
    """`total` approved comments: a third top-level, the rest replies up to four deep."""
    comments = []
    for n in range(total):
        parent = comments[n // 3] if n % 3 and comments else None
        comments.append(
            Comment(
                page=page,
                parent=parent,
                name=f"C{n}",
                email=f"c{n}@example.com",
                body=f"<p>Comment {n}</p>",
                status=Comment.Status.APPROVED,
                is_staff_reply=n % 7 == 0,
                website="https://example.com/" if n % 5 == 0 else "",
            )
        )
        comments[-1].save()
    return comments


def queries_for_article(client, page):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_thread_costs_the_same_queries_at_5_and_300_comments(client, make_article, settings):
    """The article page runs as many queries with 300 comments as with 5, all on one page."""
    settings.COMMENTS_PER_PAGE = 0
    small, large = make_article(title="Small"), make_article(title="Large")
    build_thread_of(small, 5)
    build_thread_of(large, 300)
    client.get(small.url)  # warm per-process caches (site root paths, content types)
    small_count, small_html = queries_for_article(client, small)
    large_count, large_html = queries_for_article(client, large)
    assert "5 thoughts" in small_html and "300 thoughts" in large_html
    assert large_html.count('class="comment__text"') == 300
    assert small_count == large_count


@pytest.mark.django_db
def test_thread_section_itself_costs_two_queries(rf, make_article):
    """The comment section alone needs the comment settings and one query for all comments."""
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    from wagtail.models import Site

    page = make_article()
    build_thread_of(page, 50)
    request = rf.get(page.url)
    request.user = AnonymousUser()
    request._wagtail_site = Site.objects.get(is_default_site=True)
    CommentSettings.for_site(request._wagtail_site)  # the row is made on first use, once
    template = Template("{% load comment_tags %}{% comment_section page %}")
    with CaptureQueriesContext(connection) as captured:
        html = template.render(Context({"request": request, "page": page}))
    assert "50 thoughts" in html
    assert len(captured) == 2, "\n".join(q["sql"] for q in captured)
