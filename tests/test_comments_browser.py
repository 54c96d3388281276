"""A real Chromium: a visitor comments and replies, a moderator approves, the thread nests."""

import re

from django.contrib.auth.models import User

import pytest
from playwright.sync_api import expect

from comments.models import Comment


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_comment_and_reply_are_approved_in_the_admin_and_show_threaded(
    live_server, console_errors, page, browser, make_article, settings
):
    """Post a comment, approve it, reply under it with the moved form, approve that in bulk: both show, nested."""
    settings.ANTISPAM_MIN_FILL_SECONDS = 0  # a test types faster than any person
    article = make_article(title="SMM and SMO, the difference")
    User.objects.create_superuser("admin", "admin@example.com", "correct-horse")
    article_url = live_server.url + article.url
    year = str(__import__("datetime").date.today().year)

    # A visitor leaves a comment: it waits for moderation, shown to them alone.
    page.goto(article_url)
    expect(
        page.get_by_role("heading", name="No comments yet on “SMM and SMO, the difference”")
    ).to_be_visible()
    page.get_by_role("textbox", name=re.compile("^Name")).fill("Harbour Bakery")
    page.get_by_role("textbox", name=re.compile("^Email")).fill("owner@harbourbakery.example")
    page.get_by_role("textbox", name=re.compile("^Comment")).fill("Is posting daily enough?")
    page.get_by_label("What is the current year?").fill(year)
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status")).to_contain_text("awaiting moderation")
    first = Comment.objects.get()
    expect(page.locator(f"#comment-{first.pk}")).to_contain_text("Is posting daily enough?")

    # A moderator approves it from the inspect view.
    admin = browser.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.get_by_label("Username").fill("admin")
    admin.get_by_label("Password").fill("correct-horse")
    admin.get_by_role("button", name="Sign in").click()
    expect(admin.get_by_text("1 comment awaiting moderation")).to_be_visible()
    admin.get_by_text("1 comment awaiting moderation").click()
    admin.get_by_role("link", name=re.compile("Is posting daily enough")).click()
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("Status: Approved")).to_be_visible()

    # Another reader replies: the form moves under the comment and answers it.
    page.goto(article_url)
    expect(page.get_by_role("heading", name="1 thought on “SMM and SMO, the difference”")).to_be_visible()
    page.get_by_role("link", name="Reply to Harbour Bakery").click()
    respond = page.locator(f"#comment-{first.pk} #respond")
    expect(respond).to_be_visible()
    expect(page.locator("#reply-title")).to_have_text("Reply to Harbour Bakery")
    expect(page.get_by_role("textbox", name=re.compile("^Name"))).to_be_focused()
    page.get_by_role("textbox", name=re.compile("^Name")).fill("Lena Fischer")
    page.get_by_role("textbox", name=re.compile("^Email")).fill("lena@example.com")
    page.get_by_role("textbox", name=re.compile("^Comment")).fill(
        "Daily is fine if each post links somewhere useful."
    )
    page.get_by_label("What is the current year?").fill(year)
    page.get_by_role("button", name="Post comment").click()
    expect(page.get_by_role("status")).to_contain_text("awaiting moderation")
    reply = Comment.objects.get(name="Lena Fischer")
    assert reply.parent_id == first.pk and reply.status == Comment.Status.PENDING

    # The moderator approves the reply with the bulk action on the list.
    admin.goto(live_server.url + "/admin/snippets/comments/comment/?status=pending")
    admin.locator(f"input[data-bulk-action-checkbox][data-object-id='{reply.pk}']").check()
    admin.get_by_role("link", name="Approve the selected comments").click()
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("1 comment approved.")).to_be_visible()

    # The article now shows both, the reply nested under the comment.
    page.goto(article_url)
    expect(page.get_by_role("heading", name="2 thoughts on “SMM and SMO, the difference”")).to_be_visible()
    nested = page.locator(f"#comment-{first.pk} > ol.comment-list--replies > #comment-{reply.pk}")
    expect(nested).to_contain_text("Daily is fine if each post links somewhere useful.")
    assert console_errors == []
