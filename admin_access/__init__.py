"""How the admin refuses: one 403 page for every admin view of comments and leads.

Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and a flash
message. Comments and leads hold personal data, so a refusal there is a plain 403 instead:
nobody mistakes it for a glitch, and tests and logs see it. Both apps decide *who* may do
what in their Wagtail permission policies; this only decides how a "no" looks. It imports
neither app.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

FORBIDDEN_TEMPLATE = "admin_access/forbidden.html"


def forbidden(request):
    return TemplateResponse(request, FORBIDDEN_TEMPLATE, status=403)


def refuse_with_403(view):
    """Wrap an admin view so that a PermissionDenied it raises answers 403, not a redirect."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


def refuse_urls_with_403(patterns):
    """The same for every URL pattern of a viewset (its own and Wagtail's generic views)."""
    for pattern in patterns:
        pattern.callback = refuse_with_403(pattern.callback)
    return patterns
