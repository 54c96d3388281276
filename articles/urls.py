"""Routes beside Wagtail's page tree; unnamespaced so `{% url "search" %}` reads simply."""

from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from articles import review, views
from articles.feeds import ArticleFeed, AtomArticleFeed
from articles.sitemaps import SiteSitemap

urlpatterns = [
    path("search/", views.search, name="search"),
    path("review/<str:token>/", review.review_link, name="review_link"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("feeds/rss/", ArticleFeed(), name="feed_rss"),
    path("feeds/atom/", AtomArticleFeed(), name="feed_atom"),
]
for kind in ("category", "author"):
    urlpatterns += [
        path(f"feeds/{kind}/<slug:slug>/rss/", ArticleFeed(), {"kind": kind}, name=f"feed_{kind}_rss"),
        path(f"feeds/{kind}/<slug:slug>/atom/", AtomArticleFeed(), {"kind": kind}, name=f"feed_{kind}_atom"),
    ]
