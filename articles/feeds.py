"""RSS 2.0 and Atom feeds of the latest articles: site-wide, per category and per author."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import ArticleIndexPage, ArticlePage, Author, Category, OrganizationSettings
from articles.seo import absolute_url


@dataclass(frozen=True)
class FeedContext:
    """What one request's feed is about. The Feed instance is shared by every request (and
    thread), so it keeps no state: each method reads this object instead."""

    organization: OrganizationSettings
    index_page: ArticleIndexPage | None
    subject: Category | Author | None
    feed_url: str


class ArticleFeed(Feed):
    """Site-wide by default; `kind` ("category" or "author") and `slug` narrow it."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, kind=None, slug=None):
        subject = None
        if kind == "category":
            subject = get_object_or_404(Category, slug=slug)
        elif kind == "author":
            subject = get_object_or_404(Author, slug=slug)
        return FeedContext(
            organization=OrganizationSettings.for_request(request),
            index_page=ArticleIndexPage.objects.live().public().first(),
            subject=subject,
            feed_url=absolute_url(request.path),
        )

    def title(self, obj):
        name = obj.organization.name
        if isinstance(obj.subject, Category):
            return f"{obj.subject.name} | {name}"
        if isinstance(obj.subject, Author):
            return f"Articles by {obj.subject.name} | {name}"
        return f"{name}: latest articles"

    def description(self, obj):
        if isinstance(obj.subject, Category) and obj.subject.description:
            return obj.subject.description
        return obj.organization.tagline or f"The latest articles from {obj.organization.name}."

    subtitle = description  # Atom's name for it

    def link(self, obj):
        if obj.index_page is None:
            return absolute_url("/")
        if isinstance(obj.subject, Category):
            return absolute_url(obj.index_page.listing_url("category", obj.subject.slug))
        if isinstance(obj.subject, Author):
            return absolute_url(obj.index_page.listing_url("author", obj.subject.slug))
        return absolute_url(obj.index_page.url)

    def feed_url(self, obj):
        """The feed's own address (atom:link rel="self"), on the public base URL like the items."""
        return obj.feed_url

    def items(self, obj):
        articles = ArticlePage.objects.listing()
        if isinstance(obj.subject, Category):
            articles = articles.filter(category=obj.subject)
        elif isinstance(obj.subject, Author):
            articles = articles.filter(article_authors__author=obj.subject)
        return articles[: settings.ARTICLES_FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item.url)

    def item_guid(self, item):
        return absolute_url(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors) or None

    def item_categories(self, item):
        names = [item.category.name] if item.category else []
        return names + [tag.name for tag in item.tags.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
