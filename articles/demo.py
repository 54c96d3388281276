"""Demo content: a home page, the article index, authors, categories, articles written for
this project in the shapes of the source pages (SEEDS.md), Organization settings and local
accounts. Everything is looked up by a stable key first, so a second run changes nothing."""

import json
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from wagtail.models import Page, Site

from articles.demo_data import ACCOUNTS, AUTHORS, CATEGORIES, PRIVACY_BODY, article_specs
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


def load(stdout):
    accounts = ensure_accounts(stdout)
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
    stdout.write(f"Articles: {created} created, {ArticlePage.objects.live().count()} live.")


def ensure_accounts(stdout):
    users = {}
    for username, password, group, email in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            if group is None:
                user = User.objects.create_superuser(username, email, password)
            else:
                user = User.objects.create_user(username, email, password, is_staff=True)
                user.groups.add(Group.objects.get(name=group))
        users[username] = user
    stdout.write(
        "Local accounts (for local use only): " + ", ".join(f"{u} / {pw}" for u, pw, _g, _e in ACCOUNTS)
    )
    return users


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
    if ArticlePage.objects.filter(slug=spec["slug"]).exists():
        return 0
    spec = dict(spec)
    hero = spec.pop("hero", None)
    page = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=json.dumps(spec["body"]),
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
    index.add_child(instance=page)
    page.tags.add(*spec["tags"])
    page.save_revision().publish()
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=published_at)
    return 1
