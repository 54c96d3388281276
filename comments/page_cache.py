"""The article a comment belongs to changes for readers when an approved comment appears,
changes or goes; a new comment awaiting moderation shows nobody but its writer (on the
private ?comment= link), so it leaves the page cache alone."""

from page_cache.invalidation import changed


def comment_saved(instance, created=False, **kwargs):
    if instance.is_approved or not created:
        changed([instance.page])


def comment_deleted(instance, **kwargs):
    if instance.is_approved:
        changed([instance.page])
