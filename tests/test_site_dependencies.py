"""The apps depend on each other one way only (README, "Where things live"), so that each can be
read, tested and changed without the others: a check of every import and migration dependency."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "admin_access",
    "antispam",
    "articles",
    "backups",
    "comments",
    "leads",
    "outbox",
    "site_cache",
    "page_cache",
]
# What each app must not import. `articles` may not know the visitor-form apps, except in the
# commands that orchestrate every app (demo content, the WordPress import).
FORBIDDEN = {
    "admin_access": {"articles", "comments", "leads"},
    "antispam": {"articles", "comments", "leads"},
    "articles": {"comments", "leads"},
    "comments": {"articles", "leads"},
    "leads": {"articles", "comments"},
    "outbox": {"articles", "comments", "leads"},
    "backups": {"articles", "comments", "leads"},
    "site_cache": {"articles", "comments", "leads"},
    "page_cache": {"articles", "comments", "leads"},
}
ORCHESTRATORS = {
    "articles/management/commands/load_demo_content.py",
    "articles/management/commands/import_wordpress.py",
}
NEVER_IMPORTED = {"site_project", "tests"}


def imported_packages(source, module):
    """The top-level packages a module's source imports (relative imports resolved)."""
    packages = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            packages.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                packages.add(base[0] if base else (node.module or "").split(".")[0])
            else:
                packages.add(node.module.split(".")[0])
    return packages


def migration_dependencies(source):
    """The app labels a migration's `dependencies` list names."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "dependencies" for t in node.targets):
            # ("app", "name") tuples; swappable_dependency(...) calls name the user model's app.
            return {ast.literal_eval(e)[0] for e in node.value.elts if isinstance(e, ast.Tuple)}
    return set()


def violations():
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            module = relative.removesuffix(".py").replace("/", ".")
            source = path.read_text()
            allowed = {*APPS} - FORBIDDEN[app] if relative not in ORCHESTRATORS else {*APPS}
            wrong = (imported_packages(source, module) & ({*APPS} | NEVER_IMPORTED)) - allowed - {app}
            if "/migrations/" in relative:
                wrong |= migration_dependencies(source) & FORBIDDEN[app]
            found.extend(f"{relative} -> {package}" for package in sorted(wrong))
    return found


def test_apps_import_each_other_one_way_only():
    """No module of comments or leads imports articles, leads nothing of comments, no app site_project or tests."""
    assert violations() == []


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from articles.seo import PageMeta", "comments.views", {"articles"}),
        ("import site_project.settings", "leads.models", {"site_project"}),
        ("from ..blocks import X", "articles.models.pages", {"articles"}),
        ("from . import views", "leads.urls", {"leads"}),
    ],
)
def test_the_import_check_sees_every_form_of_import(source, module, expected):
    """The check reads absolute, dotted and relative imports, so a wrong one cannot slip past."""
    assert imported_packages(source, module) == expected


def test_the_migration_check_reads_dependencies():
    """A migration that depends on another app's migration counts as importing that app."""
    source = 'class Migration:\n    dependencies = [("leads", "0001_initial"), ("articles", "0002_groups")]\n'
    assert migration_dependencies(source) == {"leads", "articles"}
