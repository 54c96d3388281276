"""The WordPress export the import tests read: our own text, in the shapes of the source
posts (a comparison table, credited images, a long threaded discussion, Yoast fields...)."""

from io import StringIO

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from PIL import Image as PILImage
from taggit.models import Tag

from articles.models import ArticlePage, Author, Category, StandardPage, WordPressLink
from comments.models import Comment
from tests.wxr_builder import WPComment, WPItem, author_xml, category_xml, tag_xml, write_export

BASE = "https://old-blog.example"
UPLOADS = f"{BASE}/wp-content/uploads"
MAYA_EMAIL, TOM_EMAIL = "maya@old-blog.example", "tom@old-blog.example"

# path under uploads -> colour; "2024/03/lost-photo.jpg" is named in a post but not on disk.
IMAGE_FILES = {
    "2024/03/compass.jpg": "#1f4e79",
    "2024/03/visits-chart.png": "#1d6b5f",
    "2024/03/workshop-wall.jpg": "#7a3b69",
    "2024/03/sticky-notes.jpg": "#8a4b08",
    "2024/03/share-card.png": "#333366",
}

TABLE = """<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Question</th><th>SEO</th><th>SMO</th></tr></thead><tbody>
<tr><td>Where do visitors come from?</td><td>Search results</td><td>Shares and feeds</td></tr>
<tr><td>How fast does it work?</td><td>Months, then it compounds</td><td>Days, then it fades</td></tr>
<tr><td>Where is the work done?</td><td>On your own site</td><td>On profiles and posts</td></tr>
<tr><td>What is measured?</td><td>Rankings and organic visits</td><td>Reach and engagement</td></tr>
<tr><td>Who does it?</td><td>Writers and developers</td><td>Community managers</td></tr>
<tr><td>What does it cost?</td><td>Mostly time</td><td>Time and often ad spend</td></tr>
</tbody></table><figcaption>SEO and SMO compared</figcaption></figure>
<!-- /wp:table -->"""

TABLE_POST = f"""<!-- wp:paragraph -->
<p>People often buy <strong>search</strong> and <em>social</em> work as one package. <a href="{BASE}/2024/02/what-is-smo/">Our earlier post</a> explains SMO; this one sets the two side by side.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 id="side-by-side">Side by side</h2>
<!-- /wp:heading -->

{TABLE}

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Search answers questions; social starts conversations.</p><cite>A client, after our first workshop</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><li>Start with the questions your customers ask.</li><li>Share the answers where they talk.</li></ul>
<!-- /wp:list -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=aBcDeFgHiJk"}} -->
<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=aBcDeFgHiJk
</div></figure>
<!-- /wp:embed -->"""

IMAGES_POST = f"""We ran a planning workshop with a bakery last spring. Three pictures tell the story.

[caption id="attachment_103" align="aligncenter" width="800"]<img class="size-large wp-image-103" src="{UPLOADS}/2024/03/workshop-wall-800x450.jpg" alt="A wall covered in plans" width="800" height="450" /> The plan wall after two hours. Image credit: Ana Costa[/caption]

<figure class="wp-block-image"><img src="{UPLOADS}/2024/03/sticky-notes.jpg" alt="Sticky notes sorted by colour"/><figcaption>Ideas, sorted by channel</figcaption></figure>
<p>Image credit: Ben Okoro</p>

<a href="{UPLOADS}/2024/03/visits-chart.png"><img src="{UPLOADS}/2024/03/visits-chart-300x169.png" alt="" /></a>
Image credit: Northwind analytics team

<img src="{UPLOADS}/2024/03/lost-photo.jpg" alt="A photo that was never copied" />

[contact-form-7 id="9" title="Ask us"]

<p>Unclosed <strong>bold and <em>mixed</p><li>a stray list item</li> <div>tail text</span>"""


