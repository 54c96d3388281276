"""Readiness checks: each fires on an article built to fail it and stays quiet on one that passes."""

import json

import pytest

from articles.images import draw_image
from articles.models import ReadinessSettings
from articles.readiness.checks import CHECKS
from articles.readiness.evaluate import evaluate
from articles.readiness.structured import structured_data_problems
from tests.readiness_support import body, passing_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_page(make_article):
    return make_article(title="Another guide", slug="another-guide")


@pytest.fixture
def build(make_article, organization, live_page):
    def build(**changes):
        fields = passing_fields(live_page)
        fields.update(changes)
        return make_article(**fields)

    return build


def problems(page):
    return {outcome.check.id: outcome.problem for outcome in evaluate(page).outcomes}


def test_a_well_made_article_passes_every_check(build):
    """An article with every field done right shows no readiness problem and scores 100."""
    page = build()
    assert problems(page) == {check.id: None for check in CHECKS}
    assert evaluate(page).score == 100


def undescribed_image():
    image = draw_image("Undescribed", size=(1600, 900))
    image.description = ""
    image.save()
    return image


def image_block(alt):
    image = {"image": draw_image("Chart").pk, "alt_text": alt, "decorative": False}
    return {"type": "image", "value": {"image": image, "caption": "", "credit": "Studio"}}


# check id, how to break it (page fields, given the live page to link to), words in the message
FAILURES = [
    ("seo_title", lambda live: {"seo_title": ""}, "no SEO title"),
    (
        "seo_title",
        lambda live: {"seo_title": "A long SEO title that goes on and on, well past what Google shows"},
        "65 characters",
    ),
    ("seo_title", lambda live: {"seo_title": "W" * 40}, "px wide"),
    ("description", lambda live: {"search_description": ""}, "no meta description"),
    ("description", lambda live: {"search_description": "Too short."}, "10 characters"),
    ("description", lambda live: {"search_description": "xy " * 60}, "179 characters"),
    ("social_image", lambda live: {"hero_image": None, "hero_credit": ""}, "no social or hero image"),
    ("social_image", lambda live: {"hero_image": draw_image("Small", size=(800, 600))}, "800×600"),
    ("image_alt", lambda live: {"hero_image": undescribed_image()}, "No alt text on the hero image"),
    ("image_alt", lambda live: {"body": body(live, blocks=[image_block("")])}, "the body image “Chart”"),
    ("hero_credit", lambda live: {"hero_credit": ""}, "no credit"),
    ("headings", lambda live: {"body": body(live, extra_html="<h1>Second title</h1>")}, "level 1 heading"),
    ("headings", lambda live: {"body": body(live, extra_html="<h4>Too deep</h4>")}, "skipping a level"),
    ("word_count", lambda live: {"body": body(live, words="Too few words.")}, "aim for at least 300"),
    ("internal_link", lambda live: {"body": body(None)}, "links to no other page"),
    ("slug", lambda live: {"slug": "the-way-to-do-it-and-how-to-do-it"}, "filler"),
    ("slug", lambda live: {"slug": "local-" + "search-" * 10 + "plumbers"}, "characters"),
]


@pytest.mark.parametrize(("check_id", "breaking", "expected"), FAILURES)
def test_each_check_fires_on_an_article_built_to_fail_it(build, live_page, check_id, breaking, expected):
    """Each check names the problem in plain words, and only that check fails."""
    failing = {key: value for key, value in problems(build(**breaking(live_page))).items() if value}
    assert list(failing) == [check_id]
    assert expected in failing[check_id]


def test_a_link_to_a_draft_fails_the_dead_link_check(build, make_article):
    """A body link to a page that is not live names that page."""
    draft = make_article(title="Draft guide", slug="draft-guide", publish=False)
    failing = {key: value for key, value in problems(build(body=body(draft))).items() if value}
    assert list(failing) == ["dead_links"]
    assert "Draft guide" in failing["dead_links"]


def test_a_publisher_without_logo_fails_the_structured_data_check(build, organization):
    """With no logo in Settings > Organization the article's JSON-LD is flagged."""
    organization.logo = None
    organization.save()
    failing = {key: value for key, value in problems(build()).items() if value}
    assert list(failing) == ["structured_data"]
    assert "the publisher has no logo" in failing["structured_data"]


def test_structured_data_check_flags_a_missing_logo_author_url_and_zoneless_date():
    """The JSON-LD check names a publisher without logo, an author without URL and a date without time zone."""
    graph = {
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Northwind", "url": "https://example.com/"},
            {"@type": "Person", "@id": "#maya", "name": "Maya"},
            {
                "@type": "BlogPosting",
                "@id": "#article",
                "headline": "Local search",
                "image": {"url": "https://example.com/a.jpg"},
                "datePublished": "2026-01-05T10:00:00",
                "dateModified": "2026-01-05T10:00:00+00:00",
                "author": [{"@id": "#maya"}],
                "publisher": {"@id": "#org"},
            },
        ]
    }
    found = structured_data_problems(json.loads(json.dumps(graph)))
    assert "the publisher has no logo" in found
    assert "the organization has no logo" in found
    assert "author Maya has no url" in found
    assert "datePublished “2026-01-05T10:00:00” has no time zone" in found
    assert not any("dateModified" in problem for problem in found)


def test_switched_off_check_does_not_run_and_limits_are_tuned_in_settings(build):
    """A check switched off in Settings > Readiness checks is not run; a tuned limit applies."""
    page = build(search_description="Short but fine for this site, honestly.")
    assert problems(page)["description"]
    limits = ReadinessSettings.for_site(page.get_site())
    limits.description_min = 20
    limits.save()
    assert problems(page)["description"] is None
    limits.word_count = False
    limits.save()
    assert "word_count" not in problems(page)


def test_every_demo_article_passes_every_check_but_the_draft_named_for_it():
    """After load_demo_content each demo article scores 100, except the draft kept failing on purpose."""
    from io import StringIO

    from django.core.management import call_command

    from articles.models import ArticlePage, ReadinessScore

    call_command("load_demo_content", force=True, stdout=StringIO())
    scores = dict(ReadinessScore.objects.values_list("page__slug", "score"))
    failing = {slug for slug, score in scores.items() if score < 100}
    assert failing == {"draft-that-fails-every-readiness-check"}
    assert len(scores) == ArticlePage.objects.count() >= 9
    assert not ArticlePage.objects.get(slug="draft-that-fails-every-readiness-check").live
