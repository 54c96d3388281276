from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from admin_access import site_history
from admin_access.login import ThrottledPasswordResetView

urlpatterns = [
    # Before Wagtail's own, which it replaces: the same view, rate-limited.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Wagtail's site history, built so that it also runs on Django 6.1 (see the module).
    path("admin/reports/site-history/", site_history.site_history),
    path("admin/reports/site-history/results/", site_history.site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comments/", include("comments.urls")),
    path("", include("leads.urls")),
]

if settings.SERVE_MEDIA:
    # Images only (originals and renditions). Documents are never served from here: only
    # Wagtail's document view, which checks collection privacy, hands them out.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

# Search, feeds, sitemap.xml and robots.txt.
urlpatterns += [path("", include("articles.urls"))]

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

# The 404 page carries the site's metadata; the 500 page renders without the database or
# context processors.
handler404 = "articles.views.page_not_found"
handler500 = "articles.views.server_error"
