"""Public views: the callback endpoint, the contact page and the confirmation page."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from antispam.defences import csrf_protect_sessions, rate_limited

from .actions import receive_lead
from .attribution import initial_from_request
from .forms import CallbackForm, ContactForm
from .models import SERVICE_CHOICES, Lead

RATE_LIMITED_MESSAGE = (
    "We have received several requests from your connection in the last few minutes. "
    "Please wait a little and send this again; your details are still here."
)


def contact_meta():
    """The contact page's title, description and breadcrumbs, for the base template's metadata."""
    return {
        "meta_title": "Contact our team",
        "meta_description": (
            "Tell us what you need, from SEO to social media: a specialist replies within one working day."
        ),
        "meta_crumbs": [("Contact", reverse("leads:contact"))],
    }


CALLBACK_META = {"meta_title": "Arrange a callback", "meta_robots": "noindex"}


def _handle(request, form, template, meta):
    """Validate, store (spam included, as spam) and redirect; or show the form again, filled in."""
    if form.is_valid() and rate_limited(request, "leads"):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return render(request, template, {"form": form, **meta}, status=429)
    if form.is_valid():
        lead = receive_lead(form.build_lead(request), form.spam_reasons)
        return redirect(reverse("leads:thanks") + f"?form={lead.form}")
    return render(request, template, {"form": form, **meta}, status=400)


@require_POST
@csrf_protect_sessions
def callback(request):
    """The article widget posts here; errors are shown on a page of their own."""
    return _handle(request, CallbackForm(request.POST), "leads/callback_page.html", CALLBACK_META)


@never_cache  # its hidden fields reflect this visitor's query string and referrer
@csrf_protect_sessions
def contact(request):
    if request.method == "POST":
        return _handle(request, ContactForm(request.POST), "leads/contact_page.html", contact_meta())
    initial = initial_from_request(request)
    if request.GET.get("service") in dict(SERVICE_CHOICES):
        initial["service"] = request.GET["service"]
    initial["form"] = Lead.Form.CTA if request.GET.get("source") == "cta" else Lead.Form.CONTACT
    context = {"form": ContactForm(initial=initial), **contact_meta()}
    return render(request, "leads/contact_page.html", context)


def thanks(request):
    """The same page for everyone (so it can be cached); it says what happens next."""
    context = {
        "callback": request.GET.get("form") == Lead.Form.CALLBACK,
        "meta_title": "Thank you",
        "meta_crumbs": [("Contact", reverse("leads:contact")), ("Thank you", reverse("leads:thanks"))],
        "meta_robots": "noindex",
    }
    return render(request, "leads/thanks.html", context)
