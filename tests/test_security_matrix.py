"""The access matrix: every admin URL the project adds or exposes and every public URL, for each
role. Leads only for Sales and superusers, moderation only for moderators, and no lead or
commenter personal data in anything an Editor or a visitor can open."""

from django.contrib.auth.models import User

import pytest

from articles.models import CheckDismissal, ReviewLink
from comments.models import Comment
from comments.tokens import unsubscribe_token
from leads import actions

from .comment_builders import make_comment
from .leads_support import make_lead, make_user

ROLES = ["anonymous", "editor", "moderator", "sales", "superuser"]
SALES_ONLY = {"sales", "superuser"}
MODERATORS = {"moderator", "superuser"}
STAFF = {"editor", "moderator", "sales", "superuser"}
EVERYONE = set(ROLES)
# Wagtail's own Editors and Moderators groups edit pages.
PAGE_EDITORS = {"editor", "moderator", "superuser"}
# Wagtail's own views refuse with a redirect to the dashboard and a message, and so do the
# cockpit's views of one page (as the page editor they belong to does); ours with 403.
WAGTAIL_VIEWS = {
    "page history",
    "page edit",
    "comment settings",
    "dismiss a check",
    "count a check again",
    "review links",
    "revoke a review link",
}

# Personal data that must never reach an Editor or a visitor (and lead data never a Moderator).
LEAD_DATA = [
    "Lena Leadperson",
    "lena@lead.example",
    "+44 1632 960123",
    "203.0.113.77",
    "Called, left a message",
]
COMMENTER_DATA = ["carl@commenter.example", "198.51.100.23"]


def matrix(d):
    """(name, method, url, roles allowed) for every URL; the rest are refused."""
    lead, comment, article = d["lead"].pk, d["comment"].pk, d["article"].pk
    snippets = "/admin/snippets/comments/comment"
    bulk = f"/admin/bulk/comments/comment/{{}}/?id={comment}&next={snippets}/"
    return [
        # Leads (Sales' inbox) and the privacy requests.
        ("leads list", "get", "/admin/leads/", SALES_ONLY),
        ("leads results", "get", "/admin/leads/results/?q=Lena", SALES_ONLY),
        ("leads export csv", "get", "/admin/leads/?export=csv", SALES_ONLY),
        ("leads export xlsx", "get", "/admin/leads/?export=xlsx", SALES_ONLY),
        ("lead inspect", "get", f"/admin/leads/inspect/{lead}/", SALES_ONLY),
        ("lead history", "get", f"/admin/leads/history/{lead}/", SALES_ONLY),
        ("lead usage", "get", f"/admin/leads/usage/{lead}/", set()),  # nothing refers to a lead
        ("lead delete", "get", f"/admin/leads/delete/{lead}/", {"superuser"}),
        ("lead add", "get", "/admin/leads/new/", set()),  # leads come from visitors only
        ("lead edit", "get", f"/admin/leads/edit/{lead}/", set()),
        ("lead history results", "get", f"/admin/leads/history-results/{lead}/", SALES_ONLY),
        ("lead status", "post", f"/admin/leads/status/{lead}/", SALES_ONLY),
        ("lead owner", "post", f"/admin/leads/owner/{lead}/", SALES_ONLY),
        ("lead note", "post", f"/admin/leads/note/{lead}/", SALES_ONLY),
        ("privacy", "get", "/admin/leads/privacy/?email=lena@lead.example", {"superuser"}),
        ("privacy export", "post", "/admin/leads/privacy/", {"superuser"}),
        # Comment moderation.
        ("comments list", "get", f"{snippets}/", MODERATORS),
        ("comments results", "get", f"{snippets}/results/?q=carl", MODERATORS),
        ("comment inspect", "get", f"{snippets}/inspect/{comment}/", MODERATORS),
        ("comment edit", "get", f"{snippets}/edit/{comment}/", MODERATORS),
        ("comment history", "get", f"{snippets}/history/{comment}/", MODERATORS),
        ("comment usage", "get", f"{snippets}/usage/{comment}/", MODERATORS),
        ("comment delete", "get", f"{snippets}/delete/{comment}/", {"superuser"}),
        ("comment moderate", "post", f"{snippets}/moderate/{comment}/approve/", MODERATORS),
        ("comment reply", "post", f"{snippets}/inspect/{comment}/", MODERATORS),
        ("comment chooser", "get", "/admin/snippets/choose/comments/comment/", MODERATORS),
        ("comment chooser results", "get", "/admin/snippets/choose/comments/comment/results/", MODERATORS),
        ("comment chosen", "get", f"/admin/snippets/choose/comments/comment/chosen/{comment}/", MODERATORS),
        ("comment chooser create", "get", "/admin/snippets/choose/comments/comment/create/", set()),
        ("comment add", "get", f"{snippets}/add/", set()),  # comments come from visitors or replies
        ("comment history results", "get", f"{snippets}/history-results/{comment}/", MODERATORS),
        ("bulk approve", "get", bulk.format("approve"), MODERATORS),
        ("bulk spam", "get", bulk.format("spam"), MODERATORS),
        ("bulk delete", "get", bulk.format("delete"), MODERATORS),
        (
            "comment settings",
            "get",
            f"/admin/settings/comments/commentsettings/{d['site']}/",
            {"editor", "moderator", "superuser"},
        ),
        # Reports, dashboard, histories.
        ("dashboard", "get", "/admin/", STAFF),
        ("leads per article", "get", "/admin/reports/leads-per-article/", {"editor", "sales", "superuser"}),
        (
            "leads per article results",
            "get",
            "/admin/reports/leads-per-article/results/",
            {"editor", "sales", "superuser"},
        ),
        (
            "leads per article csv",
            "get",
            "/admin/reports/leads-per-article/?export=csv",
            {"editor", "sales", "superuser"},
        ),
        ("site history", "get", "/admin/reports/site-history/", STAFF),
        ("site history results", "get", "/admin/reports/site-history/results/", STAFF),
        ("page history", "get", f"/admin/pages/{article}/history/", PAGE_EDITORS),
        ("page edit", "get", f"/admin/pages/{article}/edit/", PAGE_EDITORS),
        # The marketer's cockpit.
        # Titles, scores and dates only: every staff member may see them.
        ("readiness report", "get", "/admin/reports/readiness/", STAFF),
        ("readiness report results", "get", "/admin/reports/readiness/results/", STAFF),
        ("publishing calendar", "get", "/admin/articles/calendar/", STAFF),
        ("dismiss a check", "get", f"/admin/articles/{article}/dismiss/word_count/", PAGE_EDITORS),
        ("count a check again", "get", f"/admin/articles/{article}/restore/seo_title/", PAGE_EDITORS),
        ("review links", "get", f"/admin/articles/{article}/review-links/", PAGE_EDITORS),
        # Public pages and endpoints.
        ("home", "get", "/", EVERYONE),
        ("article", "get", d["article"].url, EVERYONE),
        ("article index", "get", "/articles/", EVERYONE),
        ("search", "get", "/search/?q=lead", EVERYONE),
        ("contact", "get", "/contact/", EVERYONE),
        ("thanks", "get", "/contact/thanks/", EVERYONE),
        ("rss", "get", "/feeds/rss/", EVERYONE),
        ("atom", "get", "/feeds/atom/", EVERYONE),
        ("sitemap", "get", "/sitemap.xml", EVERYONE),
        ("robots", "get", "/robots.txt", EVERYONE),
        ("category feed", "get", f"/feeds/category/{d['article'].category.slug}/rss/", EVERYONE),
        ("author feed", "get", f"/feeds/author/{d['author'].slug}/atom/", EVERYONE),
        ("review link", "get", f"/review/{d['link'].token}/", EVERYONE),
        ("unsubscribe", "get", f"/comments/unsubscribe/{unsubscribe_token(d['comment'])}/", EVERYONE),
        # Last: it ends the review link above.
        (
            "revoke a review link",
            "post",
            f"/admin/articles/{article}/review-links/{d['link'].pk}/revoke/",
            PAGE_EDITORS,
        ),
    ]


