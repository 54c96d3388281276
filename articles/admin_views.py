"""Admin views for the marketer's cockpit: the readiness report, dismissing a check on one
page, and review links."""

from datetime import date

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from articles.models import ArticlePage, CheckDismissal, ReviewLink
from articles.readiness.checks import CHECKS_BY_ID
from articles.readiness.evaluate import record


def editable_article(request, page_id):
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


class FailingColumn(Column):
    def get_value(self, instance):
        names = [
            CHECKS_BY_ID[check_id].name for check_id in instance.failing or [] if check_id in CHECKS_BY_ID
        ]
        return "; ".join(names) or "—"


class DismissalsColumn(Column):
    def get_value(self, instance):
        return "; ".join(
            f"{d.get_check_id_display()}: {d.reason} ({d.dismissed_by or 'someone'}, {d.dismissed_at:%Y-%m-%d})"
            for d in instance.check_dismissals.all()
        )


class ReadinessReportView(ReportView):
    page_title = "Article readiness"
    header_icon = "glasses"
    index_url_name = "articles_readiness_report"
    index_results_url_name = "articles_readiness_report_results"
    default_ordering = "score"
    columns = [
        TitleColumn("title", label="Article", url_name="wagtailadmin_pages:edit"),
        Column("score", label="Score", sort_key="score"),
        Column("status_string", label="Status"),
        FailingColumn("failing", label="Failing checks"),
        DismissalsColumn("dismissals", label="Dismissed checks (reason, who, when)"),
        DateColumn("checked_at", label="Checked", sort_key="checked_at"),
    ]
    list_export = ["title", "score", "status_string", "failing_names", "dismissal_notes", "checked_at"]
    export_headings = {
        "title": "Article",
        "score": "Score",
        "status_string": "Status",
        "failing_names": "Failing checks",
        "dismissal_notes": "Dismissed checks",
        "checked_at": "Checked",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"article-readiness-{date.today():%Y-%m-%d}"

    def get_queryset(self):
        articles = ArticlePage.objects.annotate(
            score=F("readiness__score"),
            failing=F("readiness__failing"),
            checked_at=F("readiness__checked_at"),
        ).prefetch_related("check_dismissals__dismissed_by")
        return self.order_queryset(articles)

    def to_row_dict(self, item):
        item.failing_names = FailingColumn("failing").get_value(item)
        item.dismissal_notes = DismissalsColumn("dismissals").get_value(item)
        return super().to_row_dict(item)


class DismissalForm(forms.ModelForm):
    class Meta:
        model = CheckDismissal
        fields = ["reason"]


def dismiss_check(request, page_id, check_id):
    """Dismiss one check on one page, with a reason kept with who and when."""
    page = editable_article(request, page_id)
    check = CHECKS_BY_ID.get(check_id)
    if check is None:
        raise Http404("No such check.")
    form = DismissalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        CheckDismissal.objects.update_or_create(
            page=page,
            check_id=check.id,
            defaults={
                "reason": form.cleaned_data["reason"],
                "dismissed_by": request.user,
                "dismissed_at": timezone.now(),
            },
        )
        record(page)
        messages.success(request, f"“{check.name}” dismissed for this page.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "articles/admin/dismiss_check.html", {"page": page, "check": check, "form": form}
    )


def restore_check(request, page_id, check_id):
    """Undo a dismissal: the check counts in the page's score again (asked once, then a POST)."""
    page = editable_article(request, page_id)
    dismissal = get_object_or_404(CheckDismissal, page=page, check_id=check_id)
    check = CHECKS_BY_ID.get(check_id)
    if request.method == "POST":
        dismissal.delete()
        record(page)
        messages.success(request, f"“{check.name if check else check_id}” counts for this page again.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "articles/admin/restore_check.html", {"page": page, "check": check, "dismissal": dismissal}
    )


class ReviewLinkForm(forms.ModelForm):
    class Meta:
        model = ReviewLink
        fields = ["note"]


def review_links(request, page_id):
    """The page's review links with who made them; make a new one."""
    page = editable_article(request, page_id)
    form = ReviewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = form.save(commit=False)
        link.page, link.created_by = page, request.user
        link.save()
        messages.success(request, "Review link made: copy it from the list below.")
        return redirect("articles_review_links", page.pk)
    links = page.review_links.select_related("created_by")
    return TemplateResponse(
        request,
        "articles/admin/review_links.html",
        {
            "page": page,
            "form": form,
            "expiry_days": settings.REVIEW_LINK_EXPIRY_DAYS,
            "links": [
                (link, request.build_absolute_uri(reverse("review_link", args=[link.token])))
                for link in links
            ],
        },
    )


@require_POST
def revoke_review_link(request, page_id, link_id):
    page = editable_article(request, page_id)
    link = get_object_or_404(ReviewLink, pk=link_id, page=page)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    messages.success(request, "Review link revoked: it stops working at once.")
    return redirect("articles_review_links", page.pk)
