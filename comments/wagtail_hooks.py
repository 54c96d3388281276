"""Admin wiring: the Comments menu (list, filters, search, inspect, bulk actions), the
awaiting-moderation count on the dashboard, and the one permission that guards them."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from admin_access import refuse_urls_with_403

from . import page_figures
from .admin_views import (
    BULK_ACTIONS,
    LIST_DISPLAY,
    CommentChooserViewSet,
    CommentDeleteBulkAction,
    CommentFilterSet,
    CommentIndexView,
    CommentInspectView,
    ModerationPermissionPolicy,
    can_moderate,
    moderate_view,
)
from .models import Comment

# Before the viewset asks for a policy, or Wagtail would make a default one.
register_permission_policy(Comment, ModerationPermissionPolicy(Comment))


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    chooser_viewset_class = CommentChooserViewSet
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "page",
        "parent",
        "name",
        "email",
        "website",
        "ip_address",
        "user_agent",
        "notify_replies",
        "is_staff_reply",
        "user",
        "created_at",
        "approved_at",
    ]
    copy_view_enabled = False
    # Comments point at pages, but a page's "usage" need not list every comment on it,
    # and indexing each new comment would cost every visitor's post a few queries.
    add_to_reference_index = False
    list_display = LIST_DISPLAY
    filterset_class = CommentFilterSet
    search_fields = ["name", "email", "body"]
    search_backend_name = None  # plain database lookups: no search index to keep in sync
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    index_template_name = "comments/admin/index.html"

    def get_urlpatterns(self):
        return refuse_urls_with_403(
            [
                *super().get_urlpatterns(),
                path("moderate/<int:pk>/<slug:action>/", moderate_view, name="moderate"),
            ]
        )


register_snippet(CommentViewSet)

for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
# After Wagtail's own snippet delete action, which it replaces for comments.
hooks.register("register_bulk_action", CommentDeleteBulkAction, order=1)


class AwaitingModerationSummaryItem(SummaryItem):
    order = 150
    template_name = "comments/admin/summary_item.html"

    def get_context_data(self, parent_context):
        return {
            "count": Comment.objects.awaiting_moderation().count(),
            "url": reverse("wagtailsnippets_comments_comment:list") + "?status=pending",
        }

    def is_shown(self):
        return can_moderate(self.request.user)


@hooks.register("construct_homepage_summary_items")
def add_awaiting_moderation(request, summary_items):
    summary_items.append(AwaitingModerationSummaryItem(request))


# Figures for the articles app's listing and edit view (through its hooks; no import of it).
hooks.register("article_listing_columns", page_figures.listing_columns)
hooks.register("annotate_article_listing", page_figures.annotate_listing)
hooks.register("article_insights", page_figures.insights)
