"""The article body: one StreamBlock, one template per block under templates/blocks/."""

import functools
import re

from django.apps import apps
from django.conf import settings
from django.utils.text import slugify

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote", "code"]


@functools.cache
def reserved_ids():
    """The ids other elements of an article page already use, and the patterns of ids made per
    object: every installed app declares those of its own templates on its AppConfig
    (`page_element_ids`, `page_element_id_patterns`), so a heading anchor never takes one."""
    ids, patterns = set(), []
    for app_config in apps.get_app_configs():
        ids.update(getattr(app_config, "page_element_ids", ()))
        patterns.extend(f"(?:{pattern})" for pattern in getattr(app_config, "page_element_id_patterns", ()))
    return frozenset(ids), re.compile("|".join(patterns) or "(?!)")


def unique_anchor(text, taken):
    """`text` as an id no other element of the page has: "why-it-matters", then "why-it-matters-2"."""
    anchor = slugify(text) or "section"
    page_ids, page_id_pattern = reserved_ids()
    candidate, number = anchor, 1
    while candidate in taken or candidate in page_ids or page_id_pattern.fullmatch(candidate):
        number += 1
        candidate = f"{anchor}-{number}"
    taken.add(candidate)
    return candidate


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    anchor = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text="Optional link target (#anchor); made from the heading when left blank.",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The article's context holds the anchors given out so far in this rendering.
        taken = (parent_context or {}).get("heading_anchors", set())
        context["anchor"] = unique_anchor(value["anchor"] or value["text"], taken)
        return context

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class CreditedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text="Who made the image.")

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=40, default="Talk to our team")
    service = blocks.ChoiceBlock(choices=settings.SITE_SERVICES, default="seo")

    class Meta:
        icon = "pick"
        template = "blocks/cta_block.html"
        label = "Call to action"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html")
    heading = HeadingBlock()
    image = CreditedImageBlock()
    table = TableBlock(
        label="Comparison table",
        template="blocks/table_block.html",
        help_text="Set “Display the first row as a header” so the first row labels the columns; add a caption.",
        # Handsontable ships no en-GB strings; English is what the editors read anyway.
        table_options={"startRows": 7, "startCols": 3, "language": "en-US"},
    )
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(max_width=800, template="blocks/embed_block.html")
