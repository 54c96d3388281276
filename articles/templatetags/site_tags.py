"""Listing filters, pagination links and share links for the public templates."""

from django import template
from django.conf import settings
from django.db.models import Count

from articles.cards import cards_html
from articles.models import ArticlePage, ArticleTag, Category
from articles.sharing import share_links as build_share_links
from articles.srcset import distinct_srcset

register = template.Library()


@register.simple_tag
def listing_filters(index_page):
    """Categories and the most used tags among the index's live articles, each with a count."""
    live = ArticlePage.objects.live().public().child_of(index_page).values("pk")
    categories = (
        Category.objects.filter(articles__in=live).annotate(article_count=Count("articles")).order_by("name")
    )
    tags = (
        ArticleTag.objects.filter(content_object__in=live)
        .values("tag__name", "tag__slug")
        .annotate(article_count=Count("pk"))
        .order_by("-article_count", "tag__name")[: settings.ARTICLES_TAG_CLOUD_SIZE]
    )
    return {
        "categories": list(categories),
        "tags": sorted(tags, key=lambda tag: tag["tag__name"].lower()),
    }


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with `page` set to `number`: `?q=seo&page=2`."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if int(number) > 1:
        query["page"] = number
    encoded = query.urlencode()
    return "?" + encoded if encoded else context["request"].path


@register.simple_tag
def share_links(meta):
    return build_share_links(meta.canonical_url, meta.headline)


@register.simple_tag
def distinct_srcset_image(image, specs, **attrs):
    """{% distinct_srcset_image image "spec spec" attr=value %}: see articles.srcset."""
    return distinct_srcset(image, specs, attrs)


@register.simple_tag(takes_context=True)
def article_cards(context, articles, eager_first=False):
    return cards_html(articles, context.get("request"), eager_first)
