"""WordPress shortcodes and block-editor comments, dealt with before the HTML is parsed:
the few with a meaning here become HTML the body converter understands ([caption],
[embed], [gallery]); every other one is removed (its enclosed text kept) and named."""

import re

from django.utils.html import escape

_CAPTION = re.compile(r"\[(?:caption|wp_caption)\b[^\]]*\](.*?)\[/(?:caption|wp_caption)\]", re.I | re.S)
_CAPTION_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.I | re.S)
_EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.I | re.S)
_GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
_IDS = re.compile(r"""\bids\s*=\s*["']?([\d,\s]+)""", re.I)
# [name ...] or [/name]; a name starts with a letter, so "[1]" footnotes are left alone.
_SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)(?:\s[^\[\]]*)?/?\]", re.I)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_MORE_COMMENT = re.compile(r"<!--\s*(?:more|nextpage|noteaser)\b.*?-->", re.I | re.S)
# Bare media URLs alone on a line, which WordPress turns into embeds.
_EMBED_LINE = re.compile(
    r"^[ \t]*(https?://(?:www\.)?(?:youtube\.com/watch\?\S+|youtu\.be/\S+|vimeo\.com/\d+\S*))[ \t]*$",
    re.I | re.M,
)


def _caption(match):
    inner = _CAPTION_IMAGE.match(match.group(1))
    if not inner:
        return match.group(1)
    image, caption = inner.groups()
    return f"<figure>{image}<figcaption>{caption.strip()}</figcaption></figure>"


def _embed_figure(url):
    return f'\n\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{escape(url.strip())}</div></figure>\n\n'


def _gallery(match):
    ids = _IDS.search(match.group(1))
    if not ids:
        return ""
    numbers = [n for n in re.split(r"[,\s]+", ids.group(1)) if n]
    return "".join(f'\n\n<img class="wp-image-{n}" src="" alt="">\n\n' for n in numbers)


def prepare(html, warn):
    """The post's HTML with shortcodes and editor comments dealt with; `warn` hears of each
    kind that was removed."""
    block_comments = len(_BLOCK_COMMENT.findall(html))
    if block_comments:
        warn(f"{block_comments} block-editor comment(s) removed")
    html = _MORE_COMMENT.sub("", _BLOCK_COMMENT.sub("", html))
    html = _CAPTION.sub(_caption, html)
    html = _EMBED.sub(lambda m: _embed_figure(m.group(1)), html)
    html = _EMBED_LINE.sub(lambda m: _embed_figure(m.group(1)), html)
    html = _GALLERY.sub(_gallery, html)
    removed = sorted({match.group(2).lower() for match in _SHORTCODE.finditer(html)})
    if removed:
        warn("unknown shortcode(s) removed: " + ", ".join(f"[{name}]" for name in removed))
        html = _SHORTCODE.sub("", html)
    return html


_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|figure|figcaption|blockquote|pre|hr|"
    r"section|article|aside|header|footer|address|dl|dd|dt|form|iframe|script|style)\b",
    re.I,
)


def autop(html):
    """Classic-editor posts are stored without <p>: blank lines end paragraphs and single
    line breaks are <br>, as WordPress shows them. Chunks that start with a block are kept."""
    chunks = re.split(r"\n\s*\n", html.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + re.sub(r"\s*\n\s*", "<br>\n", chunk.strip()) + "</p>")
    return "\n".join(out)
