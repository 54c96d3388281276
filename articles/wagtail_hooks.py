"""Admin wiring: authors and categories as snippets with search and listing columns; old
WordPress ?p= addresses answered before a page is served; the readiness checks, their report
and listing column, review links."""

from django.db.models import F
from django.db.models.signals import post_save
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.signals import page_published
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.admin_views import (
    ReadinessReportView,
    dismiss_check,
    restore_check,
    review_links,
    revoke_review_link,
)
from articles.calendar import publishing_calendar
from articles.models import ArticleIndexPage, ArticlePage, Author, Category, ReadinessSettings
from articles.readiness.evaluate import record
from articles.readiness.userbar import add_readiness_checks
from articles.rich_text import PageLinkHandler
from articles.wordpress.redirects import query_redirect


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "job_title", "slug"]
    search_fields = ["name", "job_title"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class BlogViewSetGroup(SnippetViewSetGroup):
    menu_label = "Blog"
    menu_icon = "doc-full"
    menu_order = 200
    items = (AuthorViewSet, CategoryViewSet)


register_snippet(BlogViewSetGroup)


# --- The marketer's cockpit: readiness checks, report, listing column, review links -----------
# Other apps add to the article listing and the edit view's panel through two hooks of ours,
# so articles imports neither comments nor leads:
#   article_listing_columns(request) -> [Column], with annotate_article_listing(pages, request)
#   article_insights(page, request) -> [(label, value, url)]


class ReadinessColumn(Column):
    cell_template_name = "articles/admin/readiness_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["score"] = getattr(instance, "readiness_score", None)
        return context


class ArticleExplorerView(ExplorableIndexView):
    @cached_property
    def explorable_columns(self):
        extra = [
            column for hook in hooks.get_hooks("article_listing_columns") for column in hook(self.request)
        ]
        *columns, navigate = super().explorable_columns
        return [*columns, ReadinessColumn("readiness", label="Readiness"), *extra, navigate]

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages).annotate(readiness_score=F("readiness__score"))
        for hook in hooks.get_hooks("annotate_article_listing"):
            pages = hook(pages, self.request)
        return pages


class ArticlePageViewSet(PageViewSet):
    model = ArticlePage
    parent_models = [ArticleIndexPage]
    index_view_class = ArticleExplorerView


@hooks.register("register_admin_viewset")
def register_article_viewset():
    return ArticlePageViewSet("article_pages")


hooks.register("construct_wagtail_userbar", add_readiness_checks)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def record_article_readiness(request, page):
    if isinstance(page.specific, ArticlePage):
        record(page.specific)


def record_published_readiness(sender, instance, **kwargs):
    record(instance)  # scheduled and bulk publishing too


def recheck_every_article(sender, instance, **kwargs):
    for article in ArticlePage.objects.all():  # the limits or switches changed
        record(article)


page_published.connect(record_published_readiness, sender=ArticlePage)
post_save.connect(recheck_every_article, sender=ReadinessSettings)


@hooks.register("register_admin_urls")
def register_cockpit_urls():
    return [
        path("reports/readiness/", ReadinessReportView.as_view(), name="articles_readiness_report"),
        path(
            "reports/readiness/results/",
            ReadinessReportView.as_view(results_only=True),
            name="articles_readiness_report_results",
        ),
        path("articles/calendar/", publishing_calendar, name="articles_calendar"),
        path("articles/<int:page_id>/dismiss/<str:check_id>/", dismiss_check, name="articles_dismiss_check"),
        path("articles/<int:page_id>/restore/<str:check_id>/", restore_check, name="articles_restore_check"),
        path("articles/<int:page_id>/review-links/", review_links, name="articles_review_links"),
        path(
            "articles/<int:page_id>/review-links/<int:link_id>/revoke/",
            revoke_review_link,
            name="articles_revoke_review_link",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_readiness_report_menu_item():
    return MenuItem("Article readiness", reverse("articles_readiness_report"), icon_name="glasses", order=710)


@hooks.register("before_serve_page")
def follow_old_wordpress_addresses(page, request, serve_args, serve_kwargs):
    return query_redirect(request)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return MenuItem("Publishing calendar", reverse("articles_calendar"), icon_name="date", order=210)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own "page" link type
def page_links_in_one_query(features):
    features.register_link_type(PageLinkHandler)
