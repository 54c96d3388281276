"""The page tree: Home > Articles (index) > Article; author, category and tag listings
are routes of the index so each has a public URL without a page per snippet."""

import math

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import Max, Prefetch, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase

from articles.blocks import RICH_TEXT_FEATURES, ArticleBodyBlock
from articles.panels import ReadinessPanel

from .listing import ListingManagerMixin, approved_comment_count
from .routing import FastRouteMixin, live_children, private_q
from .snippets import Author, Category


def paginate(request, items):
    """The page of `items` that ?page= asks for; a page that does not exist is a 404 rather
    than page 1 again under another address."""
    try:
        return Paginator(items, settings.ARTICLES_PER_PAGE).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error


class SeoMixin(models.Model):
    """A social image for Open Graph and Twitter cards, edited in the Promote tab."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; 1200×630 works best. The hero image when blank.",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            "Search and sharing",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], "Navigation"),
    ]

    class Meta:
        abstract = True


class HomePage(FastRouteMixin, SeoMixin, Page):
    route_select_related = ("social_image",)
    intro = models.TextField(blank=True, help_text="A sentence or two under the site name.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = SeoMixin.promote_panels

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage", "articles.StandardPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = ArticlePage.objects.listing().descendant_of(self)[:6]
        context["first_child"] = next(iter(live_children(request, self)), None)  # "All articles"
        return context


class StandardPage(FastRouteMixin, SeoMixin, Page):
    """A plain page for the privacy notice, "About us" and the like."""

    route_select_related = ("social_image",)

    intro = models.TextField(blank=True)
    body = RichTextField(features=RICH_TEXT_FEATURES + ["h2"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = SeoMixin.promote_panels
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["articles.HomePage", "articles.StandardPage"]
    subpage_types = ["articles.StandardPage"]


class ArticleIndexPage(RoutablePageMixin, FastRouteMixin, SeoMixin, Page):
    route_select_related = ("social_image",)
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = SeoMixin.promote_panels

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    def articles(self):
        return ArticlePage.objects.listing().child_of(self)

    def get_sitemap_urls(self, request=None):
        """The index, then every author, category and tag listing that has articles, each
        dated by its newest article."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        articles = ArticlePage.objects.live().public().child_of(self).order_by()
        listings = {
            "author": articles.values_list("article_authors__author__slug"),
            "category": articles.values_list("category__slug"),
            "tag": articles.values_list("tags__slug"),
        }
        for route, slugs in listings.items():
            for slug, lastmod in slugs.annotate(lastmod=Max("last_published_at")):
                if slug:
                    location = base + self.reverse_subpage(route, kwargs={"slug": slug})
                    urls.append({"location": location, "lastmod": lastmod})
        return urls

    def get_cached_paths(self):
        """The index and every listing below it, which a CDN purge of the index drops too."""
        base = self.get_full_url()
        return ["/", *(item["location"].removeprefix(base) for item in self.get_sitemap_urls()[1:])]

    def listing_url(self, route, slug):
        """URL of an author, category or tag listing: listing_url("author", author.slug)."""
        return self.url + self.reverse_subpage(route, kwargs={"slug": slug})

    def render_listing(self, request, queryset, template=None, **extra):
        context = {"articles": paginate(request, queryset), **extra}
        return self.render(request, template=template, context_overrides=context)

    @path("")
    def index(self, request):
        return self.render_listing(request, self.articles())

    @path("author/<slug:slug>/")
    def author(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        articles = self.articles().filter(article_authors__author=author)
        return self.render_listing(
            request,
            articles,
            author=author,
            listing=author,
            listing_title=author.name,
            template="articles/author_page.html",
        )

    @path("category/<slug:slug>/")
    def category(self, request, slug):
        category = get_object_or_404(Category, slug=slug)
        return self.render_listing(
            request,
            self.articles().filter(category=category),
            category=category,
            listing=category,
            listing_title=category.name,
        )

    @path("tag/<slug:slug>/")
    def tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self.render_listing(
            request,
            self.articles().filter(tags=tag),
            tag=tag,
            listing=tag,
            listing_title=f"Tagged “{tag.name}”",
        )


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


def authors_prefetch():
    """Each article's author links with their authors, in one query."""
    return Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))


