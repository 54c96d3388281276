"""The bench article, on a database that already holds the demo content: a copy of the demo
article with a comparison table, given the demo's images too, comments open, and 30 approved
comments in threads three deep. Bench data only (bench/run.py); prints the article's path.

Run with the site's settings in the environment: DJANGO_SETTINGS_MODULE=... python bench/build_article.py
"""

import os
import sys
from datetime import timedelta

import django

sys.path.insert(0, os.getcwd())
django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import ArticlePage  # noqa: E402
from comments.models import Comment  # noqa: E402

SLUG = "bench-article-with-thread"
THREADS, DEPTH = 10, 3  # 10 top-level comments, each with a reply and a reply to that: 30


def with_block(block_type):
    for article in ArticlePage.objects.live().order_by("path"):
        if any(block.block_type == block_type for block in article.body):
            return article
    raise SystemExit(f"no live demo article has a {block_type} block")


@transaction.atomic
def build():
    source = with_block("table")
    images = [(b.block_type, b.value) for b in with_block("image").body if b.block_type == "image"]
    article = source.copy(
        update_attrs={"slug": SLUG, "title": f"{source.title} (with a long thread)"}, keep_live=False
    ).specific
    article.body = [(b.block_type, b.value) for b in source.body] + images
    article.comments_open = True
    article.save_revision().publish()
    start = timezone.now() - timedelta(days=3)
    for thread in range(THREADS):
        parent = None
        for depth in range(DEPTH):
            created = start + timedelta(minutes=60 * thread + 10 * depth)
            parent = Comment.objects.create(
                page=article,
                parent=parent,
                name=f"Reader {thread}-{depth}",
                email=f"reader{thread}.{depth}@example.com",
                body=f"<p>Comment {depth + 1} in thread {thread + 1}: which of these pays back first "
                "for a shop with one person doing the marketing? We tried both last year.</p>",
                status=Comment.Status.APPROVED,
                created_at=created,
                approved_at=created,
            )
    return article.url


if __name__ == "__main__":
    print(build())
