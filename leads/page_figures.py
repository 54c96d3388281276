"""Lead counts per source page for the article listing and the article edit view, offered to
the articles app through its hooks. Counts go to anyone allowed the "Leads per article"
report; the link to the leads themselves (personal data) only to Sales and admins."""

from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.tables import Column

from .admin_views import user_may
from .models import Lead

RECENT_DAYS = 30
FIGURES = [("recent_leads", f"Leads, last {RECENT_DAYS} days", True), ("all_leads", "Leads, all time", False)]


def genuine_leads(recent):
    leads = Lead.objects.exclude(status=Lead.Status.SPAM)
    if recent:
        leads = leads.filter(created__gte=timezone.now() - timedelta(days=RECENT_DAYS))
    return leads


def list_url(page_id, recent):
    url = reverse("leads_admin:index") + f"?source_page={page_id}"
    if recent:
        url += f"&created_after={timezone.localdate() - timedelta(days=RECENT_DAYS):%Y-%m-%d}"
    return url


class LeadCountColumn(Column):
    cell_template_name = "leads/admin/count_cell.html"

    def __init__(self, name, recent, linked, **kwargs):
        super().__init__(name, **kwargs)
        self.recent, self.linked = recent, linked

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = list_url(instance.pk, self.recent) if self.linked else ""
        return context


def listing_columns(request):
    if not user_may(request.user, "view_stats"):
        return []
    linked = user_may(request.user, "view")
    return [LeadCountColumn(name, recent, linked, label=label) for name, label, recent in FIGURES]


def count_per_page(leads):
    counts = leads.filter(source_page=OuterRef("pk")).order_by().values("source_page")
    return Coalesce(Subquery(counts.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def annotate_listing(pages, request):
    if not user_may(request.user, "view_stats"):
        return pages
    return pages.annotate(
        recent_leads=count_per_page(genuine_leads(True)), all_leads=count_per_page(genuine_leads(False))
    )


def insights(page, request):
    if not user_may(request.user, "view_stats"):
        return []
    linked = user_may(request.user, "view")
    return [
        (
            label,
            genuine_leads(recent).filter(source_page=page).count(),
            list_url(page.pk, recent) if linked else "",
        )
        for _name, label, recent in FIGURES
    ]
