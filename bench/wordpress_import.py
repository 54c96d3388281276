"""Time and peak memory of `import_wordpress` on generated exports of growing size.

    .venv/bin/python bench/wordpress_import.py [POSTS ...]   (default: 500 5000)

Each size gets ten comments a post (threaded three deep), a fresh SQLite database in a
temporary folder and its own process, whose peak resident memory is read with getrusage.
Flat memory across sizes is the point: the reader lets go of each post once imported. CPU
seconds (user + system) of the import process are reported beside wall time, since on a
shared machine the wall time mostly measures the other processes.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.wxr_builder import WPComment, WPItem, author_xml, category_xml, tag_xml, write_export  # noqa: E402

BASE = "https://big-blog.example"
PARAGRAPH = (
    "<p>Search and social each bring visitors, but <strong>not the same ones</strong>. "
    '<a href="https://example.com/guide">A guide</a> explains how to plan for both.</p>'
)
TABLE = (
    "<table><thead><tr><th>Channel</th><th>Speed</th></tr></thead><tbody>"
    + "".join(f"<tr><td>Channel {n}</td><td>{n} weeks</td></tr>" for n in range(6))
    + "</tbody></table>"
)


def posts(count):
    for n in range(1, count + 1):
        comments = []
        for c in range(10):
            wp_id = n * 100 + c
            parent = 0 if c % 3 == 0 else wp_id - 1  # chains of three: comment, reply, reply
            comments.append(
                WPComment(
                    wp_id,
                    f"Reader {c}",
                    f"reader{c}@example.com",
                    f"Comment {c} on post {n}.",
                    "2024-05-01 10:00:00",
                    parent=parent,
                    approved="1" if c != 9 else "spam",
                )
            )
        yield WPItem(
            100_000 + n,
            f"Generated post number {n}",
            slug=f"generated-post-{n}",
            content="\n".join(
                [PARAGRAPH, f"<h2>Part {n}</h2>", PARAGRAPH, TABLE, "<ul><li>One</li><li>Two</li></ul>"]
            ),
            creator="writer",
            categories=[("news", "News")],
            tags=[(f"tag-{n % 20}", f"Tag {n % 20}")],
            meta={"_yoast_wpseo_metadesc": f"Summary of post {n}."},
            comments=comments,
        )


# The import in a process of its own, which prints its peak resident memory (KB) last.
IMPORT = """
import os, resource, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_project.settings.dev")
django.setup()
from django.core.management import call_command
call_command("import_wordpress", sys.argv[1], verbosity=0)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run(command, env):
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def measure(count, folder):
    export = folder / f"export-{count}.xml"
    header = [
        author_xml(1, "writer", "writer@big-blog.example", "Wren Writer"),
        category_xml(2, "news", "News"),
        tag_xml(3, "tag-0", "Tag 0"),
    ]
    with export.open("w", encoding="utf-8") as stream:
        write_export(stream, "Big blog", BASE, header, posts(count))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder}/bench-{count}.sqlite3",
        "PAGE_CACHE_SECONDS": "0",
    }
    python = sys.executable
    run([python, "manage.py", "migrate", "--no-input", "-v0"], env)
    setup = (
        "from wagtail.models import Page, Site; from articles.models import HomePage, ArticleIndexPage;"
        "root = Page.objects.get(depth=1); home = root.add_child(instance=HomePage(title='Home', slug='home-b'));"
        "Site.objects.update(root_page=home); home.add_child(instance=ArticleIndexPage(title='Articles', slug='articles'))"
    )
    run([python, "manage.py", "shell", "-c", setup], env)
    started = time.perf_counter()
    output = subprocess.run(  # noqa: S603
        [python, "-c", IMPORT, str(export)], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    seconds = time.perf_counter() - started
    cpu, peak_kb = output.strip().splitlines()[-1].split()
    return export.stat().st_size, seconds, float(cpu), int(peak_kb)


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [500, 5000]
    print(
        f"{'posts':>6} {'comments':>9} {'file MB':>8} {'wall s':>7} {'CPU s':>6} {'CPU ms/post':>11} {'peak RSS MB':>12}"
    )
    with tempfile.TemporaryDirectory(prefix="wp-bench-") as tmp:
        for count in sizes:
            size, seconds, cpu, peak_kb = measure(count, Path(tmp))
            print(
                f"{count:>6} {count * 10:>9} {size / 1e6:>8.1f} {seconds:>7.0f} {cpu:>6.0f} "
                f"{1000 * cpu / count:>11.0f} {peak_kb / 1024:>12.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
