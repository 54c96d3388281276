"""Moderating comments in the Wagtail admin, and who may."""

from django.contrib.auth.models import Group, User
from django.urls import reverse

import pytest

from comments import moderation
from comments.models import Comment
from tests.comment_builders import make_comment

LIST_URL = "/admin/snippets/comments/comment/"


def inspect_url(comment):
    return reverse("wagtailsnippets_comments_comment:inspect", args=[comment.pk])


def bulk_url(action, *comments):
    ids = "&".join(f"id={c.pk}" for c in comments)
    return f"/admin/bulk/comments/comment/{action}/?{ids}&next={LIST_URL}"


def member_of(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member_of("Editors", "editor")


@pytest.fixture
def moderator(db):
    return member_of("Moderators", "moderator")


@pytest.fixture
def sales(db):
    return member_of("Sales", "sales")


@pytest.fixture
def article(make_article):
    return make_article(title="SEO and SMO")


# --- Permissions ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_moderators_hold_the_named_permission(editor, moderator, sales):
    """The permission "Can moderate comments" belongs to the Moderators group, not Editors or Sales."""
    assert moderator.has_perm("comments.moderate_comment")
    assert not editor.has_perm("comments.moderate_comment")
    assert not sales.has_perm("comments.moderate_comment")


@pytest.mark.django_db
def test_moderator_sees_the_comments_menu_and_others_do_not(client, moderator, editor, sales):
    """Comments appear in the admin menu for moderators only."""
    client.force_login(moderator)
    assert LIST_URL in client.get("/admin/").content.decode()
    for user in (editor, sales):
        client.force_login(user)
        assert LIST_URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_sales_is_refused_every_comments_admin_url(client, sales, article):
    """Sales get 403 from the list, the inspect view, moderation and bulk actions."""
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(sales)
    assert client.get(LIST_URL).status_code == 403
    assert client.get(inspect_url(comment)).status_code == 403
    assert client.post(inspect_url(comment), {"body": "hi"}).status_code == 403
    moderate = reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, "approve"])
    assert client.post(moderate).status_code == 403
    assert client.get(bulk_url("approve", comment)).status_code == 403
    assert client.post(bulk_url("approve", comment)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/choose/comments/comment/",
        "/admin/snippets/choose/comments/comment/results/?q=Spammy",
        "bulk-delete",
    ],
)
def test_sales_cannot_list_comments_through_the_chooser_or_bulk_delete(client, sales, article, url):
    """The snippet chooser and the bulk-delete confirmation answer 403 to Sales and name nobody."""
    comment = make_comment(article, name="Spammy Writer", status=Comment.Status.SPAM)
    client.force_login(sales)
    response = client.get(bulk_url("delete", comment) if url == "bulk-delete" else url)
    assert response.status_code == 403
    assert "Spammy Writer" not in response.content.decode()
    assert client.post(bulk_url("delete", comment)).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.django_db
def test_nobody_adds_comments_from_scratch_in_the_admin(client, admin_user):
    """The admin has no "Add comment": staff reply to comments instead."""
    client.force_login(admin_user)
    response = client.get(LIST_URL)
    assert f'href="{LIST_URL}add/"' not in response.content.decode()
    assert client.get(f"{LIST_URL}add/").status_code != 200


# --- The list ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_counts_per_status(client, moderator, article):
    """Above the list, moderators see how many comments are in each status."""
    for status, n in ((Comment.Status.PENDING, 3), (Comment.Status.APPROVED, 2), (Comment.Status.SPAM, 1)):
        for _ in range(n):
            make_comment(article, status=status)
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    assert 'data-status-count="pending">3<' in html
    assert 'data-status-count="approved">2<' in html
    assert 'data-status-count="spam">1<' in html
    assert 'data-status-count="removed">0<' in html


