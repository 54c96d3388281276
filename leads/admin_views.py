"""Sales review in the Wagtail admin: who may do what, the Leads list, a lead's page with its
history and notes, the actions sales take, and the privacy requests."""

import json
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, View

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import (
    HistoryView,
    IndexView,
    InspectView,
    PermissionCheckedMixin,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

import django_filters

from admin_access.listing import EstimatedCountPaginator

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


class LeadPermissionPolicy(ModelPermissionPolicy):
    """Leads come only from the public forms and change only through the actions their history
    records, so nobody, not even a superuser, may "add" (the create and copy views) or "change"
    (the edit form). The actions of the lead's page ask for "work" (Django's change_lead);
    the privacy requests and the per-article counts have permissions of their own."""

    REFUSED = {"add", "change"}
    PERMISSIONS = {
        "work": "leads.change_lead",
        "manage_personal_data": "leads.manage_personal_data",
        "view_stats": "leads.view_lead_stats",
    }

    def user_has_permission(self, user, action):
        if action in self.REFUSED:
            return False
        if action in self.PERMISSIONS:
            return user.has_perm(self.PERMISSIONS[action])
        return super().user_has_permission(user, action)


def user_may(user, action):
    return policy_registry.get_by_type(Lead).user_has_permission(user, action)


class LeadURLFinder(ModelAdminURLFinder):
    """Links to a lead from elsewhere in the admin (the site history) open its page, for
    those who may view it: a lead has no edit form."""

    edit_url_name = "leads_admin:inspect"

    def get_edit_url(self, instance):
        if self.user and not user_may(self.user, "view"):
            return None
        return self.construct_edit_url(instance)


class LeadFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Lead.Status.choices)
    service = django_filters.ChoiceFilter(label="Service", choices=SERVICE_CHOICES)
    owner = django_filters.ModelChoiceFilter(queryset=lambda request: sales_users())
    source_page = django_filters.ModelChoiceFilter(
        label="Source article",
        # One index probe per page, not a join with every lead.
        queryset=lambda request: Page.objects.filter(
            Exists(Lead.objects.filter(source_page=OuterRef("pk")))
        ).order_by("title"),
    )
    created = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)

    class Meta:
        model = Lead
        fields = ["status", "service", "owner", "source_page", "created"]


# What a spreadsheet may read as the start of a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class LeadIndexView(IndexView):
    paginator_class = EstimatedCountPaginator

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source_page", "owner")

    def get_list_buttons(self, instance):
        """No menu on each row: its items (inspect, delete) are on the page the title opens,
        and a menu per row cost a third of the list's rendering time at 50 rows."""
        return []

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
    text = forms.CharField(
        label="Note", widget=forms.Textarea(attrs={"rows": 3}), max_length=settings.LEADS_NOTE_MAX_LENGTH
    )


class LeadHistoryView(HistoryView):
    any_permission_required = ["view"]  # Wagtail asks for add/change/delete, which nobody has here


class LeadInspectView(InspectView):
    template_name = "leads/admin/inspect.html"
    history_url_name = None
    privacy_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(Lead.objects.select_related("source_page", "owner", "previous"), pk=self.pk)

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        history_url = reverse(self.history_url_name, args=[self.object.pk])
        buttons.append(Button("History", url=history_url, icon_name="history", priority=20))
        if self.object.email and self.privacy_url_name and self.user_has_permission("manage_personal_data"):
            url = reverse(self.privacy_url_name) + "?" + urlencode({"email": self.object.email})
            buttons.append(
                Button("Export or erase this person's data", url=url, icon_name="download", priority=30)
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lead = self.object
        context.update(
            lead=lead,
            can_change=self.user_has_permission("work"),
            history=lead.submission_history(),
            events=log_registry.get_logs_for_instance(lead).select_related("user"),
            notes=lead.notes.select_related("author"),
            status_form=StatusForm(initial={"status": lead.status}),
            owner_form=OwnerForm(initial={"owner": lead.owner_id}),
            note_form=NoteForm(),
        )
        return context


class LeadActionView(PermissionCheckedMixin, View):
    """POST-only: apply one change to a lead, then go back to its page."""

    model = Lead
    permission_required = "work"
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


class PrivacyView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Export or erase one person's data. Both cover comments too (IP addresses, user agents):
    by default only superusers, who answer data-subject requests, hold the permission."""

    permission_required = "manage_personal_data"
    form_class = PrivacyForm
    template_name = "leads/admin/privacy.html"
    page_title = "Privacy requests"
    header_icon = "user"
    index_url_name = None

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Lead)

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
