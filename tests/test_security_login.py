"""Staff sign-in: throttled per username and per address, unlockable; password reset rate-limited."""

from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

import pytest

LOGIN = "/admin/login/"
RESET = "/admin/password_reset/"


@pytest.fixture
def maya(db):
    return User.objects.create_superuser("maya", "maya@example.com", "right-password-2026")


def sign_in(client, username, password, address="203.0.113.5"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_twelve_wrong_passwords_then_the_right_one_does_not_sign_in(client, maya):
    """After repeated failures the right password is refused too, with a clear message."""
    for _ in range(12):
        sign_in(client, "maya", "guess")
    response = sign_in(client, "maya", "right-password-2026")
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert not signed_in(client)
    # From another address too: the username itself is paused.
    assert sign_in(Client(), "maya", "right-password-2026", address="198.51.100.7").status_code == 429


def test_failures_from_one_address_pause_every_username_from_it(client, maya):
    """Guessing many usernames from one address pauses that address, not the account elsewhere."""
    for n in range(6):
        sign_in(client, f"user{n}", "guess")
    assert sign_in(client, "maya", "right-password-2026").status_code == 429
    other = Client()
    assert sign_in(other, "maya", "right-password-2026", address="198.51.100.7").status_code == 302
    assert signed_in(other)


def test_a_few_mistakes_do_not_lock_anyone_out(client, maya):
    """Fewer failures than the limit, then the right password, signs in and clears the count."""
    for _ in range(3):
        assert sign_in(client, "maya", "guess").status_code == 200
    assert sign_in(client, "maya", "right-password-2026").status_code == 302
    assert signed_in(client)


def test_an_administrator_can_lift_the_pause(client, maya):
    """`manage.py axes_reset_username NAME` (or axes_reset) lets the person sign in at once."""
    for _ in range(6):
        sign_in(client, "maya", "guess", address="198.51.100.9")
    assert sign_in(client, "maya", "right-password-2026").status_code == 429
    call_command("axes_reset_username", "maya")
    call_command("axes_reset_ip", "198.51.100.9")
    assert sign_in(client, "maya", "right-password-2026").status_code == 302


def test_password_reset_is_rate_limited_per_email_and_per_address(client, maya):
    """Asking again and again for reset emails stops after a few, with a message; nothing floods the inbox."""
    cache.clear()
    statuses = [
        client.post(RESET, {"email": "MAYA@example.com"}, REMOTE_ADDR=f"192.0.2.{n}").status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    response = client.post(RESET, {"email": "maya@example.com"}, REMOTE_ADDR="192.0.2.99")
    assert "Please wait an hour" in response.content.decode()
    for n in range(6):  # one address asking for many emails
        last = client.post(RESET, {"email": f"someone{n}@example.com"}, REMOTE_ADDR="192.0.2.200")
    assert last.status_code == 429
    cache.clear()
