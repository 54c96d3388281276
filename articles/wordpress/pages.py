"""One WordPress post or page as a Wagtail page: fields, status, dates, redirects."""

import hashlib
import json
import re
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from articles.blocks import RICH_TEXT_FEATURES

from .body import rich_text

INTRO_CHARS = 300
_YOAST_VARIABLE = re.compile(r"%%([a-z_]+)%%")
_BLOCK_KEY = re.compile(r' data-block-key=\\"[^"\\]*\\"')


def plain(html):
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def intro_from(item, blocks):
    """The excerpt, or the opening of the body: a listing card always has a summary."""
    text = plain(item.excerpt) or plain(" ".join(b["value"] for b in blocks if b["type"] == "paragraph"))
    return Truncator(text).chars(INTRO_CHARS) or item.title


def yoast_title(template, item, site_name, category=""):
    """Yoast's title template with its common variables filled in, the rest dropped."""
    values = {"title": item.title, "sitename": site_name, "sep": "–", "excerpt": plain(item.excerpt)}
    values["category"] = values["primary_category"] = category
    text = _YOAST_VARIABLE.sub(lambda m: values.get(m.group(1), ""), template)
    text = " ".join(text.split()).strip(" –|-")
    return text[:255]


def unique_slug(parent, wanted, page=None):
    """A slug no sibling has (WordPress allows what Wagtail does not, e.g. a page and a
    post both called "about")."""
    base = (slugify(wanted) or "untitled")[:240]
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def checksum(fields, status):
    """A digest of what an import writes: model instances count by their primary key, and
    the random keys Draftail gives each block of rich text are left out."""
    encoder = DjangoJSONEncoder()
    payload = json.dumps(
        [fields, status], sort_keys=True, default=lambda o: o.pk if hasattr(o, "pk") else encoder.default(o)
    )
    payload = _BLOCK_KEY.sub("", payload)
    return hashlib.sha256(payload.encode()).hexdigest()


def save(page, parent, item, status):
    """Create or update `page` under `parent` and give it WordPress's status and dates.
    `status` is "live", "scheduled" or "draft". Returns the revision made."""
    if page.pk is None:
        page.live = False
        parent.add_child(instance=page)
    elif status == "draft" and page.live:
        page.unpublish()
    page.go_live_at = item.date if status == "scheduled" else None
    if status == "draft":
        page.save()
    revision = page.save_revision(changed=True, clean=False)
    if status == "draft":
        return revision
    revision.publish()
    if status == "live":
        published = item.date or timezone.now()
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=max(item.modified or published, published)
        )
    return revision


def protect(page, item, report, label):
    """A password-protected post stays behind the same password."""
    if not item.password:
        PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.PASSWORD).delete()
        return
    PageViewRestriction.objects.update_or_create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        defaults={"password": item.password[:255]},
    )
    report.warn(f"{label} was password-protected in WordPress; the same password now guards it")


def old_paths(item, blog_url):
    """Every address WordPress answered for this post: the permalink and ?p=ID (?page_id=ID
    for pages), as paths on this site."""
    paths = []
    link = urlsplit(item.link or "")
    if link.path or link.query:
        paths.append(link.path + (f"?{link.query}" if link.query else ""))
    base = urlsplit(blog_url or "").path.rstrip("/") + "/"
    paths.append(f"{base}?p={item.wp_id}")
    if item.post_type == "page":
        paths.append(f"{base}?page_id={item.wp_id}")
    return list(dict.fromkeys(Redirect.normalise_path(path) for path in paths))


def redirect_old_paths(page, item, blog_url, site, report):
    new_path = Redirect.normalise_path(page.url or "")
    for path in old_paths(item, blog_url):
        if path == new_path or path in ("", "/"):
            continue
        redirect = Redirect.objects.filter(site=site, old_path=path).first()
        if redirect is None:
            Redirect.objects.create(site=site, old_path=path, redirect_page=page, is_permanent=True)
            report.count("redirect", "created")
        elif redirect.redirect_page_id == page.pk and redirect.is_permanent and not redirect.redirect_link:
            report.count("redirect", "unchanged")
        else:
            redirect.redirect_page, redirect.redirect_link, redirect.is_permanent = page, "", True
            redirect.save()
            report.count("redirect", "updated")


def standard_body(blocks, warn):
    """A plain page's body is one rich text field: the blocks' text, headings and quotes."""
    parts = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "paragraph":
            parts.append(value)
        elif block["type"] == "heading":
            parts.append(f"<h2>{escape(value['text'])}</h2>")
        elif block["type"] == "quote":
            parts.append(f"<blockquote>{escape(value['text'])}</blockquote>")
        else:
            warn(f"a {block['type']} was left out: a plain page's body holds text only")
    return rich_text("".join(parts), RICH_TEXT_FEATURES + ["h2"]) if parts else ""
