from django import template

from articles.seo import PageMeta
from articles.structured_data import build_graph, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Usage: {% page_meta as meta %} once in the base template."""
    return PageMeta(
        page=context["page"],
        request=context["request"],
        listing_title=context.get("listing_title", ""),
        listing=context.get("listing"),
    )


@register.simple_tag
def structured_data(meta):
    return json_ld_script(build_graph(meta))
