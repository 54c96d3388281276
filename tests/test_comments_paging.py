"""A long thread in pages of top-level comments with their replies: plain links between
pages, the newest or the oldest page first, and links to a comment that land on its page."""

import re

import pytest

from comments.models import Comment
from comments.tasks import comment_url
from tests.comment_builders import form_data, make_comment, post_url


def shown_ids(html):
    return [int(pk) for pk in re.findall(r'<li id="comment-(\d+)"', html)]


@pytest.fixture
def thread(make_article, settings):
    """Seven top-level comments, three a page; the second has a reply."""
    settings.COMMENTS_PER_PAGE = 3
    page = make_article(title="Long thread")
    roots = [make_comment(page, name=f"Root {n}") for n in range(7)]
    reply = make_comment(page, name="Reply", parent=roots[1])
    return page, roots, reply


@pytest.mark.django_db
def test_oldest_page_first_with_plain_links_to_the_others(client, thread):
    page, roots, reply = thread
    html = client.get(page.url).content.decode()
    assert shown_ids(html) == [roots[0].pk, roots[1].pk, reply.pk, roots[2].pk]
    assert "8 thoughts" in html  # the heading counts every approved comment
    assert f'href="{page.url}?comments=2#comments"' in html
    assert f'href="{page.url}?comments=3#comments"' in html
    last = client.get(page.url + "?comments=3").content.decode()
    assert shown_ids(last) == [roots[6].pk]
    assert f'href="{page.url}#comments"' in last  # page 1 is the article itself
    # Every page of comments names the article as its canonical address.
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in last


@pytest.mark.django_db
def test_newest_page_first_when_set(client, thread, settings):
    settings.COMMENTS_FIRST_PAGE = "newest"
    page, roots, _ = thread
    assert shown_ids(client.get(page.url).content.decode()) == [roots[6].pk]
    first = client.get(page.url + "?comments=1").content.decode()
    assert shown_ids(first)[0] == roots[0].pk


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "4", "two", "-1"])
def test_a_page_of_comments_that_does_not_exist_is_404(client, thread, value):
    page, _, _ = thread
    assert client.get(f"{page.url}?comments={value}").status_code == 404


@pytest.mark.django_db
def test_reply_link_keeps_the_page_and_the_form_answers_that_comment(client, thread):
    page, roots, _ = thread
    html = client.get(page.url + "?comments=2").content.decode()
    assert f'href="?comments=2&amp;replyto={roots[4].pk}#respond"' in html
    form = client.get(f"{page.url}?comments=2&replyto={roots[4].pk}").content.decode()
    assert "Reply to Root 4" in form


@pytest.mark.django_db
def test_links_to_a_comment_land_on_its_page(client, thread, settings):
    """The admin's "View on the site", the links in emails and the link after posting."""
    page, roots, _ = thread
    assert roots[0].get_absolute_url() == f"{page.url}#comment-{roots[0].pk}"
    assert roots[4].get_absolute_url() == f"{page.url}?comments=2#comment-{roots[4].pk}"
    response = client.post(post_url(page), form_data(parent=str(roots[4].pk), name="Answerer"))
    assert re.search(r"\?comments=2&comment=[^#]+#comment-\d+$", response["Location"])
    reply = Comment.objects.get(name="Answerer")
    landing = client.get(response["Location"]).content.decode()
    assert reply.is_pending and reply.pk in shown_ids(landing)  # shown to its writer on its page
    assert comment_url(roots[4]) == f"http://testserver{page.url}?comments=2#comment-{roots[4].pk}"


@pytest.mark.django_db
def test_newest_first_links_always_name_the_page(thread, settings):
    """The newest page moves as threads start; a link kept in an email must not."""
    settings.COMMENTS_FIRST_PAGE = "newest"
    page, roots, _ = thread
    assert roots[6].get_absolute_url() == f"{page.url}?comments=3#comment-{roots[6].pk}"


@pytest.mark.django_db
def test_names_and_websites_are_escaped_in_the_thread(client, make_article):
    """The thread's markup is built in Python (comments/thread_html.py): nothing a visitor
    typed reaches the page unescaped."""
    page = make_article()
    make_comment(
        page, name='<b onmouseover="x()">Eve</b>', website='https://example.com/"><script>x()</script>'
    )
    html = client.get(page.url).content.decode()
    assert "<script>x()" not in html and '<b onmouseover="x()">' not in html
    assert "&lt;b onmouseover=&quot;x()&quot;&gt;Eve&lt;/b&gt;" in html
    assert 'aria-label="Reply to &lt;b onmouseover=&quot;x()&quot;&gt;Eve&lt;/b&gt;"' in html
