"""Every change of a comment's status, one small function each.

The public view, the admin's buttons and its bulk actions all call these, so the side
effects (notifications, the approval time) happen the same way whichever path is taken.
Each returns True when it changed something.
"""

from django.db import transaction
from django.utils import timezone

from .models import Comment
from .tasks import notify_authors, notify_moderators, notify_reply


def _enqueue_after_commit(task, comment):
    # A worker must find the comment saved; and a rolled-back comment sends nothing.
    transaction.on_commit(lambda: task.enqueue(comment.pk))


def _announce_approval(comment):
    """Authors and (if they asked) the writer of the comment answered hear of a comment
    once, the first time it is approved; a restore-and-approve later sends nothing again."""
    if comment.approved_at is None:
        comment.approved_at = timezone.now()
        comment.save(update_fields=["approved_at"])
        _enqueue_after_commit(notify_authors, comment)
        if comment.in_reply_to_id:
            _enqueue_after_commit(notify_reply, comment)


def _set_status(comment, status):
    if comment.status == status:
        return False
    comment.status = status
    comment.save(update_fields=["status", "updated_at"])
    return True


def submit(comment):
    """Store a new comment and tell whoever needs to know about it."""
    comment.save()
    if comment.status == Comment.Status.APPROVED:
        _announce_approval(comment)
    elif comment.status == Comment.Status.PENDING:
        _enqueue_after_commit(notify_moderators, comment)
    return comment


def approve(comment):
    changed = _set_status(comment, Comment.Status.APPROVED)
    if changed:
        _announce_approval(comment)
    return changed


def mark_spam(comment):
    return _set_status(comment, Comment.Status.SPAM)


def remove(comment):
    return _set_status(comment, Comment.Status.REMOVED)


def restore(comment):
    """Back to the moderation queue from spam or removed, to be decided again."""
    if comment.status not in (Comment.Status.SPAM, Comment.Status.REMOVED):
        return False
    return _set_status(comment, Comment.Status.PENDING)


ACTIONS = {"approve": approve, "spam": mark_spam, "remove": remove, "restore": restore}


def reply_as_team(parent, user, body):
    """A staff reply from the admin: published at once with the Team badge. Replying to
    a comment still awaiting moderation approves it too, or the reply would hang alone."""
    if parent.status == Comment.Status.PENDING:
        approve(parent)
    reply = Comment(
        page=parent.page,
        parent=parent.reply_parent(),
        in_reply_to=parent,
        name=user.get_full_name() or user.get_username(),
        email=user.email,
        body=body,
        user=user,
        is_staff_reply=True,
        status=Comment.Status.APPROVED,
    )
    return submit(reply)
