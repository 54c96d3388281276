"""Moving in from WordPress: one import of an export written for these tests, then what
readers, search engines and editors find. (Re-runs, dry runs and refusals: test_wordpress_reimport.)"""

import json

from django.contrib.auth.models import User
from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleIndexPage, ArticlePage, HomePage, StandardPage
from articles.readiness.structured import structured_data_problems
from comments.models import Comment
from tests.test_articles_seo import collect_ids, graph_of
from tests.wordpress_fixture import MAYA_EMAIL, article, build, run

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """Import once for the whole module, inside a transaction rolled back at its end (each
    test runs in a savepoint within it, so none sees another's changes)."""
    with django_db_blocker.unblock(), transaction.atomic():
        root = Page.objects.get(depth=1)
        home = root.add_child(instance=HomePage(title="Northwind Digital", slug="home-page"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
        )
        Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
        home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
        User.objects.create_user("maya-here", MAYA_EMAIL, "x", is_staff=True)  # her account on this site
        path, uploads = build(tmp_path_factory.mktemp("wordpress"))
        yield run(path, "--uploads", uploads)
        transaction.set_rollback(True)


def test_report_counts_what_was_made_skipped_and_needs_attention(imported):
    """The end report lists created, skipped with reasons, and what a person should look at."""
    report, progress = imported
    assert "Reading" in progress and "posts and pages done" in progress
    assert "articles:    5 created, 0 updated, 0 unchanged" in report
    assert "pages:       2 created" in report
    assert "comments:    22 created" in report
    assert "authors:     2 created" in report
    assert "Post 16 “Private thoughts”: private in WordPress" in report
    assert "Post 17 “Binned post”: status “trash” is not imported" in report
    assert "comment 301 on “A workshop in three pictures”: a pingback, not a comment" in report
    assert "Post 11 “A workshop in three pictures”: unknown shortcode(s) removed: [contact-form-7]" in report
    assert "block-editor comment(s) removed" in report
    assert "Image file 2024/03/lost-photo.jpg is missing (used in Post 11" in report


def test_status_dates_authors_terms_and_hero(imported):
    """Published posts keep their dates, drafts stay drafts, future posts are scheduled."""
    post = article("SEO or SMO")
    assert post.live and post.first_published_at.isoformat() == "2024-03-04T09:30:00+00:00"
    assert post.last_published_at.isoformat() == "2024-04-01T10:00:00+00:00"
    assert post.authors[0].name == "Maya Okafor" and post.authors[0].slug == "maya"
    assert post.authors[0].user.username == "maya-here"  # so she hears of new comments
    assert post.category.slug == "seo"  # Yoast's primary category wins over the first listed
    assert sorted(post.tags.names()) == ["Social media", "Strategy", "Tables"]
    assert post.hero_image.description == "A compass on a map"
    assert post.intro == "Search and social work on different people at different times."
    draft = article("Draft: notes")
    assert not draft.live and draft.slug == "draft-notes-on-paid-search"
    scheduled = article("Coming soon")
    assert not scheduled.live and scheduled.status_string == "scheduled"
    assert scheduled.go_live_at.isoformat() == "2031-01-15T08:00:00+00:00"
    assert not ArticlePage.objects.filter(title="Private thoughts").exists()
    about = StandardPage.objects.get(title="About us")
    team = StandardPage.objects.get(title="Our team")
    assert team.get_parent().pk == about.pk and about.live
    assert "<h2" in about.body and "Plain words." in about.body


def test_password_protected_post_keeps_its_password(imported, client):
    """A post behind a password in WordPress is behind the same password here."""
    post = article("For clients only")
    restriction = PageViewRestriction.objects.get(page=post)
    assert restriction.restriction_type == "password" and restriction.password == "harbour-2024"
    response = client.get(post.url)
    assert response.status_code == 200 and "Our rates." not in response.content.decode()


def test_body_becomes_blocks_not_one_html_blob(imported):
    """Table with header row, heading, quote, list, embed and rich text each get their own block."""
    body = list(article("SEO or SMO").body.raw_data)
    assert [block["type"] for block in body] == [
        "paragraph",
        "heading",
        "table",
        "quote",
        "paragraph",
        "embed",
    ]
    table = body[2]["value"]
    assert len(table["data"]) == 7 and len(table["data"]) - 1 == 6  # header + 6 rows
    assert table["data"][0] == ["Question", "SEO", "SMO"] and table["first_row_is_table_header"]
    assert table["table_caption"] == "SEO and SMO compared"
    assert body[1]["value"] == {"text": "Side by side", "anchor": "side-by-side"}
    assert body[3]["value"]["attribution"] == "A client, after our first workshop"
    assert body[5]["value"] == "https://www.youtube.com/watch?v=aBcDeFgHiJk"
    # Rich text as Wagtail stores it; a link to the old site now points at its redirect here.
    assert 'data-block-key="' in body[0]["value"] and "<b>search</b>" in body[0]["value"]
    assert 'href="/2024/02/what-is-smo/"' in body[0]["value"]
    assert "wp:" not in json.dumps(body)


def test_three_credited_images_and_a_malformed_fragment(imported):
    """Each picture keeps its alt text, caption and the "Image credit:" line as its credit."""
    body = list(article("A workshop").body.raw_data)
    images = [block["value"] for block in body if block["type"] == "image"]
    assert [(i["image"]["alt_text"], i["caption"], i["credit"]) for i in images] == [
        ("A wall covered in plans", "The plan wall after two hours.", "Ana Costa"),
        ("Sticky notes sorted by colour", "Ideas, sorted by channel", "Ben Okoro"),
        ("Bar chart of monthly visits", "", "Northwind analytics team"),  # alt from the attachment
    ]
    text = json.dumps(body)
    assert "Image credit" not in text and "contact-form-7" not in text
    for words in ("Unclosed", "mixed", "a stray list item", "tail text"):
        assert words in text  # the broken HTML at the end survives as text
    # A resized copy and its original are one library image.
    assert get_image_model().objects.filter(title="Visits chart").count() == 1


def test_comments_keep_thread_status_team_and_closed(imported, settings):
    """22 comments, three deep, with team replies, spam and trash; comments closed carries over."""
    post = article("SEO or SMO")
    comments = {c.wordpress_id: c for c in Comment.objects.filter(page=post)}
    assert len(comments) == 22
    counts = Comment.objects.filter(page=post).status_counts()
    assert counts == {"approved": 18, "pending": 2, "spam": 1, "removed": 1}
    assert comments[203].parent == comments[202] and comments[202].parent == comments[201]
    assert len(comments[203].ancestors()) + 1 == 3
    assert comments[211].parent == comments[210]  # listed before its parent in the file
    assert comments[202].is_staff_reply and comments[209].is_staff_reply  # WordPress users
    assert comments[206].is_staff_reply  # written under an imported author's address
    assert comments[202].user.username == "maya-here" and comments[206].user is None
    assert not comments[203].is_staff_reply
    first = comments[201]
    assert (first.name, first.email, first.website) == (
        "Harbour Bakery",
        "owner@bakery.example",
        "https://bakery.example/",
    )
    assert (
        first.created_at.isoformat() == "2024-03-05T08:15:00+00:00" and first.approved_at == first.created_at
    )
    assert comments[205].body == "<p>The table is <strong>really</strong> useful.</p>"
    assert comments[217].body == "<p>Does SMO help rankings?</p><p>I have read both.</p>"
    assert post.comments_open and not article("A workshop").comments_open


def test_seo_fields_from_yoast(imported):
    """Yoast's title (variables filled in), meta description and social image carry over."""
    post = article("SEO or SMO")
    assert post.seo_title == "SEO or SMO? The two side by side – Harbour Lane Marketing"
    assert post.search_description == "How SEO and SMO differ, in one table."
    assert post.social_image.title == "Share card"


def test_pages_render_with_json_ld_and_the_thread(imported, client):
    """Imported pages render; the article's JSON-LD is the site's own BlogPosting graph."""
    post = article("SEO or SMO")
    response = client.get(post.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    nodes, graph = graph_of(soup)
    posting = nodes["BlogPosting"]
    assert posting["headline"] == "SEO or SMO? The two side by side"
    assert soup.title.string == "SEO or SMO? The two side by side – Harbour Lane Marketing"
    assert posting["datePublished"].startswith("2024-03-04T09:30:00")
    assert posting["dateModified"].startswith("2024-04-01T10:00:00")
    assert posting["author"] == [{"@id": nodes["Person"]["@id"]}] and nodes["Person"]["name"] == "Maya Okafor"
    assert posting["articleSection"] == "SEO" and posting["image"]["url"].startswith(
        "http://testserver/media/"
    )
    defined, references = set(), []
    collect_ids(graph, defined, references)
    assert set(references) <= defined
    # The site's own structured-data check: the imported article passes it; the publisher's
    # logo is the site's Organization setting, which a WordPress export does not carry.
    document = {"@context": "https://schema.org", "@graph": graph}
    assert [p for p in structured_data_problems(document) if "has no logo" not in p] == []
    assert len(soup.select("table thead th")) == 3 and len(soup.select("table tbody tr")) == 6
    assert len(soup.select("[id^=comment-]")) == 18  # the approved comments only
    assert "Cheap Links" not in response.content.decode()
    workshop = client.get(article("A workshop").url)
    assert workshop.status_code == 200 and workshop.content.decode().count("Image credit:") == 3
    for page in StandardPage.objects.all():
        assert client.get(page.url).status_code == 200


def test_old_addresses_answer_301(imported, client):
    """Old permalinks and ?p=/?page_id= addresses go to the new pages, through Wagtail's redirects."""
    post, about = article("SEO or SMO"), StandardPage.objects.get(title="About us")
    for old, new in [
        ("/2024/03/seo-or-smo/", post.url),
        ("/2024/03/seo-or-smo", post.url),
        ("/?p=10", post.url),
        ("/?p=10&utm_source=newsletter", post.url),
        ("/?page_id=14", about.url),
        ("/?p=15", StandardPage.objects.get(title="Our team").url),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get("/?p=999").status_code == 200  # an unknown id is just the home page
    assert not Redirect.objects.filter(old_path__contains="p=12").exists()  # drafts have no address yet
