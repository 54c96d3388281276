"""Public views that are not Wagtail pages: search, robots.txt and the error pages."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from antispam.defences import HONEYPOT_FIELD
from articles.models import ArticleIndexPage, ArticlePage, Category, OrganizationSettings
from articles.models.pages import paginate
from articles.seo import absolute_url


@require_GET
def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[: settings.ARTICLES_SEARCH_MAX_LENGTH]
    # Quotes would reach SQLite's full-text query syntax unbalanced; words are what people mean.
    terms = query.replace('"', " ").strip()
    results = None
    if query:
        matches = (
            ArticlePage.objects.listing(for_search=True).order_by().search(terms)
            if terms
            else ArticlePage.objects.none()
        )
        results = paginate(request, matches)
    live_articles = ArticlePage.objects.live().public().values("pk")
    organization_name = OrganizationSettings.for_request(request).name
    context = {
        "meta_title": f"Search results for “{query}”" if query else "Search articles",
        "meta_description": (
            f"Search the articles of {organization_name} on SEO, social media and digital marketing."
        ),
        "meta_crumbs": [("Search", reverse("search"))],
        "meta_robots": "noindex, follow" if query else "",
        "query": query,
        "results": results,
        "max_length": settings.ARTICLES_SEARCH_MAX_LENGTH,
        "index_page": ArticleIndexPage.objects.live().public().first(),
        "categories": Category.objects.filter(articles__in=live_articles).distinct(),
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The 404 page in the site's design, with the site's metadata and kept out of indexes."""
    context = {"meta_title": "Page not found", "meta_robots": "noindex"}
    return TemplateResponse(request, "404.html", context, status=404).render()


# The forms' hidden inputs (tokens, trap, attribution, reply target): sent back by the 503
# page's "send again" button but not listed as something the visitor wrote.
HIDDEN_INPUTS = {
    *("csrfmiddlewaretoken", "issued", HONEYPOT_FIELD, "form", "parent", "source_page", "source_url"),
    *("referrer", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"),
}


def server_error(request, *args, **kwargs):
    """The 500 page, rendered without the database, the request or context processors; the
    503 page instead when the exception being handled is the database failing."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return database_unavailable(request)
    context = {"site_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def database_unavailable(request):
    """503 with Retry-After. A visitor who was sending a form is told nothing was saved, sees
    what they typed, and can send the very same submission again with one button."""
    sent = [(name, value) for name, values in request.POST.lists() for value in values]
    typed = [
        (name.replace("_", " ").capitalize(), value)
        for name, value in sent
        if name not in HIDDEN_INPUTS and value.strip() and value != "on"
    ]
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "sent": sent,
        "typed": typed,
        "resend_to": request.path,
    }
    response = HttpResponse(loader.get_template("503.html").render(context), status=503)
    response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # no CDN or page cache may keep this answer
    return response