POST_DATA = {
    "lead status": {"status": "contacted"},
    "lead owner": {"owner": ""},
    "lead note": {"text": "Matrix note"},
    "privacy export": {"email": "lena@lead.example", "action": "export"},
    "comment reply": {"body": "Thanks from the team"},
}


@pytest.fixture
def data(make_article, home, author):
    article = make_article(title="Matrix article")
    superuser = User.objects.create_superuser("root", "root@example.com", "pw")
    lead = make_lead(
        name="Lena Leadperson",
        email="lena@lead.example",
        phone="+44 1632 960123",
        ip="203.0.113.77",
        source_page=article,
    )
    CheckDismissal.objects.create(page=article, check_id="seo_title", reason="Matrix", dismissed_by=superuser)
    actions.add_note(lead, "Called, left a message", superuser)
    actions.change_status(lead, "contacted", superuser)
    comment = make_comment(
        article,
        name="Carl Commenter",
        email="carl@commenter.example",
        ip_address="198.51.100.23",
        status=Comment.Status.PENDING,
    )
    users = {
        "editor": make_user("eddie", group="Editors"),
        "moderator": make_user("mona", group="Moderators"),
        "sales": make_user("sam", group="Sales"),
        "superuser": superuser,
    }
    link = ReviewLink.objects.create(page=article, note="Client legal team", created_by=superuser)
    return {
        "article": article,
        "lead": lead,
        "comment": comment,
        "link": link,
        "author": author,
        "users": users,
        "site": home.get_site().pk,
    }


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, data, role):
    """Each role reaches exactly the URLs the table gives it; the others answer 403 (or the login page)."""
    if role != "anonymous":
        client.force_login(data["users"][role])
    wrong, seen = [], ""
    for name, method, url, allowed in matrix(data):
        response = client.post(url, POST_DATA.get(name, {})) if method == "post" else client.get(url)
        if role in allowed:
            ok = response.status_code == 200 or (method == "post" and response.status_code == 302)
        elif role == "anonymous":
            ok = response.status_code == 302 and "/login/" in response["Location"]
        else:
            ok = response.status_code == 403 or (name in WAGTAIL_VIEWS and response.status_code == 302)
        if not ok:
            wrong.append((name, response.status_code))
            continue
        if response.status_code != 200:
            continue
        text = body(response)
        seen += text
        forbidden = []
        if role not in SALES_ONLY:
            forbidden += LEAD_DATA
        if role not in MODERATORS:
            forbidden += COMMENTER_DATA
        leaked = [marker for marker in forbidden if marker in text]
        if leaked:
            wrong.append((name, f"shows {leaked}"))
    assert wrong == []
    if role == "superuser":  # the markers are real: the people who may see them do
        assert [marker for marker in LEAD_DATA + COMMENTER_DATA if marker not in seen] == []
