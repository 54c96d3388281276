"""Comment abuse: who sees a pending comment, who is trusted, and who counts as the team."""

from django.contrib.auth.models import Group, User
from django.test import Client

import pytest

from comments import moderation
from comments.models import Comment
from comments.tokens import posted_token
from tests.comment_builders import form_data, make_comment, post_url


@pytest.fixture
def article(make_article):
    return make_article(title="Abuse article")


def post(client, article, **fields):
    response = client.post(post_url(article), form_data(**fields))
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"], Comment.objects.latest("pk")


@pytest.mark.django_db
def test_pending_comment_link_shows_the_comment_only_in_the_browser_that_sent_it(client, article):
    """The ?comment= link shows a pending comment to its writer, privately, and to nobody else."""
    link, comment = post(client, article, body="Visit https://phish.example/login now")
    own = client.get(link)
    assert "phish.example" in own.content.decode()
    assert own["Cache-Control"] == "private, no-store"
    other = Client().get(link)
    assert other.status_code == 200
    assert "phish.example" not in other.content.decode()
    assert "awaiting moderation" not in other.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("action", [moderation.mark_spam, moderation.remove])
def test_pending_comment_link_shows_nothing_once_spam_or_removed(client, article, action):
    """After a moderator marks it spam or removes it, even its writer no longer sees the comment."""
    link, comment = post(client, article, body="Visit https://phish.example/login now")
    action(comment)
    assert "phish.example" not in client.get(link).content.decode()


@pytest.mark.django_db
def test_a_link_to_someone_elses_comment_shows_nothing_even_with_a_writer_cookie(client, article):
    """A browser that wrote one comment cannot open another visitor's pending comment by its link."""
    post(client, article, body="Mine")
    theirs = make_comment(article, body="<p>Theirs is secret</p>", status=Comment.Status.PENDING)
    html = client.get(article.url, {"comment": posted_token(theirs)}).content.decode()
    assert "Theirs is secret" not in html


@pytest.mark.django_db
def test_the_writer_cookie_is_signed_and_http_only(client, article):
    """The cookie that names a browser's comments cannot be read by scripts or edited."""
    post(client, article, body="Cookie check")
    cookie = client.cookies["comments_written"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    theirs = make_comment(article, body="<p>Forged cookie</p>", status=Comment.Status.PENDING)
    client.cookies["comments_written"] = str(theirs.pk)
    html = client.get(article.url, {"comment": posted_token(theirs)}).content.decode()
    assert "Forged cookie" not in html


@pytest.mark.django_db
def test_typing_an_approved_commenters_email_earns_no_trust(client, article):
    """A stranger using a known commenter's address (any name) waits for moderation, and is told the same as a newcomer."""
    make_comment(article, name="Priya Shah", email="priya@example.com")
    known_link, known = post(client, article, name="Anyone", email="PRIYA@example.com", body="Known address")
    fresh = Client()
    new_link, new = post(fresh, article, name="Anyone", email="new@example.com", body="New address")
    assert known.status == new.status == Comment.Status.PENDING
    notice = "Thank you: your comment is awaiting moderation."
    assert notice in client.get(known_link).content.decode()
    assert notice in fresh.get(new_link).content.decode()


@pytest.mark.django_db
def test_trust_is_earned_by_the_browser_whose_comment_was_approved(client, article):
    """Once a moderator approves a visitor's comment, their next one from that browser, links included, is published."""
    _link, first = post(client, article, body="First words")
    moderation.approve(first)
    _link, second = post(client, article, body='See <a href="https://ok.example/">this</a>')
    assert second.status == Comment.Status.APPROVED
    _link, other = post(Client(), article, body='Also <a href="https://ok.example/">this</a>')
    assert other.status == Comment.Status.PENDING


@pytest.mark.django_db
def test_a_comment_with_links_from_an_untrusted_writer_is_held(client, article):
    """A first comment carrying a link never goes live before a moderator has seen it."""
    link, comment = post(client, article, body='Cheap <a href="https://pills.example/">pills</a>')
    assert comment.status == Comment.Status.PENDING
    assert "pills.example" not in Client().get(article.url).content.decode()


@pytest.mark.django_db
def test_admin_access_alone_is_not_the_team(article):
    """A Sales user posting a comment is treated as a visitor: no Team badge, moderated."""
    user = User.objects.create_user("sam", "sam@example.com", "pw")
    user.groups.add(Group.objects.get(name="Sales"))
    client = Client()
    client.force_login(user)
    html = client.get(article.url).content.decode()
    assert 'name="email"' in html
    token = client.cookies["csrftoken"].value
    response = client.post(
        post_url(article), form_data(body="From sales", email="sam@example.com", csrfmiddlewaretoken=token)
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="<p>From sales</p>")
    assert (comment.status, comment.is_staff_reply, comment.user) == (Comment.Status.PENDING, False, None)
