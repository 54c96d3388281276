"""Page links in rich text in one query, not two: no page class here changes its URL, so the
base Page row is enough (Wagtail's handler fetches each linked page's specific row too)."""

from wagtail.models import Page
from wagtail.rich_text import pages


class PageLinkHandler(pages.PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        found = {str(page.pk): page for page in Page.objects.filter(id__in=ids).defer_streamfields()}
        return [found.get(str(id_)) for id_ in ids]
