"""How wide text is in a search result: Google sets titles in Arial at 20px and cuts them
at about 580px (desktop), descriptions at 14px and about 920px (two lines)."""

# Arial advance widths in em, by character class; close enough to cut where Google cuts.
_WIDTHS = [
    ("iljI|!.,:;'’`", 0.24),
    ("ftr()[]{}/\\- ", 0.31),
    ("mwMW@%", 0.86),
    ("ABCDEFGHKNOPQRSTUVXYZ&", 0.68),
    ("0123456789", 0.56),
]
_DEFAULT = 0.53


def char_width(char):
    for chars, width in _WIDTHS:
        if char in chars:
            return width
    return _DEFAULT


def text_width(text, font_px=20):
    """Estimated rendered width in CSS pixels."""
    return round(sum(char_width(char) for char in text) * font_px)


def cut_to_width(text, max_px, font_px=20):
    """`text` cut after a whole word so that it and an ellipsis fit in `max_px`."""
    text = " ".join(text.split())
    if text_width(text, font_px) <= max_px:
        return text
    words, kept = text.split(" "), []
    budget = max_px - text_width(" …", font_px)
    for word in words:
        if text_width(" ".join([*kept, word]), font_px) > budget:
            break
        kept.append(word)
    return (" ".join(kept) or text[: max(1, len(text) * max_px // text_width(text, font_px) - 1)]).rstrip(
        " ,;:.-–—"
    ) + " …"
