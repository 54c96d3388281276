"""The visitor's comment form and the staff reply form.

Validation lives in `clean_*`; spam rules add to `spam_reasons` instead of failing, so the
comment is stored with status spam rather than refused (bots learn nothing, moderators can
restore a false positive). Only the human check fails loudly: a person can fix it.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.validators import URLValidator
from django.db.models import Q

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout

from antispam.defences import HONEYPOT_FIELD, SpamDefenceMixin, client_ip, client_user_agent

from .models import Comment
from .sanitize import allowed_html_description, link_targets, plain_text, sanitize_body
from .writer import written_ids

MODERATE = "comments.moderate_comment"


def is_team_member(user):
    """The team is whoever may moderate: their comments are published at once, carry the
    Team badge and skip the spam checks. Admin access alone (Sales) is not enough."""
    return user.is_authenticated and user.has_perm(MODERATE)


def is_team_email(email):
    """True when a team account uses this address: anyone may type it, so it earns no trust."""
    moderate = Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment")
    return (
        get_user_model()
        .objects.filter(email__iexact=email)
        .filter(Q(is_superuser=True) | Q(user_permissions__in=moderate) | Q(groups__permissions__in=moderate))
        .exists()
    )


def returning_writer(request, email):
    """This browser sent an earlier comment under this address that was approved. A typed
    address alone proves nothing, and the answer says nothing about other browsers."""
    earlier = Comment.objects.by_returning_commenter(email).filter(pk__in=written_ids(request))
    return earlier.exists() and not is_team_email(email)


PARENT_GONE_MESSAGE = "The comment you replied to no longer exists; your comment is kept below."
DAMAGED_FORM_MESSAGE = "Part of the form did not arrive intact. Please check your entries and send it again."


def hostname(url):
    """The host of a URL, or "" when there is none or the URL is malformed ("http://[x/")."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


