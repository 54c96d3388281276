"""The readiness rules. Each takes the page's Facts and the site's ReadinessSettings and
returns what is wrong (a sentence), or None when the page passes."""

from collections.abc import Callable
from dataclasses import dataclass

from articles.readiness.measure import text_width
from articles.readiness.structured import structured_data_problems

STOP_WORDS = {
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "do",
    "does",
    "each",
    "for",
    "from",
    "how",
    "in",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "one",
    "or",
    "so",
    "than",
    "that",
    "the",
    "their",
    "this",
    "to",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "you",
    "your",
}


@dataclass(frozen=True)
class Check:
    id: str
    name: str  # what is wrong, as the Checks panel heads it
    fix: str  # how to put it right, in plain words
    test: Callable


def seo_title(facts, limits):
    title = facts.page.seo_title.strip()
    if not title:
        return f"There is no SEO title, so search results show “{facts.meta.title}”."
    if len(title) > limits.title_max_chars:
        return f"The SEO title has {len(title)} characters; Google shows about {limits.title_max_chars}."
    if text_width(title) > limits.title_max_px:
        return (
            f"The SEO title is about {text_width(title)}px wide; Google shows about {limits.title_max_px}px."
        )
    return None


def description(facts, limits):
    text = " ".join(facts.page.search_description.split())
    if not text:
        return "There is no meta description, so search engines pick a snippet themselves."
    if not limits.description_min <= len(text) <= limits.description_max:
        return (
            f"The meta description has {len(text)} characters; "
            f"aim for {limits.description_min} to {limits.description_max}."
        )
    return None


def social_image(facts, limits):
    image = facts.social_image
    if image is None:
        return "There is no social or hero image, so shares show the logo or nothing."
    if image.width < limits.image_min_width or image.height < limits.image_min_height:
        return (
            f"The sharing image is {image.width}×{image.height}; "
            f"networks want at least {limits.image_min_width}×{limits.image_min_height}."
        )
    return None


def image_alt(facts, limits):
    missing = []
    page = facts.page
    if page.hero_image and not (page.hero_image.description or "").strip():
        missing.append(f"the hero image “{page.hero_image.title}”")
    missing += [f"the body image “{image.title}”" for image, alt, _credit in facts.body_images if alt == ""]
    return f"No alt text on {', '.join(missing)}." if missing else None


def hero_credit(facts, limits):
    if facts.page.hero_image and not facts.page.hero_credit.strip():
        return "The hero image has no credit."
    return None


def headings(facts, limits):
    previous = 1
    for level, text in facts.headings:
        if level == 1:
            return f"“{text}” is a level 1 heading; the title is the page's only one."
        if level > previous + 1:
            return f"“{text}” (level {level}) follows a level {previous} heading, skipping a level."
        previous = level
    return None


def word_count(facts, limits):
    if facts.word_count < limits.min_words:
        return f"The article has {facts.word_count} words; aim for at least {limits.min_words}."
    return None


def internal_link(facts, limits):
    if not facts.linked_page_ids and not facts.internal_hrefs:
        return "The body links to no other page of this site."
    return None


def dead_links(facts, limits):
    if facts.dead_links:
        return f"The body links to pages readers cannot open: {', '.join(facts.dead_links)}."
    return None


def slug(facts, limits):
    value = facts.page.slug
    words = [word for word in value.split("-") if word]
    stop = [word for word in words if word in STOP_WORDS]
    if len(value) > limits.slug_max_chars:
        return f"The slug has {len(value)} characters; keep it under {limits.slug_max_chars}."
    if words and len(stop) * 2 > len(words):
        return f"Most of the slug's words are filler ({', '.join(stop)})."
    return None


def structured_data(facts, limits):
    problems = structured_data_problems(facts.json_ld)
    if problems:
        return "The page's structured data: " + "; ".join(problems) + "."
    return None


CHECKS = [
    Check(
        "seo_title",
        "SEO title missing or too long",
        "Write an SEO title in Promote of at most about 60 characters, the words searchers use first.",
        seo_title,
    ),
    Check(
        "description",
        "Meta description missing or the wrong length",
        "Write a search description in Promote of 50 to 160 characters that promises what the page gives.",
        description,
    ),
    Check(
        "social_image",
        "No sharing image, or one too small",
        "Choose a social or hero image of at least 1200×630 pixels.",
        social_image,
    ),
    Check(
        "image_alt",
        "Image without alt text",
        "Give every image a description (alt text) that says what it shows, or mark it decorative.",
        image_alt,
    ),
    Check(
        "hero_credit",
        "Hero image without credit",
        "Fill in the hero image's credit: who made or owns it.",
        hero_credit,
    ),
    Check(
        "headings",
        "Headings out of order",
        "Use headings in order (level 2, then 3 inside it) and no level 1 heading in the body.",
        headings,
    ),
    Check(
        "word_count",
        "Article too short",
        "Write at least 300 words that answer the reader's question.",
        word_count,
    ),
    Check(
        "internal_link",
        "No internal link",
        "Link to at least one related page of this site from the body text.",
        internal_link,
    ),
    Check(
        "dead_links",
        "Link to a page that is not live",
        "Publish the linked page or link to a live one instead.",
        dead_links,
    ),
    Check(
        "slug",
        "Slug too long or full of stop words",
        "Shorten the slug in Promote to a few meaningful words, without “the”, “and”, “of”.",
        slug,
    ),
    Check(
        "structured_data",
        "Structured data incomplete",
        "Google's rich results need a headline, an image, dates with time zone, authors with a profile "
        "URL and the publisher's logo (Settings > Organization).",
        structured_data,
    ),
]
CHECKS_BY_ID = {check.id: check for check in CHECKS}
