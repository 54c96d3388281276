"""Defences for forms that anonymous visitors post: comments and leads.

They cost a real person nothing and call no third party: a honeypot field, a minimum
fill time carried in a signed timestamp, and a per-IP rate limit kept in the shared cache.
Nothing here knows about comments or leads.
"""

import ipaddress
import time
from functools import lru_cache, wraps

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

HONEYPOT_FIELD = "homepage_url"
_signer = signing.Signer(salt="antispam.issued")
# What a rendered form carries instead of its token: pages may be cached whole, so the
# timestamp is signed when a page is served, not when it was rendered (middleware.py).
TOKEN_PLACEHOLDER = "antispam-token-stamped-when-served"


def client_ip(request):
    """The visitor's address, or "" when there is none; X-Forwarded-For is trusted only as far
    as ANTISPAM_PROXY_COUNT says. A value that is not an IP address ("1.2.3.4:5678",
    "unknown") counts as no address: PostgreSQL's inet column would refuse it, and the lead."""
    proxies = settings.ANTISPAM_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        candidate = forwarded[-proxies]
    else:
        candidate = request.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(candidate)
    except ValueError:
        return ""
    return "" if getattr(address, "scope_id", None) else str(address)  # inet has no "%eth0"


def client_user_agent(request):
    """The visitor's User-Agent header, cut to ANTISPAM_USER_AGENT_MAX_LENGTH (the column size
    both apps store it in): kept for spam work, never shown."""
    return request.headers.get("user-agent", "")[: settings.ANTISPAM_USER_AGENT_MAX_LENGTH]


def issue_token(now=None):
    return _signed_second(int(now if now is not None else time.time()))


@lru_cache(maxsize=4)
def _signed_second(second):
    # Every page served within one second carries the same token: sign it once.
    return _signer.sign(str(second))


def rate_limited(request, scope, key=None):
    """Count this request against the allowance for `scope` of its IP address (or of `key`,
    such as an email address); True once it is used up. The count lives in the cache, so
    every app server sees the same one."""
    limit, window = settings.ANTISPAM_RATE_LIMITS[scope]
    # SHARED_CACHE: every worker of the server counts into one allowance (Redis, or without
    # it a file cache whose count may slip by one under a race; a limit, not a ledger).
    counts = caches[settings.SHARED_CACHE]
    key = f"antispam:{scope}:{client_ip(request) if key is None else key}"
    counts.add(key, 0, timeout=window)
    try:
        count = counts.incr(key)
    except ValueError:  # expired between add and incr
        counts.set(key, 1, timeout=window)
        count = 1
    return count > limit


class SpamDefenceMixin(forms.Form):
    """Adds the honeypot and timestamp fields. After is_valid(), `spam_reasons` lists what
    looked automated: the form stays valid so the view can store the submission as spam."""

    issued = forms.CharField(widget=forms.HiddenInput, required=False)
    homepage_url = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spam_reasons = []
        self.fields["issued"].initial = TOKEN_PLACEHOLDER

    def clean_issued(self):
        token = self.cleaned_data.get("issued", "")
        try:
            issued_at = int(_signer.unsign(token))
        except (signing.BadSignature, ValueError):
            self.spam_reasons.append("missing or forged form token")
            return token
        age = time.time() - issued_at
        if age > settings.ANTISPAM_TOKEN_MAX_AGE:
            # A page left open for days: ask again rather than guess.
            self.data = self.data.copy()
            self.data["issued"] = issue_token()
            raise forms.ValidationError(
                "This form was open for too long. Please check your entries and send it again.",
                code="expired",
            )
        if age < settings.ANTISPAM_MIN_FILL_SECONDS:
            self.spam_reasons.append(f"sent {age:.1f}s after the form was shown")
        return token

    def clean_homepage_url(self):
        value = self.cleaned_data.get(HONEYPOT_FIELD, "")
        if value:
            self.spam_reasons.append("hidden field filled in")
        return value


# Sec-Fetch-Site values of a post made from this site's own pages ("none": typed or bookmarked).
SAME_SITE_FETCHES = {"same-origin", "none"}
# Fields the cross-site page resends without showing: they are the form's machinery.
MACHINERY_FIELDS = {HONEYPOT_FIELD, "issued", "csrfmiddlewaretoken"}


def from_another_site(request):
    """True when the browser says the post was made on another site's page.

    Browsers send Sec-Fetch-Site (and Origin) with every form post; a post with neither
    comes from an old browser or a script, which could as well post the form directly, so
    it is let through and faces the spam defences like any other.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in SAME_SITE_FETCHES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    return origin not in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def refuse_cross_site(request):
    """403 with everything that was typed, and a button to send it from here after all."""
    fields = [(name, value) for name, values in request.POST.lists() for value in values]
    response = render(
        request,
        "antispam/cross_site.html",
        {
            "fields": fields,
            "typed": [
                (name.replace("_", " ").capitalize(), value)
                for name, value in fields
                if name not in MACHINERY_FIELDS and value.strip()
            ],
            "action": request.get_full_path(),
        },
        status=403,
    )
    add_never_cache_headers(response)
    return response


def csrf_protect_sessions(view):
    """CSRF-check logged-in users' posts with Django's token; anonymous ones by their origin.

    Public pages are cached whole, so their forms cannot carry a per-visitor CSRF token.
    An anonymous post is refused when the browser says it came from another site (a page
    there cannot make visitors send our forms); a logged-in (staff) user's session keeps
    Django's full check: their pages are never cached, so their forms do carry the token.
    """

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and request.user.is_authenticated:
            rejection = CsrfViewMiddleware(lambda req: None).process_view(request, None, args, kwargs)
            if rejection is not None:
                return rejection
        elif request.method == "POST" and from_another_site(request):
            return refuse_cross_site(request)
        return view(request, *args, **kwargs)

    return wrapped
