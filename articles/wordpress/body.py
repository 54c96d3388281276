"""A WordPress post's HTML as article body blocks: rich text, headings, images with caption
and credit, comparison tables, quotes and embeds; never one big HTML blob.

Parsed with BeautifulSoup on the standard library's forgiving parser (a malformed fragment
still yields its text); rich text then goes through the same Draftail conversion the editor
uses when it saves, so links and formatting are stored the way Wagtail stores its own.
"""

import re

from django.utils.html import escape

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from bs4 import BeautifulSoup, Comment, NavigableString

from articles.blocks import RICH_TEXT_FEATURES

from . import shortcodes

CREDIT = re.compile(r"(?:^|[\s.;,(])(?:image|photo|picture)\s+credit\s*:\s*(.+?)\)?\s*$", re.I | re.S)
RICH_TAGS = {"ul", "ol", "h3", "h4", "h5", "h6", "pre", "dl"}
HEADING_TAGS = {"h1", "h2"}
CONTAINER_TAGS = {"div", "section", "article", "main", "header", "footer", "aside", "center", "span", "body"}
DROPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "object",
    "svg",
}
IMAGE_MARKER = "\u2063wp-image\u2063"  # stands in for a picture while its paragraph is split
CAPTION_MAX, CREDIT_MAX, HEADING_MAX, ANCHOR_MAX = 250, 120, 120, 60
_VIDEO_EMBEDS = [
    (re.compile(r"(?:youtube(?:-nocookie)?\.com/embed/)([\w-]+)"), "https://www.youtube.com/watch?v={}"),
    (re.compile(r"player\.vimeo\.com/video/(\d+)"), "https://vimeo.com/{}"),
]


def rich_text(html, features=RICH_TEXT_FEATURES):
    """HTML as Wagtail stores rich text, limited to `features`; "" when nothing is left."""
    converter = ContentstateConverter(features)
    well_formed = str(BeautifulSoup(html, "html.parser"))
    stored = converter.to_database_format(converter.from_database_format(well_formed))
    return stored if BeautifulSoup(stored, "html.parser").get_text(strip=True) else ""


def split_credit(text):
    """("A chart of visits.", "Jane Doe") from "A chart of visits. Image credit: Jane Doe"."""
    match = CREDIT.search(text)
    if not match:
        return " ".join(text.split()), ""
    return " ".join(text[: match.start()].split()).rstrip(" -–—|("), " ".join(match.group(1).split())


