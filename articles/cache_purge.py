"""What else a CDN must drop when pages change: the listings and feeds an article is on.

page_cache purges each changed page itself; this adds, for an article, the home page, the
article index and its author, category and tag listings that show it, the feeds, the
sitemap and the articles whose related list may show it; for a site-wide change, every
listing and feed. Paths are purged with any query string (the shipped VCL bans
`path(?...)`), so later listing pages go too.
"""

from django.conf import settings
from django.urls import reverse

from .models import ArticleIndexPage, ArticlePage, Author, Category

SITE_FEEDS = ["feed_rss", "feed_atom", "sitemap"]


def _feeds(kind, slugs):
    return [
        reverse(f"feed_{kind}_{form}", kwargs={"slug": slug}) for slug in slugs for form in ("rss", "atom")
    ]


def _article_urls(article):
    urls = set()
    index = article.get_parent().specific
    if isinstance(index, ArticleIndexPage):
        base = index.get_full_url()
        authors = [author.slug for author in article.authors]
        categories = [article.category.slug] if article.category_id else []
        listings = [("author", s) for s in authors] + [("category", s) for s in categories]
        listings += [("tag", tag.slug) for tag in article.tags.all()]
        urls.update(base + index.reverse_subpage(route, kwargs={"slug": slug}) for route, slug in listings)
        urls.update(page.get_full_url() for page in index.get_ancestors().live().exclude(depth=1))
        urls.add(base)
        paths = _feeds("author", authors) + _feeds("category", categories)
        urls.update(settings.SITE_BASE_URL + path for path in paths)
    related = ArticlePage.objects.listing().related_to(article).order_by()
    urls.update(page.get_full_url() for page in related)
    return urls


def _site_wide_urls():
    """Every listing and feed (the pages themselves are purged by page_cache)."""
    paths = _feeds("author", Author.objects.values_list("slug", flat=True))
    paths += _feeds("category", Category.objects.values_list("slug", flat=True))
    return {settings.SITE_BASE_URL + path for path in paths}


def listing_urls(pages, **kwargs):
    """collect_purge_urls receiver: full URLs of what shows `pages` (None: the whole site)."""
    urls = {settings.SITE_BASE_URL + reverse(name) for name in SITE_FEEDS}
    if pages is None:
        return urls | _site_wide_urls()
    for page in pages:
        page = page.specific
        if isinstance(page, ArticlePage):
            urls |= _article_urls(page)
    return urls
