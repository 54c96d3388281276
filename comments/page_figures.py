"""Comment counts for the article listing and the article edit view, offered to the articles
app through its `article_listing_columns`, `annotate_article_listing` and `article_insights`
hooks; this app knows Wagtail's Page only."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

from wagtail.admin.ui.tables import Column

from .admin_views import can_moderate
from .models import Comment

FIGURES = [
    ("approved_comments", "Comments", "approved"),
    ("pending_comments", "Awaiting moderation", "pending"),
]


def count_per_page(comments):
    counts = (
        comments.filter(page=OuterRef("pk")).order_by().values("page").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def list_url(page_id, status):
    return reverse("wagtailsnippets_comments_comment:list") + f"?status={status}&page={page_id}"


class CommentCountColumn(Column):
    cell_template_name = "comments/admin/count_cell.html"

    def __init__(self, name, status, linked, **kwargs):
        super().__init__(name, **kwargs)
        self.status, self.linked = status, linked

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = list_url(instance.pk, self.status) if self.linked else ""
        return context


def listing_columns(request):
    linked = can_moderate(request.user)
    return [CommentCountColumn(name, status, linked, label=label) for name, label, status in FIGURES]


def annotate_listing(pages, request):
    return pages.annotate(
        approved_comments=count_per_page(Comment.objects.approved()),
        pending_comments=count_per_page(Comment.objects.awaiting_moderation()),
    )


def insights(page, request):
    linked = can_moderate(request.user)
    counts = {
        "approved": Comment.objects.approved().filter(page=page).count(),
        "pending": Comment.objects.awaiting_moderation().filter(page=page).count(),
    }
    return [
        (label, counts[status], list_url(page.pk, status) if linked else "")
        for _name, label, status in FIGURES
    ]
