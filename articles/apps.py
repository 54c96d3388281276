from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"
    # Ids of the layout, share box, author box and related list around an article's body.
    page_element_ids = {
        "main",
        "header-search",
        "share-heading",
        "author-box-heading",
        "related-heading",
        "footer-about",
        "footer-contact",
        "footer-follow",
    }

    def ready(self):
        import site_cache  # OrganizationSettings is kept there: forget it when it changes
        from page_cache.invalidation import collect_purge_urls

        from .cache_purge import listing_urls

        site_cache.connect()
        collect_purge_urls.connect(listing_urls, dispatch_uid="articles.listing_urls")
