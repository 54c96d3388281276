"""Response headers every page gets: the Content-Security-Policy (the admin's own), the
Permissions-Policy, and no shared caching of anything a logged-in user sees."""

from django.conf import settings

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy, default_config


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY(_REPORT_ONLY) under the
    admin's URL: Wagtail's editor needs more than the public pages allow. An editor's preview
    is the admin's too: Wagtail renders it through the middleware as a dummy request for the
    page's own path, and the editor frames it (the public policy forbids any framing)."""

    def process_response(self, request, response):
        # A public page (no nonce, no per-view policy, no report-only policy) gets the one
        # site-wide header, built once per settings object: for a page-cache hit, building it
        # anew was a fifth of the whole answer.
        if not self._has_own_policy(request, response) and not settings.DEBUG:
            response.setdefault(HEADER, self._public_header())
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    @staticmethod
    def _has_own_policy(request, response):
        return (
            request.path_info.startswith(settings.ADMIN_URL_PREFIX)
            or getattr(request, "is_dummy", False)
            or getattr(request, "_csp_nonce", None) is not None
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
            or any(
                getattr(response, f"_csp_{kind}{suffix}", None) is not None
                or getattr(response, f"_csp_exempt{suffix}", False)
                for kind in ("config", "update", "replace")
                for suffix in ("", "_ro")
            )
        )

    def _public_header(self):
        policy = settings.CONTENT_SECURITY_POLICY
        if getattr(self, "_public", (None, None))[0] is not policy:
            self._public = (policy, build_policy())
        return self._public[1]

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
