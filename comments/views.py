"""The public endpoints: post a comment, stop reply emails."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from articles.seo import PageMeta

from . import moderation
from .antispam import csrf_protect_sessions, rate_limited
from .forms import CommentForm
from .models import Comment, CommentSettings
from .tasks import comment_from_unsubscribe_token

RATE_LIMITED_MESSAGE = (
    "You have sent several comments in a short time. Please wait a few minutes, then send this one again."
)
_posted_signer = signing.TimestampSigner(salt="comments.posted")


def posted_token(comment):
    return _posted_signer.sign(str(comment.pk))


def comment_from_posted_token(token, page):
    """The writer's own comment named by the signed ?comment= value of the redirect, if it
    is still fresh; it lets them see it while it waits, without per-visitor page state."""
    try:
        pk = int(_posted_signer.unsign(token, max_age=settings.COMMENTS_PREVIEW_MAX_AGE))
    except (signing.BadSignature, ValueError):
        return None
    return Comment.objects.exclude(status=Comment.Status.REMOVED).filter(pk=pk, page=page).first()


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
        meta = PageMeta.for_view(request, "Comments are closed", robots="noindex")
        return render(request, "comments/closed.html", {"article": page, "meta": meta}, status=403)
    form = CommentForm(request.POST, page=page, comment_settings=comment_settings, user=request.user)
    if not form.is_valid():
        return page_with_form(request, page, form, status=400)
    # Counted only once the form is valid: a person fixing typos is not locked out.
    if not form.team_member and rate_limited(request, "comments"):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return page_with_form(request, page, form, status=429)
    comment = moderation.submit(form.build_comment(request))
    return redirect(f"{page.get_url(request)}?comment={posted_token(comment)}#comment-{comment.pk}")


@csrf_exempt  # mail clients' one-click unsubscribe POSTs carry no token (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stops reply emails to this address, for every comment written with it. The signed
    token is the authorisation. Opening the link (GET) only asks: mail scanners follow
    links; the button, or a mail client's one-click POST, unsubscribes."""
    comment = comment_from_unsubscribe_token(token)
    if comment is None:
        raise Http404("This unsubscribe link is not valid.")
    if request.method == "GET":
        meta = PageMeta.for_view(request, "Stop reply emails", robots="noindex")
        return render(request, "comments/unsubscribe_confirm.html", {"article": comment.page, "meta": meta})
    Comment.objects.filter(email__iexact=comment.email, notify_replies=True).update(notify_replies=False)
    meta = PageMeta.for_view(request, "Reply emails stopped", robots="noindex")
    return render(request, "comments/unsubscribed.html", {"article": comment.page, "meta": meta})
