"""Public views that are not Wagtail pages: search, robots.txt and the error pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from articles.models import ArticleIndexPage, ArticlePage, Category
from articles.seo import absolute_url


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[: settings.ARTICLES_SEARCH_MAX_LENGTH]
    results = None
    if query:
        matches = ArticlePage.objects.listing().order_by().search(query)
        results = Paginator(matches, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    live_articles = ArticlePage.objects.live().public().values("pk")
    context = {
        "query": query,
        "results": results,
        "max_length": settings.ARTICLES_SEARCH_MAX_LENGTH,
        "index_page": ArticleIndexPage.objects.live().public().first(),
        "categories": Category.objects.filter(articles__in=live_articles).distinct(),
        "crumbs": [("Home", absolute_url("/")), ("Search", absolute_url(reverse("search")))],
    }
    return TemplateResponse(request, "search/search.html", context)


@require_GET
@cache_control(max_age=60 * 60 * 24)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request, *args, **kwargs):
    """The 500 page, rendered without the database, the request or context processors."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME}
    return HttpResponseServerError(loader.get_template("500.html").render(context))
