"""The public side of review links: the page's latest draft for someone without an account,
at /review/<token>/, for as long as the link is neither revoked nor expired."""

from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from articles.models import ReviewLink


@never_cache  # private, no-store: a shared page cache must never keep a draft
def review_link(request, token):
    link = ReviewLink.objects.active().filter(token=token).select_related("page").first()
    if link is None:
        # Answered here rather than raised, so the 404 is kept out of shared caches too.
        return page_not_found(request, Http404("This review link has expired, was revoked or never existed."))
    page = link.page.specific.get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = page.default_preview_mode
    request.review_link = link  # templates: the preview banner, noindex, no visitor forms
    response = page.serve(request)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
