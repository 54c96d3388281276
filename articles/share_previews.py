"""The "Share previews" preview mode: how the unsaved draft will look as a Google result
(desktop and mobile) and as LinkedIn, Facebook and X cards, each cut and cropped the way that
platform does it."""

from django.template.response import TemplateResponse

from articles.readiness.measure import cut_to_width
from articles.seo import PageMeta, cut_at_word

# (name, rendition spec of the crop the platform makes, most title characters it shows)
CARDS = [
    ("LinkedIn", "fill-1200x627-c100|format-jpeg", 70),
    ("Facebook", "fill-1200x628-c100|format-jpeg", 88),
    ("X", "fill-1200x600-c100|format-jpeg", 70),
]
# Google: (title width px at font px, description width px at font px)
GOOGLE = {"desktop": ((580, 20), (920, 14)), "mobile": ((620, 18), (680, 14))}


def google_result(meta, device):
    (title_px, title_font), (text_px, text_font) = GOOGLE[device]
    return {
        "device": device,
        "title": cut_to_width(meta.title, title_px, title_font),
        "description": cut_to_width(meta.description, text_px, text_font),
    }


def share_previews(page, request):
    meta = PageMeta(page=page, request=request)
    image = page.social_image or page.hero_image
    cards = [
        {
            "network": network,
            "title": cut_at_word(meta.headline, title_max),
            "description": cut_at_word(meta.description, 110) if network == "Facebook" else "",
            "image": image.get_rendition(spec) if image else None,
        }
        for network, spec, title_max in CARDS
    ]
    context = {
        "page": page,
        "meta": meta,
        "host": request.get_host(),
        "google": [google_result(meta, "desktop"), google_result(meta, "mobile")],
        "cards": cards,
    }
    return TemplateResponse(request, "articles/share_previews.html", context)
