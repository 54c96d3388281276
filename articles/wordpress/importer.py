"""WordPress authors, categories, tags, posts and pages into the site, keyed on WordPress's
ids (`WordPressLink`) so that a second run updates what the first made and adds nothing."""

import json
from collections import Counter
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.utils.text import slugify

from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch.signal_handlers import post_save_signal_handler

from articles.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    Author,
    Category,
    HomePage,
    StandardPage,
    WordPressLink,
)

from . import pages
from .body import BodyConverter
from .parser import Channel

STATUSES = {"publish": "live", "future": "scheduled", "draft": "draft", "pending": "draft"}
Kind = WordPressLink.Kind


class SiteNotReady(Exception):
    """The site has no home page to import under."""


@contextmanager
def indexing_once_per_page():
    """Each page is saved three times on its way in (created, revised, published) and each
    save would refresh its search and reference index entries; `Importer.item` does both
    once, after the last save, instead."""
    page_models = [model for model in index.get_indexed_models() if issubclass(model, Page)]
    for model in page_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    ArticlePage.search_index_on_save = False
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        ArticlePage.search_index_on_save = True
        for model in page_models:
            post_save.connect(post_save_signal_handler, sender=model)


class Importer:
    def __init__(self, report, media, include_private=False):
        self.report, self.media, self.include_private = report, media, include_private
        self.channel = Channel()
        self.category_terms = {}  # WordPress term id -> slug, for Yoast's primary category
        self.author_emails = set()  # the imported authors' addresses: their comments are team replies
        self.ignored_types = Counter()
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        self.home = site.root_page.specific if site else None
        if not isinstance(self.home, HomePage):
            raise SiteNotReady("The default site has no home page to import under: create one first.")
        self.site = site
        self.index = ArticleIndexPage.objects.child_of(self.home).first()

    def article_index(self):
        if self.index is None:
            self.index = ArticleIndexPage(title="Articles", slug=pages.unique_slug(self.home, "articles"))
            self.home.add_child(instance=self.index)
            self.index.save_revision().publish()
            self.report.warn("No article index existed: made one at /articles/")
        return self.index

    # -- pass one: people, terms and media -------------------------------------------

    def author(self, record):
        if record.email:
            self.author_emails.add(record.email.lower())
        self._author(record.login, record.display_name, record.description, record.email)

    def _author(self, login, name, bio="", email=""):
        link, author = WordPressLink.find(Kind.AUTHOR, login)
        values = {"name": (name or login)[:100], "bio": bio}
        if author is None:
            slug, number = (slugify(login) or "author")[:90], 1
            while Author.objects.filter(slug=slug).exists():
                number += 1
                slug = f"{slugify(login)[:90]}-{number}"
            user = (
                get_user_model().objects.filter(email__iexact=email, author_profile=None).first()
                if email
                else None
            )
            author = Author.objects.create(slug=slug, user=user, **values)
            WordPressLink.remember(Kind.AUTHOR, login, author)
            self.report.count("author", "created")
        elif all(getattr(author, k) == v for k, v in values.items()):
            self.report.count("author", "unchanged")
        else:
            Author.objects.filter(pk=author.pk).update(**values)
            self.report.count("author", "updated")
        return author

    def author_for(self, login):
        """A post's author; one missing from the export's list of authors is made from the login."""
        _link, author = WordPressLink.find(Kind.AUTHOR, login)
        return author or self._author(login, login)

    def term(self, record):
        if record.taxonomy == "category" and record.slug:
            self.category_terms[record.term_id] = record.slug
            self.category_for(record.slug, record.name, record.description, count=True)

    def category_for(self, slug, name, description="", count=False):
        """The category for a WordPress one: matched by slug, then by name, else made."""
        _link, category = WordPressLink.find(Kind.CATEGORY, slug)
        outcome = "unchanged"
        if category is None:
            category = (
                Category.objects.filter(slug=slug).first() or Category.objects.filter(name=name).first()
            )
            if category is None:
                category = Category.objects.create(
                    slug=slug[:80], name=(name or slug)[:80], description=description
                )
                outcome = "created"
            WordPressLink.remember(Kind.CATEGORY, slug, category)
        if count or outcome == "created":
            self.report.count("category", outcome)
        return category

    def attachment(self, item):
        self.media.attachment(item)

    # -- pass two: posts and pages ---------------------------------------------------

    def item(self, item):
        """The page made or updated for a post or page, or None when it is not imported."""
        if item.post_type not in ("post", "page"):
            if item.post_type != "attachment":
                self.ignored_types[item.post_type] += 1
            return None
        label = f"{item.post_type.capitalize()} {item.wp_id} “{item.title}”"
        status = STATUSES.get(item.status)
        if item.status == "private":
            if not self.include_private:
                self.report.skip(label, "private in WordPress (pass --include-private to import as a draft)")
                return None
            status = "draft"
        if status is None:
            self.report.skip(label, f"status “{item.status}” is not imported")
            return None
        if item.status == "pending":
            self.report.warn(f"{label} was waiting for review in WordPress: imported as a draft")
        warn = lambda message: self.report.warn(f"{label}: {message}")  # noqa: E731
        converter = BodyConverter(
            lambda src, wp_id: self.find_image(src, wp_id, label), warn, old_site=self.channel.base_site_url
        )
        blocks = converter.convert(item.content)
        if item.post_type == "post":
            model, parent, fields, extra = (
                ArticlePage,
                self.article_index(),
                *self.article_fields(item, blocks),
            )
        else:
            model, parent, extra = StandardPage, self.page_parent(item), {}
            fields = {
                "title": item.title,
                "intro": pages.plain(item.excerpt),
                "body": pages.standard_body(blocks, warn),
            }
        fields.update(self.seo_fields(item, fields.get("category")))
        kind = "article" if model is ArticlePage else "page"
        digest = pages.checksum({**fields, **extra, "password": item.password}, status)
        link, page = WordPressLink.find(Kind.POST, item.wp_id)
        if page is not None:
            page = page.specific
            if link.checksum == digest:
                self.report.count(kind, "unchanged")
                if status != "draft":
                    pages.redirect_old_paths(page, item, self.channel.base_blog_url, self.site, self.report)
                return page
            if link.revision_id and page.latest_revision_id != link.revision_id:
                self.report.skip(label, "edited in Wagtail since the last import; left as it is")
                return page
        outcome = "created" if page is None else "updated"
        page = page or model()
        for name, value in fields.items():
            setattr(page, name, json.dumps(value) if name == "body" and model is ArticlePage else value)
        page.title = (page.title or f"Untitled {item.wp_id}")[:255]
        page.slug = pages.unique_slug(parent, item.slug or item.title or f"post-{item.wp_id}", page)
        if model is ArticlePage:
            page.article_authors = [
                ArticleAuthor(author=a, sort_order=n) for n, a in enumerate(extra["authors"])
            ]
            page.tags.set(extra["tags"])
        revision = pages.save(page, parent, item, status)
        index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)
        pages.protect(page, item, self.report, label)
        if status != "draft":
            pages.redirect_old_paths(page, item, self.channel.base_blog_url, self.site, self.report)
        WordPressLink.remember(Kind.POST, item.wp_id, page, checksum=digest, revision_id=revision.pk)
        self.report.count(kind, outcome)
        return page

    def page_parent(self, item):
        if item.parent_id:
            _link, parent = WordPressLink.find(Kind.POST, item.parent_id)
            if isinstance(getattr(parent, "specific", None), StandardPage):
                return parent.specific
        return self.home

    def find_image(self, src, wp_id, label):
        image = self.media.by_attachment_id(wp_id) if wp_id else None
        return image or (self.media.image_for_url(src, context=label) if src else None)

    def article_fields(self, item, blocks):
        categories = [(slug, name) for taxonomy, slug, name in item.terms if taxonomy == "category"]
        primary = self.category_terms.get(item.meta.get("_yoast_wpseo_primary_category", ""))
        categories.sort(key=lambda term: term[0] != primary)
        tags = [name for taxonomy, _slug, name in item.terms if taxonomy == "post_tag" and name]
        if len(categories) > 1:
            tags += [name for _slug, name in categories[1:]]
            self.report.warn(
                f"Post {item.wp_id} “{item.title}” had {len(categories)} categories: kept "
                f"“{categories[0][1]}”, the others became tags"
            )
        category = self.category_for(*categories[0]) if categories else None
        hero = (
            self.media.by_attachment_id(item.meta.get("_thumbnail_id"))
            if item.meta.get("_thumbnail_id")
            else None
        )
        author = self.author_for(item.creator) if item.creator else None
        fields = {
            "title": item.title,
            "intro": pages.intro_from(item, blocks),
            "body": blocks,
            "category": category,
            "hero_image": hero,
            "comments_open": item.comment_status == "open",
        }
        return fields, {"authors": [author] if author else [], "tags": sorted(set(tags))}

    def seo_fields(self, item, category=None):
        meta = item.meta
        fields = {"seo_title": "", "search_description": pages.plain(meta.get("_yoast_wpseo_metadesc", ""))}
        if meta.get("_yoast_wpseo_title"):
            fields["seo_title"] = pages.yoast_title(
                meta["_yoast_wpseo_title"], item, self.channel.title, category.name if category else ""
            )
        social = None
        if meta.get("_yoast_wpseo_opengraph-image-id"):
            social = self.media.by_attachment_id(meta["_yoast_wpseo_opengraph-image-id"])
        if social is None and meta.get("_yoast_wpseo_opengraph-image"):
            social = self.find_image(
                meta["_yoast_wpseo_opengraph-image"], None, f"the social image of post {item.wp_id}"
            )
        fields["social_image"] = social
        return fields

    def finish(self):
        for post_type, number in sorted(self.ignored_types.items()):
            self.report.skip(
                f"{number} “{post_type}” item(s)", "this kind of WordPress content is not imported"
            )
