"""Leads at a glance: the sales panel on the Wagtail dashboard (what is waiting, the weekly
trend, top pages) and marketing's report of leads per article (counts, no personal data)."""

from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.utils.functional import cached_property

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import Lead

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 600, 120, 6


def week_bars(weeks):
    """SVG geometry for [(monday, count)]: one bar per week, scaled to the busiest week."""
    peak = max((count for _, count in weeks), default=0) or 1
    slot = CHART_WIDTH / len(weeks)
    bars = []
    for index, (monday, count) in enumerate(weeks):
        height = round(count / peak * (CHART_HEIGHT - 20))
        bars.append(
            {
                "monday": monday,
                "count": count,
                "x": round(index * slot + BAR_GAP / 2, 1),
                "width": round(slot - BAR_GAP, 1),
                "y": CHART_HEIGHT - height,
                "height": height,
                "label_x": round(index * slot + slot / 2, 1),
                "label_y": CHART_HEIGHT - height - 4,
            }
        )
    return bars


class LeadsPanel(Component):
    name = "leads"
    template_name = "leads/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        genuine = Lead.objects.genuine()
        weeks = genuine.per_week(settings.LEADS_DASHBOARD_WEEKS)
        since = weeks[0][0]
        # Over the chart's weeks (a range of the received index), not every lead ever: the
        # "Leads per article" report has the all-time counts.
        top_pages = (
            genuine.received_since(since)
            .filter(source_page__isnull=False)
            .values("source_page", "source_page__title")
            .annotate(lead_count=Count("pk"))
            .order_by("-lead_count", "source_page__title")[:5]
        )
        return {
            "since": since,
            "waiting": Lead.objects.waiting().count(),
            "bars": week_bars(weeks),
            "total_weeks": sum(count for _, count in weeks),
            "weeks": settings.LEADS_DASHBOARD_WEEKS,
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "top_pages": top_pages,
        }


# --- Marketing report: leads per article, no personal data ----------------------------------


class LeadsPerArticleView(ReportView):
    permission_required = "view_stats"
    page_title = "Leads per article"
    header_icon = "doc-full"
    index_url_name = "leads_per_article"
    index_results_url_name = "leads_per_article_results"
    list_export = ["title", "lead_count", "callback_count", "contact_count"]
    export_headings = {
        "title": "Page",
        "lead_count": "Leads",
        "callback_count": "Callback requests",
        "contact_count": "Contact enquiries",
    }
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit"),
        Column("lead_count", label="Leads"),
        Column("callback_count", label="Callback requests"),
        Column("contact_count", label="Contact enquiries"),
    ]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Lead)

    def get_filename(self):
        return f"leads-per-article-{date.today():%Y-%m-%d}"

    def get_queryset(self):
        genuine = ~Q(leads__status=Lead.Status.SPAM)
        return (
            Page.objects.annotate(
                lead_count=Count("leads", filter=genuine),
                callback_count=Count("leads", filter=genuine & Q(leads__form=Lead.Form.CALLBACK)),
                contact_count=Count("leads", filter=genuine & ~Q(leads__form=Lead.Form.CALLBACK)),
            )
            .filter(lead_count__gt=0)
            .order_by("-lead_count", "title")
        )
