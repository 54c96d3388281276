from django import template

from articles.readiness.evaluate import evaluate
from articles.seo import PageMeta, ViewMeta
from articles.structured_data import build_graph, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Usage: {% page_meta as meta %} once in the base template. A Wagtail page's metadata comes
    from `page` (with `listing`/`listing_title` on the index's author, category and tag routes);
    a view outside the page tree hands plain `meta_title` (required), `meta_description`,
    `meta_crumbs` ([(name, url)] below the home page) and `meta_robots`, so apps that render such
    views need nothing from this module. None when the context has neither."""
    request = context.get("request")
    if context.get("page"):
        return PageMeta(
            page=context["page"],
            request=request,
            listing_title=context.get("listing_title", ""),
            listing=context.get("listing"),
        )
    if context.get("meta_title") and request is not None:
        return ViewMeta(
            page=None,
            request=request,
            robots=context.get("meta_robots", ""),
            view_title=context["meta_title"],
            view_description=context.get("meta_description", ""),
            view_crumbs=list(context.get("meta_crumbs", ())),
        )
    return None


@register.simple_tag
def structured_data(meta):
    return json_ld_script(build_graph(meta))


@register.inclusion_tag("articles/readiness_markers.html", takes_context=True)
def readiness_markers(context, meta):
    """In an editor's preview of an article, one hidden marker per failing readiness check, for
    the Checks panel (see articles.readiness.userbar); nothing anywhere else."""
    request = context["request"]
    if not getattr(request, "is_preview", False) or getattr(request, "review_link", None) or not meta.article:
        return {"failing": []}
    return {"failing": evaluate(meta.article, request=request, meta=meta).failing}
