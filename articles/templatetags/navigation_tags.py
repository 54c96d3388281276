from django import template

from wagtail.models import Site

from articles.models.routing import live_children

register = template.Library()


@register.simple_tag(takes_context=True)
def home_url(context):
    """The URL of the site's home page (the root of the request's site)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site.root_page.get_url(request) if site else None) or "/"


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live pages under the home page that editors ticked "Show in menus", each with `current`:
    "page" for the page itself, "true" for a page below it or a listing of it, else ""."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return []
    page = context.get("page")
    items = [child for child in live_children(context["request"], site.root_page) if child.show_in_menus]
    for item in items:
        item.current = ""
        if page is not None and page.url_path.startswith(item.url_path):
            item.current = "page" if item.pk == page.pk and not context.get("listing_title") else "true"
    return items


@register.simple_tag
def listing_url(index_page, route, slug):
    """{% listing_url index_page "author" author.slug %}: an author, category or tag listing."""
    return index_page.listing_url(route, slug)
