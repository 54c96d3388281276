"""The demo-content command and the environment-driven settings."""

import os
import secrets
import subprocess
import sys
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command

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
    call_command("load_demo_content", stdout=out)
    assert "admin / admin-demo-2026" in out.getvalue()
    first = row_counts()
    call_command("load_demo_content", stdout=StringIO())
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
        "django.core.cache.backends.redis.RedisCache",
    ], result.stderr
    result = run_python(code, DATABASE_URL="", REDIS_URL="")
    assert result.stdout.split()[0] == "django.db.backends.sqlite3"
