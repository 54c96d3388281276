"""The signed values comment links carry, so that neither needs per-visitor state:

- the `?comment=` value of the redirect after posting names the comment its writer may see
  while it waits for moderation (it expires after COMMENTS_PREVIEW_MAX_AGE; writer.py checks
  that this browser wrote it);
- the unsubscribe link in a reply email is its own authorisation (it does not expire: an old
  email must still stop the next one).
"""

from django.conf import settings
from django.core import signing

from .models import Comment

_posted_signer = signing.TimestampSigner(salt="comments.posted")
_unsubscribe_signer = signing.Signer(salt="comments.unsubscribe")


def posted_token(comment):
    return _posted_signer.sign(str(comment.pk))


def comment_id_from_posted_token(token):
    """The comment id a fresh posted token names, or None (expired, altered, not a token);
    writer.posted_comment also checks that this browser wrote it."""
    try:
        return int(_posted_signer.unsign(token, max_age=settings.COMMENTS_PREVIEW_MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None


def unsubscribe_token(comment):
    return _unsubscribe_signer.sign(str(comment.pk))


def comment_from_unsubscribe_token(token):
    """The comment a signed unsubscribe link was made for, or None if the link was altered."""
    try:
        pk = int(_unsubscribe_signer.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Comment.objects.filter(pk=pk).first()