class CommentForm(SpamDefenceMixin, forms.Form):
    # Text, not a number: a damaged value gets a readable message (clean_parent), not a
    # "whole number" error on a field nobody can see.
    parent = forms.CharField(widget=forms.HiddenInput, required=False)
    # Lengths match the model's columns, or a long value fails in the database, not here.
    name = forms.CharField(max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        max_length=254,
        help_text="Your email address will not be published.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.URLField(
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[
            URLValidator(schemes=["http", "https"], message="Enter a web address starting http or https.")
        ],
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    body = forms.CharField(
        label="Comment",
        max_length=settings.COMMENTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"You may use these HTML tags and attributes: {allowed_html_description()}. "
        f"Up to {settings.COMMENTS_MAX_LENGTH:,} characters.",
    )
    notify_replies = forms.BooleanField(required=False, label="Email me when someone replies to my comment")
    answer = forms.CharField(max_length=100, widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def __init__(self, *args, page, comment_settings, user, reply_to=None, **kwargs):
        # Other forms share the article page (the callback form has a Name too): own ids.
        kwargs.setdefault("auto_id", "comment_%s")
        super().__init__(*args, **kwargs)
        self.page = page
        self.comment_settings = comment_settings
        self.user = user
        self.team_member = is_team_member(user)
        self.fields["answer"].label = comment_settings.human_check_question
        if reply_to is not None:
            self.fields["parent"].initial = reply_to.pk
        if self.team_member:
            # Staff write under their own account; no spam checks or human check for them.
            for name in ("name", "email", "website", "answer", "issued", HONEYPOT_FIELD):
                del self.fields[name]
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        # The page template adds the CSRF token for logged-in users only: anonymous HTML is
        # cached whole and must not carry one visitor's token to the next.
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *[Field(name) for name in self.fields if name != HONEYPOT_FIELD],
            # The trap: hidden from people by CSS and from assistive technology by aria-hidden.
            *(
                [Div(Field(HONEYPOT_FIELD), css_class="comment-form__trap", aria_hidden="true")]
                if HONEYPOT_FIELD in self.fields
                else []
            ),
        )

    def clean_name(self):
        name = plain_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Please enter your name.", code="required")
        return name

    def clean_website(self):
        website = self.cleaned_data["website"]
        if website and (any(char in website for char in "\"'<> ") or not urlsplit(website).hostname):
            raise forms.ValidationError("Enter a web address starting http or https.", code="invalid")
        return website

    def clean_body(self):
        self.raw_body = self.cleaned_data["body"]
        body = sanitize_body(self.raw_body)
        if not plain_text(body):
            raise forms.ValidationError("Please write a comment.", code="required")
        return body

    def clean_answer(self):
        answer = self.cleaned_data["answer"].strip().lower()
        if answer not in self.comment_settings.accepted_answers():
            raise forms.ValidationError(
                "That is not the answer we expected; please check it and try again.", code="human_check"
            )
        return answer

    def clean_parent(self):
        """The comment answered (not where the reply is shown: see build_comment)."""
        parent_id = self.cleaned_data["parent"].strip()
        if not parent_id:
            return None
        parent = None
        if parent_id.isascii() and parent_id.isdigit() and int(parent_id) < 2**63:
            parent = Comment.objects.approved().filter(page=self.page, pk=int(parent_id)).first()
        if parent is None:
            raise forms.ValidationError(PARENT_GONE_MESSAGE, code="invalid_parent")
        return parent

    def show_hidden_field_errors(self):
        """Hidden fields have nowhere to show an error: repeat it above the form, and reset
        the field so that sending the form again works (a reply to a lost comment becomes
        a top-level comment)."""
        for field in self.hidden_fields():
            errors = self.errors.get(field.name)
            if not errors:
                continue
            for error in errors.as_data():
                if field.name == "parent":
                    message = PARENT_GONE_MESSAGE
                elif error.code == "expired":
                    message = error.messages[0]
                else:
                    message = DAMAGED_FORM_MESSAGE
                if message not in self.non_field_errors():
                    self.add_error(None, message)
            self.data = self.data.copy()
            self.data[field.name] = self.get_initial_for_field(field.field, field.name) or ""

    def clean(self):
        cleaned_data = super().clean()
        self.show_hidden_field_errors()
        if not self.team_member and not self.errors:
            self.apply_spam_rules(cleaned_data)
        return cleaned_data

    def apply_spam_rules(self, data):
        rules = self.comment_settings
        links = link_targets(data["body"])
        if len(links) > rules.max_links:
            self.spam_reasons.append(f"{len(links)} links (the limit is {rules.max_links})")
        word = rules.blocked_word_in(data["name"], data["email"], data["website"], plain_text(data["body"]))
        if word:
            self.spam_reasons.append(f"blocked word “{word}”")
        hosts = [hostname(url if "//" in url else f"//{url}") for url in links]
        hosts += [hostname(data["website"]), data["email"].rpartition("@")[2]]
        domain = rules.blocked_domain_in(*hosts)
        if domain:
            self.spam_reasons.append(f"blocked domain {domain}")

    def build_comment(self, request):
        """The unsaved Comment, its status decided: team → approved; any spam reason → spam;
        a returning writer (setting) → approved; anyone else, links or not → awaiting moderation."""
        data = self.cleaned_data
        comment = Comment(
            page=self.page,
            # Shown at the deepest allowed level; the writer answered still hears of it.
            parent=data["parent"].reply_parent() if data["parent"] else None,
            in_reply_to=data["parent"],
            body=data["body"],
            notify_replies=data["notify_replies"],
            ip_address=client_ip(request) or None,
            user_agent=client_user_agent(request),
        )
        if self.team_member:
            comment.user = self.user
            comment.name = self.user.get_full_name() or self.user.get_username()
            comment.email = self.user.email
            comment.is_staff_reply = True
            comment.status = Comment.Status.APPROVED
            return comment
        comment.name, comment.email, comment.website = data["name"], data["email"], data["website"]
        if self.spam_reasons:
            comment.status = Comment.Status.SPAM
            comment.spam_reasons = "\n".join(self.spam_reasons)
        elif settings.COMMENTS_TRUST_RETURNING and returning_writer(request, comment.email):
            comment.status = Comment.Status.APPROVED
        else:
            comment.status = Comment.Status.PENDING
        return comment


class StaffReplyForm(forms.Form):
    """Reply as the team from the admin: published at once."""

    body = forms.CharField(
        label="Reply as the team",
        max_length=settings.COMMENTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"Published at once with the Team badge. Allowed HTML: {allowed_html_description()}.",
    )

    def clean_body(self):
        body = sanitize_body(self.cleaned_data["body"])
        if not plain_text(body):
            raise forms.ValidationError("Please write a reply.", code="required")
        return body
