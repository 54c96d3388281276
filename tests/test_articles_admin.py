"""Editing in the Wagtail admin: creating, previewing, scheduling and revisions, and groups."""

from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
import time_machine

from articles.models import ArticleIndexPage, ArticlePage, Author, HomePage


class ArticleEditingTests(WagtailPageTestCase):
    def setUp(self):
        root = Page.objects.get(depth=1)
        self.home = root.add_child(instance=HomePage(title="Home", slug="home-test"))
        Site.objects.update(root_page=self.home)
        self.index = self.home.add_child(instance=ArticleIndexPage(title="Articles", slug="articles"))
        self.author = Author.objects.create(name="Maya Okafor", slug="maya")
        self.user = self.login()

    def article_form(self, **extra):
        return nested_form_data(
            {
                "title": "Made in the admin",
                "slug": "made-in-the-admin",
                "intro": "Written by an editor.",
                "body": streamfield(
                    [
                        ("heading", {"text": "A heading", "anchor": ""}),
                        (
                            "paragraph",
                            '{"blocks":[{"key":"a","type":"unstyled","text":"Hello","depth":0,'
                            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
                        ),
                    ]
                ),
                "article_authors": inline_formset([{"author": self.author.pk}]),
                "comments_open": "on",
                **extra,
            }
        )

    def test_editor_can_create_and_publish_an_article(self):
        """An article written in the admin is published and served."""
        self.assertCanCreate(self.index, ArticlePage, self.article_form())
        article = ArticlePage.objects.get(slug="made-in-the-admin")
        assert article.live and article.authors == [self.author]
        assert self.client.get(article.url).status_code == 200

    def test_article_preview_and_revisions(self):
        """Previews render, and each save keeps a revision to compare or roll back."""
        self.assertCanCreate(self.index, ArticlePage, self.article_form(), publish=False)
        article = ArticlePage.objects.get(slug="made-in-the-admin")
        assert not article.live
        self.assertPageIsPreviewable(article, post_data=self.article_form())
        article.title = "Second thoughts"
        article.save_revision(user=self.user)
        assert article.revisions.count() == 2
        self.client.force_login(self.user)
        history = self.client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
        assert history.status_code == 200

    def test_scheduled_article_goes_live_on_time(self):
        """An article scheduled for later stays hidden until its time, then publishes itself."""
        go_live = timezone.now() + timedelta(hours=1)
        data = self.article_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
        self.assertCanCreate(self.index, ArticlePage, data)
        article = ArticlePage.objects.get(slug="made-in-the-admin")
        assert not article.live and article.scheduled_revision is not None
        assert self.client.get("/articles/made-in-the-admin/").status_code == 404
        with time_machine.travel(go_live + timedelta(minutes=1)):
            call_command("publish_scheduled")
        article.refresh_from_db()
        assert article.live


@pytest.mark.django_db
def test_groups_exist_with_sensible_permissions():
    """After migrate, Editors can write and publish pages and manage images; Sales only get in."""
    editors = Group.objects.get(name="Editors")
    sales = Group.objects.get(name="Sales")
    page_perms = set(editors.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_perms
    assert editors.collection_permissions.filter(permission__codename="add_image").exists()
    assert editors.permissions.filter(codename="change_author").exists()
    assert sales.permissions.filter(codename="access_admin").exists()
    assert not sales.page_permissions.exists()


@pytest.mark.django_db
def test_editor_can_reach_the_admin(client):
    """A marketing editor logs into the admin and sees the page explorer."""
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200
