from django import template

from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live pages under the home page that editors ticked "Show in menus"."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    return site.root_page.get_children().live().in_menu()


@register.simple_tag
def listing_url(index_page, route, slug):
    """{% listing_url index_page "author" author.slug %}: an author, category or tag listing."""
    return index_page.listing_url(route, slug)
