"""The sales panel on the Wagtail dashboard: what is waiting, the weekly trend, top pages."""

from django.db.models import Count, Q

from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .models import Lead

WEEKS = 12
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
        weeks = genuine.per_week(WEEKS)
        top_pages = (
            Page.objects.annotate(lead_count=Count("leads", filter=~Q(leads__status=Lead.Status.SPAM)))
            .filter(lead_count__gt=0)
            .order_by("-lead_count", "title")[:5]
        )
        return {
            "waiting": Lead.objects.waiting().count(),
            "bars": week_bars(weeks),
            "total_weeks": sum(count for _, count in weeks),
            "weeks": WEEKS,
            "width": CHART_WIDTH,
            "height": CHART_HEIGHT,
            "top_pages": top_pages,
        }
