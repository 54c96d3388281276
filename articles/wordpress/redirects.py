"""WordPress's own short addresses, /?p=123 and /?page_id=45, answered from Wagtail's redirects.

Wagtail's redirect middleware only looks for a redirect when a request would be a 404,
and "/" is the home page, so these query-string addresses are checked before a page is
served instead. Only those two parameters are read: any other query string costs nothing.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

QUERY_KEYS = ("p", "page_id")


def query_redirect(request):
    for key in QUERY_KEYS:
        value = request.GET.get(key, "")
        if not value.isdigit():
            continue
        path = Redirect.normalise_path(f"{request.path}?{key}={value}")
        redirect = Redirect.get_for_site(Site.find_for_request(request)).filter(old_path=path).first()
        if redirect is not None and redirect.link:
            response_class = HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
            return response_class(redirect.link)
    return None
