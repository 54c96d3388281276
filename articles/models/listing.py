"""What makes the article listings (home, index, related articles, feeds) cheaper to build."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page

_listings = {}  # (model, database): the listing queryset, never evaluated


def approved_comment_count():
    """Each article's approved comments, counted in a subquery: a join would repeat every
    article row once per comment and group the listing by all its columns."""
    relation = Page._meta.get_field("comments")  # added by the comments app
    page = relation.field.name
    approved = (
        relation.related_model._base_manager.filter(**{page: OuterRef("pk"), "status": "approved"})
        .order_by()
        .values(page)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(approved), 0)


class ListingManagerMixin:
    """For a manager whose queryset has `listing(for_search=False)`."""

    def listing(self, for_search=False):
        """The listing queryset, built once per process and database (building it took over a
        millisecond): a queryset holds no rows until evaluated, and each caller gets a clone,
        as Django's generic views do with their `queryset`. Not for search: Wagtail's privacy
        filter there reads the view restrictions as it is built."""
        if for_search:
            return self.get_queryset().listing(for_search=True)
        key = (self.model, self.db)
        if key not in _listings:
            _listings[key] = self.get_queryset().listing()
        return _listings[key].all()
