"""The demo comments the lead's load_demo_content command adds."""

import io

import pytest

from comments import demo
from comments.models import Comment


@pytest.mark.django_db
def test_demo_adds_threads_with_team_replies_pending_and_spam_once(client, make_article):
    """Demo articles get threaded comments with Team replies; running it again changes nothing."""
    first, second = make_article(title="First"), make_article(title="Second")
    out = io.StringIO()
    assert demo.load(out) == 2
    assert "2 article(s)" in out.getvalue()
    assert Comment.objects.filter(page=first, status=Comment.Status.SPAM).count() == 1
    assert Comment.objects.filter(page=second).awaiting_moderation().count() == 2
    assert Comment.objects.filter(is_staff_reply=True).approved().exists()
    assert max(len(c.ancestors()) + 1 for c in Comment.objects.all()) == 4

    before = list(Comment.objects.order_by("pk").values_list("pk", "status", "body"))
    assert demo.load(io.StringIO()) == 0
    assert list(Comment.objects.order_by("pk").values_list("pk", "status", "body")) == before

    html = client.get(first.url).content.decode()
    assert "6 thoughts on “First”" in html
    assert '<span class="comment__badge">Team</span>' in html