class ArticlePageQuerySet(PageQuerySet):
    def private_q(self):
        return private_q()

    def listing(self, for_search=False):
        """Live articles, newest first, with what a card shows fetched up front.

        The approved-comment count comes through the `comments` reverse relation that the
        comments app adds to every page (approved_comment_count), so articles needs no import
        from it. Search backends read plain field filters only: `for_search` keeps Wagtail's
        privacy filter.
        """
        live = self.live()
        return (
            (live.exclude(PageQuerySet.private_q(live)) if for_search else live.public())
            .select_related("hero_image", "category")
            .prefetch_related(authors_prefetch(), "tags")
            .annotate(approved_comment_count=approved_comment_count())
            .order_by("-first_published_at", "-pk")
        )

    def related_to(self, article, in_memory=False):
        """The others of these articles that share the article's category or a tag (on a
        `listing()`: its related articles); `in_memory` reads the article's tags from the
        instance (a preview's unsaved ones)."""
        if in_memory:
            tags = [tag.pk for tag in article.tags.all()]
        else:  # a subquery rather than a query of its own
            tags = ArticleTag.objects.filter(content_object=article).values("tag")
        shares = Q(pk__in=ArticleTag.objects.filter(tag__in=tags).values("content_object"))
        if article.category_id:
            shares |= Q(category_id=article.category_id)
        return self.filter(shares).exclude(pk=article.pk)


class ArticlePageManager(ListingManagerMixin, PageManager.from_queryset(ArticlePageQuerySet)):
    pass


class ArticleAuthor(Orderable):
    page = ParentalKey("articles.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(Author, related_name="article_links", on_delete=models.CASCADE)

    panels = [FieldPanel("author")]


class ArticlePage(FastRouteMixin, SeoMixin, Page):
    intro = models.TextField(help_text="One or two sentences: shown on listings and as the summary.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Its description in the image library is the alt text.",
    )
    hero_caption = models.CharField(max_length=250, blank=True)
    hero_credit = models.CharField(max_length=120, blank=True, help_text="Who made the image.")
    body = StreamField(ArticleBodyBlock())
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    comments_open = models.BooleanField(
        default=True, help_text="Untick to close comments; approved comments stay visible."
    )

    objects = ArticlePageManager()
    route_select_related = ("category", "hero_image", "social_image")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultipleChooserPanel("article_authors", chooser_field_name="author", label="Authors", min_num=1),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")], "Hero image"
        ),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("tags")], "Filing"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("comments_open")]
    promote_panels = [ReadinessPanel(heading="Readiness and results"), *SeoMixin.promote_panels]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("article_authors", [index.RelatedFields("author", [index.SearchField("name")])]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("category"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    preview_modes = [("", "Article"), ("share", "Share previews")]

    # A bulk import (import_wordpress) saves each page several times and indexes it once, at the end.
    search_index_on_save = True

    def save(self, *args, **kwargs):
        self.reading_minutes = self.estimate_reading_minutes()
        super().save(*args, **kwargs)
        # The search index was updated on post_save, before modelcluster wrote the authors and
        # tags it holds; index again now that they are in the database.
        if self.search_index_on_save:
            index.insert_or_update_object(self)

    def serve_preview(self, request, mode_name):
        if mode_name == "share":
            from articles.share_previews import share_previews  # it imports the models

            return share_previews(self, request)
        return super().serve_preview(request, mode_name)

    def estimate_reading_minutes(self):
        text = " ".join([self.intro, *self.body.stream_block.get_searchable_content(self.body)])
        return max(1, math.ceil(len(text.split()) / settings.ARTICLES_WORDS_PER_MINUTE))

    @property
    def authors(self):
        return [link.author for link in self.article_authors.all()]

    @property
    def published(self):
        """When readers first saw it; a draft being previewed has none yet."""
        return self.first_published_at or self.latest_revision_created_at

    @property
    def updated(self):
        return self.last_published_at or self.published

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview keeps the unsaved authors and tags it holds in memory.
        preview = getattr(request, "is_preview", False)
        related = ArticlePage.objects.listing().related_to(self, in_memory=preview).prefetch_related(None)
        related = list(related[: settings.ARTICLES_RELATED_COUNT])
        # The byline, author box, meta tags, JSON-LD and related cards read these: one
        # prefetch for the article and its related articles.
        prefetch_related_objects(related if preview else [self, *related], authors_prefetch(), "tags")
        context["index_page"] = self.get_parent().specific
        context["heading_anchors"] = set()  # filled by HeadingBlock, so each heading's id is unique
        context["related_articles"] = related
        return context
