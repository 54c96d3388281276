"""The markup of article cards, built in Python: the home page, a page of a listing, search
results and related articles print up to a dozen, and the card template, included once per
card, was a large share of those pages' cost. Same markup as a template would print: every
text is escaped, dates are the `date` filter's 'Y-m-d' and "j M Y" in the current time zone.
"""

from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from articles.srcset import distinct_srcset

CARD_IMAGE = "fill-360x203|format-webp fill-720x405|format-webp"
CARD_SIZES = "(max-width: 40em) calc(100vw - 2rem), 22rem"


def card_image(article, eager):
    if eager:  # the first card of a page is likely in view: not lazy
        attrs = {"sizes": CARD_SIZES, "class": "card__image", "alt": ""}
    else:
        attrs = {
            "sizes": CARD_SIZES,
            "loading": "lazy",
            "decoding": "async",
            "class": "card__image",
            "alt": "",
        }
    return distinct_srcset(article.hero_image, CARD_IMAGE, attrs)


def dates(moment):
    """(machine-readable, shown) date, as the filters date:'Y-m-d' and date:"j M Y" print it."""
    if moment is None:
        return "", ""
    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"{moment:%Y-%m-%d}", f"{moment.day} {MONTHS_3[moment.month].title()} {moment:%Y}"


def card_html(article, request, eager, out):
    esc = conditional_escape
    out.append('<article class="card">\n')
    if article.hero_image:
        out.append(f"{card_image(article, eager)}\n")
    out.append('<div class="card__body">\n')
    if article.category:
        out.append(f'<p class="card__category">{esc(article.category.name)}</p>\n')
    url = esc(article.get_url(request=request))
    out.append(f'<h3 class="card__title"><a href="{url}">{esc(article.title)}</a></h3>\n')
    out.append(f'<p class="card__intro">{esc(article.intro)}</p>\n')
    stamp, shown = dates(article.published)
    authors = ", ".join(esc(author.name) for author in article.authors)
    out.append(
        f'<p class="card__meta">\n{authors}\n· <time datetime="{stamp}">{shown}</time>\n'
        f"· {esc(article.reading_minutes)} min read\n"
    )
    count = getattr(article, "approved_comment_count", None)
    if count is not None:
        out.append(f"· {esc(count)} comment{'' if count == 1 else 's'}")
    out.append("\n</p>\n</div>\n</article>")


def cards_html(articles, request, eager_first=False):
    """One <li> per article; the first card's image is not lazy when `eager_first`."""
    out = []
    for number, article in enumerate(articles):
        out.append("\n<li>")
        card_html(article, request, eager_first and number == 0, out)
        out.append("</li>")
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped)
