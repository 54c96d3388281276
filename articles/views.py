"""Public views that are not Wagtail pages: search, robots.txt and the error pages."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from articles.models import ArticleIndexPage, ArticlePage, Category, OrganizationSettings
from articles.models.pages import paginate
from articles.seo import PageMeta, absolute_url


@require_GET
def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[: settings.ARTICLES_SEARCH_MAX_LENGTH]
    # Quotes would reach SQLite's full-text query syntax unbalanced; words are what people mean.
    terms = query.replace('"', " ").strip()
    results = None
    if query:
        matches = (
            ArticlePage.objects.listing().order_by().search(terms) if terms else ArticlePage.objects.none()
        )
        results = paginate(request, matches)
    live_articles = ArticlePage.objects.live().public().values("pk")
    organization_name = OrganizationSettings.for_request(request).name
    meta = PageMeta.for_view(
        request,
        f"Search results for “{query}”" if query else "Search articles",
        f"Search the articles of {organization_name} on SEO, social media and digital marketing.",
        crumbs=[("Search", reverse("search"))],
        robots="noindex, follow" if query else "",
    )
    context = {
        "meta": meta,
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
    meta = PageMeta.for_view(request, "Page not found", robots="noindex")
    return TemplateResponse(request, "404.html", {"meta": meta}, status=404).render()


def server_error(request, *args, **kwargs):
    """The 500 page, rendered without the database, the request or context processors."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
