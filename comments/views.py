"""The public endpoints: post a comment, stop reply emails."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from antispam.defences import csrf_protect_sessions, rate_limited

from . import moderation
from .forms import CommentForm
from .models import Comment, CommentSettings
from .paging import comment_query
from .tokens import comment_from_unsubscribe_token, posted_token
from .writer import remember_written

RATE_LIMITED_MESSAGE = (
    "You have sent several comments in a short time. Please wait a few minutes, then send this one again."
)


def commentable_page(page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if not hasattr(page, "comments_open"):
        raise Http404("This page takes no comments.")
    return page


def page_with_form(request, page, form, status):
    """The article again, the visitor's form bound with their input and its errors."""
    context = {**page.get_context(request), "comment_form": form}
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_POST
@csrf_protect_sessions
def post_comment(request, page_id):
    page = commentable_page(page_id)
    comment_settings = CommentSettings.for_request(request)
    if not comment_settings.accepts_comments(page):
        context = {"article": page, "meta_title": "Comments are closed", "meta_robots": "noindex"}
        return render(request, "comments/closed.html", context, status=403)
    form = CommentForm(request.POST, page=page, comment_settings=comment_settings, user=request.user)
    if not form.is_valid():
        return page_with_form(request, page, form, status=400)
    # Counted only once the form is valid: a person fixing typos is not locked out.
    if not form.team_member and rate_limited(request, "comments"):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return page_with_form(request, page, form, status=429)
    comment = moderation.submit(form.build_comment(request))
    query = comment_query(comment)
    token = f"{'&' if query else '?'}comment={posted_token(comment)}"
    response = redirect(f"{page.get_url(request)}{query}{token}#comment-{comment.pk}")
    return remember_written(request, response, comment)


@csrf_exempt  # mail clients' one-click unsubscribe POSTs carry no token (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stops reply emails to this address, for every comment written with it. The signed
    token is the authorisation. Opening the link (GET) only asks: mail scanners follow
    links; the button, or a mail client's one-click POST, unsubscribes."""
    comment = comment_from_unsubscribe_token(token)
    if comment is None:
        raise Http404("This unsubscribe link is not valid.")
    context = {"article": comment.page, "meta_robots": "noindex"}
    if request.method == "GET":
        context["meta_title"] = "Stop reply emails"
        return render(request, "comments/unsubscribe_confirm.html", context)
    Comment.objects.filter(email__iexact=comment.email, notify_replies=True).update(notify_replies=False)
    context["meta_title"] = "Reply emails stopped"
    return render(request, "comments/unsubscribed.html", context)
