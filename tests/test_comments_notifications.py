"""Emails about comments: who hears of what, through the task backend, with working links."""

import re

from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

import pytest
from django_tasks.signals import task_enqueued

from comments import moderation
from comments.models import Comment
from tests.comment_builders import form_data, make_comment, post_url


@pytest.fixture
def enqueued():
    """Names of the comment tasks handed to the task backend during the test."""
    names = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path.startswith("comments."):
            names.append(task_result.task.name)

    task_enqueued.connect(record)
    yield names
    task_enqueued.disconnect(record)


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def author_user(author):
    author.user = User.objects.create_user("maya", "maya@example.com", "pw")
    author.save()
    return author.user


@pytest.fixture
def article(make_article):
    return make_article(title="SEO and SMO")


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


@pytest.mark.django_db
def test_moderators_hear_of_each_comment_awaiting_moderation(
    client, article, moderator, settings, enqueued, django_capture_on_commit_callbacks
):
    """Each pending comment emails the moderators, via a task, with a link to review it."""
    settings.COMMENTS_MODERATOR_EMAILS = ["desk@example.com"]
    User.objects.create_user("sales", "sales@example.com", "pw").groups.add(Group.objects.get(name="Sales"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data(body="Question about SMO"))
    comment = Comment.objects.get()
    assert enqueued == ["notify_moderators"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["desk@example.com", "mo@example.com"]
    assert "SEO and SMO" in message.subject
    assert "Question about SMO" in message.body
    review = f"http://testserver/admin/snippets/comments/comment/inspect/{comment.pk}/"
    assert review in links_in(message)

    client.force_login(moderator)
    response = client.get(review.removeprefix("http://testserver"))
    assert response.status_code == 200 and "Question about SMO" in response.content.decode()


@pytest.mark.django_db
def test_spam_sends_no_email(client, article, moderator, enqueued, django_capture_on_commit_callbacks):
    """Spam never fills the moderators' inboxes."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data(homepage_url="bot"))
    assert Comment.objects.get().status == Comment.Status.SPAM
    assert enqueued == [] and mail.outbox == []


@pytest.mark.django_db
def test_authors_hear_of_each_approved_comment(
    article, author_user, enqueued, django_capture_on_commit_callbacks
):
    """Approving a comment emails the article's authors, with a link to the comment."""
    comment = make_comment(article, status=Comment.Status.PENDING, body="<p>Great read</p>")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(comment)
    assert enqueued == ["notify_authors"]
    assert [m.to for m in mail.outbox] == [["maya@example.com"]]
    link = f"http://testserver{article.url}#comment-{comment.pk}"
    assert link in links_in(mail.outbox[0])
    assert "Great read" in Client().get(link.removeprefix("http://testserver")).content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.remove(comment)
        moderation.restore(comment)
        moderation.approve(comment)
    assert mail.outbox == []  # authors hear of a comment once


@pytest.mark.django_db
def test_tasks_wait_for_the_commit(article, author_user, enqueued, django_capture_on_commit_callbacks):
    """Tasks are queued only once the comment is safely saved, never from inside the transaction."""
    comment = make_comment(article, status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        moderation.approve(comment)
    assert enqueued == [] and callbacks
    for callback in callbacks:
        callback()
    assert enqueued


@pytest.mark.django_db
def test_commenter_hears_of_an_approved_reply_and_can_unsubscribe(
    client, article, enqueued, django_capture_on_commit_callbacks
):
    """Asking for reply emails brings one when a reply is approved; its link stops further ones."""
    question = make_comment(article, name="Priya", email="priya@example.com", notify_replies=True)
    reply = make_comment(
        article,
        parent=question,
        name="Sam",
        email="sam@example.com",
        status=Comment.Status.PENDING,
        body="<p>Here is how</p>",
    )
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(reply)
    assert enqueued == ["notify_authors", "notify_reply"]
    message = next(m for m in mail.outbox if m.to == ["priya@example.com"])
    assert "Here is how" in message.body
    link, unsubscribe = links_in(message)
    assert link == f"http://testserver{article.url}#comment-{reply.pk}"
    assert unsubscribe.startswith("http://testserver/comments/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"

    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page = client.get(unsubscribe.removeprefix("http://testserver"))
    assert page.status_code == 200
    question.refresh_from_db()
    assert question.notify_replies is True  # opening the link only asks
    form = re.search(r'<form method="post" action="([^"]+)"', page.content.decode())
    assert form and form.group(1) == unsubscribe.removeprefix("http://testserver")
    response = client.post(form.group(1))
    assert response.status_code == 200
    assert "no more emails" in response.content.decode()
    question.refresh_from_db()
    assert question.notify_replies is False

    mail.outbox.clear()
    second = make_comment(article, parent=question, email="sam@example.com", status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(second)
    assert not [m for m in mail.outbox if m.to == ["priya@example.com"]]


@pytest.mark.django_db
def test_mail_clients_can_unsubscribe_in_one_click(article):
    """A mail client's one-click POST (no CSRF token) unsubscribes too."""
    from comments.tokens import unsubscribe_token

    question = make_comment(article, notify_replies=True)
    response = Client(enforce_csrf_checks=True).post(f"/comments/unsubscribe/{unsubscribe_token(question)}/")
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.notify_replies is False


@pytest.mark.django_db
def test_opening_the_unsubscribe_link_changes_nothing(article):
    """A mail scanner following the link (GET) does not unsubscribe anyone; the page asks to confirm."""
    from comments.tokens import unsubscribe_token

    question = make_comment(article, notify_replies=True)
    response = Client().get(f"/comments/unsubscribe/{unsubscribe_token(question)}/")
    assert response.status_code == 200
    assert 'type="submit"' in response.content.decode()
    question.refresh_from_db()
    assert question.notify_replies is True


@pytest.mark.django_db
def test_altered_unsubscribe_link_is_refused(client, article):
    """Changing the id in an unsubscribe link does not unsubscribe someone else."""
    from comments.tokens import unsubscribe_token

    victim = make_comment(article, notify_replies=True, email="victim@example.com")
    mine = make_comment(article, notify_replies=True, email="me@example.com")
    token = unsubscribe_token(mine).replace(f"{mine.pk}:", f"{victim.pk}:", 1)
    assert client.get(f"/comments/unsubscribe/{token}/").status_code == 404
    assert client.post(f"/comments/unsubscribe/{token}/").status_code == 404
    victim.refresh_from_db()
    assert victim.notify_replies is True


@pytest.mark.django_db
def test_no_reply_email_unless_asked(article, enqueued, django_capture_on_commit_callbacks):
    """Commenters who did not tick the box get no email about replies."""
    question = make_comment(article, email="quiet@example.com", notify_replies=False)
    reply = make_comment(article, parent=question, email="sam@example.com", status=Comment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(reply)
    assert not [m for m in mail.outbox if "quiet@example.com" in m.to]


@pytest.mark.django_db
def test_staff_reply_from_the_admin_notifies_the_commenter(
    client, article, moderator, enqueued, django_capture_on_commit_callbacks
):
    """A team reply in the admin tells the commenter who asked, through the task backend."""
    question = make_comment(article, email="priya@example.com", notify_replies=True)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/snippets/comments/comment/inspect/{question.pk}/", {"body": "We can help."})
    assert "notify_reply" in enqueued
    assert [m for m in mail.outbox if m.to == ["priya@example.com"]]


@pytest.mark.django_db
def test_reply_beyond_the_depth_limit_notifies_the_person_answered(
    client, article, settings, django_capture_on_commit_callbacks
):
    """Answering a comment at the deepest level emails its writer, not the writer of the comment above it."""
    assert settings.COMMENTS_MAX_DEPTH == 4
    chain = [make_comment(article, name="Level 1", email="one@example.com")]
    for level in range(2, 5):
        chain.append(
            make_comment(
                article,
                name=f"Level {level}",
                email=f"level{level}@example.com",
                parent=chain[-1],
                notify_replies=True,
            )
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(article), form_data(parent=str(chain[3].pk), body="Answering level 4"))
    reply = Comment.objects.get(body="<p>Answering level 4</p>")
    assert reply.parent == chain[2]  # shown at the deepest level
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(reply)
    replies = [m for m in mail.outbox if m.subject.startswith("New reply")]
    assert [m.to for m in replies] == [["level4@example.com"]]
    assert replies[0].body.startswith("Hello Level 4,")
    assert reply.in_reply_to == chain[3]
