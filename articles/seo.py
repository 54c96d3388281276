"""What search engines and social networks read about a page: title, description,
canonical URL, sharing image and breadcrumbs, worked out once per request."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.utils.functional import cached_property

from wagtail.models import Site

from taggit.models import Tag

from articles.models import ArticlePage, Author, Category, OrganizationSettings

SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"
PROFILE_IMAGE_SPEC = "fill-800x800|format-jpeg"
# Where Google cuts a result's title and description; derived values are cut to fit.
SEO_TITLE_MAX = 60
DESCRIPTION_MAX = 160


def cut_at_word(text, limit):
    """`text` on one line, at most `limit` characters, cut after a whole word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.-–—") + "…"


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
    """Built from a page's template context; `listing_title` and `listing` (an Author, Category
    or Tag) mark an author/category/tag route of the article index."""

    page: object
    request: object
    listing_title: str = ""
    listing: object = None
    robots: str = ""
    organization: OrganizationSettings = field(default=None)

    def __post_init__(self):
        if self.organization is None:
            self.organization = OrganizationSettings.for_request(self.request)

    @cached_property
    def article(self):
        return self.page if isinstance(self.page, ArticlePage) else None

    @cached_property
    def index_page(self):
        """The article index an article sits in, or that an author/category/tag route belongs to."""
        if self.article:
            return self.article.get_parent().specific
        return self.page if self.listing else None

    @cached_property
    def author_urls(self):
        """The absolute profile URL of each of the article's authors, in order."""
        return [
            absolute_url(self.index_page.listing_url("author", author.slug))
            for author in self.article.authors
        ]

    @cached_property
    def author(self):
        return self.listing if isinstance(self.listing, Author) else None

    @cached_property
    def schema_type(self):
        """The schema.org type of the WebPage node."""
        if self.author:
            return "ProfilePage"
        if isinstance(self.listing, (Category, Tag)):
            return "CollectionPage"
        return "WebPage"

    @cached_property
    def indexable(self):
        return "noindex" not in self.robots

    @cached_property
    def title(self):
        if self.listing_title:
            return f"{self.listing_title} | {self.organization.name}"
        if self.page.seo_title:
            return self.page.seo_title
        if self.is_home:
            return cut_at_word(
                f"{self.organization.name}: {self.organization.tagline}".rstrip(": "), SEO_TITLE_MAX
            )
        title = f"{self.page.title} | {self.organization.name}"
        # The organisation's name goes first when the title would not fit beside it.
        return title if len(title) <= SEO_TITLE_MAX else cut_at_word(self.page.title, SEO_TITLE_MAX)

    @cached_property
    def is_home(self):
        """The root page of the request's site (Page.is_site_root() would ask the database)."""
        site = Site.find_for_request(self.request)
        return site is not None and site.root_page_id == self.page.pk

    @cached_property
    def headline(self):
        return self.listing_title or self.page.seo_title or self.page.title

    @cached_property
    def description(self):
        if isinstance(self.listing, Author):
            role = f", {self.listing.job_title}" if self.listing.job_title else ""
            text = self.listing.bio or f"Articles by {self.listing.name}{role}."
        elif isinstance(self.listing, Category):
            text = self.listing.description or f"Articles about {self.listing.name}."
        elif isinstance(self.listing, Tag):
            text = f"Articles tagged {self.listing.name}."
        elif self.page.search_description:
            return " ".join(self.page.search_description.split())[:300]
        else:
            text = getattr(self.page, "intro", "") or self.organization.tagline
        return cut_at_word(text, DESCRIPTION_MAX)

    @cached_property
    def path(self):
        """The canonical URL relative to the site; pagination beyond page 1 is part of it, other
        query strings are not."""
        page_number = self.request.GET.get("page", "")
        if page_number.isascii() and page_number.isdigit() and int(page_number) > 1:
            return f"{self.request.path}?{urlencode({'page': int(page_number)})}"
        return self.request.path

    @cached_property
    def canonical_url(self):
        return absolute_url(self.path)

    @cached_property
    def og_type(self):
        return "article" if self.article else "website"

    @cached_property
    def image(self):
        if self.author and self.author.photo:
            return SocialImage.from_image(self.author.photo, PROFILE_IMAGE_SPEC)
        image = getattr(self.page, "social_image", None) or getattr(self.page, "hero_image", None)
        if image:
            return SocialImage.from_image(image)
        if self.organization.logo:
            return SocialImage.from_image(self.organization.logo, "max-1200x1200|format-png")
        return None

    @cached_property
    def breadcrumbs(self):
        """(name, site-relative url) from the home page down to this page or listing; the visible
        trail prints these, the JSON-LD BreadcrumbList makes them absolute."""
        known = getattr(self.page, "known_ancestors", lambda: None)()
        if known is None:
            known = self.page.get_ancestors().filter(depth__gt=1).specific(defer=True)
        crumbs = [(page.title, page.get_url(self.request)) for page in [*known, self.page]]
        if self.listing_title:
            crumbs.append((self.listing_title, self.path))
        return crumbs


@dataclass
class ViewMeta(PageMeta):
    """The same metadata for a view that is not a Wagtail page: built from a title, a description
    (the organisation's tagline when blank), the path (the request's, query string dropped) and
    the crumbs below the home page (the title at the path when none are given)."""

    view_title: str = ""
    view_description: str = ""
    view_crumbs: list = field(default_factory=list)

    @cached_property
    def title(self):
        return f"{self.view_title} | {self.organization.name}"

    @cached_property
    def headline(self):
        return self.view_title

    @cached_property
    def description(self):
        text = self.view_description or self.organization.tagline or self.organization.name
        return " ".join(text.split())[:300]

    @cached_property
    def breadcrumbs(self):
        site = Site.find_for_request(self.request)
        home = [(site.root_page.title, site.root_page.get_url(self.request))] if site else []
        return home + (self.view_crumbs or [(self.view_title, self.path)])
