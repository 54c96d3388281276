"""What a commenter may write: the source page's allow-list of inline HTML, nothing else.

Bodies are cleaned with nh3 (the Rust `ammonia` sanitiser) when they are stored, so
templates can print them as they are. Names are plain text; websites are http(s) only.
"""

import html
import re

import nh3

# Exactly the tags and attributes the source page offered its commenters.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "acronym": {"title"},
    "b": set(),
    "blockquote": {"cite"},
    "cite": set(),
    "code": set(),
    "del": {"datetime"},
    "em": set(),
    "i": set(),
    "q": {"cite"},
    "strike": set(),
    "strong": set(),
}
ALLOWED_TAGS = set(ALLOWED_ATTRIBUTES)
# Added by us, never accepted from the writer: the paragraphs made from line breaks.
LAYOUT_TAGS = {"p", "br"}
LINK_REL = "nofollow ugc noopener"
URL_SCHEMES = {"http", "https"}
URL_ATTRIBUTES = {"href", "cite"}
# Tags whose content goes too, not just the tag: code, styling and embedded documents.
DROP_WITH_CONTENT = {"script", "style", "iframe", "svg", "math", "template", "noscript", "object", "textarea"}


def allowed_html_description():
    """The list shown under the comment box: "a href title, abbr title, ..."."""
    return ", ".join(" ".join([tag, *sorted(attributes)]) for tag, attributes in ALLOWED_ATTRIBUTES.items())


def _only_absolute_web_urls(tag, attribute, value):
    """Keep link targets only when they are absolute http(s) URLs: no javascript:, data:,
    or relative paths that would point inside our own site."""
    if attribute in URL_ATTRIBUTES:
        return value if re.match(r"https?://[^\s/]", value.strip(), re.IGNORECASE) else None
    return value


def _clean(value, tags):
    return nh3.clean(
        value,
        tags=tags,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes={tag: ALLOWED_ATTRIBUTES.get(tag, set()) for tag in tags},
        attribute_filter=_only_absolute_web_urls,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def sanitize_body(text):
    """The writer's text as safe HTML: allowed inline tags kept, everything else stripped,
    blank lines starting new paragraphs and single line breaks kept as <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Block tags the writer used are not kept, but the breaks they meant are.
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"</(?:p|div)\s*>", "\n\n", text, flags=re.IGNORECASE)
    inline = _clean(text, ALLOWED_TAGS).strip()
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", inline) if part.strip()]
    html_text = "".join("<p>{}</p>".format(part.replace("\n", "<br>\n")) for part in paragraphs)
    # A second pass repairs nesting (a <blockquote> cannot sit inside a <p>) and drops empties.
    cleaned = _clean(html_text, ALLOWED_TAGS | LAYOUT_TAGS)
    return cleaned.replace("<p></p>", "")


def plain_text(value, paragraphs=False):
    """Text with every tag (and script or style content) removed, whitespace collapsed:
    to one line, or (`paragraphs`, for emails) keeping line breaks and blank lines between
    paragraphs. Stored unescaped: templates escape it when they print it."""
    # Where a block or line ends the words must stay apart, so breaks go in before tags go.
    text = re.sub(r"<br\s*/?>\n?", "\n", value, flags=re.IGNORECASE)
    text = re.sub(r"</(?:p|div|blockquote|li|h[1-6])\s*>", "\n\n", text, flags=re.IGNORECASE)
    text = html.unescape(_clean(text, set()))
    text = re.sub(r"[<>]", "", text)  # an escaped tag typed as text is still not wanted
    if not paragraphs:
        return " ".join(text.split())
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        if any(lines):
            blocks.append("\n".join(line for line in lines if line))
    return "\n\n".join(blocks)


def link_targets(body_html):
    """Every URL a body links to or mentions, deduplicated (for the link-count rule)."""
    hrefs = re.findall(r'href="([^"]+)"', body_html)
    text = re.sub(r"<[^>]+>", " ", body_html)
    bare = re.findall(r"(?:https?://|www\.)[^\s<>\"']+", html.unescape(text), re.IGNORECASE)
    return {html.unescape(url).rstrip(".,;:!?)").lower() for url in [*hrefs, *bare]}
