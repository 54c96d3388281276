"""Demo content: a home page, the article index, authors, categories, articles written for
this project in the shapes of the source pages (SEEDS.md), Organization settings and local
accounts. Everything is looked up by a stable key first, so a second run changes nothing."""

import json
import secrets
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from wagtail.models import Page, Site

from articles.demo_data import ACCOUNTS, AUTHORS, CATEGORIES, PRIVACY_BODY, article_specs
from articles.demo_promote import FAILING_DRAFT, PROMOTE
from articles.images import draw_image
from articles.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    Author,
    Category,
    HomePage,
    OrganizationSettings,
    StandardPage,
)
from articles.readiness.evaluate import record as record_readiness


def load(stdout):
    """Build everything; returns [(username, password shown)] for the local accounts."""
    accounts, logins = ensure_accounts(stdout)
    home = ensure_home()
    index = ensure_index(home)
    ensure_organization(home)
    ensure_privacy_page(home)
    authors = ensure_authors(accounts)
    categories = ensure_categories()
    created = 0
    specs = article_specs()
    for age, spec in enumerate(reversed(specs)):
        # Spread publication over past weeks, oldest first in the list of specs.
        created += ensure_article(
            index, spec, authors, categories, timezone.now() - timedelta(days=9 * age + 2)
        )
    if not ArticlePage.objects.filter(slug=FAILING_DRAFT["slug"]).exists():
        ensure_article(index, FAILING_DRAFT, authors, categories, None)
    for article in ArticlePage.objects.child_of(index):
        record_readiness(article)
    stdout.write(f"Articles: {created} created, {ArticlePage.objects.live().count()} live.")
    return logins


def ensure_accounts(stdout):
    """The local accounts. The published demo passwords are used only on a database with no
    users yet; anywhere else a new account gets a random password, printed once."""
    users, logins = {}, []
    fresh_database = not User.objects.exists()
    for username, demo_password, group, email in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            password = demo_password if fresh_database else secrets.token_urlsafe(12)
            if group is None:
                user = User.objects.create_superuser(username, email, password)
            else:
                user = User.objects.create_user(username, email, password, is_staff=True)
                user.groups.add(Group.objects.get(name=group))
        else:
            password = demo_password if user.check_password(demo_password) else "(your password)"
        users[username] = user
        logins.append((username, password))
    stdout.write("Local accounts (for local use only): " + ", ".join(f"{u} / {pw}" for u, pw in logins))
    return users, logins


def add_published(parent, page):
    """Add a page the way an editor would: with a first revision, published."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.objects.get(depth=1)
    home = add_published(
        root,
        HomePage(
            title="Northwind Digital",
            slug="northwind-home",
            intro="Search, social and paid media for growing businesses: guides from our team.",
            show_in_menus=False,
        ),
    )
    old_root = site.root_page
    site.root_page = home
    site.site_name = "Northwind Digital"
    site.save()
    if old_root.depth == 2 and not old_root.get_children().exists():
        old_root.delete()
    return home


def ensure_index(home):
    index = ArticleIndexPage.objects.child_of(home).first()
    if index is None:
        index = add_published(
            home,
            ArticleIndexPage(
                title="Articles",
                slug="articles",
                intro="Practical guides on search, social and paid media.",
                show_in_menus=True,
            ),
        )
    return index


def ensure_privacy_page(home):
    if not StandardPage.objects.child_of(home).filter(slug="privacy").exists():
        add_published(
            home,
            StandardPage(
                title="Privacy notice",
                slug="privacy",
                intro="What we keep about you, why, for how long, and how to get it back or erased.",
                body=PRIVACY_BODY,
            ),
        )


def ensure_organization(home):
    site = Site.objects.get(root_page=home)
    settings = OrganizationSettings.for_site(site)
    if settings.logo_id:
        return
    settings.logo = draw_image(
        "Northwind Digital logo", size=(600, 600), background="#0b3d5c", text="Northwind"
    )
    settings.name = "Northwind Digital"
    settings.url = ""
    settings.tagline = "Search, social and paid media for growing businesses"
    settings.phone = "+44 20 7946 0000"
    settings.email = "hello@example.com"
    settings.street_address = "12 Harbour Street"
    settings.locality = "Bristol"
    settings.postal_code = "BS1 4AA"
    settings.country = "GB"
    settings.linkedin = "https://www.linkedin.com/company/example-northwind"
    settings.x = "https://x.com/example_northwind"
    settings.facebook = "https://www.facebook.com/example.northwind"
    settings.x_handle = "@example_northwind"
    settings.save()


def ensure_authors(accounts):
    authors = {}
    for spec in AUTHORS:
        spec = dict(spec)
        colour = spec.pop("colour")
        username = spec.pop("user", None)
        author = Author.objects.filter(slug=spec["slug"]).first()
        if author is None:
            author = Author.objects.create(
                photo=draw_image(
                    f"Portrait of {spec['name']}", size=(400, 400), background=colour, text=spec["name"]
                ),
                user=accounts.get(username),
                **spec,
            )
        authors[author.slug] = author
    return authors


def ensure_categories():
    return {
        slug: Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})[
            0
        ]
        for slug, name, description in CATEGORIES
    }


def ensure_article(index, spec, authors, categories, published_at):
    """Add an article; with no `published_at` it stays a draft."""
    if ArticlePage.objects.filter(slug=spec["slug"]).exists():
        return 0
    spec = {**spec, **PROMOTE.get(spec["slug"], {})}
    hero = spec.pop("hero", None)
    body = json.dumps(spec["body"] + spec.get("more", [])).replace("{index}", str(index.pk))
    page = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        seo_title=spec.get("seo_title", ""),
        search_description=spec.get("search_description", ""),
        intro=spec["intro"],
        body=body,
        category=categories[spec["category"]],
        comments_open=spec.get("comments_open", True),
        hero_caption=spec.get("hero_caption", ""),
        hero_credit=spec.get("hero_credit", ""),
        hero_image=draw_image(hero[0], background=hero[1], text=hero[2]) if hero else None,
    )
    page.article_authors = [
        ArticleAuthor(author=authors[slug], sort_order=position)
        for position, slug in enumerate(spec["authors"])
    ]
    page.first_published_at = published_at
    page.live = published_at is not None
    index.add_child(instance=page)
    page.tags.add(*spec["tags"])
    revision = page.save_revision()
    if published_at is None:
        return 0
    revision.publish()
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=published_at)
    return 1