@pytest.mark.django_db
def test_list_filters_by_status_article_and_date(client, moderator, article, make_article):
    """Moderators narrow the list by status, article and date."""
    other = make_article(title="Other article")
    pending = make_comment(article, name="Pending Pat", status=Comment.Status.PENDING)
    approved = make_comment(other, name="Approved Ann")
    client.force_login(moderator)

    html = client.get(LIST_URL, {"status": "pending"}).content.decode()
    assert "Pending Pat" in html and "Approved Ann" not in html

    html = client.get(LIST_URL, {"page": other.pk}).content.decode()
    assert "Approved Ann" in html and "Pending Pat" not in html

    Comment.objects.filter(pk=pending.pk).update(created_at="2020-01-15T10:00:00Z")
    html = client.get(
        LIST_URL, {"created_at_after": "2020-01-01", "created_at_before": "2020-01-31"}
    ).content.decode()
    assert "Pending Pat" in html and "Approved Ann" not in html
    assert approved.pk


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Zanzibar", "zed@example.org", "marmalade"])
def test_list_searches_name_email_and_body(client, moderator, article, query):
    """Search finds comments by name, email or words in the body."""
    make_comment(article, name="Zanzibar Ltd", email="zed@example.org", body="<p>Orange marmalade</p>")
    make_comment(article, name="Someone else", body="<p>Other</p>")
    client.force_login(moderator)
    html = client.get(LIST_URL, {"q": query}).content.decode()
    assert "Zanzibar Ltd" in html and "Someone else" not in html


# --- Actions ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "start", "end"),
    [
        ("approve", Comment.Status.PENDING, Comment.Status.APPROVED),
        ("spam", Comment.Status.PENDING, Comment.Status.SPAM),
        ("remove", Comment.Status.APPROVED, Comment.Status.REMOVED),
        ("restore", Comment.Status.SPAM, Comment.Status.PENDING),
        ("restore", Comment.Status.REMOVED, Comment.Status.PENDING),
    ],
)
def test_bulk_actions_change_every_selected_comment(client, moderator, article, action, start, end):
    """Ticking comments and choosing an action changes them all, and only them."""
    chosen = [make_comment(article, status=start) for _ in range(2)]
    untouched = make_comment(article, status=start)
    client.force_login(moderator)
    confirm = client.get(bulk_url(action, *chosen))
    assert confirm.status_code == 200
    response = client.post(bulk_url(action, *chosen))
    assert response.status_code == 302
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in chosen])} == {end}
    untouched.refresh_from_db()
    assert untouched.status == start


@pytest.mark.django_db
def test_bulk_actions_are_offered_on_the_list(client, moderator, article):
    """The list has checkboxes and the four moderation actions."""
    make_comment(article)
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    for action in ("approve", "spam", "remove", "restore"):
        assert f"/admin/bulk/comments/comment/{action}/" in html


@pytest.mark.django_db
def test_inspect_buttons_moderate_one_comment(client, moderator, article):
    """The inspect view's buttons approve, spam, remove and restore a comment."""
    comment = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    for action, status in (
        ("approve", "approved"),
        ("remove", "removed"),
        ("restore", "pending"),
        ("spam", "spam"),
    ):
        url = reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, action])
        assert client.post(url).status_code == 302
        comment.refresh_from_db()
        assert comment.status == status


@pytest.mark.django_db
def test_state_changes_are_single_functions():
    """Each state change reports whether anything changed; restore only applies to spam and removed."""
    comment = Comment(status=Comment.Status.APPROVED)
    comment.save = lambda **kwargs: None
    assert moderation.restore(comment) is False
    assert moderation.remove(comment) is True
    assert moderation.remove(comment) is False
    assert moderation.restore(comment) is True
    assert comment.status == Comment.Status.PENDING


@pytest.mark.django_db
def test_inspect_view_shows_the_thread_and_private_details(client, moderator, article):
    """Moderators see the conversation around a comment, with its email and IP."""
    parent = make_comment(article, name="Asker", body="<p>How do I start?</p>")
    comment = make_comment(
        article,
        parent=parent,
        name="Follow-up",
        status=Comment.Status.PENDING,
        email="f@example.com",
        ip_address="198.51.100.7",
        body="<p>Me too</p>",
    )
    make_comment(article, name="Unrelated", body="<p>Other thread</p>")
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    assert "How do I start?" in html and "Me too" in html and "Other thread" in html
    assert "f@example.com" in html and "198.51.100.7" in html
    assert 'aria-current="true"' in html
    assert "Reply as the team" in html


@pytest.mark.django_db
def test_staff_reply_from_the_admin_is_published_with_team_badge(client, moderator, article):
    """A reply written in the admin is live at once, nested under the comment, marked Team."""
    moderator.first_name, moderator.last_name = "Maya", "Okafor"
    moderator.save()
    question = make_comment(article, name="Asker", status=Comment.Status.PENDING)
    client.force_login(moderator)
    response = client.post(inspect_url(question), {"body": "Start with <b>keywords</b>.\n\nThen links."})
    assert response.status_code == 302
    reply = Comment.objects.get(parent=question)
    assert reply.status == Comment.Status.APPROVED
    assert reply.is_staff_reply and reply.user == moderator and reply.name == "Maya Okafor"
    assert reply.body == "<p>Start with <b>keywords</b>.</p><p>Then links.</p>"
    question.refresh_from_db()
    assert question.status == Comment.Status.APPROVED  # replying approved the question too

    html = client.get(article.url).content.decode()
    assert '<span class="comment__badge">Team</span>' in html
    assert html.index(f'id="comment-{question.pk}"') < html.index(f'id="comment-{reply.pk}"')


@pytest.mark.django_db
def test_empty_staff_reply_is_refused(client, moderator, article):
    """An empty reply shows an error instead of publishing nothing."""
    question = make_comment(article)
    client.force_login(moderator)
    response = client.post(inspect_url(question), {"body": "<script>x</script>"})
    assert response.status_code == 200
    assert "Please write a reply." in response.content.decode()
    assert not Comment.objects.filter(parent=question).exists()


@pytest.mark.django_db
def test_dashboard_shows_the_number_awaiting_moderation(client, moderator, sales, article):
    """Moderators see how many comments wait for them on the admin home; Sales do not."""
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING)
    make_comment(article)
    client.force_login(moderator)
    assert "3 comments awaiting moderation" in client.get("/admin/").content.decode()
    client.force_login(sales)
    assert "awaiting moderation" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_comment_settings_are_editable_by_editors(client, editor, home):
    """Editors can change the closing days, link limit and blocked words in Settings."""
    client.force_login(editor)
    response = client.get(f"/admin/settings/comments/commentsettings/{home.get_site().pk}/")
    assert response.status_code == 200
    assert "Blocked words" in response.content.decode()


@pytest.mark.django_db
def test_editing_a_comment_in_the_admin_keeps_the_allow_list(client, moderator, article):
    """A moderator's edit to a comment body is sanitised like a visitor's."""
    comment = make_comment(article)
    client.force_login(moderator)
    url = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"name": "Reader", "website": "", "body": "Fixed <script>x</script><b>typo</b>"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "<p>Fixed <b>typo</b></p>"


@pytest.mark.django_db
def test_bulk_action_with_a_non_numeric_id_is_not_found(client, moderator):
    """A hand-edited bulk-action link with a bad id is a 404, not a server error."""
    client.force_login(moderator)
    assert client.get("/admin/bulk/comments/comment/approve/?id=abc").status_code == 404
    assert client.post("/admin/bulk/comments/comment/approve/?id=%C2%B2").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("status", Comment.Status.values)
def test_buttons_and_bulk_actions_come_from_the_one_table_of_actions(client, moderator, article, status):
    """The inspect view offers exactly the actions that would change the comment, labelled as the bulk actions are."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    comment = make_comment(article, status=status)
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    for action in moderation.ACTIONS:
        url = reverse("wagtailsnippets_comments_comment:moderate", args=[comment.pk, action.name])
        assert (url in html) == (status in action.applies_to), action.name
        bulk = bulk_action_registry.get_bulk_action_class("comments", "comment", action.name)
        assert (bulk.display_name, bulk.function, bulk.past_tense) == (
            action.label,
            action.function,
            action.past_tense,
        )
    registered = bulk_action_registry.get_bulk_actions_for_model("comments", "comment")
    # Wagtail's own snippet "delete" stands beside the moderation actions.
    assert {bulk.action_type for bulk in registered} - {"delete"} == {a.name for a in moderation.ACTIONS}
