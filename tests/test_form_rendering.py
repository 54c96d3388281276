"""Visitor forms are laid out once per shape (antispam/rendering.py), yet each page still
carries its own fill-time token, the reply target it was asked for, the visitor's own input
and errors, and the question staff set."""

import re
import time

from django.core import signing

import pytest

from antispam import rendering
from antispam.defences import TOKEN_PLACEHOLDER
from comments.models import CommentSettings
from tests.comment_builders import form_data, make_comment, post_url

TOKEN = re.compile(r'name="issued" value="([^"]+)"')


def issued_at(token):
    return int(signing.Signer(salt="antispam.issued").unsign(token))


@pytest.mark.django_db
def test_each_request_gets_a_fresh_token_in_both_forms(client, make_article, monkeypatch):
    page = make_article()
    first = TOKEN.findall(client.get(page.url).content.decode())
    assert len(first) == 2  # the callback form and the comment form
    assert rendering._rendered  # the shapes were kept
    monkeypatch.setattr(time, "time", lambda: issued_at(first[0]) + 120)
    second = TOKEN.findall(client.get(page.url).content.decode())
    assert {issued_at(token) for token in second} == {issued_at(first[0]) + 120}
    assert TOKEN_PLACEHOLDER not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_reply_target_and_question_change_the_markup(client, make_article, home):
    page = make_article()
    comment = make_comment(page, name="Asker")
    plain = client.get(page.url).content.decode()
    assert f'name="parent" value="{comment.pk}"' not in plain
    reply = client.get(f"{page.url}?replyto={comment.pk}").content.decode()
    assert f'name="parent" value="{comment.pk}"' in reply
    settings = CommentSettings.for_site(home.get_site())
    settings.human_check_question = "Which colour is the sky?"
    settings.save()
    assert "Which colour is the sky?" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_a_form_sent_back_shows_the_visitors_input_and_errors(client, make_article):
    page = make_article()
    client.get(page.url)  # the unbound shape is kept first
    response = client.post(post_url(page), form_data(name="Typed name", answer="wrong"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Typed name"' in html
    assert "invalid-feedback" in html or "is-invalid" in html
