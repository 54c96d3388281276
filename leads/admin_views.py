"""Sales review in the Wagtail admin: the Leads list, a lead's page with its history and
notes, the actions sales take, the privacy requests, and the marketing report."""

import json
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.defaults import permission_denied
from django.views.generic import FormView, View

from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import (
    DeleteView,
    HistoryView,
    IndexView,
    InspectView,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

import django_filters

from . import actions
from .models import SERVICE_CHOICES, Lead
from .privacy import erase_person, export_person


def sales_users():
    """People a lead can be given to: active members of Sales, and admins."""
    return (
        get_user_model()
        .objects.filter(Q(groups__name="Sales") | Q(is_superuser=True), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", get_user_model().USERNAME_FIELD)
    )


class Forbid403Mixin:
    """Wagtail answers a missing permission with a redirect to the dashboard; for leads, which
    are personal data, the answer is a plain 403 so that no one mistakes it for a glitch."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as exception:
            return permission_denied(request, exception)


class LeadFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Lead.Status.choices)
    service = django_filters.ChoiceFilter(label="Service", choices=SERVICE_CHOICES)
    owner = django_filters.ModelChoiceFilter(queryset=lambda request: sales_users())
    source_page = django_filters.ModelChoiceFilter(
        label="Source article",
        queryset=lambda request: Page.objects.filter(leads__isnull=False).distinct().order_by("title"),
    )
    created = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)

    class Meta:
        model = Lead
        fields = ["status", "service", "owner", "source_page", "created"]


# What a spreadsheet may read as the start of a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class LeadIndexView(Forbid403Mixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source_page", "owner")

    def preprocess_field_value(self, field, value, export_format):
        """Visitors type these values: in CSV, text that a spreadsheet would run as a formula
        gets a leading ' so it opens as text. (XLSX cells are written as text already.)"""
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


# --- A lead's page and the actions on it ---------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Lead.Status.choices)


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=sales_users(), required=False, empty_label="Nobody")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = sales_users()


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class LeadDeleteView(Forbid403Mixin, DeleteView):
    pass


class LeadHistoryView(Forbid403Mixin, HistoryView):
    pass


class LeadUsageView(Forbid403Mixin, UsageView):
    pass


class LeadInspectView(Forbid403Mixin, InspectView):
    template_name = "leads/admin/inspect.html"
    privacy_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Lead.objects.select_related("source_page", "owner", "previous"), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.email and self.privacy_url_name and can_manage_personal_data(self.request.user):
            url = reverse(self.privacy_url_name) + "?" + urlencode({"email": self.object.email})
            buttons.append(
                Button("Export or erase this person's data", url=url, icon_name="download", priority=30)
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lead = self.object
        can_change = self.user_has_permission("change")
        context.update(
            lead=lead,
            can_change=can_change,
            history=lead.submission_history(),
            events=lead.events.select_related("actor"),
            notes=lead.notes.select_related("author"),
            status_form=StatusForm(initial={"status": lead.status}),
            owner_form=OwnerForm(initial={"owner": lead.owner_id}),
            note_form=NoteForm(),
        )
        return context


class LeadActionView(Forbid403Mixin, PermissionCheckedMixin, View):
    """POST-only: apply one change to a lead, then go back to its page."""

    model = Lead
    permission_required = "change"
    form_class = None
    inspect_url_name = None
    success_message = ""

    def post(self, request, pk):
        lead = get_object_or_404(Lead, pk=pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            if self.apply(lead, form.cleaned_data, request.user) is not False:
                messages.success(request, self.success_message)
        else:
            messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
        return redirect(self.inspect_url_name, pk)


class StatusView(LeadActionView):
    form_class = StatusForm
    success_message = "Status changed."

    def apply(self, lead, data, user):
        return actions.change_status(lead, data["status"], user)


class OwnerView(LeadActionView):
    form_class = OwnerForm
    success_message = "Owner changed."

    def apply(self, lead, data, user):
        return actions.assign_owner(lead, data["owner"], user)


class NoteView(LeadActionView):
    form_class = NoteForm
    success_message = "Note added."

    def apply(self, lead, data, user):
        return actions.add_note(lead, data["text"], user)


# --- Privacy requests ---------------------------------------------------------------------


def can_manage_personal_data(user):
    """Export and erasure cover comments too (IP addresses, user agents): by default only
    superusers, who answer data-subject requests, hold this permission; Sales do not."""
    return user.has_perm("leads.manage_personal_data")


class PrivacyForm(forms.Form):
    email = forms.EmailField(label="Email address")
    action = forms.ChoiceField(
        choices=[("export", "Export everything we hold (JSON)"), ("erase", "Erase everything we hold")],
        widget=forms.RadioSelect,
        initial="export",
    )
    confirm = forms.BooleanField(
        required=False, label="I understand that erasing deletes this person's leads and comments for good."
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "erase" and not cleaned.get("confirm"):
            self.add_error("confirm", "Tick this box to confirm the erasure.")
        return cleaned


class PrivacyView(Forbid403Mixin, WagtailAdminTemplateMixin, FormView):
    """Export or erase one person's data, for holders of leads.manage_personal_data only."""

    form_class = PrivacyForm
    template_name = "leads/admin/privacy.html"
    page_title = "Privacy requests"
    header_icon = "user"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_personal_data(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"email": self.request.GET.get("email", "")}

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            response = HttpResponse(
                json.dumps(export_person(email), indent=2, ensure_ascii=False),
                content_type="application/json",
            )
            response["Content-Disposition"] = (
                f'attachment; filename="personal-data-{date.today():%Y%m%d}.json"'
            )
            return response
        counts = erase_person(email)
        messages.success(
            self.request, f"Erased {counts['leads']} lead(s) and {counts['comments']} comment(s) for {email}."
        )
        return redirect(self.index_url_name)


# --- Marketing report: leads per article, no personal data ----------------------------------


class LeadsPerArticleView(Forbid403Mixin, ReportView):
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

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("leads.view_lead_stats"):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

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
