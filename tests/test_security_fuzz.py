"""Every public form and the search, fuzzed with hypothesis: hostile unicode (NUL, lone
surrogates, bidi controls), very long values, missing, duplicated and unexpected fields,
values of the wrong shape, and a missing or foreign Origin. Never a 500, always a message."""

from urllib.parse import quote, urlencode

from django.core.cache import caches

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.comment_builders import form_data, post_url

from .leads_support import callback_data, contact_data

# Bounded so the suite stays fast; each example is one request.
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MISSING = object()

awkward_characters = st.one_of(
    st.characters(),
    st.sampled_from(["\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "<", "'", '"', "%", "&"]),
)
text = st.text(awkward_characters, max_size=40)
value = st.one_of(
    text,
    st.just(MISSING),
    st.lists(text, min_size=2, max_size=3),  # the field sent twice or more
    st.integers(min_value=2_000, max_value=120_000).map(lambda n: "ü" * n),  # far too long
    st.sampled_from(["-1", "0", "1e309", "NaN", "[]", "{}", "on", "true", "٣", "²", str(2**64)]),
)
origin = st.sampled_from(
    [None, "http://testserver", "https://evil.example", "null", "http://testserver.evil"]
)


def hostile(base, fields):
    return st.dictionaries(st.sampled_from([*fields, "unexpected", "\x00"]), value, max_size=6).map(
        lambda overrides: merge(base, overrides)
    )


def merge(base, overrides):
    data = dict(base)
    for name, new in overrides.items():
        if new is MISSING:
            data.pop(name, None)
        else:
            data[name] = new
    return data


def encode(data):
    """A form body as a browser or a script would send it, lone surrogates and all."""
    return urlencode(data, doseq=True, encoding="utf-8", errors="surrogatepass")


def post(client, url, data, sent_from):
    headers = {"HTTP_ORIGIN": sent_from} if sent_from else {}
    caches["shared"].clear()  # rate limits would otherwise answer every later example
    return client.post(url, encode(data), content_type="application/x-www-form-urlencoded", **headers)


def assert_answered_clearly(response):
    assert response.status_code in (200, 302, 400, 403, 429), response.status_code
    html = response.content.decode(errors="replace")
    if response.status_code == 400 or response.status_code == 429:
        assert "alert-danger" in html or "invalid-feedback" in html, html[:2000]
    if response.status_code == 403:
        assert "another website" in html or "Comments are closed" in html


@pytest.fixture
def article(make_article):
    return make_article(title="Fuzzed article")


@pytest.mark.django_db
def test_comment_form_survives_hostile_input(client, article):
    """Whatever a visitor or a bot posts as a comment, the answer is a page with a message, never an error."""
    fields = list(form_data()) + ["notify_replies", "csrfmiddlewaretoken"]

    @FUZZ
    @given(data=hostile(form_data(), fields), sent_from=origin)
    def run(data, sent_from):
        assert_answered_clearly(post(client, post_url(article), data, sent_from))

    run()


@pytest.mark.django_db
@pytest.mark.parametrize("url, base", [("/leads/callback/", callback_data), ("/contact/", contact_data)])
def test_lead_forms_survive_hostile_input(client, home, url, base):
    """The callback and contact forms answer every hostile submission with a page, never an error."""
    fields = list(base()) + [
        "email",
        "company",
        "service",
        "form",
        "source_page",
        "source_url",
        "referrer",
        "utm_source",
        "utm_campaign",
        "newsletter",
    ]

    @FUZZ
    @given(data=hostile(base(), fields), sent_from=origin)
    def run(data, sent_from):
        assert_answered_clearly(post(client, url, data, sent_from))

    run()


@pytest.mark.django_db
def test_search_and_query_parameters_survive_hostile_input(client, article):
    """Search terms, page numbers and the article's ?comment= and ?replyto= values never cause an error."""

    @FUZZ
    @given(
        query=st.dictionaries(st.sampled_from(["q", "page", "tag", "comment", "replyto"]), value, max_size=4)
    )
    def run(query):
        query = {name: given_value for name, given_value in query.items() if given_value is not MISSING}
        for path in ("/search/", article.url, "/articles/", "/contact/"):
            response = client.get(f"{path}?{encode(query)}")
            assert response.status_code in (200, 404), (path, response.status_code)

    run()


@pytest.mark.django_db
def test_unsubscribe_links_survive_hostile_tokens(client, article):
    """A damaged or invented unsubscribe link answers "not valid", never an error."""

    @FUZZ
    @given(token=text.filter(lambda token: token.strip("/")))
    def run(token):
        url = f"/comments/unsubscribe/{quote(token, safe='', errors='surrogatepass')}/"
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404

    run()
