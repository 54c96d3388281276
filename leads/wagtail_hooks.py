"""Admin wiring: the Leads menu (Sales and admins only), the dashboard panel, the report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from .admin_views import (
    LeadDeleteView,
    LeadFilterSet,
    LeadHistoryView,
    LeadIndexView,
    LeadInspectView,
    LeadsPerArticleView,
    LeadUsageView,
    NoteView,
    OwnerView,
    PrivacyView,
    StatusView,
)
from .dashboard import LeadsPanel
from .models import Lead


class LeadViewSet(ModelViewSet):
    """Leads come from the public forms, so there is no add, edit or copy view: sales read a
    lead on its inspect page and change it only through the actions recorded in its history."""

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
    delete_view_class = LeadDeleteView
    history_view_class = LeadHistoryView
    usage_view_class = LeadUsageView
    list_per_page = 50
    ordering = "-created"
    list_display = [
        "name",
        "company",
        "service",
        Column(
            "source_page", label="Source article", accessor="source_page.title", sort_key="source_page__title"
        ),
        "status",
        "owner",
        DateColumn("created", label="Received", sort_key="created"),
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

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "copy_url_name": None, **kwargs}
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(privacy_url_name=self.get_url_name("privacy"), **kwargs)

    @property
    def url_finder_class(self):
        return type("LeadURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("inspect")})

    def get_urlpatterns(self):
        inspect = {"inspect_url_name": self.get_url_name("inspect")}
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("status/<int:pk>/", StatusView.as_view(**inspect), name="status"),
            path("owner/<int:pk>/", OwnerView.as_view(**inspect), name="owner"),
            path("note/<int:pk>/", NoteView.as_view(**inspect), name="note"),
            path("privacy/", PrivacyView.as_view(index_url_name=self.get_url_name("index")), name="privacy"),
        ]


lead_viewset = LeadViewSet()


@hooks.register("register_admin_viewset")
def register_lead_viewset():
    return lead_viewset


@hooks.register("construct_homepage_panels")
def add_leads_panel(request, panels):
    if policy_registry.get_by_type(Lead).user_has_permission(request.user, "view"):
        panels.append(LeadsPanel())


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/leads-per-article/", LeadsPerArticleView.as_view(), name="leads_per_article"),
        path(
            "reports/leads-per-article/results/",
            LeadsPerArticleView.as_view(results_only=True),
            name="leads_per_article_results",
        ),
    ]


class LeadStatsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("leads.view_lead_stats")


@hooks.register("register_reports_menu_item")
def register_leads_report_menu_item():
    return LeadStatsMenuItem(
        "Leads per article",
        reverse("leads_per_article"),
        name="leads-per-article",
        icon_name="doc-full",
        order=1300,
    )
