"""What a commenter may write, and what never reaches the page."""

import pytest

from comments.models import Comment
from comments.sanitize import ALLOWED_ATTRIBUTES, allowed_html_description, plain_text, sanitize_body
from tests.comment_builders import form_data, fresh_rate_limits, post_url  # noqa: F401

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    '<b onclick="alert(1)" onmouseover="alert(2)">bold</b>',
    '<a href="javascript:alert(1)">js link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>',
    '<q cite="javascript:alert(1)">quote</q>',
    '<p style="color:red">styled</p><style>body{display:none}</style>',
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    "<math><mtext><script>alert(1)</script></mtext></math>",
]


def test_every_allowed_tag_and_attribute_survives():
    """Writers can use each tag the form lists, with its attributes."""
    html = (
        '<a href="https://example.com/" title="T">link</a> <abbr title="A">ab</abbr> '
        '<acronym title="B">ac</acronym> <b>b</b> <blockquote cite="https://example.com/q">bq</blockquote> '
        '<cite>ci</cite> <code>co</code> <del datetime="2024-01-01">de</del> <em>em</em> <i>i</i> '
        '<q cite="https://example.com/q">q</q> <strike>st</strike> <strong>sg</strong>'
    )
    clean = sanitize_body(html)
    for tag, attributes in ALLOWED_ATTRIBUTES.items():
        assert f"<{tag}" in clean, tag
        for attribute in attributes:
            assert f"{attribute}=" in clean, (tag, attribute)


@pytest.mark.parametrize("attack", ATTACKS)
def test_dangerous_markup_is_stripped_from_the_body(attack):
    """Scripts, event handlers, javascript:/data: links, styles and embeds never reach readers."""
    clean = sanitize_body(attack).lower()
    for needle in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "onmouseover",
        "javascript:",
        "data:",
        "style=",
        "<style",
        "<iframe",
        "<svg",
        "<math",
        "<img",
        "alert(1)</script",
    ):
        assert needle not in clean


def test_links_are_marked_nofollow_ugc_noopener():
    """Search engines get no endorsement from commenters' links."""
    clean = sanitize_body('<a href="https://example.com/">site</a>')
    assert 'rel="nofollow ugc noopener"' in clean


def test_relative_links_are_dropped():
    """A comment cannot link into our own admin or site paths."""
    assert "href" not in sanitize_body('<a href="/admin/">here</a>')


def test_line_breaks_become_paragraphs():
    """Blank lines start a paragraph; a single line break stays a line break."""
    assert sanitize_body("One\nstill one\n\nTwo") == "<p>One<br>\nstill one</p><p>Two</p>"


def test_the_form_shows_the_allow_list():
    """The writer is told which tags they may use."""
    assert allowed_html_description().startswith(
        "a href title, abbr title, acronym title, b, blockquote cite"
    )


def test_names_are_plain_text():
    """A name cannot carry markup or script."""
    assert plain_text('<b onclick="x">Acme</b> <script>alert(1)</script>Ltd') == "Acme Ltd"


@pytest.mark.django_db
def test_submitted_name_body_and_website_are_cleaned(client, make_article):
    """What a visitor posts is stored clean: name without tags, body to the allow-list."""
    page = make_article()
    body = "Nice <script>alert(1)</script><b onclick=x>post</b> <svg><a href='javascript:1'>x</a></svg>"
    response = client.post(post_url(page), form_data(name="<i>Bob</i><script>x</script>", body=body))
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.name == "Bob"
    assert comment.body == "<p>Nice <b>post</b></p>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "website",
    [
        "javascript:alert(1)",
        "data:text/html,<script>x</script>",
        "ftp://example.com/",
        'https://a.com/"onmouseover=x',
    ],
)
def test_website_must_be_an_http_address(client, make_article, website):
    """Only http(s) websites are accepted; anything else is refused with a message."""
    page = make_article()
    response = client.post(post_url(page), form_data(website=website))
    assert response.status_code == 400
    assert (
        "Enter a web address starting http or https." in response.content.decode()
        or "Enter a valid URL" in (response.content.decode())
    )
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_body_longer_than_the_limit_is_refused(client, make_article, settings):
    """A 5,001-character comment comes back with a message and the text kept."""
    page = make_article()
    response = client.post(post_url(page), form_data(body="x" * 5001))
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert not Comment.objects.exists()
