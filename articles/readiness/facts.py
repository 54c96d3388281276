"""What the readiness checks read about one article, worked out once: its fields, the headings,
links and images of its body, and the JSON-LD it prints."""

import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.test import RequestFactory
from django.utils.functional import cached_property

from wagtail.models import Page

from bs4 import BeautifulSoup

from articles.seo import PageMeta
from articles.structured_data import build_graph

_HEADING = re.compile(r"^h([1-6])$")


def _request_for(page):
    """A GET of the page's own address on its site, for checks run outside a request."""
    request = RequestFactory().get(page.get_url() or "/")
    request._wagtail_site = page.get_site()
    return request


class Facts:
    """`request` is the one rendering the page (a preview), or a dummy one for reports."""

    def __init__(self, page, request=None, meta=None):
        self.page = page
        self.request = request or _request_for(page)
        self._meta = meta

    @cached_property
    def meta(self):
        return self._meta or PageMeta(page=self.page, request=self.request)

    @cached_property
    def social_image(self):
        return self.page.social_image or self.page.hero_image

    @cached_property
    def body_images(self):
        """(image, alt text or None when decorative, credit) for each image block."""
        images = []
        for block in self.page.body:
            if block.block_type == "image" and block.value["image"]:
                image = block.value["image"]
                alt = (
                    None if getattr(image, "decorative", False) else getattr(image, "contextual_alt_text", "")
                )
                images.append((image, alt, block.value["credit"]))
        return images

    @cached_property
    def _rich_text(self):
        html = "".join(
            f"<h2>{block.value['text']}</h2>" if block.block_type == "heading" else block.value.source
            for block in self.page.body
            if block.block_type in ("heading", "paragraph")
        )
        return BeautifulSoup(html, "html.parser")

    @cached_property
    def headings(self):
        """(level, text) of the body's headings in order; the page's own h1 is the title."""
        return [
            (int(_HEADING.match(tag.name).group(1)), tag.get_text(" ", strip=True))
            for tag in self._rich_text.find_all(_HEADING)
        ]

    @cached_property
    def linked_page_ids(self):
        return {
            int(a["id"]) for a in self._rich_text.find_all("a", linktype="page") if a.get("id", "").isdigit()
        }

    @cached_property
    def internal_hrefs(self):
        hrefs = [a.get("href", "") for a in self._rich_text.find_all("a", href=True)]
        return [href for href in hrefs if href.startswith(("/", settings.SITE_BASE_URL)) and href != "/"]

    @cached_property
    def dead_links(self):
        """Titles (or ids) of linked pages that readers cannot open: drafts, unpublished, deleted."""
        found = {page.pk: page for page in Page.objects.filter(pk__in=self.linked_page_ids)}
        return [
            found[pk].title if pk in found else f"a deleted page (id {pk})"
            for pk in sorted(self.linked_page_ids)
            if pk not in found or not found[pk].live
        ]

    @cached_property
    def word_count(self):
        body = self.page.body
        return len(" ".join([self.page.intro, *body.stream_block.get_searchable_content(body)]).split())

    @cached_property
    def json_ld(self):
        """The graph as the page prints it, so dates are the strings a crawler reads."""
        return json.loads(json.dumps(build_graph(self.meta), cls=DjangoJSONEncoder))
