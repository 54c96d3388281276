"""The stock peer for bench/run.py: a fresh `wagtail start` project in the same venv with the
tutorial's BlogPage (a date, an intro and a RichText body) and one page of about 1,500 words
and a table, on SQLite, under the project's own production settings (DEBUG off)."""

import secrets
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent
SETTINGS = "peer.settings.production"

BLOG_MODELS = """from django.db import models

from wagtail.models import Page
from wagtail.fields import RichTextField
from wagtail.search import index


class BlogPage(Page):
    date = models.DateField("Post date")
    intro = models.CharField(max_length=250)
    body = RichTextField(blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + ["date", "intro", "body"]
"""

BLOG_TEMPLATE = """{% extends "base.html" %}
{% load wagtailcore_tags %}

{% block body_class %}template-blogpage{% endblock %}

{% block content %}
    <h1>{{ page.title }}</h1>
    <p class="meta">{{ page.date }}</p>

    <div class="intro">{{ page.intro }}</div>

    {{ page.body|richtext }}

    <p><a href="{{ page.get_parent.url }}">Return to blog</a></p>
{% endblock %}
"""

CREATE_PAGE = """
import datetime, pathlib
from home.models import HomePage
from blog.models import BlogPage
home = HomePage.objects.get()
page = BlogPage(title="SEO or SMO? What each one does", slug="peer-article",
                date=datetime.date(2026, 11, 1), intro="How search and social optimisation differ.",
                body=pathlib.Path("body.html").read_text())
home.add_child(instance=page)
page.save_revision().publish()
print(page.url)
"""

SENTENCES = [
    "Search engine optimisation makes a site the best answer when someone types a question.",
    "Social media optimisation makes content easy to discover, share and discuss.",
    "Both aim at more of the right visitors, but they reach them at different moments.",
    "A small business rarely has the budget to do everything at once, so order matters.",
    "Start with the pages that answer the questions your customers already ask on the phone.",
    "Measure what each channel brings with the same yardstick: enquiries, not impressions.",
    "A share preview with the wrong image costs clicks that no amount of posting wins back.",
    "Review the figures every month and move effort to whatever earns its keep.",
]


def body_html(words=1500):
    """About `words` words of headed paragraphs, with a comparison table after the first section."""
    parts, count, section = [], 0, 0
    while count < words:
        section += 1
        parts.append(f"<h2>Part {section}: what to do first</h2>")
        for paragraph in range(3):
            text = " ".join(SENTENCES[(section + paragraph + n) % len(SENTENCES)] for n in range(5))
            parts.append(f"<p>{text}</p>")
            count += len(text.split())
        if section == 1:
            rows = "".join(
                f"<tr><td>{n}</td><td>Visitors arrive with question {n}.</td>"
                f"<td>Visitors arrive through recommendation {n}.</td></tr>"
                for n in range(1, 7)
            )
            parts.append(
                "<table><caption>How SEO and SMO compare</caption><thead><tr><th>#</th>"
                f"<th>SEO</th><th>SMO</th></tr></thead><tbody>{rows}</tbody></table>"
            )
    return "".join(parts)


def run(args, cwd, env):
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, text=True)  # noqa: S603


def build(directory, base_env):
    """Create the peer project in `directory` (which must not exist); return (env, page path)."""
    directory.mkdir(parents=True)
    env = {**base_env, "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONPATH": str(directory)}
    for name in ("DATABASE_URL", "STATIC_ROOT", "MEDIA_ROOT"):
        env.pop(name, None)  # the stock project reads none of them, but keep it tidy
    run([VENV_BIN / "wagtail", "start", "peer", str(directory)], directory, env)
    settings = directory / "peer" / "settings"
    base = settings / "base.py"
    base.write_text(base.read_text().replace('    "home",\n', '    "home",\n    "blog",\n', 1))
    (settings / "local.py").write_text(
        f'SECRET_KEY = "{secrets.token_urlsafe(50)}"\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    blog = directory / "blog"
    (blog / "migrations").mkdir(parents=True)
    (blog / "templates" / "blog").mkdir(parents=True)
    (blog / "__init__.py").write_text("")
    (blog / "migrations" / "__init__.py").write_text("")
    (blog / "models.py").write_text(BLOG_MODELS)
    (blog / "templates" / "blog" / "blog_page.html").write_text(BLOG_TEMPLATE)
    (directory / "body.html").write_text(body_html())
    manage = [sys.executable, "manage.py"]
    run([*manage, "makemigrations", "blog", "-v0"], directory, env)
    run([*manage, "migrate", "--no-input", "-v0"], directory, env)
    run([*manage, "collectstatic", "--no-input", "-v0"], directory, env)
    out = subprocess.run(  # noqa: S603
        [*manage, "shell", "-v0", "-c", CREATE_PAGE],
        cwd=directory,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return env, out.strip().splitlines()[-1]
