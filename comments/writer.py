"""What this browser wrote: a signed, HttpOnly cookie listing its own comments' ids.

It decides two things a typed email address must not: who sees a comment still awaiting
moderation (only the browser that sent it), and who is a returning commenter (a browser
whose earlier comment a moderator approved). Public pages stay the same for everyone; a
response that depends on this cookie is marked private (see middleware.py).
"""

from django.conf import settings

from .tokens import comment_id_from_posted_token

COOKIE = "comments_written"
_SALT = "comments.written"


def written_ids(request):
    """Ids of the comments this browser sent (most recent last); [] if none or tampered."""
    value = request.get_signed_cookie(
        COOKIE, default="", salt=_SALT, max_age=settings.COMMENTS_WRITER_COOKIE_MAX_AGE
    )
    return [int(part) for part in value.split(".") if part.isascii() and part.isdigit()]


def remember_written(request, response, comment):
    """Add `comment` to the browser's list, keeping the latest COMMENTS_WRITER_COOKIE_SIZE."""
    ids = [pk for pk in written_ids(request) if pk != comment.pk] + [comment.pk]
    response.set_signed_cookie(
        COOKIE,
        ".".join(map(str, ids[-settings.COMMENTS_WRITER_COOKIE_SIZE :])),
        salt=_SALT,
        max_age=settings.COMMENTS_WRITER_COOKIE_MAX_AGE,
        httponly=True,
        secure=request.is_secure(),
        samesite="Lax",
    )
    return response


def posted_comment(request, token, queryset):
    """The comment named by the signed ?comment= value of the redirect after posting, if the
    link is fresh and this browser wrote it; removed comments are never returned."""
    pk = comment_id_from_posted_token(token)
    if pk is None or pk not in written_ids(request):
        return None
    return queryset.exclude(status="removed").filter(pk=pk).first()
