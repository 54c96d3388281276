"""Defences for forms that anonymous visitors post (comments here, leads too).

They cost a real person nothing and call no third party: a honeypot field, a minimum
fill time carried in a signed timestamp, and a per-IP rate limit kept in the shared cache.
Nothing here knows about comments; `leads` uses it as it is.
"""

import time
from functools import wraps

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

HONEYPOT_FIELD = "homepage_url"
_signer = signing.Signer(salt="antispam.issued")


def client_ip(request):
    """The visitor's address; X-Forwarded-For is trusted only as far as ANTISPAM_PROXY_COUNT says."""
    proxies = settings.ANTISPAM_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def issue_token(now=None):
    return _signer.sign(str(int(now if now is not None else time.time())))


def rate_limited(request, scope):
    """Count this request against the IP's allowance for `scope`; True once it is used up.
    The count lives in the cache, so every app server sees the same one."""
    limit, window = settings.ANTISPAM_RATE_LIMITS[scope]
    key = f"antispam:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
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
        self.fields["issued"].initial = issue_token()

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


def csrf_protect_sessions(view):
    """CSRF-check only requests from logged-in users.

    Public pages are cached whole, so their forms cannot carry a per-visitor CSRF token.
    A forged request from an anonymous visitor gains the attacker nothing that posting
    the form directly would not, while a logged-in (staff) user's session is still
    protected: their pages are never cached, so their forms do carry the token.
    """

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            rejection = CsrfViewMiddleware(lambda req: None).process_view(request, None, args, kwargs)
            if rejection is not None:
                return rejection
        return view(request, *args, **kwargs)

    return wrapped
