"""Post HTML to article blocks, shape by shape, and comments deeper than the site allows."""

from types import SimpleNamespace

import pytest

from articles.wordpress.body import BodyConverter, split_credit
from comments.models import Comment
from comments.wordpress import import_comments

PICTURE = SimpleNamespace(pk=7, description="From the library")


def convert(html):
    warnings = []
    blocks = BodyConverter(lambda src, wp_id: PICTURE if (src or wp_id) else None, warnings.append).convert(
        html
    )
    return [(block["type"], block["value"]) for block in blocks], warnings


def test_classic_posts_get_paragraphs_from_blank_lines():
    """Text from the classic editor, stored without <p>, reads as paragraphs and line breaks."""
    blocks, _ = convert("First line\nsame paragraph\n\nSecond paragraph")
    assert len(blocks) == 1 and blocks[0][0] == "paragraph"
    html = blocks[0][1]
    assert "First line<br/> same paragraph</p>" in html and ">Second paragraph</p>" in html


def test_headings_lists_and_sub_headings():
    """<h2> starts a heading block; <h3> to <h6> and lists stay in the text around them."""
    blocks, _ = convert("<p>Intro</p><h2>Part one</h2><h3>Detail</h3><h5>Small</h5><ol><li>a</li></ol>")
    assert [t for t, _v in blocks] == ["paragraph", "heading", "paragraph"]
    assert blocks[1][1] == {"text": "Part one", "anchor": ""}
    assert "<h3" in blocks[2][1] and "<h4" in blocks[2][1] and "<ol>" in blocks[2][1]


def test_shortcodes_embeds_and_galleries():
    """[embed], bare video links, video iframes and [gallery] become blocks; others go, named."""
    html = (
        "[embed]https://vimeo.com/1234[/embed]\n\nhttps://www.youtube.com/watch?v=abcDEF12345\n\n"
        '<iframe src="https://www.youtube.com/embed/XYZxyz12345"></iframe>\n\n[gallery ids="4,5"]\n\n'
        '[su_box title="Tip"]Keep it short.[/su_box] [sic]'
    )
    blocks, warnings = convert(html)
    assert [v for t, v in blocks if t == "embed"] == [
        "https://vimeo.com/1234",
        "https://www.youtube.com/watch?v=abcDEF12345",
        "https://www.youtube.com/watch?v=XYZxyz12345",
    ]
    assert [t for t, _v in blocks].count("image") == 2
    assert "Keep it short." in blocks[-1][1]  # an unknown shortcode's own text stays
    assert warnings == ["unknown shortcode(s) removed: [sic], [su_box]"]


def test_scripts_and_unknown_frames_are_removed_with_a_warning():
    """Nothing from a post can run on the new site; what was dropped is reported."""
    blocks, warnings = convert(
        '<p>Hi</p><script>alert(1)</script><iframe src="https://ads.example/"></iframe>'
    )
    assert blocks == [("paragraph", blocks[0][1])] and "alert" not in blocks[0][1]
    assert warnings == ["<script> element removed", "embedded frame https://ads.example/ removed"]


def test_javascript_links_lose_their_address():
    """Rich text keeps only links Wagtail's editor would keep."""
    blocks, _ = convert(
        '<p><a href="javascript:alert(1)">click</a> and <a href="https://ok.example/">ok</a></p>'
    )
    assert "javascript" not in blocks[0][1] and 'href="https://ok.example/"' in blocks[0][1]


def test_images_take_alt_from_the_library_when_the_post_has_none():
    """An image without alt text in the post gets the attachment's."""
    blocks, _ = convert(
        '<p><img src="https://x.example/wp-content/uploads/a.jpg"></p><p>Photo credit: Kim</p>'
    )
    assert blocks == [
        (
            "image",
            {
                "image": {"image": 7, "alt_text": "From the library", "decorative": False},
                "caption": "",
                "credit": "Kim",
            },
        )
    ]


def test_credit_lines_split_from_captions():
    """ "Caption. Image credit: Name" gives the caption and the credit apart."""
    assert split_credit("Our team at work. Image credit: Ana Costa") == ("Our team at work.", "Ana Costa")
    assert split_credit("No credit here") == ("No credit here", "")


@pytest.mark.django_db
def test_replies_deeper_than_the_limit_attach_at_the_deepest_level(make_article, settings):
    """Replies deeper than COMMENTS_MAX_DEPTH show at the limit, as on the site, and still answer the right comment."""
    settings.COMMENTS_MAX_DEPTH = 3
    page = make_article()
    records = [
        SimpleNamespace(
            wp_id=n,
            parent_id=n - 1 if n > 1 else 0,
            author=f"Reader {n}",
            email=f"r{n}@example.com",
            url="",
            ip="",
            date=None,
            content=f"Reply {n}",
            approved="1",
            type="",
            user_id=0,
        )
        for n in range(1, 7)
    ]
    result = import_comments(page, records)
    assert (result.created, result.skipped) == (6, [])
    comments = {c.wordpress_id: c for c in Comment.objects.filter(page=page)}
    assert max(len(c.ancestors()) + 1 for c in comments.values()) == 3
    assert comments[6].in_reply_to == comments[5] and comments[6].parent == comments[2]
    assert comments[4].parent == comments[3].reply_parent()  # where the site puts a reply to 3
    assert all(c.created_at == page.first_published_at for c in comments.values())
