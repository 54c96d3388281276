"""Write WordPress exports (WXR 1.2) for the import tests and the import benchmark."""

from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


@dataclass
class WPComment:
    wp_id: int
    author: str
    email: str
    content: str
    date: str  # "YYYY-MM-DD HH:MM:SS", GMT
    parent: int = 0
    approved: str = "1"
    url: str = ""
    user_id: int = 0
    type: str = "comment"
    ip: str = "203.0.113.7"

    def xml(self):
        return f"""
    <wp:comment>
      <wp:comment_id>{self.wp_id}</wp:comment_id>
      <wp:comment_author>{cdata(self.author)}</wp:comment_author>
      <wp:comment_author_email>{cdata(self.email)}</wp:comment_author_email>
      <wp:comment_author_url>{cdata(self.url)}</wp:comment_author_url>
      <wp:comment_author_IP>{cdata(self.ip)}</wp:comment_author_IP>
      <wp:comment_date>{cdata(self.date)}</wp:comment_date>
      <wp:comment_date_gmt>{cdata(self.date)}</wp:comment_date_gmt>
      <wp:comment_content>{cdata(self.content)}</wp:comment_content>
      <wp:comment_approved>{cdata(self.approved)}</wp:comment_approved>
      <wp:comment_type>{cdata(self.type)}</wp:comment_type>
      <wp:comment_parent>{self.parent}</wp:comment_parent>
      <wp:comment_user_id>{self.user_id}</wp:comment_user_id>
    </wp:comment>"""


@dataclass
class WPItem:
    wp_id: int
    title: str
    slug: str = ""
    content: str = ""
    post_type: str = "post"
    status: str = "publish"
    date: str = "2024-03-04 09:30:00"
    modified: str = ""
    creator: str = "maya"
    excerpt: str = ""
    comment_status: str = "open"
    parent: int = 0
    password: str = ""
    attachment_url: str = ""
    link: str = ""
    categories: list = field(default_factory=list)  # [(slug, name)]
    tags: list = field(default_factory=list)  # [(slug, name)]
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)

    def xml(self, base):
        link = self.link or (
            f"{base}/?p={self.wp_id}" if self.status != "publish" else f"{base}/{self.slug}/"
        )
        gmt = "0000-00-00 00:00:00" if self.status == "draft" else self.date
        terms = "".join(
            f'\n    <category domain="{domain}" nicename={quoteattr(slug)}>{cdata(name)}</category>'
            for domain, pairs in (("category", self.categories), ("post_tag", self.tags))
            for slug, name in pairs
        )
        meta = "".join(
            f"\n    <wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
            for k, v in self.meta.items()
        )
        attachment = (
            f"\n    <wp:attachment_url>{cdata(self.attachment_url)}</wp:attachment_url>"
            if self.attachment_url
            else ""
        )
        return f"""
  <item>
    <title>{cdata(self.title)}</title>
    <link>{link}</link>
    <pubDate>Mon, 04 Mar 2024 09:30:00 +0000</pubDate>
    <dc:creator>{cdata(self.creator)}</dc:creator>
    <guid isPermaLink="false">{base}/?p={self.wp_id}</guid>
    <description></description>
    <content:encoded>{cdata(self.content)}</content:encoded>
    <excerpt:encoded>{cdata(self.excerpt)}</excerpt:encoded>
    <wp:post_id>{self.wp_id}</wp:post_id>
    <wp:post_date>{cdata(self.date)}</wp:post_date>
    <wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>
    <wp:post_modified>{cdata(self.modified or self.date)}</wp:post_modified>
    <wp:post_modified_gmt>{cdata(self.modified or self.date)}</wp:post_modified_gmt>
    <wp:comment_status>{cdata(self.comment_status)}</wp:comment_status>
    <wp:ping_status>{cdata("open")}</wp:ping_status>
    <wp:post_name>{cdata(self.slug)}</wp:post_name>
    <wp:status>{cdata(self.status)}</wp:status>
    <wp:post_parent>{self.parent}</wp:post_parent>
    <wp:menu_order>0</wp:menu_order>
    <wp:post_type>{cdata(self.post_type)}</wp:post_type>
    <wp:post_password>{cdata(self.password)}</wp:post_password>
    <wp:is_sticky>0</wp:is_sticky>{attachment}{terms}{meta}{"".join(c.xml() for c in self.comments)}
  </item>"""


HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- An export written for tests, in the shape WordPress's Tools > Export makes. -->
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>{title}</title>
  <link>{base}</link>
  <description>A blog about marketing</description>
  <language>en-GB</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>{base}</wp:base_site_url>
  <wp:base_blog_url>{base}</wp:base_blog_url>
"""


def author_xml(author_id, login, email, display_name, first="", last=""):
    return f"""
  <wp:author><wp:author_id>{author_id}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login><wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(display_name)}</wp:author_display_name><wp:author_first_name>{cdata(first)}</wp:author_first_name><wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>"""


def category_xml(term_id, slug, name, description=""):
    return f"""
  <wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>{cdata(slug)}</wp:category_nicename><wp:category_parent>{cdata("")}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name><wp:category_description>{cdata(description)}</wp:category_description></wp:category>"""


def tag_xml(term_id, slug, name):
    return f"""
  <wp:tag><wp:term_id>{term_id}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"""


def write_export(stream, title, base, header_parts, items):
    """Write an export to an open text stream: channel facts, then `items` one at a time
    (a generator keeps a large export out of memory)."""
    stream.write(HEAD.format(title=title, base=base))
    for part in header_parts:
        stream.write(part)
    for item in items:
        stream.write(item.xml(base))
    stream.write("\n</channel>\n</rss>\n")
