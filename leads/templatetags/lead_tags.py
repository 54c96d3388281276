from django import template
from django.conf import settings

from antispam.rendering import render_form

from ..forms import CallbackForm

register = template.Library()


@register.inclusion_tag("leads/includes/callback_form.html", takes_context=True)
def callback_form(context, page=None):
    """{% callback_form page %}: the "Get a callback" widget for an article.

    The markup is the same for every visitor (pages are cached whole): only the page's id
    and URL go into hidden fields; leads.js adds the visit's UTM data on submit."""
    initial = {}
    if page is not None:
        initial = {"source_page": page.pk, "source_url": settings.SITE_BASE_URL + (page.url or "")}
    form = CallbackForm(initial=initial)
    return {"form": form, "form_html": render_form(form), "request": context.get("request")}
