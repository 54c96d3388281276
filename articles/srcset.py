"""Responsive images for the public templates."""

from functools import lru_cache

from wagtail.images.models import Filter, ResponsiveImage


def distinct_srcset(image, specs, attrs):
    """Like `{% srcset_image %}` with the specs space-separated, but an image narrower than a
    requested width is listed once: Wagtail would repeat the same width, which the HTML
    checker refuses."""
    by_width = {}
    for rendition in image.get_renditions(*filters(specs)).values():
        by_width.setdefault(rendition.width, rendition)
    return ResponsiveImage(by_width, attrs)


@lru_cache(maxsize=64)
def filters(specs):
    """One Filter per spec per process: a Filter depends on its spec alone, and parsing its
    operations (which Wagtail redoes for every new Filter) was most of a rendition lookup."""
    return tuple(Filter(spec=spec) for spec in specs.split())
