"""What a commenter may write, and what never reaches the page."""

from html.parser import HTMLParser

import pytest

from comments import moderation
from comments.models import Comment
from comments.sanitize import ALLOWED_ATTRIBUTES, allowed_html_description, plain_text, sanitize_body
from tests.comment_builders import form_data, post_url

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


def test_plain_text_keeps_paragraphs_apart():
    """Paragraphs and line breaks of a comment do not run together in emails and admin excerpts."""
    assert plain_text("<p>First para.</p><p>Second</p>") == "First para. Second"
    assert plain_text("<p>One<br>\nstill   one</p><p>Two</p>", paragraphs=True) == "One\nstill one\n\nTwo"
    body = sanitize_body("First para.\n\n<blockquote>Quoted</blockquote>Second  line")
    assert plain_text(body, paragraphs=True) == "First para.\n\nQuoted\n\nSecond line"
    assert plain_text(body) == "First para. Quoted Second line"


@pytest.mark.django_db
def test_excerpt_and_email_text_keep_words_apart(make_article, settings, django_capture_on_commit_callbacks):
    """The admin excerpt reads "First para. Second"; the moderators' email keeps the paragraphs."""
    from django.core import mail

    settings.COMMENTS_MODERATOR_EMAILS = ["desk@example.com"]
    comment = Comment(
        page=make_article(), name="Reader", email="reader@example.com", body="<p>First para.</p><p>Second</p>"
    )
    assert comment.excerpt == "First para. Second"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.submit(comment)
    assert "\n\nFirst para.\n\nSecond\n\n" in mail.outbox[0].body


class LiveMarkup(HTMLParser):
    """Tags and attributes a browser would act on, as opposed to text that merely mentions them."""

    DANGEROUS_TAGS = {"script", "style", "iframe", "svg", "math", "img", "object", "embed"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            elif name in {"href", "src", "cite", "action"} and (value or "").strip().lower().startswith(
                ("javascript:", "data:")
            ):
                self.found.append(f"{tag} {name}={value}")


def live_markup(html):
    parser = LiveMarkup()
    parser.feed(html)
    return parser.found


WEBSITE_ATTACKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    'https://example.com/" onmouseover="alert(1)',
    "https://example.com/' style='color:red",
    "https://example.com/?<svg/onload=alert(1)>",
    "https://example.com/#<iframe/src=x>",
    "https://example.com/?q=<math><script>alert(1)</script>",
    "https://example.com/?onmouseover=alert(1)&style=x",
    "https://example.com/%22%20onclick=%22alert(1)",
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, attack",
    [("name", attack) for attack in ATTACKS]
    + [("website", attack) for attack in ATTACKS + WEBSITE_ATTACKS]
    + [("body", attack) for attack in ATTACKS],
)
def test_attacks_in_any_field_never_become_live_markup(client, make_article, field, attack):
    """Whatever is typed in the name, website or comment, readers' browsers get no script, style, embed or handler."""
    page = make_article()
    # A returning commenter (this browser's earlier comment was approved): published at once.
    client.post(post_url(page), form_data(body="First words"))
    moderation.approve(Comment.objects.get())
    response = client.post(post_url(page), form_data(**{field: attack, "body": f"Hello {attack}"}))
    # Refused (the form comes back, the input kept) or published: either way nothing is live.
    assert response.status_code in (302, 400)
    html = response.content.decode() if response.status_code == 400 else client.get(page.url).content.decode()
    section = html[
        html.index('<section class="comments"') : html.index(
            "</section>", html.index('<section class="comments"')
        )
    ]
    own_script = '<script src="/static/js/comments.js" defer></script>'
    assert section.count(own_script) == 1
    assert live_markup(section.replace(own_script, "")) == []
    if response.status_code == 302:
        assert Comment.objects.filter(status=Comment.Status.APPROVED).count() == 2


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
