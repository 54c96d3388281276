"""Where a lead came from, worked out from what the form carried and what the request says.

Public pages are cached whole, so the page HTML carries only what is the same for every
visitor (the page's id and URL). `static/js/leads.js` adds the visit's landing UTM
parameters and referrer from sessionStorage; without JavaScript we fall back on the query
string and Referer header the server sees.
"""

from urllib.parse import parse_qs, urlsplit

from wagtail.models import Page, Site

from .models import UTM_FIELDS


def split_url(url):
    """urlsplit, or None for a malformed address (e.g. "http://[bad/"): attribution is a
    nicety, and must never cost a visitor their lead."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return None


def is_same_site(request, url):
    parts = split_url(url)
    return bool(url) and parts is not None and (not parts.netloc or parts.netloc == request.get_host())


def utm_from_url(url):
    parts = split_url(url)
    query = parse_qs(parts.query) if parts else {}
    return {field: query[field][0] for field in UTM_FIELDS if query.get(field)}


def page_for(request, page_id=None, url=""):
    """The Wagtail page a form was sent from: by the id the page rendered into the form,
    or else by resolving the URL's path under the current site's root."""
    if page_id:
        page = Page.objects.filter(pk=page_id, depth__gt=1).first()
        if page is not None:
            return page
    if not is_same_site(request, url):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    path = split_url(url).path.strip("/")
    url_path = site.root_page.url_path + (f"{path}/" if path else "")
    return Page.objects.filter(url_path=url_path).first()


def initial_from_request(request):
    """Hidden-field values for a form page rendered for this request (no-JS attribution)."""
    referer = request.META.get("HTTP_REFERER", "")
    initial = {field: request.GET[field] for field in UTM_FIELDS if request.GET.get(field)}
    if is_same_site(request, referer):
        initial["source_url"] = referer
    elif referer:
        initial["referrer"] = referer
    page_id = request.GET.get("page", "")
    if page_id.isascii() and page_id.isdigit():
        initial["source_page"] = request.GET["page"]
    return initial
