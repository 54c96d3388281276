"""Serving a page in fewer queries: Wagtail's routing and privacy checks, each level and each
check fetched once.

Wagtail fetches every level of a URL twice (the page, then its specific row), looks up the
ancestors to check view restrictions, and reads every restriction before building a `public()`
listing. Here a child comes with its specific row and what its template reads in one query,
restrictions are checked in one query, and `public()` is a subquery.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.models import Page, PageViewRestriction


def private_q():
    """Pages inside a restricted section: a restriction sits on the page or an ancestor,
    i.e. on a path that starts the page's path. One subquery, read with the listing."""
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(covering))


class FastRouteMixin:
    """For page classes: `route_select_related` names the foreign keys a page's template
    reads (fetched with the page when a URL routes to it)."""

    route_select_related = ()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = self.specific_child(path_components[0])
        # Treebeard's get_parent() reads this, so the template's parent costs nothing.
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def specific_child(self, slug):
        """The live or draft child with this slug as its specific class, in one query when
        it is one of the allowed subpage types (the `.specific` fallback covers any other)."""
        direct = [model for model in self.allowed_subpage_models() if Page in model._meta.parents]
        joins = []
        for model in direct:
            name = model._meta.model_name
            joins += [name, *(f"{name}__{field}" for field in model.route_select_related)]
        try:
            child = Page.objects.child_of(self).select_related(*joins).get(slug=slug)
        except Page.DoesNotExist as error:
            raise Http404 from error
        for model in direct:
            specific = getattr(child, model._meta.model_name, None)
            if specific is not None and type(specific) is child.specific_class:
                return specific
        return child.specific

    def get_view_restrictions(self):
        """Wagtail's check in one query instead of two: restrictions on this page or an
        ancestor, or on the page that one of them is an alias of."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page__in=sources))

    def known_ancestors(self):
        """Ancestors below the tree's root, top first, as routing left them on the page (no
        query); None when routing did not reach this page from the home page."""
        chain, node = [], self
        while node.depth > 2:
            node = getattr(node, "_cached_parent_obj", None)
            if node is None:
                return None
            chain.append(node)
        return chain[::-1]


def live_children(request, page):
    """The live children of `page`, read once per request: the main menu lists the home
    page's, and the home page links to the first of them."""
    read = request.__dict__.setdefault("_live_children", {})
    if page.pk not in read:
        read[page.pk] = list(page.get_children().live())
    return read[page.pk]
