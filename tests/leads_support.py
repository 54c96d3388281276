"""Builders shared by the tests/test_leads_*.py modules (plain functions, no fixtures, so
tests/conftest.py stays as it is)."""

import time

from django.contrib.auth.models import Group, User

from antispam.defences import issue_token
from leads.models import Lead


def old_token(seconds=30):
    """A form token issued `seconds` ago: a person took that long to fill the form."""
    return issue_token(now=time.time() - seconds)


def callback_data(**overrides):
    data = {
        "name": "Priya Shah",
        "phone": "+44 20 7946 0958",
        "call_time": "morning",
        "message": "About local SEO",
        "consent": "on",
        "issued": old_token(),
        "homepage_url": "",
    }
    data.update(overrides)
    return data


def contact_data(**overrides):
    data = {
        "name": "Tom Baker",
        "email": "tom@example.org",
        "phone": "020 7946 0000",
        "company": "Baker & Sons",
        "service": "smm",
        "message": "We want more followers who buy.",
        "consent": "on",
        "issued": old_token(),
        "homepage_url": "",
    }
    data.update(overrides)
    return data


def make_user(username, group=None, **fields):
    user = User.objects.create_user(username, f"{username}@example.com", "pass-1234", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_lead(**fields):
    fields.setdefault("name", "Ada Lovelace")
    fields.setdefault("email", "ada@example.org")
    fields.setdefault("phone", "+44 1632 960000")
    fields.setdefault("service", "seo")
    return Lead.objects.create(**fields)