class BodyConverter:
    """convert(html) -> raw StreamField data. `find_image(src, attachment_id)` returns a
    library image or None; `warn(message)` is told what needs a person (the caller names the post)."""

    def __init__(self, find_image, warn, old_site=""):
        self.find_image = find_image
        self.warn = warn
        self.old_site = old_site.rstrip("/")

    def convert(self, html):
        self.blocks, self.pending = [], []
        html = shortcodes.autop(shortcodes.prepare(html, self.warn))
        soup = BeautifulSoup(html, "html.parser")
        self.relink(soup)
        for node in list(soup.contents):
            self.visit(node)
        self.flush()
        return self.blocks

    def relink(self, soup):
        """Links to the old site's posts become paths here, which its redirects answer."""
        if not self.old_site:
            return
        for link in soup.find_all("a", href=True):
            href = link["href"].strip()
            if href.startswith(self.old_site + "/") and "/wp-content/" not in href:
                link["href"] = href[len(self.old_site) :]

    # -- output ----------------------------------------------------------------------

    def flush(self):
        if self.pending:
            html, self.pending = "".join(self.pending), []
            try:
                stored = rich_text(html)
            except Exception:  # the Draftail converter asserts on nesting it cannot map
                text = BeautifulSoup(html, "html.parser").get_text("\n", strip=True)
                stored = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
                self.warn(f"formatting lost in a passage it could not read: “{' '.join(text.split())[:40]}…”")
            if stored:
                self.blocks.append({"type": "paragraph", "value": stored})

    def add(self, block_type, value):
        self.flush()
        self.blocks.append({"type": block_type, "value": value})

    def _clip(self, text, limit, what):
        if len(text) > limit:
            self.warn(f"{what} cut to {limit} characters: “{text[:40]}…”")
            return text[: limit - 1] + "…"
        return text

    # -- nodes -----------------------------------------------------------------------

    def visit(self, node):
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            if node.strip():
                self.pending.append(str(node))
            return
        name = node.name.lower()
        if name in DROPPED_TAGS:
            self.warn(f"<{name}> element removed")
        elif name in HEADING_TAGS:
            self.heading(node)
        elif name == "li":  # a list item outside any list, as malformed posts have
            self.pending.append(f"<ul>{node}</ul>")
        elif name in RICH_TAGS:
            if name in ("h5", "h6"):
                node.name = "h4"
            self.pending.append(str(node))
        elif name == "table":
            self.table(node)
        elif name == "figure":
            self.figure(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "iframe":
            self.iframe(node)
        elif name == "img":
            self.image(node)
        elif name == "hr":
            self.flush()
        elif name in CONTAINER_TAGS:
            for child in list(node.contents):
                self.visit(child)
        elif node.find("img"):
            self.with_images(node)
        elif name == "p" and self.credit_line(node):
            return
        else:
            self.pending.append(str(node))

    def with_images(self, node):
        """A paragraph (or link) holding pictures: the text before, each image, the text after."""
        images = node.find_all("img")
        for img in images:
            img.replace_with(NavigableString(IMAGE_MARKER))
        parts = str(node).split(IMAGE_MARKER)
        for position, part in enumerate(parts):
            text = BeautifulSoup(part, "html.parser").get_text(" ", strip=True)
            if text and not (position and self.take_credit(text)):
                self.pending.append(part)
            if position < len(images):
                self.image(images[position])

    def credit_line(self, paragraph):
        return self.take_credit(paragraph.get_text(" ", strip=True))

    def take_credit(self, text):
        """ "Image credit: ..." right under a picture is that picture's credit, not text."""
        caption, credit = split_credit(text)
        if not credit or caption or self.pending or not self.blocks or self.blocks[-1]["type"] != "image":
            return False
        value = self.blocks[-1]["value"]
        if value["credit"]:
            return False
        value["credit"] = self._clip(credit, CREDIT_MAX, "Image credit")
        return True

    def heading(self, node):
        text = self._clip(node.get_text(" ", strip=True), HEADING_MAX, "Heading")
        if text:
            self.add("heading", {"text": text, "anchor": (node.get("id") or "")[:ANCHOR_MAX]})

    def table(self, node, caption=""):
        rows = []
        for tr in node.find_all("tr"):
            rows.append([cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])])
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = node.find("tr")
        header = bool(node.find("thead")) or (first is not None and not first.find("td"))
        caption = caption or (node.caption.get_text(" ", strip=True) if node.caption else "")
        self.add(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_header_choice": "row" if header else "neither",
                "table_caption": caption,
            },
        )

    def figure(self, node):
        figcaption = node.find("figcaption")
        caption_text = figcaption.get_text(" ", strip=True) if figcaption else ""
        classes = node.get("class") or []
        if node.find("table"):
            self.table(node.find("table"), caption=caption_text)
        elif "wp-block-embed" in classes or node.find(class_="wp-block-embed__wrapper"):
            url = node.get_text(" ", strip=True).split(" ")[0] if node.get_text(strip=True) else ""
            self.embed(url)
        elif node.find("blockquote"):
            self.quote(node.find("blockquote"))
        elif node.find("img"):
            caption, credit = split_credit(caption_text)
            for position, img in enumerate(node.find_all("img")):
                self.image(img, caption if position == 0 else "", credit if position == 0 else "")
        else:
            for child in list(node.contents):
                self.visit(child)

    def quote(self, node):
        cite = node.find(["cite", "footer"])
        attribution = cite.get_text(" ", strip=True) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [p.get_text(" ", strip=True) for p in node.find_all("p")] or [
            node.get_text(" ", strip=True)
        ]
        text = "\n\n".join(p for p in paragraphs if p)
        if text:
            self.add(
                "quote",
                {
                    "text": text,
                    "attribution": self._clip(attribution.lstrip("—– "), 120, "Quote attribution"),
                },
            )

    def iframe(self, node):
        src = node.get("src", "")
        for pattern, template in _VIDEO_EMBEDS:
            match = pattern.search(src)
            if match:
                self.embed(template.format(match.group(1)))
                return
        self.warn(f"embedded frame {src or '(no address)'} removed")

    def embed(self, url):
        if re.match(r"https?://", url):
            self.add("embed", url)
        else:
            self.warn("an embed without an address was removed")

    def image(self, img, caption="", credit=""):
        src = img.get("src", "")
        match = re.search(r"\bwp-image-(\d+)\b", " ".join(img.get("class") or []))
        image = self.find_image(src, int(match.group(1)) if match else None)
        if image is None:
            return
        alt = (img.get("alt") or "").strip() or image.description
        self.add(
            "image",
            {
                "image": {"image": image.pk, "alt_text": alt, "decorative": False},
                "caption": self._clip(caption, CAPTION_MAX, "Image caption"),
                "credit": self._clip(credit, CREDIT_MAX, "Image credit"),
            },
        )
