"""Admin wiring: the Leads menu (Sales and admins only), the permission policy, the history
(audit log) actions, the dashboard panel and the report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from admin_access import refuse_urls_with_403, refuse_with_403
from admin_access.listing import HumanDateColumn, TextColumn

from . import actions, page_figures
from .admin_views import (
    LeadFilterSet,
    LeadHistoryView,
    LeadIndexView,
    LeadInspectView,
    LeadPermissionPolicy,
    LeadURLFinder,
    NoteView,
    OwnerView,
    PrivacyView,
    StatusView,
    user_may,
)
from .dashboard import LeadsPanel, LeadsPerArticleView
from .models import Lead, LeadLogEntry

# Before the viewset asks for a policy, or Wagtail would make a default one.
register_permission_policy(Lead, LeadPermissionPolicy(Lead))


class LeadViewSet(ModelViewSet):
    """Leads come from the public forms: the permission policy refuses the add, edit and copy
    views to everyone, so sales read a lead on its inspect page and change it only through the
    actions recorded in its history."""

    model = Lead
    name = "leads"
    url_namespace = "leads_admin"
    icon = "mail"
    menu_label = "Leads"
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = LeadIndexView
    inspect_view_class = LeadInspectView
    history_view_class = LeadHistoryView
    url_finder_class = LeadURLFinder
    # Wagtail builds a form for the add and edit views, which the policy refuses to everyone.
    exclude_form_fields = []
    list_per_page = 50
    ordering = "-created"
    list_display = [
        "name",
        TextColumn("company", label="Company", sort_key="company"),
        TextColumn(
            "service", label="Service of interest", accessor="get_service_display", sort_key="service"
        ),
        TextColumn(
            "source_page", label="Source article", accessor="source_page.title", sort_key="source_page__title"
        ),
        TextColumn("status", label="Status", accessor="get_status_display", sort_key="status"),
        TextColumn("owner", label="Owner", sort_key="owner"),
        HumanDateColumn("created", label="Received", sort_key="created"),
    ]
    filterset_class = LeadFilterSet
    search_fields = ["name", "email", "company", "phone"]
    search_backend_name = None
    export_filename = "leads"
    list_export = [
        "created",
        "name",
        "email",
        "phone",
        "company",
        "get_service_display",
        "get_call_time_display",
        "message",
        "get_status_display",
        "owner",
        "get_form_display",
        "source_page",
        "source_url",
        "referrer",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "newsletter",
        "consent_at",
    ]
    export_headings = {
        "created": "Received",
        "get_service_display": "Service",
        "get_call_time_display": "Best time to call",
        "get_status_display": "Status",
        "get_form_display": "Captured by",
        "source_page": "Source page",
    }

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(privacy_url_name=self.get_url_name("privacy"), **kwargs)

    def get_urlpatterns(self):
        inspect = {"inspect_url_name": self.get_url_name("inspect")}
        return refuse_urls_with_403(
            [
                *super().get_urlpatterns(),
                path("status/<int:pk>/", StatusView.as_view(**inspect), name="status"),
                path("owner/<int:pk>/", OwnerView.as_view(**inspect), name="owner"),
                path("note/<int:pk>/", NoteView.as_view(**inspect), name="note"),
                path(
                    "privacy/", PrivacyView.as_view(index_url_name=self.get_url_name("index")), name="privacy"
                ),
            ]
        )


lead_viewset = LeadViewSet()


@hooks.register("register_admin_viewset")
def register_lead_viewset():
    return lead_viewset


@hooks.register("construct_homepage_panels")
def add_leads_panel(request, panels):
    if user_may(request.user, "view"):
        panels.append(LeadsPanel())


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/leads-per-article/",
            refuse_with_403(LeadsPerArticleView.as_view()),
            name="leads_per_article",
        ),
        path(
            "reports/leads-per-article/results/",
            refuse_with_403(LeadsPerArticleView.as_view(results_only=True)),
            name="leads_per_article_results",
        ),
    ]


class LeadStatsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may(request.user, "view_stats")


@hooks.register("register_reports_menu_item")
def register_leads_report_menu_item():
    return LeadStatsMenuItem(
        "Leads per article",
        reverse("leads_per_article"),
        name="leads-per-article",
        icon_name="doc-full",
        order=1300,
    )


class ChangeFormatter(LogFormatter):
    def format_message(self, log_entry):
        return f"{self.label}: {log_entry.data.get('from', '')} → {log_entry.data.get('to', '')}"


@hooks.register("register_log_actions")
def register_lead_log_actions(registry):
    """A lead's history lives in its own log model, which only those who may see leads read."""
    registry.register_model(Lead, LeadLogEntry)

    @registry.register_action(actions.RECEIVED)
    class ReceivedFormatter(LogFormatter):
        label = "Received"

        def format_message(self, log_entry):
            return f"Received: {log_entry.data.get('form', '')}"

    @registry.register_action(actions.STATUS)
    class StatusFormatter(ChangeFormatter):
        label = "Status changed"

    @registry.register_action(actions.OWNER)
    class OwnerFormatter(ChangeFormatter):
        label = "Owner changed"

    @registry.register_action(actions.NOTE)
    class NoteFormatter(LogFormatter):
        label = "Note added"

        def format_message(self, log_entry):
            return f"Note added: {log_entry.data.get('text', '')}"


# Figures for the articles app's listing and edit view (through its hooks; no import of it).
hooks.register("article_listing_columns", page_figures.listing_columns)
hooks.register("annotate_article_listing", page_figures.annotate_listing)
hooks.register("article_insights", page_figures.insights)
