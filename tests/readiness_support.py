"""Builders for readiness tests: an article that passes every check, and ways to break it."""

from articles.images import draw_image

WORDS = " ".join(f"word{n}" for n in range(320))


def body(link_to=None, words=WORDS, extra_html="<h3>A detail</h3><p>More.</p>", blocks=()):
    """A body with an h2, enough words, an internal link to page `link_to` and an h3."""
    link = f' <a linktype="page" id="{link_to.pk}">our guide</a>' if link_to else ""
    return [
        {"type": "heading", "value": {"text": "Start here", "anchor": ""}},
        {"type": "paragraph", "value": f"<p>{words}{link}</p>{extra_html}"},
        *blocks,
    ]


def passing_fields(other_page):
    """Page fields that satisfy every readiness check; `other_page` is a live page to link to."""
    return {
        "title": "Local search for plumbers",
        "slug": "local-search-plumbers",
        "seo_title": "Local search for plumbers: a checklist",
        "search_description": "Twelve checks that help a plumber show up when people nearby search, "
        "from business profiles to reviews.",
        "intro": "Plumbers win work from people nearby.",
        "hero_image": draw_image("Hero", size=(1600, 900)),
        "hero_credit": "Studio",
        "body": body(other_page),
    }
