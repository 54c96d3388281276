"""A long thread in pages of COMMENTS_PER_PAGE top-level comments, each with all its replies.

Page 1 holds the oldest comments, as in WordPress, so a comment's page number only moves
when an older one is approved or removed; COMMENTS_FIRST_PAGE says which page the article
itself shows ("oldest": page 1, "newest": the last). Other pages are `?comments=N`.

Two queries whatever the thread's length: the outline (id and parent of every approved
comment: the heading's count, the page each comment is on), then the rows of one page.
"""

from dataclasses import dataclass
from functools import cached_property
from math import ceil

from django.conf import settings

from .models import Comment

PARAMETER = "comments"


@dataclass
class Outline:
    """The shape of a page's approved thread: [(id, parent id)], oldest first."""

    pairs: list

    @classmethod
    def of(cls, page):
        return cls(list(Comment.objects.public_thread(page).values_list("pk", "parent_id")))

    @property
    def count(self):
        return len(self.pairs)

    @cached_property
    def root_of(self):
        """Comment id -> the id of the top-level comment it shows under (a reply whose parent
        is not approved shows at the top level, as build_thread places it)."""
        parents = dict(self.pairs)
        roots = {}
        for pk, _ in self.pairs:
            node, seen = pk, set()
            while parents.get(node) in parents and node not in seen:
                seen.add(node)
                node = parents[node]
            roots[pk] = node
        return roots

    @cached_property
    def roots(self):
        return [pk for pk, _ in self.pairs if self.root_of[pk] == pk]

    @property
    def per_page(self):
        return settings.COMMENTS_PER_PAGE or max(1, len(self.roots))

    @property
    def page_count(self):
        return max(1, ceil(len(self.roots) / self.per_page))

    @property
    def default_page(self):
        return self.page_count if settings.COMMENTS_FIRST_PAGE == "newest" else 1

    def page_holding(self, pk, parent_id=None):
        """The page that shows comment `pk`: its top-level comment's page; a comment not in
        the outline (pending) shows under its parent's, or on the last page if it has none."""
        root = self.root_of.get(pk) or self.root_of.get(parent_id)
        if root is None:
            return self.page_count
        return self.roots.index(root) // self.per_page + 1

    def ids_on(self, number):
        roots = set(self.roots[(number - 1) * self.per_page : number * self.per_page])
        return [pk for pk, _ in self.pairs if self.root_of[pk] in roots]

    def query(self, number):
        """`?comments=N` for a page other than the one the article shows by itself."""
        return "" if number == self.default_page else f"?{PARAMETER}={number}"

    def links(self, number):
        """(number, query, is_current) for each page, oldest first: plain links for crawlers."""
        return [(n, self.query(n), n == number) for n in range(1, self.page_count + 1)]


def requested_page(request, outline):
    """The page asked for by `?comments=N`; None when the value is not a page of this thread."""
    value = request.GET.get(PARAMETER)
    if value is None:
        return outline.default_page
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= outline.page_count:
        return None
    return int(value)


def comment_query(comment):
    """`?comments=N` for a link that must land on the comment later too (an email, the
    admin): only page 1 of oldest-first threads is left bare, since the newest page moves."""
    outline = Outline.of(comment.page)
    number = outline.page_holding(comment.pk, comment.parent_id)
    if number == 1 and settings.COMMENTS_FIRST_PAGE != "newest":
        return ""
    return f"?{PARAMETER}={number}"
