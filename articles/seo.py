"""What search engines and social networks read about a page: title, description,
canonical URL, sharing image and breadcrumbs, worked out once per request."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.functional import cached_property

from articles.models import ArticlePage, OrganizationSettings

SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def absolute_url(url):
    """Make a root-relative URL (a page path, a media URL) absolute on the public base URL."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_BASE_URL + url


@dataclass
class SocialImage:
    url: str
    width: int
    height: int
    alt: str

    @classmethod
    def from_image(cls, image, spec=SOCIAL_IMAGE_SPEC):
        rendition = image.get_rendition(spec)
        return cls(absolute_url(rendition.url), rendition.width, rendition.height, image.default_alt_text)


@dataclass
class PageMeta:
    """Built from a page's template context; `listing_title` marks an author/category/tag route."""

    page: object
    request: object
    listing_title: str = ""
    organization: OrganizationSettings = field(default=None)

    def __post_init__(self):
        if self.organization is None:
            self.organization = OrganizationSettings.for_request(self.request)

    @cached_property
    def article(self):
        return self.page if isinstance(self.page, ArticlePage) else None

    @cached_property
    def title(self):
        if self.listing_title:
            return f"{self.listing_title} | {self.organization.name}"
        if self.page.seo_title:
            return self.page.seo_title
        if self.page.is_site_root():
            return f"{self.organization.name}: {self.organization.tagline}".rstrip(": ")
        return f"{self.page.title} | {self.organization.name}"

    @cached_property
    def headline(self):
        return self.listing_title or self.page.seo_title or self.page.title

    @cached_property
    def description(self):
        text = self.page.search_description or getattr(self.page, "intro", "") or self.organization.tagline
        return " ".join(text.split())[:300]

    @cached_property
    def canonical_url(self):
        """The page's public address; pagination beyond page 1 is part of it, other query strings are not."""
        page_number = self.request.GET.get("page", "")
        query = f"?{urlencode({'page': page_number})}" if page_number.isdigit() and page_number != "1" else ""
        return absolute_url(self.request.path) + query

    @cached_property
    def og_type(self):
        return "article" if self.article else "website"

    @cached_property
    def image(self):
        image = getattr(self.page, "social_image", None) or getattr(self.page, "hero_image", None)
        if image:
            return SocialImage.from_image(image)
        if self.organization.logo:
            return SocialImage.from_image(self.organization.logo, "max-1200x1200|format-png")
        return None

    @cached_property
    def breadcrumbs(self):
        """(name, absolute url) from the home page down to this page or listing."""
        crumbs = [
            (ancestor.title, absolute_url(ancestor.url))
            for ancestor in self.page.get_ancestors(inclusive=True).filter(depth__gt=1).specific(defer=True)
        ]
        if self.listing_title:
            crumbs.append((self.listing_title, self.canonical_url))
        return crumbs
