"""Every change of a comment's status, one small function each.

The public view, the admin's buttons and its bulk actions all call these, so the side
effects (notifications, the approval time) happen the same way whichever path is taken.
Each returns True when it changed something.
"""

from collections.abc import Callable
from dataclasses import dataclass

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
    """Store a new comment and tell whoever needs to know about it. One transaction: a
    database failure half-way leaves no comment behind (the visitor is asked to send again)."""
    with transaction.atomic():
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
    if comment.status not in ACTIONS_BY_NAME["restore"].applies_to:
        return False
    return _set_status(comment, Comment.Status.PENDING)


@dataclass(frozen=True)
class Action:
    """One moderation action as every admin surface shows it: the inspect view's buttons, the
    bulk actions and the one-comment moderation view are all made from ACTIONS below."""

    name: str  # in URLs and as the bulk action's type
    function: Callable  # the state change; True when it changed something
    label: str  # the button
    past_tense: str  # what the message after it says
    applies_to: frozenset  # the statuses it can change, so its button is shown only there
    description: str  # the bulk action's accessible name
    tone: str = "secondary"  # the button's look: primary, secondary or danger


_EVERY_STATUS = frozenset(Comment.Status.values)
ACTIONS = [
    Action(
        "approve",
        approve,
        "Approve",
        "approved",
        _EVERY_STATUS - {Comment.Status.APPROVED},
        "Approve the selected comments",
        tone="primary",
    ),
    Action(
        "spam",
        mark_spam,
        "Mark as spam",
        "marked as spam",
        _EVERY_STATUS - {Comment.Status.SPAM},
        "Mark the selected comments as spam",
        tone="danger",
    ),
    Action(
        "remove",
        remove,
        "Remove",
        "removed",
        _EVERY_STATUS - {Comment.Status.REMOVED},
        "Remove the selected comments from the site",
        tone="danger",
    ),
    Action(
        "restore",
        restore,
        "Restore to the queue",
        "restored to the queue",
        frozenset({Comment.Status.SPAM, Comment.Status.REMOVED}),
        "Put the selected comments back in the moderation queue",
    ),
]
ACTIONS_BY_NAME = {action.name: action for action in ACTIONS}


def actions_for(comment):
    """The actions that would change this comment, in the table's order."""
    return [action for action in ACTIONS if comment.status in action.applies_to]


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
