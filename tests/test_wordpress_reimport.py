"""Moving in from WordPress, run after run: a second import changes nothing, a changed post
is updated, --dry-run writes nothing, no email goes out, hostile or broken files are refused."""

from pathlib import Path

from django.core import mail
from django.core.management import CommandError

import pytest

from articles.models import ArticlePage
from comments.models import Comment
from tests import wordpress_fixture
from tests.wordpress_fixture import article, row_counts, run

FIXTURES = Path(__file__).parent / "fixtures" / "wordpress"
pytestmark = pytest.mark.django_db


@pytest.fixture
def export(tmp_path):
    return wordpress_fixture.build(tmp_path)


@pytest.fixture
def imported(export, index_page):
    path, uploads = export
    return run(path, "--uploads", uploads)


def test_private_posts_come_in_as_drafts_when_asked(export, index_page):
    """--include-private imports a private post, kept out of sight as a draft."""
    path, uploads = export
    run(path, "--uploads", uploads, "--include-private")
    private = article("Private thoughts")
    assert not private.live


def test_imported_comments_send_no_email_and_queue_no_task(
    export, index_page, settings, django_capture_on_commit_callbacks
):
    """Nobody is emailed about comments that were written years ago on the old site."""
    from django_tasks import default_task_backend

    from comments import moderation

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    path, uploads = export
    with django_capture_on_commit_callbacks(execute=True):
        run(path, "--uploads", uploads)
    assert Comment.objects.count() == 22

    def comment_tasks():
        return [r for r in default_task_backend.results if r.task.func.__module__ == "comments.tasks"]

    assert mail.outbox == [] and comment_tasks() == []
    # The same backend does see a moderator's approval, so the check above can fail.
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve(Comment.objects.filter(status="pending").first())
    assert "notify_authors" in [r.task.func.__name__ for r in comment_tasks()]


def test_second_run_changes_nothing(imported, export):
    """Running the import again adds no rows and reports everything unchanged."""
    before = row_counts()
    path, uploads = export
    report, _ = run(path, "--uploads", uploads)
    assert row_counts() == before
    assert "articles:    0 created, 0 updated, 5 unchanged" in report
    assert "comments:    0 created, 0 updated, 22 unchanged" in report
    assert "redirects:   0 created, 0 updated, 11 unchanged" in report
    assert " created" not in report.replace("0 created", "")


def test_a_changed_post_is_updated_in_place(imported, export):
    """A post edited in WordPress since the last import is updated, not copied."""
    path, uploads = export
    path.write_text(path.read_text().replace("A workshop in three pictures", "A workshop in pictures"))
    report, _ = run(path, "--uploads", uploads)
    assert "articles:    0 created, 1 updated, 4 unchanged" in report
    assert ArticlePage.objects.filter(title="A workshop in pictures").count() == 1
    assert not ArticlePage.objects.filter(title="A workshop in three pictures").exists()


def test_a_page_edited_here_is_left_alone(imported, export):
    """Edits made in Wagtail after the import are never overwritten by a later import."""
    post = article("A workshop")
    post.title = "Edited by our editor"
    post.save_revision().publish()
    path, uploads = export
    path.write_text(path.read_text().replace("A workshop in three pictures", "Changed in WordPress"))
    report, _ = run(path, "--uploads", uploads)
    assert "edited in Wagtail since the last import; left as it is" in report
    assert article("Edited by our editor").pk == post.pk


def test_dry_run_changes_nothing_and_reports_the_same(export, index_page, settings):
    """--dry-run prints the report a real run would, and leaves database and media untouched."""
    path, uploads = export
    before = row_counts()
    media_before = sorted(Path(settings.MEDIA_ROOT).rglob("*"))
    dry, _ = run(path, "--uploads", uploads, "--dry-run")
    assert row_counts() == before
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*")) == media_before
    real, _ = run(path, "--uploads", uploads)
    assert dry.replace("Dry run: nothing was changed.", "") == real.replace("Import finished.", "")
    assert "articles:    5 created" in dry


def test_images_never_come_from_the_network_unless_fetch(export, index_page, tmp_path, settings):
    """Without --fetch a missing file is a warning and no request is made; --fetch downloads it, within the size limit."""
    import http.server
    import threading

    requests = []
    folder = tmp_path / "site"
    (folder / "wp-content" / "uploads" / "2024" / "03").mkdir(parents=True)
    target = folder / "wp-content" / "uploads" / "2024" / "03" / "lost-photo.jpg"
    target.write_bytes((export[1] / "2024" / "03" / "compass.jpg").read_bytes())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            requests.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        path, uploads = export
        local = f"http://127.0.0.1:{server.server_port}/wp-content/uploads/2024/03/lost-photo.jpg"
        path.write_text(
            path.read_text().replace(f"{wordpress_fixture.UPLOADS}/2024/03/lost-photo.jpg", local)
        )
        report, _ = run(path, "--uploads", uploads)
        assert "Image file 2024/03/lost-photo.jpg is missing" in report and requests == []
        settings.WORDPRESS_FETCH_MAX_BYTES = 100
        report, _ = run(path, "--uploads", uploads, "--fetch")
        assert f"Image {local} is over WORDPRESS_FETCH_MAX_BYTES; not fetched" in report
        settings.WORDPRESS_FETCH_MAX_BYTES = 10_000_000
        report, _ = run(path, "--uploads", uploads, "--fetch")
        assert requests == ["/wp-content/uploads/2024/03/lost-photo.jpg"] * 2
        assert any(
            b["value"]["image"]["alt_text"] == "A photo that was never copied"
            for b in article("A workshop").body.raw_data
            if b["type"] == "image"
        )
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("entity-bomb.xml", "declares the XML entity “lol”"),
        ("external-entity.xml", "declares an external entity “secret” (file:///etc/passwd)"),
    ],
)
def test_hostile_files_are_refused(index_page, name, message):
    """An entity bomb or an external entity is refused with a clear message, and nothing is made."""
    before = row_counts()
    with pytest.raises(CommandError, match="Refused") as error:
        run(FIXTURES / name)
    assert message in str(error.value) and "nothing was imported" in str(error.value)
    assert row_counts() == before


def test_files_that_are_not_exports_get_a_clear_message(index_page, tmp_path):
    """A missing file, broken XML or another XML document each say what is wrong."""
    with pytest.raises(CommandError, match="Cannot read the export"):
        run(tmp_path / "missing.xml")
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><item></channel>")
    with pytest.raises(CommandError, match="Not a readable WordPress export: XML error"):
        run(broken)
    other = tmp_path / "other.xml"
    other.write_text("<html><body/></html>")
    with pytest.raises(CommandError, match="Not a WordPress export"):
        run(other)
    with pytest.raises(CommandError, match="is not a folder"):
        run(broken, "--uploads", tmp_path / "nowhere")


def test_a_site_without_a_home_page_is_told_so(export):
    """Before the site has a home page there is nowhere to import to, and the message says so."""
    with pytest.raises(CommandError, match="no home page to import under"):
        run(export[0])
