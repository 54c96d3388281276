"""Moderation in the Wagtail admin: the permission policy, the list, the inspect view with
its thread and team-reply form, the per-comment action view and the bulk actions."""

from functools import wraps

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import IndexView, InspectView

import django_filters

from . import moderation
from .forms import StaffReplyForm
from .models import Comment, build_thread

MODERATE = "comments.moderate_comment"


def can_moderate(user):
    return user.has_perm(MODERATE)


def moderators_only(view):
    """A plain 403 for admin users without the permission (Wagtail would redirect them to
    the dashboard with a message, which hides from tests and logs that they were refused)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_moderate(request.user):
            return TemplateResponse(request, "comments/admin/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


class ModerationPermissionPolicy(ModelPermissionPolicy):
    """Every admin action on comments is "moderate", one named permission; nobody adds
    comments from scratch in the admin (staff reply instead); deleting for good has its own."""

    def _get_permission_codename(self, action):
        return "delete_comment" if action == "delete" else "moderate_comment"

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


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


class CommentIndexView(IndexView):
    """The moderation list: newest first, the excerpt linking to the inspect view, and the
    number of comments in each status above it."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=self.get_inspect_url,
            get_title_id=lambda instance: f"snippet_{quote(instance.pk)}_title",
            **kwargs,
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = Comment.objects.status_counts()
        context["status_counts"] = [
            (value, label, counts[value], f"{self.index_url}?status={value}")
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
            actions=[
                (name, label)
                for name, label in (
                    ("approve", "Approve"),
                    ("spam", "Mark as spam"),
                    ("remove", "Remove"),
                    ("restore", "Restore to the queue"),
                )
                if action_applies(name, self.object)
            ],
        )
        return context


def action_applies(name, comment):
    status = comment.status
    return {
        "approve": status != Comment.Status.APPROVED,
        "spam": status != Comment.Status.SPAM,
        "remove": status != Comment.Status.REMOVED,
        "restore": status in (Comment.Status.SPAM, Comment.Status.REMOVED),
    }[name]


@require_POST
def moderate_view(request, pk, action):
    """One button on the inspect view: approve, spam, remove or restore one comment.
    (The viewset wraps it, like all its views, in moderators_only.)"""
    if action not in moderation.ACTIONS:
        raise Http404
    comment = get_object_or_404(Comment, pk=pk)
    if moderation.ACTIONS[action](comment):
        messages.success(request, f"Comment by {comment.name}: {comment.get_status_display().lower()}.")
    return redirect(reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk]))


# --- Bulk actions ----------------------------------------------------------------------------


class CommentBulkAction(BulkAction):
    """Runs one moderation function over the ticked comments."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_action.html"
    function = None
    past_tense = ""

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            return TemplateResponse(request, "comments/admin/forbidden.html", status=403)
        if not all(value.isascii() and value.isdigit() for value in request.GET.getlist("id")):
            raise Http404("Comment ids are numbers.")
        return super().dispatch(request, *args, **kwargs)

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


class ApproveBulkAction(CommentBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve the selected comments"
    function = staticmethod(moderation.approve)
    past_tense = "approved"
    action_priority = 10


class SpamBulkAction(CommentBulkAction):
    display_name = "Mark as spam"
    action_type = "spam"
    aria_label = "Mark the selected comments as spam"
    function = staticmethod(moderation.mark_spam)
    past_tense = "marked as spam"
    action_priority = 20


class RemoveBulkAction(CommentBulkAction):
    display_name = "Remove"
    action_type = "remove"
    aria_label = "Remove the selected comments from the site"
    function = staticmethod(moderation.remove)
    past_tense = "removed"
    action_priority = 30


class RestoreBulkAction(CommentBulkAction):
    display_name = "Restore"
    action_type = "restore"
    aria_label = "Put the selected comments back in the moderation queue"
    function = staticmethod(moderation.restore)
    past_tense = "restored to the queue"
    action_priority = 40


BULK_ACTIONS = [ApproveBulkAction, SpamBulkAction, RemoveBulkAction, RestoreBulkAction]

LIST_DISPLAY = [
    "excerpt",
    "name",
    Column("page", label="Article", accessor="page.title", sort_key="page__title"),
    StatusTagColumn(
        "status",
        label="Status",
        accessor="get_status_display",
        sort_key="status",
        primary=lambda c: c.is_pending,
    ),
    DateColumn("created_at", label="Written", sort_key="created_at"),
]
