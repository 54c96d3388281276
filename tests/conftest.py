"""Shared fixtures: a site tree, article builders and a real Chromium for browser tests."""

import json
import os
import shutil

import django
from django.core.cache import cache, caches
from django.db import connections

from wagtail.models import Page, Site

import pytest

from articles.images import draw_image
from articles.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    Author,
    Category,
    HomePage,
    OrganizationSettings,
)

# Playwright's sync API runs an event loop in the test thread; the live server's
# database calls are still made synchronously from Django's own threads.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no submissions counted against its IP address (the rate limits
    and other cached values live in the test cache, which no test should inherit)."""
    for store in (cache, caches["shared"]):
        store.clear()
    yield
    for store in (cache, caches["shared"]):
        store.clear()


@pytest.fixture
def home(db):
    """A home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.objects.get(depth=1)
    home = root.add_child(
        instance=HomePage(title="Northwind Digital", slug="home-page", intro="We grow brands.")
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def index_page(home):
    return home.add_child(
        instance=ArticleIndexPage(title="Articles", slug="articles", intro="Ideas and guides.")
    )


@pytest.fixture
def author(db):
    return Author.objects.create(
        name="Maya Okafor", slug="maya-okafor", job_title="Head of SEO", bio="Writes."
    )


@pytest.fixture
def category(db):
    return Category.objects.create(name="Search", slug="search")


def paragraph(html):
    return {"type": "paragraph", "value": html}


def comparison_table(rows=6, caption="SEO and SMO side by side"):
    data = [["#", "SEO", "SMO"]] + [
        [str(n), f"Search point {n}", f"Social point {n}"] for n in range(1, rows + 1)
    ]
    return {
        "type": "table",
        "value": {
            "data": data,
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


@pytest.fixture
def make_article(index_page, author, category):
    """make_article(title=..., body=[...blocks...], authors=[...], **fields) -> a published ArticlePage."""

    def make(title="Ten ways to rank", body=None, authors=None, tags=(), publish=True, **fields):
        fields.setdefault("intro", "A short introduction to the article.")
        fields.setdefault("category", category)
        page = ArticlePage(
            title=title,
            body=json.dumps(body if body is not None else [paragraph("<p>Body text for the article.</p>")]),
            live=publish,
            **fields,
        )
        page.article_authors = [
            ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors or [author])
        ]
        index_page.add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def organization(home):
    """The agency's details filled in, as an editor would in Settings > Organization."""
    settings = OrganizationSettings.for_site(home.get_site())
    settings.name = "Northwind Digital"
    settings.tagline = "Search and social, done properly"
    settings.logo = draw_image("Logo", size=(300, 300))
    settings.phone = "+44 20 7946 0000"
    settings.email = "hello@example.com"
    settings.street_address = "1 Quay Street"
    settings.locality = "Bristol"
    settings.postal_code = "BS1 4AA"
    settings.country = "GB"
    settings.linkedin = "https://www.linkedin.com/company/northwind-example"
    settings.x = "https://x.com/northwind_example"
    settings.x_handle = "@northwind"
    settings.save()
    return settings


@pytest.fixture
def use_mail_backend(settings):
    """use_mail_backend(path, host=..., port=..., timeout=...): switch the mail backend the way
    the running Django reads it (MAILERS from Django 6.1, EMAIL_* settings before)."""

    def use(backend, **options):
        if django.VERSION >= (6, 1):
            settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": options}}
        else:
            settings.EMAIL_BACKEND = backend
            for name, value in options.items():
                setattr(settings, f"EMAIL_{name.upper()}", value)

    return use


@pytest.fixture
def image(db):
    return draw_image("A test picture", size=(800, 450))


# --- Browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Share the database snapshot that `serialized_rollback` restores with every connection.

    Playwright's sync API runs tests inside its own event-loop context, where Django hands
    out a fresh connection object that lacks the snapshot taken at set-up; without it a
    transactional test after another would start from a flushed database (no root page,
    no groups from the data migrations).
    """
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium; Playwright never downloads a browser of its own here."""
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is not installed")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def mute_editing_session_release(context):
    """The page editor sends a "release" beacon to the live server as it closes; arriving while
    the test's database is being flushed, its write fails the teardown ("database table is
    locked"). No test here looks at editing sessions, so the beacon never leaves the browser."""
    context.route("**/editing-sessions/release/**", lambda route: route.abort())
    return context


@pytest.fixture
def context(context):
    return mute_editing_session_release(context)


@pytest.fixture
def console_errors(page):
    """Collects console errors and uncaught exceptions from the Playwright page."""
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} {message.location.get('url', '')}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors
