"""Posting a comment as a visitor: what they see, what is stored, and what is refused."""

import re
import time
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from wagtail.models import Site

import pytest

from antispam.defences import issue_token
from comments import moderation
from comments.models import Comment, CommentSettings
from tests.comment_builders import form_data, make_comment, post_url


@pytest.fixture
def article(make_article):
    return make_article(title="SEO and SMO")


@pytest.fixture
def comment_settings(home):
    return CommentSettings.for_site(Site.objects.get(is_default_site=True))


def section(response):
    html = response.content.decode()
    return html[html.index('<section class="comments"') :]


@pytest.mark.django_db
def test_first_comment_awaits_moderation_and_its_writer_sees_it(client, article):
    """A first-time commenter lands back on the article, their comment shown to them as pending."""
    response = client.post(post_url(article), form_data(body="First!"))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response.status_code == 302
    assert response["Location"].startswith(f"{article.url}?comment=")
    assert response["Location"].endswith(f"#comment-{comment.pk}")

    own_view = section(client.get(response["Location"]))
    assert "awaiting moderation" in own_view
    assert "First!" in own_view
    assert f'id="comment-{comment.pk}"' in own_view

    public_view = section(client.get(article.url))
    assert "First!" not in public_view
    assert "No comments yet" in public_view


@pytest.mark.django_db
def test_a_forged_preview_link_shows_nothing(client, article):
    """Someone guessing ?comment= values cannot see other people's pending comments."""
    pending = make_comment(article, body="<p>Secret pending</p>", status=Comment.Status.PENDING)
    for guess in (str(pending.pk), f"{pending.pk}:forged-signature"):
        response = client.get(article.url, {"comment": guess})
        assert response.status_code == 200
        assert "Secret pending" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("parent", ["²", "٣", "99999999999999999999999"])
def test_odd_reply_ids_get_a_message_not_an_error(client, article, parent):
    """A reply id that is no number the database knows comes back as a message, text kept."""
    response = client.post(post_url(article), form_data(body="Still here", parent=parent))
    assert response.status_code == 400
    assert "Still here</textarea>" in section(response)


@pytest.mark.django_db
def test_the_anonymous_page_holds_no_per_visitor_state(client, article):
    """The article's HTML for visitors carries no CSRF token or session cookie, so it can be cached whole."""
    response = client.get(article.url)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"answer": "1999"}, "That is not the answer we expected"),
    ],
)
def test_errors_come_back_with_the_text_kept(client, article, fields, message):
    """A mistake (a bad email, a wrong human-check answer) re-shows the article with the message, the comment kept, nothing stored."""
    response = client.post(post_url(article), form_data(body="Keep this text", **fields))
    assert response.status_code == 400
    html = section(response)
    assert message in html
    assert "Keep this text</textarea>" in html
    assert 'value="Priya Shah"' in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_field_error_is_tied_to_its_field(client, article):
    """Screen readers hear the email error with the email field."""
    response = client.post(post_url(article), form_data(email="not-an-email"))
    assert 'aria-describedby="comment_email_helptext comment_email_error"' in section(response)


@pytest.mark.django_db
def test_required_fields_are_marked_and_email_is_private(client, article):
    """The form marks required fields and promises the email stays private."""
    html = section(client.get(article.url))
    assert "Your email address will not be published." in html
    assert html.count('<span class="asteriskField">*</span>') == 4  # name, email, comment, human check
    assert "You may use these HTML tags and attributes: a href title" in html
    assert "Email me when someone replies" in html


@pytest.mark.django_db
def test_reply_link_works_without_javascript(client, article):
    """Following Reply without JavaScript gives a form that answers that comment."""
    parent = make_comment(article, name="Lena")
    html = section(client.get(f"{article.url}?replyto={parent.pk}"))
    assert "Reply to Lena" in html
    assert f'name="parent" value="{parent.pk}"' in html

    client.post(post_url(article), form_data(parent=str(parent.pk), body="A reply"))
    assert Comment.objects.get(body="<p>A reply</p>").parent == parent


def earn_trust(client, article, email="priya@example.com"):
    """Post a comment from this browser and have a moderator approve it."""
    client.post(post_url(article), form_data(email=email, body="My first comment"))
    moderation.approve(Comment.objects.get(body="<p>My first comment</p>"))


@pytest.mark.django_db
def test_returning_commenter_is_published_at_once(client, article):
    """Someone whose earlier comment from this browser was approved is published straight away."""
    earn_trust(client, article)
    response = client.post(post_url(article), form_data(email="PRIYA@example.com", body="Back again"))
    comment = Comment.objects.get(body="<p>Back again</p>")
    assert comment.status == Comment.Status.APPROVED
    assert "your comment is published" in section(client.get(response["Location"]))
    assert "Back again" in section(client.get(article.url))


@pytest.mark.django_db
def test_returning_commenter_still_goes_to_moderation_when_trust_is_off(client, article, settings):
    """With COMMENTS_TRUST_RETURNING off, every visitor's comment waits for a moderator."""
    settings.COMMENTS_TRUST_RETURNING = False
    earn_trust(client, article)
    client.post(post_url(article), form_data(body="Back again"))
    assert Comment.objects.get(body="<p>Back again</p>").status == Comment.Status.PENDING


@pytest.mark.django_db
def test_returning_commenter_tripping_a_rule_is_spam(client, article, comment_settings):
    """Trust never overrides the spam rules."""
    comment_settings.blocked_words = "casino"
    comment_settings.save()
    earn_trust(client, article)
    client.post(post_url(article), form_data(body="Try our CASINO"))
    assert Comment.objects.get(body="<p>Try our CASINO</p>").status == Comment.Status.SPAM


@pytest.mark.django_db
def test_staff_comment_from_the_site_is_published_with_team_badge(article):
    """A logged-in team member's reply goes live at once, marked Team."""
    user = User.objects.create_user("maya", "maya@example.com", "pw", first_name="Maya", last_name="Okafor")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    html = section(client.get(article.url))
    assert "csrfmiddlewaretoken" in html  # logged-in pages are not cached: the token is theirs
    assert 'name="email"' not in html

    parent = make_comment(article)
    token = client.cookies["csrftoken"].value
    response = client.post(
        post_url(article), {"body": "Thanks!", "parent": parent.pk, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    reply = Comment.objects.get(body="<p>Thanks!</p>")
    assert (reply.status, reply.is_staff_reply, reply.user, reply.name) == (
        Comment.Status.APPROVED,
        True,
        user,
        "Maya Okafor",
    )
    assert '<span class="comment__badge">Team</span>' in section(client.get(article.url))


@pytest.mark.django_db
def test_logged_in_posts_need_the_csrf_token(article):
    """A forged cross-site post cannot borrow a logged-in user's session."""
    user = User.objects.create_superuser("admin", "admin@example.com", "pw")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(post_url(article), {"body": "Forged"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_anonymous_posts_need_no_csrf_token(article):
    """Visitors on a cached page can comment although the page carries no token."""
    client = Client(enforce_csrf_checks=True)
    assert client.post(post_url(article), form_data()).status_code == 302


# --- Closed comments -------------------------------------------------------------------


@pytest.mark.django_db
def test_closed_article_keeps_its_thread_and_refuses_comments(client, make_article):
    """With comments closed, readers still see the conversation but no form, and posts are refused."""
    article = make_article(comments_open=False)
    make_comment(article, body="<p>Still here</p>")
    html = section(client.get(article.url))
    assert "Still here" in html
    assert "Comments are closed." in html
    assert "<form" not in html
    assert "Reply" not in html

    response = client.post(post_url(article), form_data())
    assert response.status_code == 403
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_comments_close_automatically_after_the_set_days(client, article, comment_settings):
    """N days after first publication the form goes and direct posts are refused."""
    comment_settings.auto_close_days = 30
    comment_settings.save()
    assert "<form" in section(client.get(article.url))

    article.first_published_at = timezone.now() - timedelta(days=31)
    article.save(update_fields=["first_published_at"])
    assert "Comments are closed." in section(client.get(article.url))
    assert client.post(post_url(article), form_data()).status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_zero_days_never_closes(client, article, comment_settings):
    """Auto-close 0 keeps old articles open."""
    comment_settings.auto_close_days = 0
    comment_settings.save()
    article.first_published_at = timezone.now() - timedelta(days=3650)
    article.save(update_fields=["first_published_at"])
    assert client.post(post_url(article), form_data()).status_code == 302


@pytest.mark.django_db
def test_pages_without_comments_refuse_posts(client, home):
    """Only pages that take comments accept them."""
    assert client.post(post_url(home), form_data()).status_code == 404


@pytest.mark.django_db
def test_draft_article_refuses_posts(client, make_article):
    """An unpublished article cannot be commented on."""
    draft = make_article(publish=False)
    assert client.post(post_url(draft), form_data()).status_code == 404


# --- Spam defences ------------------------------------------------------------------------


@pytest.mark.django_db
def test_honeypot_filled_is_stored_as_spam(client, article):
    """A bot filling the hidden field is stored as spam, not published, not dropped."""
    response = client.post(post_url(article), form_data(homepage_url="http://bot.example"))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "hidden field" in comment.spam_reasons
    assert response.status_code == 302


@pytest.mark.django_db
def test_too_fast_submission_is_stored_as_spam(client, article):
    """A form sent a second after it was shown is held as spam."""
    client.post(post_url(article), form_data(issued=issue_token(now=time.time() - 1)))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "after the form was shown" in comment.spam_reasons


@pytest.mark.django_db
def test_forged_form_token_is_stored_as_spam(client, article):
    """A made-up timestamp is held as spam."""
    client.post(post_url(article), form_data(issued="12345:forged"))
    assert Comment.objects.get().status == Comment.Status.SPAM


@pytest.mark.django_db
def test_too_many_links_is_stored_as_spam(client, article, comment_settings):
    """More links than the setting allows holds the comment as spam."""
    comment_settings.max_links = 2
    comment_settings.save()
    body = "See https://a.example and https://b.example and www.c.example"
    client.post(post_url(article), form_data(body=body))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "3 links (the limit is 2)" in comment.spam_reasons


@pytest.mark.django_db
def test_links_within_the_limit_are_fine(client, article, comment_settings):
    """Two links are allowed by default."""
    client.post(post_url(article), form_data(body="See https://a.example and https://b.example"))
    assert Comment.objects.get().status == Comment.Status.PENDING


@pytest.mark.django_db
def test_blocked_word_is_stored_as_spam(client, article, comment_settings):
    """A word staff blocked in the admin holds the comment as spam, in any case."""
    comment_settings.blocked_words = "cheap pills\ncasino"
    comment_settings.save()
    client.post(post_url(article), form_data(name="Cheap Pills Ltd"))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "cheap pills" in comment.spam_reasons


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"website": "https://www.spam.example/offer"},
        {"body": 'Look <a href="https://shop.spam.example/">here</a>'},
        {"email": "seo@spam.example"},
    ],
)
def test_blocked_domain_is_stored_as_spam(client, article, comment_settings, fields):
    """Links, websites and emails on a blocked domain (or its subdomains) are held as spam."""
    comment_settings.blocked_domains = "spam.example"
    comment_settings.save()
    client.post(post_url(article), form_data(**fields))
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    assert "blocked domain spam.example" in comment.spam_reasons


@pytest.mark.django_db
def test_human_check_question_is_editable(client, article, comment_settings):
    """Staff can change the question and its answers in the admin settings."""
    comment_settings.human_check_question = "What colour is the sky on a clear day?"
    comment_settings.human_check_answer = "blue, Blue sky"
    comment_settings.save()
    assert "What colour is the sky on a clear day?" in section(client.get(article.url))
    assert client.post(post_url(article), form_data(answer="BLUE")).status_code == 302


@pytest.mark.django_db
def test_rate_limit_refuses_with_a_message_and_keeps_the_text(client, article, settings):
    """Past the per-IP limit a visitor is told to wait, and their text is still there."""
    settings.ANTISPAM_RATE_LIMITS = {**settings.ANTISPAM_RATE_LIMITS, "comments": (2, 600)}
    for n in range(2):
        assert client.post(post_url(article), form_data(body=f"Comment {n}")).status_code == 302
    response = client.post(post_url(article), form_data(body="One too many"))
    assert response.status_code == 429
    html = section(response)
    assert "Please wait a few minutes" in html
    assert "One too many</textarea>" in html
    assert Comment.objects.count() == 2

    other_visitor = Client(REMOTE_ADDR="203.0.113.9")
    assert other_visitor.post(post_url(article), form_data()).status_code == 302


@pytest.mark.django_db
def test_private_details_never_reach_public_html(client, article):
    """Email, IP address and user agent of commenters are kept out of the page."""
    make_comment(
        article, email="hidden@example.com", ip_address="198.51.100.23", user_agent="SecretBrowser/1.0"
    )
    make_comment(
        article,
        email="pending@example.com",
        status=Comment.Status.PENDING,
        ip_address="198.51.100.24",
        user_agent="SecretBrowser/2.0",
    )
    posted = client.post(post_url(article), form_data(email="own@example.com"), HTTP_USER_AGENT="MyAgent/3.0")
    own = Comment.objects.get(email="own@example.com")
    own_view = client.get(posted["Location"])  # the writer's signed link to their pending comment
    assert own_view.status_code == 200 and f'id="comment-{own.pk}"' in own_view.content.decode()
    for response in (client.get(article.url), own_view):
        assert response.status_code == 200
        html = response.content.decode()
        for secret in ("hidden@example.com", "198.51.100.23", "SecretBrowser", "own@example.com", "MyAgent"):
            assert secret not in html


@pytest.mark.django_db
def test_comment_form_ids_are_unique_on_the_article(client, article):
    """Labels point at the right fields: no id on the article page is used twice."""
    import re
    from collections import Counter

    make_comment(article)
    ids = Counter(re.findall(r'\sid="([^"]+)"', client.get(article.url).content.decode()))
    assert [name for name, count in ids.items() if count > 1] == []


@pytest.mark.django_db
def test_overlong_email_gets_a_field_error_not_a_server_error(client, article):
    """An email longer than the 254 characters we can store is refused beside the field, the text kept."""
    email = "a" * 62 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".example"
    assert len(email) == 262
    response = client.post(post_url(article), form_data(email=email, body="Keep this text"))
    assert response.status_code == 400
    html = section(response)
    assert "at most 254 characters" in html
    assert f'value="{email}"' in html
    assert "Keep this text</textarea>" in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_form_fields_fit_their_columns():
    """Nothing a visitor may type is longer than its column can hold (no lost comment on PostgreSQL)."""
    from comments.forms import CommentForm

    for name in ("name", "email", "website"):
        column = Comment._meta.get_field(name).max_length
        assert CommentForm.base_fields[name].max_length <= column, name


@pytest.mark.django_db
def test_a_staff_members_email_earns_no_trust_from_their_replies(client, article):
    """Posting under a team member's email, whose only comments are team replies, still waits for a moderator."""
    make_comment(article, email="maya@example.com", is_staff_reply=True)
    client.post(post_url(article), form_data(email="maya@example.com", body="Pretending"))
    assert Comment.objects.get(body="<p>Pretending</p>").status == Comment.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize("team_account", [{"is_superuser": True}, {"group": "Moderators"}])
def test_a_visitor_using_a_team_accounts_email_is_never_trusted(client, article, team_account):
    """Someone not logged in who types a team member's email waits for a moderator, even with an earlier approved comment."""
    user = User.objects.create_user(
        "maya", "Maya@example.com", "pw", is_superuser=team_account.get("is_superuser", False)
    )
    if "group" in team_account:
        user.groups.add(Group.objects.get(name=team_account["group"]))
    earn_trust(client, article, email="maya@example.com")  # approved, not marked as a team reply
    client.post(post_url(article), form_data(email="MAYA@example.com", body="Pretending"))
    assert Comment.objects.get(body="<p>Pretending</p>").status == Comment.Status.PENDING


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hidden, message",
    [
        ({"parent": "abc"}, "The comment you replied to no longer exists; your comment is kept below"),
        ({"parent": "1.5"}, "The comment you replied to no longer exists; your comment is kept below"),
        ({"parent": "7\x00"}, "The comment you replied to no longer exists; your comment is kept below"),
        ({"issued": "\x00"}, "Part of the form did not arrive intact"),
    ],
)
def test_a_damaged_hidden_field_shows_a_message_and_keeps_the_text(client, article, hidden, message):
    """A broken hidden value comes back with a readable message above the form, the comment still typed in."""
    response = client.post(post_url(article), form_data(body="Keep this text", **hidden))
    assert response.status_code == 400
    html = section(response)
    errors = html[html.index('class="alert alert-danger form-errors" role="alert"') :]
    assert message in errors[: errors.index("</div>")]
    assert "Keep this text</textarea>" in html
    assert not Comment.objects.exists()

    # Sent again as it came back, it goes through (a top-level comment, a fresh form token).
    resent = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    response = client.post(post_url(article), form_data(body="Keep this text", **resent))
    assert response.status_code == 302
    assert Comment.objects.get().parent is None


@pytest.mark.django_db
def test_an_expired_form_says_so_above_the_form(client, article, settings):
    """A form left open past the token's lifetime explains itself instead of failing silently."""
    stale = issue_token(now=time.time() - settings.ANTISPAM_TOKEN_MAX_AGE - 60)
    response = client.post(post_url(article), form_data(issued=stale, body="Keep this text"))
    assert response.status_code == 400
    html = section(response)
    assert "This form was open for too long" in html
    assert "Keep this text</textarea>" in html


@pytest.mark.django_db
def test_mistakes_do_not_use_up_the_rate_limit(client, article, settings):
    """Several posts with a typo, then a correct one: the correct one is accepted."""
    settings.ANTISPAM_RATE_LIMITS = {**settings.ANTISPAM_RATE_LIMITS, "comments": (2, 600)}
    for _ in range(4):
        assert client.post(post_url(article), form_data(email="priya@example")).status_code == 400
    assert client.post(post_url(article), form_data()).status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_a_malformed_link_in_a_comment_is_no_server_error(client, article):
    """A link whose address cannot be parsed is stored like any other comment, not a crash."""
    response = client.post(post_url(article), form_data(body='See <a href="http://[bad/">this</a>'))
    assert response.status_code == 302
    assert Comment.objects.count() == 1
