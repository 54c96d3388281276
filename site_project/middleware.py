"""Response headers every page gets: the Content-Security-Policy (the admin's own), the
Permissions-Policy, and no shared caching of anything a logged-in user sees."""

from django.conf import settings

from csp.middleware import CSPMiddleware
from csp.utils import default_config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY(_REPORT_ONLY) under the
    admin's URL: Wagtail's editor needs more than the public pages allow. An editor's preview
    is the admin's too: Wagtail renders it through the middleware as a dummy request for the
    page's own path, and the editor frames it (the public policy forbids any framing)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        in_admin = request.path_info.startswith(settings.ADMIN_URL_PREFIX) or getattr(
            request, "is_dummy", False
        )
        if parts.config is None and in_admin:
            name = "ADMIN_CONTENT_SECURITY_POLICY" + ("_REPORT_ONLY" if report_only else "")
            parts.config = default_config(getattr(settings, name)["DIRECTIVES"])
        return parts


def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # A staff member's page (the admin, or the site with the userbar and their CSRF
            # token) must never be kept by a browser, proxy or page cache for someone else.
            response["Cache-Control"] = "private, no-store"
        return response

    return middleware
