"""The callback and contact forms. Both keep the visitor's input on error, explain each
problem next to its field, and carry hidden attribution fields (see attribution.py)."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit

from antispam.defences import HONEYPOT_FIELD, SpamDefenceMixin, client_ip, client_user_agent

from .attribution import is_same_site, page_for, utm_from_url
from .models import CALL_TIME_CHOICES, SERVICE_CHOICES, UTM_FIELDS, Lead

CALLBACK_CONSENT_TEXT = (
    "I agree that you keep my name and phone number to call me back about my request, "
    "as described in the privacy notice."
)
CONTACT_CONSENT_TEXT = (
    "I agree that you keep the details I send here to answer my enquiry, as described in the privacy notice."
)
ATTRIBUTION_FIELDS = ["source_url", "referrer", *UTM_FIELDS]
# ASCII digits only: sales dial what is stored.
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().-]+$", re.ASCII)


def one_line(value):
    """Line breaks, tabs and runs of spaces become single spaces: these values end up in
    email headers and spreadsheet cells, where a line break does harm."""
    return " ".join(value.split())


class HiddenField(forms.CharField):
    """A hidden value the browser sends for attribution. A person cannot see or correct it,
    so it is never refused: NUL characters are dropped and it is cut to `keep` characters
    (the Lead column's size), keeping what fits rather than losing a real lead."""

    def __init__(self, keep=None, **kwargs):
        super().__init__(required=False, widget=forms.HiddenInput, **kwargs)
        self.keep = keep
        self.validators = []  # no ProhibitNullCharactersValidator: NULs are stripped, not refused

    def to_python(self, value):
        value = super().to_python(value).replace("\x00", "")
        return value[: self.keep] if self.keep else value


def column_size(name):
    return Lead._meta.get_field(name).max_length


def attribution_field(name):
    return HiddenField(keep=column_size(name))


def validate_phone(value):
    """A phone number a person can dial: digits with optional +, spaces, brackets, dashes."""
    if not PHONE_CHARACTERS.match(value):
        raise ValidationError(
            "Use only digits, spaces, brackets, dashes and a leading +, for example +44 20 7946 0958.",
            code="phone_characters",
        )
    digits = sum(ch in "0123456789" for ch in value)
    if not 7 <= digits <= 15:
        raise ValidationError(
            "A phone number has between 7 and 15 digits; this one has %(digits)s.",
            code="phone_length",
            params={"digits": digits},
        )


class LeadForm(SpamDefenceMixin, forms.ModelForm):
    """What both forms share: spam defences, hidden attribution, consent, the crispy layout."""

    consent_text = ""
    form_kinds = [Lead.Form.CONTACT]

    phone = forms.CharField(
        max_length=32,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(required=True, error_messages={"required": "Please tick the box to agree."})
    form = HiddenField()
    source_page = HiddenField()
    source_url = attribution_field("source_url")
    referrer = attribution_field("referrer")
    utm_source = attribution_field("utm_source")
    utm_medium = attribution_field("utm_medium")
    utm_campaign = attribution_field("utm_campaign")
    utm_term = attribution_field("utm_term")
    utm_content = attribution_field("utm_content")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = self.consent_text
        self.fields["consent"].help_text = format_html(
            '<a href="{}">Read the privacy notice</a>', settings.LEADS_PRIVACY_URL
        )
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["name"].error_messages["required"] = "Please tell us your name."
        self.fields["phone"].error_messages["required"] = "Please give the number we should call."
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def visible_layout(self):
        raise NotImplementedError

    def layout(self, submit_label):
        hidden = ["issued", "form", "source_page", *ATTRIBUTION_FIELDS]
        return Layout(
            *self.visible_layout(),
            Field("consent"),
            # The honeypot: hidden from people (and screen readers), tempting to bots.
            Div(
                Field(HONEYPOT_FIELD),
                css_class="leads-hp",  # out of sight by site.css: the policy allows no style attributes
                aria_hidden="true",
            ),
            *[Field(name) for name in hidden],
            Submit("submit", submit_label),
            HTML('<p class="leads-required-note">Fields marked * are required.</p>'),
        )

    # Single-line fields are stored on one line.

    def clean_name(self):
        return one_line(self.cleaned_data["name"])

    def clean_company(self):
        return one_line(self.cleaned_data["company"])

    def clean_phone(self):
        return one_line(self.cleaned_data["phone"])

    def clean_source_page(self):
        """The page id, or None when it is not one (the URL may still find the page)."""
        value = self.cleaned_data.get("source_page", "").strip()
        return int(value) if value.isascii() and value.isdigit() and int(value) < 2**31 else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("form") not in self.form_kinds:
            cleaned["form"] = self.form_kinds[0]
        return cleaned

    def build_lead(self, request):
        """The unsaved Lead, with attribution completed from the request where the form lacks it."""
        lead = self.save(commit=False)
        data = self.cleaned_data
        lead.form = data["form"]
        referer = request.META.get("HTTP_REFERER", "")
        if not lead.source_url and is_same_site(request, referer):
            lead.source_url = referer[: column_size("source_url")]
        if not any(getattr(lead, field) for field in UTM_FIELDS):
            for field, value in utm_from_url(lead.source_url).items():
                setattr(lead, field, value[: column_size(field)])
        lead.source_page = page_for(request, data.get("source_page"), lead.source_url)
        lead.consent_at = timezone.now()
        lead.consent_text = self.consent_text
        lead.ip = client_ip(request) or None
        lead.user_agent = client_user_agent(request)
        return lead


class CallbackForm(LeadForm):
    consent_text = CALLBACK_CONSENT_TEXT
    form_kinds = [Lead.Form.CALLBACK]

    call_time = forms.ChoiceField(label="Best time to call", choices=CALL_TIME_CHOICES, initial="any")
    message = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=settings.LEADS_CALLBACK_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What would you like to talk about?",
    )

    class Meta:
        model = Lead
        fields = ["name", "phone", "call_time", "message", "consent", *ATTRIBUTION_FIELDS]
        labels = {"name": "Your name"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].label = "Phone number"
        self.helper.layout = self.layout("Call me back")

    def visible_layout(self):
        return [Field("name"), Field("phone"), Field("call_time"), Field("message")]


class ContactForm(LeadForm):
    consent_text = CONTACT_CONSENT_TEXT
    form_kinds = [Lead.Form.CONTACT, Lead.Form.CTA]

    service = forms.ChoiceField(
        label="Service of interest", choices=[("", "Choose a service"), *SERVICE_CHOICES]
    )
    message = forms.CharField(
        label="Your message",
        max_length=settings.LEADS_MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Tell us about your business and what you would like to achieve.",
    )

    class Meta:
        model = Lead
        fields = [
            "name",
            "email",
            "phone",
            "company",
            "service",
            "message",
            "consent",
            "newsletter",
            *ATTRIBUTION_FIELDS,
        ]
        labels = {
            "name": "Your name",
            "email": "Email address",
            "newsletter": "Send me the monthly newsletter",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].error_messages["required"] = "Please give your email address so we can reply."
        self.fields["service"].error_messages["required"] = "Please choose the service you are interested in."
        self.fields["message"].error_messages["required"] = "Please tell us briefly what you need."
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].required = False
        self.fields["phone"].label = "Phone number (optional)"
        self.fields["company"].label = "Company (optional)"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["newsletter"].help_text = "Optional. Unsubscribe at any time."
        self.helper.layout = self.layout("Send my enquiry")

    def visible_layout(self):
        return [Field(name) for name in ["name", "email", "phone", "company", "service", "message"]] + [
            Field("newsletter")
        ]
