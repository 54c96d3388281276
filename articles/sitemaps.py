from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap

from articles.seo import absolute_url


class SiteSitemap(Sitemap):
    """Wagtail's sitemap (live, public pages with lastmod), its addresses on SITE_BASE_URL so
    they match the pages' canonical links whatever hostname the Wagtail Site record holds."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for url_info in urls:
            parts = urlsplit(url_info["location"])
            url_info["location"] = absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))
        return urls
