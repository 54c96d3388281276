"""Moderation in the Wagtail admin: the permission policy, the list, the inspect view with
its thread and team-reply form, the per-comment action view and the bulk actions."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, InspectView

import django_filters

from admin_access import refuse_with_403
from admin_access.listing import EstimatedCountPaginator, HumanDateColumn, TextColumn, capped_count

from . import moderation
from .forms import MODERATE, StaffReplyForm
from .models import Comment, build_thread


def can_moderate(user):
    return user.has_perm(MODERATE)


def moderators_only(view):
    """A 403 for admin users without the moderate permission."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return refuse_with_403(checked)


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """Every admin action on comments is "moderate", one named permission; nobody adds
    comments from scratch in the admin (staff reply instead); deleting for good has its own."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return user.has_perm("comments.delete_comment" if action == "delete" else MODERATE)


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Comment.Status.choices, empty_label="Any status")
    page = django_filters.ModelChoiceFilter(
        label="Article",
        queryset=Page.objects.filter(Exists(Comment.objects.filter(page=OuterRef("pk")))).order_by("title"),
    )
    created_at = django_filters.DateFromToRangeFilter(label="Date")

    class Meta:
        model = Comment
        fields = ["status", "page", "created_at"]


# Each count above the list reads at most this many index entries, however big the table.
STATUS_COUNT_CAP = 10_000


def status_count(status):
    count = capped_count(Comment.objects.filter(status=status), STATUS_COUNT_CAP + 1)
    return f"{STATUS_COUNT_CAP:,}+" if count > STATUS_COUNT_CAP else count


class CommentIndexView(IndexView):
    """The moderation list: newest first, the excerpt linking to the inspect view, and the
    number of comments in each status above it."""

    paginator_class = EstimatedCountPaginator

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def get_list_buttons(self, instance):
        """No menu on each row: its items (inspect, delete) are on the page the title opens,
        and a menu per row cost a third of the list's rendering time at 50 rows."""
        return []

    def get_edit_url(self, instance):
        """None, so that the list opens a comment's inspect view (its thread, the moderation
        buttons, the reply form); editing is a click further, from there."""
        return None

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["status_counts"] = [
            (value, label, status_count(value), f"{self.index_url}?status={value}")
            for value, label in Comment.Status.choices
        ]
        return context


class CommentInspectView(InspectView):
    """One comment with the whole conversation around it, the moderation buttons and a
    form to reply as the team."""

    template_name = "comments/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Comment.objects.select_related("page", "parent", "user"), pk=self.pk)

    @cached_property
    def reply_form(self):
        return StaffReplyForm(self.request.POST if self.request.method == "POST" else None)

    def post(self, request, *args, **kwargs):
        if self.object.status not in (Comment.Status.APPROVED, Comment.Status.PENDING):
            raise PermissionDenied
        if not self.reply_form.is_valid():
            return self.get(request, *args, **kwargs)
        reply = moderation.reply_as_team(self.object, request.user, self.reply_form.cleaned_data["body"])
        messages.success(
            request,
            "Your reply is published.",
            buttons=[messages.button(reply.get_absolute_url(), "View on the site")],
        )
        return redirect(reverse("wagtailsnippets_comments_comment:inspect", args=[reply.pk]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comments = list(Comment.objects.filter(page=self.object.page_id).order_by("created_at", "pk"))
        context.update(
            comment=self.object,
            thread=build_thread(comments),
            reply_form=self.reply_form,
            can_reply=self.object.status in (Comment.Status.APPROVED, Comment.Status.PENDING),
            actions=moderation.actions_for(self.object),
        )
        return context


@require_POST
def moderate_view(request, pk, action):
    """One button on the inspect view: approve, spam, remove or restore one comment."""
    if not can_moderate(request.user):
        raise PermissionDenied
    if action not in moderation.ACTIONS_BY_NAME:
        raise Http404
    comment = get_object_or_404(Comment, pk=pk)
    if moderation.ACTIONS_BY_NAME[action].function(comment):
        messages.success(request, f"Comment by {comment.name}: {comment.get_status_display().lower()}.")
    return redirect(reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]))


# --- Bulk actions ----------------------------------------------------------------------------


class CommentChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser would list every comment, spam included, to anyone in the admin."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = moderators_only(pattern.callback)
        return patterns


class ModeratorsOnlyBulkAction:
    """Bulk actions on comments, their confirmation pages included, are for moderators."""

    models = [Comment]

    def dispatch(self, request, *args, **kwargs):
        return refuse_with_403(self.checked_dispatch)(request, *args, **kwargs)

    def checked_dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        if not all(value.isascii() and value.isdigit() for value in request.GET.getlist("id")):
            raise Http404("Comment ids are numbers.")
        return super().dispatch(request, *args, **kwargs)


class CommentDeleteBulkAction(ModeratorsOnlyBulkAction, DeleteBulkAction):
    """Wagtail's snippet bulk delete, whose confirmation page lists the comments' writers."""


class CommentBulkAction(ModeratorsOnlyBulkAction, BulkAction):
    """Runs one moderation function over the ticked comments."""

    template_name = "comments/admin/confirm_bulk_action.html"
    function = None
    past_tense = ""

    def check_perm(self, comment):
        return can_moderate(self.request.user)

    def get_execution_context(self):
        return {"function": type(self).function}

    @classmethod
    def execute_action(cls, objects, function=None, **kwargs):
        changed = sum(1 for comment in objects if function(comment))
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment{'s' if num_parent_objects != 1 else ''} {self.past_tense}."

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": self.display_name,
            "header_icon": "comment",
        }


def bulk_action(action, priority):
    """The bulk action for one row of moderation.ACTIONS."""
    return type(
        f"{action.name.title()}BulkAction",
        (CommentBulkAction,),
        {
            "display_name": action.label,
            "action_type": action.name,
            "aria_label": action.description,
            "function": staticmethod(action.function),
            "past_tense": action.past_tense,
            "action_priority": priority,
        },
    )


BULK_ACTIONS = [bulk_action(action, 10 * number) for number, action in enumerate(moderation.ACTIONS, 1)]

LIST_DISPLAY = [
    "excerpt",
    TextColumn("name", label="Name", sort_key="name"),
    TextColumn("page", label="Article", accessor="page.title", sort_key="page__title"),
    StatusTagColumn(
        "status",
        label="Status",
        accessor="get_status_display",
        sort_key="status",
        primary=lambda c: c.is_pending,
    ),
    HumanDateColumn("created_at", label="Written", sort_key="created_at"),
]
