"""The demo-content command and the environment-driven settings."""

import os
import re
import secrets
import subprocess
import sys
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

import pytest

from articles.models import ArticlePage, Author, Category, OrganizationSettings

ROOT = settings.BASE_DIR


def row_counts():
    """Rows in every table the project and Wagtail own (revisions and logs excluded)."""
    skip = {
        "wagtailcore.Revision",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.ReferenceIndex",
    }
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.label not in skip and not model._meta.proxy and model._meta.managed
    }


@pytest.mark.django_db
def test_demo_content_builds_the_site_and_is_idempotent(client):
    """Running the demo command twice builds the site once and changes nothing the second time."""
    out = StringIO()
    call_command("load_demo_content", "--force", stdout=out)
    assert "login admin / admin-demo-2026" in out.getvalue()
    first = row_counts()
    out = StringIO()
    call_command("load_demo_content", "--force", stdout=out)
    assert "login admin / admin-demo-2026" in out.getvalue()  # still the demo password: said again
    assert row_counts() == first
    assert ArticlePage.objects.live().count() >= 8
    assert Author.objects.count() >= 3 and Category.objects.count() >= 3
    assert User.objects.get(username="admin").is_superuser
    organization = OrganizationSettings.objects.get()
    assert organization.logo and organization.phone and organization.linkedin
    closed = ArticlePage.objects.get(comments_open=False)
    table = next(block for block in closed.body if block.block_type == "table")
    assert len(table.value["data"]) == 7  # header row + 6 rows
    credited = [
        b for a in ArticlePage.objects.all() for b in a.body if b.block_type == "image" and b.value["credit"]
    ]
    assert len(credited) >= 2
    assert any(b.block_type == "call_to_action" for a in ArticlePage.objects.all() for b in a.body)
    for article in ArticlePage.objects.live():
        assert client.get(article.url).status_code == 200
    privacy = client.get(settings.LEADS_PRIVACY_URL)
    assert privacy.status_code == 200 and "erased" in privacy.content.decode()


@pytest.mark.django_db
def test_demo_content_refuses_with_debug_off_unless_forced():
    """With DEBUG off (production settings) the demo command stops before touching anything."""
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_content", stdout=StringIO())
    assert not User.objects.exists() and not ArticlePage.objects.exists()


@pytest.mark.django_db
def test_demo_accounts_get_random_passwords_on_a_database_with_users():
    """On a database that already has users, new demo accounts get a fresh random password, printed once."""
    User.objects.create_user("someone", "someone@example.com", "their-own-password")
    out = StringIO()
    call_command("load_demo_content", "--force", stdout=out)
    admin = User.objects.get(username="admin")
    assert not admin.check_password("admin-demo-2026")
    assert not User.objects.get(username="editor").check_password("editor-demo-2026")
    printed = re.search(r"login admin / (\S+)", out.getvalue()).group(1)
    assert len(printed) >= 16 and admin.check_password(printed)


def clean_environment(**env):
    """The test process's environment without what the tests set for themselves."""
    drop = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **env}


def run_python(code, **env):
    environment = clean_environment(**env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def manage(*args, **env):
    environment = clean_environment(DJANGO_SETTINGS_MODULE="site_project.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )


STRONG_KEY = secrets.token_urlsafe(50)


def test_production_refuses_to_start_without_a_secret_key():
    """Production settings stop with a clear message when SECRET_KEY is missing or weak."""
    for key in ("", "short", "a" * 60, "dev-only-insecure-key-do-not-use-in-production-at-all"):
        result = manage("check", SECRET_KEY=key)
        assert result.returncode != 0
        assert "Set SECRET_KEY" in result.stderr


@pytest.mark.parametrize("base_url", ["", "http://blog.example.com", "ftp://127.0.0.1", "https://"])
def test_production_refuses_to_start_without_an_https_base_url(base_url):
    """Without an https SITE_BASE_URL (plain http only on loopback) production settings stop with a clear message."""
    result = manage("check", SECRET_KEY=STRONG_KEY, SITE_BASE_URL=base_url)
    assert result.returncode != 0
    assert "Set SITE_BASE_URL" in result.stderr


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8001", "http://localhost:8000", "http://[::1]:8000"])
def test_production_accepts_plain_http_on_loopback(base_url):
    """Local checks and benchmarks may run the production settings on loopback over http."""
    assert manage("check", SECRET_KEY=STRONG_KEY, SITE_BASE_URL=base_url).returncode == 0


@pytest.mark.parametrize("module", ["site_project.wsgi", "site_project.asgi"])
def test_wsgi_and_asgi_default_to_the_production_settings(module):
    """A server started without DJANGO_SETTINGS_MODULE runs production settings: no key, no start; DEBUG off."""
    result = run_python(f"import {module}")
    assert result.returncode != 0 and "Set SECRET_KEY" in result.stderr
    code = (
        f"import {module}; from django.conf import settings; print(settings.DEBUG, settings.SETTINGS_MODULE)"
    )
    result = run_python(code, SECRET_KEY=STRONG_KEY, SITE_BASE_URL="http://127.0.0.1:8000")
    assert result.stdout.split() == ["False", "site_project.settings.production"], result.stderr


def test_production_check_deploy_is_clean_on_https():
    """`check --deploy` has nothing to warn about when the site runs on https."""
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        SITE_BASE_URL="https://blog.example.com",
        ALLOWED_HOSTS="blog.example.com",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_on_loopback_http_does_not_force_https():
    """With an http base URL the same settings serve plain http: no redirect, no Secure-only cookies."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='site_project.settings.production'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.DEBUG)"
    )
    result = run_python(code, SECRET_KEY=STRONG_KEY, SITE_BASE_URL="http://127.0.0.1:8001")
    assert result.stdout.split() == ["False", "False", "False", "0", "False"], result.stderr
    result = run_python(code, SECRET_KEY=STRONG_KEY, SITE_BASE_URL="https://blog.example.com")
    assert result.stdout.split() == ["True", "True", "True", "31536000", "False"], result.stderr


def test_database_and_cache_come_from_the_environment():
    """DATABASE_URL and REDIS_URL configure the database and the shared cache."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='site_project.settings.dev'; django.setup();"
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.CACHES['default']['BACKEND'])"
    )
    result = run_python(
        code, DATABASE_URL="postgres://u@db.example:5432/blog", REDIS_URL="redis://cache:6379/1"
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "blog",
        "site_project.cache.FailOpenRedisCache",
    ], result.stderr
    result = run_python(code, DATABASE_URL="", REDIS_URL="")
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"
