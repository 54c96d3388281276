"""Demo comments for `load_demo_content`: threads several levels deep, team replies, a few
comments awaiting moderation and one caught as spam. Idempotent: a page that already has
comments is left alone, so running it twice changes nothing."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page

from .models import Comment
from .sanitize import sanitize_body

TEAM_NAME = "Northwind team"
TEAM_EMAIL = "team@northwind.example"

# (key, parent key, name, email, website, body, status, team reply?)
THREAD = [
    (
        "q",
        None,
        "Harbour Bakery",
        "owner@harbourbakery.example",
        "https://harbourbakery.example/",
        "We post on three networks every day but see almost no visits from them. "
        "Is that a <em>social</em> problem or a <em>search</em> problem?",
        "approved",
        False,
    ),
    (
        "q-team",
        "q",
        TEAM_NAME,
        TEAM_EMAIL,
        "",
        "Probably a bit of both. Posting often helps, but each post needs a reason to click: "
        "a question answered on your site, a recipe, an offer.\n\nStart by linking every post to one page "
        "that answers a real question.",
        "approved",
        True,
    ),
    (
        "q-team-follow",
        "q-team",
        "Harbour Bakery",
        "owner@harbourbakery.example",
        "https://harbourbakery.example/",
        "That makes sense. Should that page be a blog post or a product page?",
        "approved",
        False,
    ),
    (
        "q-team-follow-team",
        "q-team-follow",
        TEAM_NAME,
        TEAM_EMAIL,
        "",
        "A blog post first: it can rank for the question and link on to the products.",
        "approved",
        True,
    ),
    (
        "praise",
        None,
        "Lena Fischer",
        "lena@example.com",
        "",
        "The comparison table was exactly what I needed for a client meeting. <strong>Thank you.</strong>",
        "approved",
        False,
    ),
    (
        "praise-reply",
        "praise",
        "Tom Adeyemi",
        "tom@example.org",
        "https://tomadeyemi.example/",
        "Same here. I printed it for our marketing team.",
        "approved",
        False,
    ),
    (
        "pending",
        None,
        "Greenleaf Gardens",
        "hello@greenleaf.example",
        "",
        "Do you have advice for seasonal businesses that go quiet every winter?",
        "pending",
        False,
    ),
    (
        "pending-reply",
        "praise",
        "Ravi Menon",
        "ravi@example.net",
        "",
        "Would love a follow-up post on measuring social traffic.",
        "pending",
        False,
    ),
]
SPAM = (
    "Best SEO Backlinks Cheap",
    "links@backlinks.example",
    "https://backlinks.example/",
    "Great post!!! Buy 10,000 backlinks https://backlinks.example/a https://backlinks.example/b "
    "https://backlinks.example/c",
    "3 links (the limit is 2)",
)


def commentable_pages():
    """Live pages whose class takes comments, oldest first (no import of page classes)."""
    pages = Page.objects.live().filter(depth__gte=3).order_by("path").specific()
    return [page for page in pages if hasattr(page, "comments_open")]


def load(stdout=None):
    pages = [page for page in commentable_pages() if not Comment.objects.filter(page=page).exists()]
    team_user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for index, page in enumerate(pages):
        start = (page.first_published_at or timezone.now()) + timedelta(hours=2)
        made = {}
        for step, (key, parent_key, name, email, website, body, status, team) in enumerate(THREAD):
            created = min(start + timedelta(hours=5 * step), timezone.now())
            made[key] = Comment.objects.create(
                page=page,
                parent=made.get(parent_key),
                name=name,
                email=email,
                website=website,
                body=sanitize_body(body),
                status=status,
                is_staff_reply=team,
                user=team_user if team else None,
                created_at=created,
                approved_at=created if status == "approved" else None,
                notify_replies=key == "q",
            )
        if index == 0:
            name, email, website, body, reasons = SPAM
            Comment.objects.create(
                page=page,
                name=name,
                email=email,
                website=website,
                body=sanitize_body(body),
                status=Comment.Status.SPAM,
                spam_reasons=reasons,
                created_at=start,
            )
    if stdout is not None:
        stdout.write(f"Comments: added threads to {len(pages)} article(s).")
    return len(pages)