def comments():
    """22 comments, threaded three deep, with team replies, pending, spam and a removed one."""
    data = [
        # id, parent, author, email, user_id, approved, text
        (201, 0, "Harbour Bakery", "owner@bakery.example", 0, "1", "Which should a small bakery start with?"),
        (202, 201, "Maya Okafor", MAYA_EMAIL, 1, "1", "Start with search: people look for bakeries nearby."),
        (203, 202, "Harbour Bakery", "owner@bakery.example", 0, "1", "Thanks! Is a map listing enough?"),
        (204, 201, "Lena Fischer", "lena@example.com", 0, "1", "We started with social and regret it."),
        (205, 0, "Tom Adeyemi", "tom.a@example.org", 0, "1", "The table is <strong>really</strong> useful."),
        (206, 205, "Tomás Reyes", TOM_EMAIL, 0, "1", "Glad it helps. We will add a row on budgets."),
        (207, 206, "Tom Adeyemi", "tom.a@example.org", 0, "1", "Looking forward to it."),
        (208, 0, "Ravi Menon", "ravi@example.net", 0, "1", "How do you measure SMO?"),
        (209, 208, "Maya Okafor", MAYA_EMAIL, 2, "1", "Reach, saves and clicks to the site."),
        (211, 210, "Greta Holm", "greta@example.se", 0, "1", "I listed this reply before its parent."),
        (210, 209, "Ravi Menon", "ravi@example.net", 0, "1", "Clicks matter most for us."),
        (212, 0, "Ines Duarte", "ines@example.pt", 0, "1", "Could you write about local search?"),
        (213, 212, "Tomás Reyes", TOM_EMAIL, 0, "1", "Yes, it is next on our list."),
        (214, 0, "Owen Price", "owen@example.co.uk", 0, "1", "Clear and short. Thank you."),
        (215, 0, "Amira Haddad", "amira@example.com", 0, "1", "We print your tables for meetings."),
        (216, 215, "Owen Price", "owen@example.co.uk", 0, "1", "Same here!"),
        (217, 0, "Juno Park", "juno@example.kr", 0, "1", "Does SMO help rankings?\n\nI have read both."),
        (218, 217, "Maya Okafor", MAYA_EMAIL, 1, "1", "Not directly, but shared posts earn links."),
        (219, 0, "Pat Byrne", "pat@example.ie", 0, "0", "Waiting for a moderator."),
        (220, 219, "Sam Lee", "sam@example.com", 0, "0", "Me too."),
        (221, 0, "Cheap Links", "spam@spam.example", 0, "spam", "Buy backlinks https://spam.example/"),
        (222, 0, "Old Troll", "troll@example.com", 0, "trash", "A comment the site owner binned."),
    ]
    return [
        WPComment(
            wp_id,
            author,
            email,
            text,
            f"2024-03-{5 + n // 4:02d} {8 + n % 10:02d}:15:00",
            parent=parent,
            approved=approved,
            user_id=user_id,
            url="https://bakery.example/" if n == 0 else "",
        )
        for n, (wp_id, parent, author, email, user_id, approved, text) in enumerate(data)
    ]


def attachment(wp_id, path, title, alt):
    return WPItem(
        wp_id,
        title,
        slug=title.lower().replace(" ", "-"),
        post_type="attachment",
        status="inherit",
        attachment_url=f"{UPLOADS}/{path}",
        meta={"_wp_attachment_image_alt": alt} if alt else {},
    )


