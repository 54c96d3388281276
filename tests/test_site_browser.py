"""Real Chromium at phone and desktop widths: axe-core finds no accessibility problem of any
impact on any public page type, nothing scrolls sideways and the console stays clean."""

import os
from pathlib import Path

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from articles.models import Author, Category, StandardPage
from tests.comment_builders import make_comment
from tests.conftest import comparison_table, paragraph

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
PAGES = [
    "home",
    "index",
    "article",
    "author",
    "category",
    "tag",
    "standard",
    "search",
    "no_results",
    "contact",
    "not_found",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session")
def axe_script():
    if not AXE.exists():
        message = f"{AXE} is missing: run `npm ci` at the repository root"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return str(AXE)


@pytest.fixture
def site_urls(organization, index_page, make_article, author, image):
    """A small but complete site: organization details, menu, categories, tags, images, a table."""
    index_page.show_in_menus = True
    index_page.save_revision().publish()
    social = Category.objects.create(name="Social", slug="social")
    sam = Author.objects.create(name="Sam Lee", slug="sam-lee", job_title="Social lead")
    article = make_article(
        title="The difference between SEO and SMO",
        hero_image=image,
        hero_caption="Two channels",
        hero_credit="Studio North",
        body=[
            paragraph("<p>Search engine optimisation and social media optimisation differ.</p>"),
            {"type": "heading", "value": {"text": "Side by side", "anchor": ""}},
            comparison_table(),
            {
                "type": "quote",
                "value": {"text": "Be found, then be shared.", "attribution": "A client"},
            },
            {
                "type": "call_to_action",
                "value": {"title": "Want more reach?", "text": "Ask us.", "button_label": "Talk to us"},
            },
        ],
        tags=["seo", "smo"],
    )
    make_article(title="Writing posts people share", category=social, authors=[sam], tags=["smo"])
    make_article(title="Local search quick wins", hero_image=image, tags=["seo"])
    reply_to = make_comment(article, name="Ana")
    make_comment(article, name="Team", parent=reply_to)
    make_comment(article, name="Ben")
    privacy = index_page.get_parent().add_child(
        instance=StandardPage(
            title="Privacy notice", slug="privacy", body="<h2>What we keep</h2><p>Little.</p>"
        )
    )
    privacy.save_revision().publish()
    return {
        "home": "/",
        "index": "/articles/",
        "article": article.url,
        "author": "/articles/author/maya-okafor/",
        "category": "/articles/category/social/",
        "tag": "/articles/tag/seo/",
        "standard": privacy.url,
        "search": "/search/?q=optimisation",
        "no_results": "/search/?q=zzyzx",
        "contact": reverse("leads:contact"),
        "not_found": "/no-such-page/",
    }


def open_page(browser, live_server, url, width):
    viewport_width, height = WIDTHS[width]
    # axe-core is injected as an inline script, which the site's Content-Security-Policy refuses.
    context = browser.new_context(viewport={"width": viewport_width, "height": height}, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.goto(live_server.url + url, wait_until="load")
    return page, errors


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_fits_the_screen_and_logs_no_errors(
    browser, live_server, site_urls, axe_script, name, width
):
    """No axe-core violations of any impact, no sideways scrolling, no console errors."""
    page, errors = open_page(browser, live_server, site_urls[name], width)
    # Evaluated through DevTools: a <script> tag of test code would break the page's own CSP.
    page.evaluate(Path(axe_script).read_text())
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in results["violations"]
    ]
    assert violations == []
    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, "the page scrolls sideways"
    assert page.locator("main h1").count() == 1
    if name == "not_found":  # the page's own 404, and the console line Chromium writes for it
        errors = [
            e
            for e in errors
            if not e.startswith(
                ("404 ", "Failed to load resource: the server responded with a status of 404")
            )
        ]
    assert errors == []
    page.context.close()


def test_comparison_table_fits_a_phone(browser, live_server, site_urls):
    """On a 360 px phone the whole comparison table is readable without scrolling anything sideways."""
    page, errors = open_page(browser, live_server, site_urls["article"], "phone")
    region = page.locator(".table-scroll")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.locator(".table-scroll caption").inner_text() == "SEO and SMO side by side"
    assert errors == []
    page.context.close()


def test_skip_link_is_first_and_visible_on_focus(browser, live_server, site_urls):
    """Keyboard users reach a visible "Skip to content" link first, and it moves focus to the content."""
    page, _errors = open_page(browser, live_server, site_urls["article"], "desktop")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.context.close()


def test_copy_link_button_copies_the_canonical_url(browser, live_server, site_urls):
    """Where the Clipboard API works, "Copy link" appears and copies the article's address."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.goto(live_server.url + site_urls["article"])
    button = page.get_by_role("button", name="Copy link")
    button.click()
    expect(page.locator(".share__status")).to_have_text("Link copied.")
    expected = page.locator("[data-share-tools]").get_attribute("data-url")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    share_visible = page.evaluate("typeof navigator.share === 'function'")
    assert page.locator("[data-share]").is_visible() == share_visible
    context.close()
