"""When readers' pages change: a new generation for the page cache, and a purge for the CDN.

Every cached page is filed under the current generation, a random value kept where every
app process sees it (Redis, or a file cache on one machine). Anything readers see that
changes sets a new generation once its transaction commits, so the next request renders
afresh and the old entries simply age out. Which URLs the CDN must drop is gathered at
once, while a deleted page still exists, and purged after the commit through Wagtail's
frontend cache (a no-op unless WAGTAILFRONTENDCACHE is configured).
"""

from uuid import uuid4

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

GENERATION_KEY = "page-cache:generation"
# Sent with `pages` (the pages that changed, or None when the change is site-wide); each
# receiver returns the full URLs of the listings and feeds those pages appear on.
collect_purge_urls = Signal()


def _store():
    return caches[settings.SHARED_CACHE]


def current_generation():
    """The generation cached pages are filed under; None when the store cannot be read."""
    store = _store()
    value = store.get(GENERATION_KEY)
    if value is None:
        store.add(GENERATION_KEY, uuid4().hex, timeout=None)
        value = store.get(GENERATION_KEY)
    return value


def changed(pages=None, urls=()):
    """Readers' pages changed: `pages` (None: the whole site) and any extra `urls`."""
    batch = PurgeBatch(urls)
    if settings.WAGTAILFRONTENDCACHE:
        if pages is None:
            batch.add_pages(Page.objects.live().specific())
        else:
            batch.add_pages(page for page in pages if page.live)
        for _receiver, found in collect_purge_urls.send(sender=None, pages=pages):
            batch.add_urls(found)

    def after_commit():
        _store().set(GENERATION_KEY, uuid4().hex, timeout=None)
        batch.purge()

    transaction.on_commit(after_commit)


def _page_changed(instance, **kwargs):
    changed([instance])


def _page_moving(instance, **kwargs):
    # The old address and the listings of the old place, before the move rewrites them.
    changed([instance], urls=[url for url in [instance.get_full_url()] if url])


def _page_deleting(instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is not Page:  # once, for the specific row
        changed([instance], urls=[url for url in [instance.get_full_url()] if url and instance.live])


def _site_wide_change(instance, created=False, **kwargs):
    # A new author, category or image shows nowhere until a page uses it (and is published).
    if not created:
        changed()


def connect_receivers():
    page_published.connect(_page_changed, dispatch_uid="page_cache.published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache.unpublished")
    pre_page_move.connect(_page_moving, dispatch_uid="page_cache.moving")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache.moved")
    pre_delete.connect(_page_deleting, dispatch_uid="page_cache.deleting")
    for label in settings.PAGE_CACHE_SITE_WIDE_MODELS:
        model = apps.get_model(label)
        post_save.connect(_site_wide_change, sender=model, dispatch_uid=f"page_cache.saved.{label}")
        post_delete.connect(_site_wide_change, sender=model, dispatch_uid=f"page_cache.deleted.{label}")
