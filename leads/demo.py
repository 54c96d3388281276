"""Demo leads for `load_demo_content` (which calls `load(stdout)`): a handful of leads in
different states, from different pages and campaigns. Idempotent: keyed on email + message."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page

from .actions import log_received
from .forms import CALLBACK_CONSENT_TEXT, CONTACT_CONSENT_TEXT
from .models import Lead

DEMO_LEADS = [
    {
        "name": "Harriet Cole",
        "email": "harriet@cole-bakery.example",
        "phone": "+44 161 496 0123",
        "company": "Cole's Bakery",
        "service": "seo",
        "message": "We bake great bread but nobody finds us on Google Maps.",
        "form": Lead.Form.CTA,
        "status": Lead.Status.NEW,
        "utm": {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "spring-seo"},
        "days_ago": 1,
    },
    {
        "name": "Marcus Reid",
        "email": "",
        "phone": "020 7946 0321",
        "message": "Would like to talk about social media for our gym.",
        "call_time": "evening",
        "form": Lead.Form.CALLBACK,
        "status": Lead.Status.CONTACTED,
        "referrer": "https://www.google.com/",
        "days_ago": 4,
    },
    {
        "name": "Lena Fischer",
        "email": "lena@fischer-design.example",
        "phone": "",
        "company": "Fischer Design",
        "service": "smm",
        "message": "Looking for a partner to run our Instagram and LinkedIn ads.",
        "form": Lead.Form.CONTACT,
        "status": Lead.Status.QUALIFIED,
        "utm": {"utm_source": "linkedin", "utm_medium": "social", "utm_campaign": "smm-webinar"},
        "days_ago": 12,
    },
    {
        "name": "Omar Haddad",
        "email": "omar@haddad-legal.example",
        "phone": "+44 117 496 0789",
        "company": "Haddad Legal",
        "service": "ppc",
        "message": "Our paid search costs doubled this year; can you audit it?",
        "form": Lead.Form.CONTACT,
        "status": Lead.Status.WON,
        "days_ago": 30,
    },
    {
        "name": "Best SEO Backlinks",
        "email": "offers@cheap-links.example",
        "phone": "",
        "service": "other",
        "message": "Buy 10,000 backlinks today!!!",
        "form": Lead.Form.CONTACT,
        "status": Lead.Status.SPAM,
        "spam_reasons": "hidden field filled in",
        "days_ago": 2,
    },
]


def load(stdout=None):
    articles = list(Page.objects.filter(depth__gte=4).live().order_by("path")[:3])
    created = 0
    for index, spec in enumerate(DEMO_LEADS):
        spec = dict(spec)
        utm = spec.pop("utm", {})
        days_ago = spec.pop("days_ago")
        if Lead.objects.filter(name=spec["name"], message=spec["message"]).exists():
            continue
        source = articles[index % len(articles)] if articles else None
        when = timezone.now() - timedelta(days=days_ago)
        lead = Lead.objects.create(
            **spec,
            **utm,
            source_page=source,
            source_url=source.full_url if source else "",
            consent=True,
            consent_at=when,
            consent_text=CALLBACK_CONSENT_TEXT
            if spec["form"] == Lead.Form.CALLBACK
            else CONTACT_CONSENT_TEXT,
            created=when,
        )
        log_received(lead)
        created += 1
    if stdout is not None:
        stdout.write(f"Demo leads: {created} created, {len(DEMO_LEADS) - created} already there.")
    return created
