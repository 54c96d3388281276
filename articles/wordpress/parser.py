"""A streaming, hardened reader for WordPress eXtended RSS (WXR 1.0-1.2) exports.

defusedxml refuses entity declarations and external references before anything expands,
and each top-level element is dropped from the tree once read, so memory stays flat
however many posts the file holds.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import ParseError

from django.utils import timezone

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import iterparse

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
WP_NS_PREFIX = "http://wordpress.org/export/"  # then 1.0/, 1.1/ or 1.2/ (and .../excerpt/)


class WXRError(Exception):
    """The file cannot be imported; the message says why in words a person can act on."""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    login: str
    email: str
    display_name: str
    first_name: str = ""
    last_name: str = ""
    description: str = ""


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str
    name: str
    description: str = ""
    term_id: str = ""


@dataclass
class Comment:
    wp_id: int
    parent_id: int
    author: str
    email: str
    url: str
    ip: str
    date: datetime | None
    content: str
    approved: str  # "1", "0", "spam", "trash", "post-trashed"
    type: str  # "" or "comment" for comments; "pingback", "trackback"
    user_id: int


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    slug: str
    status: str
    date: datetime | None
    modified: datetime | None
    comment_status: str
    parent_id: int
    password: str
    attachment_url: str
    terms: list = field(default_factory=list)  # [(taxonomy, slug, name)]
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


def _short(tag):
    """ "{http://wordpress.org/export/1.2/}post_id" -> "wp:post_id", whatever the WXR version."""
    if not tag.startswith("{"):
        return tag
    namespace, _, local = tag[1:].partition("}")
    if namespace.startswith(WP_NS_PREFIX):
        return ("excerpt:" if namespace.rstrip("/").endswith("excerpt") else "wp:") + local
    return {CONTENT_NS: "content:", DC_NS: "dc:"}.get(namespace, "") + local


def _children(element):
    """{short name: text} of an element's direct children (the last wins)."""
    return {_short(child.tag): (child.text or "").strip() for child in element}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def parse_date(gmt, local=""):
    """WordPress dates are "YYYY-MM-DD HH:MM:SS"; drafts carry "0000-00-00 ..." as GMT."""
    for value, zone in ((gmt, UTC), (local, timezone.get_current_timezone())):
        try:
            return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
        except (TypeError, ValueError):
            continue
    return None


def _comment(element):
    values = _children(element)
    return Comment(
        wp_id=_int(values.get("wp:comment_id")),
        parent_id=_int(values.get("wp:comment_parent")),
        author=values.get("wp:comment_author", ""),
        email=values.get("wp:comment_author_email", ""),
        url=values.get("wp:comment_author_url", ""),
        ip=values.get("wp:comment_author_IP", ""),
        date=parse_date(values.get("wp:comment_date_gmt"), values.get("wp:comment_date")),
        content=next((c.text or "" for c in element if _short(c.tag) == "wp:comment_content"), ""),
        approved=values.get("wp:comment_approved", "0"),
        type=values.get("wp:comment_type", ""),
        user_id=_int(values.get("wp:comment_user_id")),
    )


def _item(element):
    values = _children(element)
    item = Item(
        wp_id=_int(values.get("wp:post_id")),
        post_type=values.get("wp:post_type", "post"),
        title=values.get("title", ""),
        link=values.get("link", ""),
        guid=values.get("guid", ""),
        creator=values.get("dc:creator", ""),
        # Body text keeps its whitespace: blank lines are paragraph breaks in classic posts.
        content=next((c.text or "" for c in element if _short(c.tag) == "content:encoded"), ""),
        excerpt=values.get("excerpt:encoded", ""),
        slug=values.get("wp:post_name", ""),
        status=values.get("wp:status", ""),
        date=parse_date(values.get("wp:post_date_gmt"), values.get("wp:post_date")),
        modified=parse_date(values.get("wp:post_modified_gmt"), values.get("wp:post_modified")),
        comment_status=values.get("wp:comment_status", "open"),
        parent_id=_int(values.get("wp:post_parent")),
        password=values.get("wp:post_password", ""),
        attachment_url=values.get("wp:attachment_url", ""),
    )
    for child in element:
        name = _short(child.tag)
        if name == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def _author(values):
    return Author(
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", "") or values.get("wp:author_login", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
        description=values.get("wp:author_description", ""),
    )


def _term(name, values):
    term_id = values.get("wp:term_id", "")
    if name == "wp:category":
        return Term(
            "category",
            values.get("wp:category_nicename", ""),
            values.get("wp:cat_name", ""),
            values.get("wp:category_description", ""),
            term_id,
        )
    if name == "wp:tag":
        return Term("post_tag", values.get("wp:tag_slug", ""), values.get("wp:tag_name", ""), "", term_id)
    return Term(
        values.get("wp:term_taxonomy", ""),
        values.get("wp:term_slug", ""),
        values.get("wp:term_name", ""),
        values.get("wp:term_description", ""),
        term_id,
    )


CHANNEL_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}


def read(path):
    """Yield the export's Channel (once, complete, before the first item), then Author,
    Term and Item records in file order. Raises WXRError for a refused or broken file."""
    channel, channel_sent, depth, seen_rss = None, False, 0, False
    try:
        for event, element in iterparse(path, events=("start", "end"), forbid_dtd=False):
            if event == "start":
                depth += 1
                if depth == 1:
                    seen_rss = _short(element.tag) == "rss"
                elif depth == 2 and _short(element.tag) == "channel":
                    channel = (element, Channel())
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = _short(element.tag)
            parent, info = channel
            if name in CHANNEL_FIELDS:
                setattr(info, CHANNEL_FIELDS[name], (element.text or "").strip())
            else:
                if not channel_sent:
                    channel_sent = True
                    yield info
                if name == "item":
                    yield _item(element)
                elif name == "wp:author":
                    yield _author(_children(element))
                elif name in ("wp:category", "wp:tag", "wp:term"):
                    yield _term(name, _children(element))
            parent.remove(element)  # what is read is let go: memory stays flat
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise WXRError(
                f"Refused: the file declares an external entity “{error.name}” ({error.sysid or error.pubid}). "
                "A WordPress export never refers to outside files; this one could read files or "
                "reach the network, so nothing was imported."
            ) from error
        raise WXRError(
            f"Refused: the file declares the XML entity “{error.name}”. A WordPress export never "
            "declares entities; expanding them can blow up to gigabytes (an entity bomb), so "
            "nothing was imported."
        ) from error
    except DefusedXmlException as error:
        raise WXRError(f"Refused: {error}. Nothing was imported.") from error
    except ParseError as error:
        raise WXRError(f"Not a readable WordPress export: XML error {error}.") from error
    except OSError as error:
        raise WXRError(f"Cannot read the export: {error}.") from error
    if not seen_rss or channel is None:
        raise WXRError("Not a WordPress export: there is no <rss><channel> in the file.")
    if not channel_sent:
        yield channel[1]
