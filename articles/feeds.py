"""RSS 2.0 and Atom feeds of the latest articles: site-wide, per category and per author."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from articles.models import ArticleIndexPage, ArticlePage, Author, Category, OrganizationSettings
from articles.seo import absolute_url


class ArticleFeed(Feed):
    """Site-wide by default; `kind` ("category" or "author") and `slug` narrow it."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, kind=None, slug=None):
        self.organization = OrganizationSettings.for_request(request)
        self.index_page = ArticleIndexPage.objects.live().public().first()
        if kind == "category":
            return get_object_or_404(Category, slug=slug)
        if kind == "author":
            return get_object_or_404(Author, slug=slug)
        return None

    def title(self, obj):
        name = self.organization.name
        if isinstance(obj, Category):
            return f"{obj.name} | {name}"
        if isinstance(obj, Author):
            return f"Articles by {obj.name} | {name}"
        return f"{name}: latest articles"

    def description(self, obj):
        if isinstance(obj, Category) and obj.description:
            return obj.description
        return self.organization.tagline or f"The latest articles from {self.organization.name}."

    subtitle = description  # Atom's name for it

    def link(self, obj):
        if self.index_page is None:
            return absolute_url("/")
        if isinstance(obj, Category):
            return absolute_url(self.index_page.listing_url("category", obj.slug))
        if isinstance(obj, Author):
            return absolute_url(self.index_page.listing_url("author", obj.slug))
        return absolute_url(self.index_page.url)

    def items(self, obj):
        articles = ArticlePage.objects.listing()
        if isinstance(obj, Category):
            articles = articles.filter(category=obj)
        elif isinstance(obj, Author):
            articles = articles.filter(article_authors__author=obj)
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
