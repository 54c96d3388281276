"""Comments from a WordPress export onto the page their post became.

Takes any Wagtail page and plain records (attributes: wp_id, parent_id, author, email, url,
ip, date, content, approved, type, user_id), so this app needs nothing from the articles
app. Comments are written directly, never through `moderation.submit`: an import is not
news, so nobody is emailed. Keyed on the WordPress comment id, a second run updates.
"""

import ipaddress
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import Comment
from .sanitize import plain_text, sanitize_body

STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.REMOVED,
    "post-trashed": Comment.Status.REMOVED,
}
COMPARED = (
    "parent_id",
    "in_reply_to_id",
    "name",
    "email",
    "website",
    "body",
    "status",
    "is_staff_reply",
    "user_id",
    "ip_address",
    "created_at",
)


@dataclass
class Result:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (what, reason)


def _email(value):
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


def _website(value):
    value = value.strip()
    return value[:200] if value.lower().startswith(("http://", "https://")) else ""


def _ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _parents_first(records):
    """Records ordered so each comes after its parent (exports list them by id, which
    usually but not always puts a parent first)."""
    by_id = {record.wp_id: record for record in records}
    ordered, placed = [], set()

    def place(record, seen=()):
        if record.wp_id in placed:
            return
        parent = by_id.get(record.parent_id)
        if parent is not None and parent.wp_id not in seen:
            place(parent, (*seen, record.wp_id))
        placed.add(record.wp_id)
        ordered.append(record)

    for record in records:
        place(record)
    return ordered


def import_comments(page, records, team_emails=()):
    """Create or update the page's comments from `records`; returns a Result."""
    result = Result()
    team_emails = {email.lower() for email in team_emails}
    staff = {
        user.email.lower(): user
        for user in get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    }
    existing = {c.wordpress_id: c for c in Comment.objects.filter(page=page, wordpress_id__isnull=False)}
    made, depth = {}, {}
    fallback_date = page.first_published_at or page.latest_revision_created_at
    for record in _parents_first(records):
        what = f"comment {record.wp_id} on “{page.title}”"
        if record.type in ("pingback", "trackback"):
            result.skipped.append((what, f"a {record.type}, not a comment"))
            continue
        status = STATUSES.get(record.approved)
        if status is None:
            result.skipped.append((what, f"status “{record.approved}” is unknown"))
            continue
        body = sanitize_body(record.content)
        if not plain_text(body):
            result.skipped.append((what, "empty once cleaned"))
            continue
        answered = made.get(record.parent_id)
        # Shown under the deepest allowed level, like a reply written on the site.
        shown_under = answered
        level = depth.get(record.parent_id, 0) + 1 if answered else 1
        while shown_under is not None and level > settings.COMMENTS_MAX_DEPTH:
            shown_under, level = shown_under.parent, level - 1
        email = _email(record.email.strip())
        team = bool(record.user_id) or (email.lower() in team_emails if email else False)
        created = record.date or fallback_date
        values = {
            "parent": shown_under,
            "in_reply_to": answered,
            "name": (record.author.strip() or "Anonymous")[:100],
            "email": email,
            "website": _website(record.url),
            "body": body,
            "status": status,
            "is_staff_reply": team,
            "user": staff.get(email.lower()) if team and email else None,
            "ip_address": _ip(record.ip),
            "created_at": created,
        }
        comment = existing.get(record.wp_id)
        if comment is None:
            comment = Comment(page=page, wordpress_id=record.wp_id, **values)
            comment.approved_at = created if status == Comment.Status.APPROVED else None
            comment.save()
            result.created += 1
        else:
            before = [getattr(comment, name) for name in COMPARED]
            for name, value in values.items():
                setattr(comment, name, value)
            if before == [getattr(comment, name) for name in COMPARED]:
                result.unchanged += 1
            else:
                if status == Comment.Status.APPROVED and comment.approved_at is None:
                    comment.approved_at = created  # approved in WordPress: no announcement due
                comment.save()
                result.updated += 1
        made[record.wp_id], depth[record.wp_id] = comment, level
    return result
