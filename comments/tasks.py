"""Emails about comments, sent by the tasks framework so a slow mail server never slows
a visitor. Each task takes a comment id and reloads it: the worker may run much later, and
again with back-off while the mail server is down (outbox)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from django_tasks import task

from outbox import retry_on_mail_failure

from .paging import comment_query
from .sanitize import plain_text
from .tokens import unsubscribe_token

ADMIN_INSPECT_URL_NAME = "wagtailsnippets_comments_comment:inspect"


def absolute_url(url):
    """Links in emails point at the public site, SITE_BASE_URL, whatever served the request."""
    return settings.SITE_BASE_URL + url if url.startswith("/") else url


def comment_url(comment):
    return absolute_url(f"{comment.page.get_url()}{comment_query(comment)}#comment-{comment.pk}")


def moderator_emails():
    """Everyone who may moderate (superusers included) plus COMMENTS_MODERATOR_EMAILS."""
    permission = Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment")
    users = (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
        )
        .filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted({*users, *settings.COMMENTS_MODERATOR_EMAILS})


def _send(template, subject, recipients, context, headers=None):
    if not recipients:
        return 0
    body = render_to_string(f"comments/email/{template}.txt", context)
    message = EmailMessage(subject, body, to=recipients, headers=headers)
    return message.send()


def _load(comment_id):
    from .models import Comment

    return Comment.objects.select_related("page", "in_reply_to").filter(pk=comment_id).first()


@task()
def notify_moderators(comment_id, attempt=1):
    comment = _load(comment_id)
    if comment is None or not comment.is_pending:
        return 0
    context = {
        "comment": comment,
        "text": plain_text(comment.body, paragraphs=True),
        "review_url": absolute_url(reverse(ADMIN_INSPECT_URL_NAME, args=[comment.pk])),
        "page_url": absolute_url(comment.page.get_url()),
    }
    subject = f"Comment awaiting moderation on “{comment.page.title}”"
    with retry_on_mail_failure(notify_moderators, comment_id, attempt=attempt):
        return _send("moderators", subject, moderator_emails(), context)


@task()
def notify_authors(comment_id, attempt=1):
    comment = _load(comment_id)
    if comment is None or not comment.is_approved:
        return 0
    authors = getattr(comment.page.specific, "authors", None) or []
    users = [getattr(author, "user", None) for author in authors]
    recipients = sorted(
        {user.email for user in users if user and user.email and user.pk != comment.user_id} - {comment.email}
    )
    context = {
        "comment": comment,
        "text": plain_text(comment.body, paragraphs=True),
        "comment_url": comment_url(comment),
    }
    with retry_on_mail_failure(notify_authors, comment_id, attempt=attempt):
        return _send("authors", f"New comment on “{comment.page.title}”", recipients, context)


@task()
def notify_reply(comment_id, attempt=1):
    """Tell a commenter who asked for it that a reply to their comment is published: the
    writer of the comment answered, not of the one the reply is shown under."""
    reply = _load(comment_id)
    parent = reply.in_reply_to if reply is not None else None
    if parent is None or not reply.is_approved or not parent.notify_replies:
        return 0
    if not parent.email or parent.email.lower() == reply.email.lower():
        return 0
    unsubscribe_url = absolute_url(reverse("comments:unsubscribe", args=[unsubscribe_token(parent)]))
    context = {
        "reply": reply,
        "parent": parent,
        "text": plain_text(reply.body, paragraphs=True),
        "comment_url": comment_url(reply),
        "unsubscribe_url": unsubscribe_url,
    }
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    subject = f"New reply to your comment on “{reply.page.title}”"
    with retry_on_mail_failure(notify_reply, comment_id, attempt=attempt):
        return _send("reply", subject, [parent.email], context, headers)
