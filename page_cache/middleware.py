"""The page cache, and the HTTP caching headers of public pages.

A public response is one any anonymous visitor would get alike: a GET or HEAD without a
session cookie (staff) or a query parameter that carries one visitor's state
(PAGE_CACHE_PRIVATE_PARAMS, e.g. the signed ?comment= link), answered 200 to an anonymous
user, setting no cookie, using no CSRF token, and not marked private or no-store by its
view (previews, review links, the contact page). Only such responses are kept, for
PAGE_CACHE_SECONDS under the current generation (invalidation.py), and only they get a
shared Cache-Control (CDN_CACHE_SECONDS), an ETag and a Last-Modified, so that
ConditionalGetMiddleware above answers revalidations with 304.

Cached HTML keeps the form-token placeholder: antispam's middleware, above this one,
stamps each response as it is served, and the ETag is taken before that, so it stays the
same from one request to the next.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from .invalidation import current_generation

# A cached copy is served with the headers its page had here (the middleware above adds its
# own anew), less its length, which the token stamp and gzip may change.
DROPPED_HEADERS = {"content-length"}


def _may_share(request):
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
        return False
    return not any(name in request.GET for name in settings.PAGE_CACHE_PRIVATE_PARAMS)


def _is_public(request, response):
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "").lower()
    return (
        user is not None
        and not user.is_authenticated
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def _key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def _serve(entry):
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _mark_public(response, rendered_at):
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.CDN_CACHE_SECONDS)
    if not response.has_header("ETag"):
        set_response_etag(response)
    response.setdefault("Last-Modified", http_date(rendered_at))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        shareable = _may_share(request)
        key = None
        if shareable and settings.PAGE_CACHE_SECONDS > 0:
            generation = current_generation()
            if generation is not None:
                key = _key(request, generation)
                entry = cache.get(key)
                if entry is not None:
                    return _serve(entry)
        response = self.get_response(request)
        if not (shareable and _is_public(request, response)):
            return response
        _mark_public(response, time.time())
        if key is not None and request.method == "GET":
            headers = [
                (name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS
            ]
            entry = {"content": response.content, "headers": headers}
            cache.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
