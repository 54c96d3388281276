"""Staff sign-in: django-axes counts failed logins (per username and per address) and pauses
them; password reset emails are rate-limited per address and per email. Imports neither app."""

from django.contrib.auth.backends import ModelBackend

from wagtail.admin.views.account import PasswordResetView

from axes.backends import AxesStandaloneBackend

from antispam.defences import client_ip, rate_limited

PASSWORD_RESET_LIMITED = (
    "Several password reset emails were asked for in a short time. Please wait an hour and try "
    "again, or ask an administrator to reset your password."
)


def login_address(request):
    """The address axes counts failures against: the same one the form defences use (None, not
    "", when there is none: the attempts table stores it in an IP address column)."""
    return client_ip(request) or None


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the real backends. A call without a request is no web sign-in (the
    shell, a test client's login()): there is nothing to count, so it is left to them."""

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # Sessions stamped with the first backend (Wagtail's test helpers do so) still load their user.
        return ModelBackend().get_user(user_id)


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, limited so that nobody can flood an inbox or the mail server."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        by_address = rate_limited(self.request, "password_reset")
        by_email = rate_limited(self.request, "password_reset_email", key=email)  # counted either way
        if by_address or by_email:
            form.add_error("email", PASSWORD_RESET_LIMITED)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