def items():
    seo = ("seo", "SEO")
    return [
        attachment(101, "2024/03/compass.jpg", "Compass", "A compass on a map"),
        attachment(102, "2024/03/visits-chart.png", "Visits chart", "Bar chart of monthly visits"),
        attachment(103, "2024/03/workshop-wall.jpg", "Workshop wall", "A wall covered in plans"),
        attachment(106, "2024/03/share-card.png", "Share card", "SEO or SMO share card"),
        WPItem(
            10,
            "SEO or SMO? The two side by side",
            slug="seo-or-smo",
            content=TABLE_POST,
            link=f"{BASE}/2024/03/seo-or-smo/",
            categories=[("social", "Social media"), seo],
            tags=[("strategy", "Strategy"), ("tables", "Tables")],
            comments=comments(),
            excerpt="Search and social work on different people at different times.",
            modified="2024-04-01 10:00:00",
            meta={
                "_thumbnail_id": "101",
                "_yoast_wpseo_title": "%%title%% %%sep%% %%sitename%%",
                "_yoast_wpseo_metadesc": "How SEO and SMO differ, in one table.",
                "_yoast_wpseo_opengraph-image": f"{UPLOADS}/2024/03/share-card.png",
                "_yoast_wpseo_primary_category": "3",
            },
        ),
        WPItem(
            11,
            "A workshop in three pictures",
            slug="workshop-pictures",
            content=IMAGES_POST,
            creator="tom",
            link=f"{BASE}/2024/03/workshop-pictures/",
            categories=[seo],
            comment_status="closed",
            date="2024-03-10 12:00:00",
            comments=[
                WPComment(
                    301, "Other Blog", "", "Linked from elsewhere", "2024-03-11 10:00:00", type="pingback"
                )
            ],
        ),
        WPItem(
            12,
            "Draft: notes on paid search",
            slug="",
            content="<p>Half written.</p>",
            status="draft",
            categories=[seo],
        ),
        WPItem(
            13,
            "Coming soon: local search",
            slug="local-search",
            content="<p>Soon.</p>",
            status="future",
            date="2031-01-15 08:00:00",
            categories=[seo],
        ),
        WPItem(
            14,
            "About us",
            slug="about",
            post_type="page",
            content="<p>We are a small agency.</p><h2>Values</h2><p>Plain words.</p>",
            link=f"{BASE}/about/",
        ),
        WPItem(
            15,
            "Our team",
            slug="team",
            post_type="page",
            parent=14,
            content="Maya and Tomás.",
            link=f"{BASE}/about/team/",
        ),
        WPItem(16, "Private thoughts", slug="private-thoughts", status="private", content="<p>Only us.</p>"),
        WPItem(17, "Binned post", slug="binned", status="trash", content="<p>Gone.</p>"),
        WPItem(18, "Home", slug="home", post_type="nav_menu_item", status="publish"),
        WPItem(
            19,
            "For clients only",
            slug="clients-only",
            password="harbour-2024",
            content="<p>Our rates.</p>",
            link=f"{BASE}/2024/03/clients-only/",
        ),
    ]


def build(folder):
    """Write the export and an uploads folder (with the resized copy WordPress would have
    made of one picture); returns (export path, uploads path)."""
    uploads = folder / "uploads"
    for path, colour in IMAGE_FILES.items():
        target = uploads / path
        target.parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (1600, 900), colour).save(target)
    export = folder / "export.xml"
    header = [
        author_xml(1, "maya", MAYA_EMAIL, "Maya Okafor", "Maya", "Okafor"),
        author_xml(2, "tom", TOM_EMAIL, "Tomás Reyes", "Tomás", "Reyes"),
        category_xml(3, "seo", "SEO", "Getting found in search."),
        category_xml(4, "social", "Social media"),
        tag_xml(7, "strategy", "Strategy"),
        tag_xml(8, "tables", "Tables"),
    ]
    with export.open("w", encoding="utf-8") as stream:
        write_export(stream, "Harbour Lane Marketing", BASE, header, items())
    return export, uploads


def run(*args, **options):
    """import_wordpress with these arguments: (report, progress output)."""
    out, err = StringIO(), StringIO()
    call_command("import_wordpress", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def article(title_start):
    return ArticlePage.objects.get(title__startswith=title_start)


def row_counts():
    models = [
        Page,
        Revision,
        PageLogEntry,
        ArticlePage,
        StandardPage,
        Author,
        Category,
        Tag,
        Comment,
        Redirect,
        WordPressLink,
        PageViewRestriction,
        get_image_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}
