"""The shipped default (production settings, no Redis, gunicorn with two workers): a change
made by one process shows in every worker's next page, the page cache and the cached site
settings included, because both live where every process looks (SHARED_CACHE)."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

from tests.production_support import fetch, free_port, prepare_demo_site, production_env, start_gunicorn, stop


def home_pages(port, count=40):
    """Concurrent requests, so that both workers answer some (each with its own memory)."""
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda _: fetch(f"http://127.0.0.1:{port}/"), range(count)))


RENAME = """
from wagtail.models import Site
from articles.models import OrganizationSettings
organization = OrganizationSettings.objects.get(site=Site.objects.get(is_default_site=True))
organization.name = "Harbour Light Marketing"
organization.save()
"""


def test_a_setting_changed_elsewhere_shows_in_every_worker_at_once(tmp_path):
    port = free_port()
    env = production_env(tmp_path, port)
    prepare_demo_site(env)
    server = start_gunicorn(env, port, tmp_path / "gunicorn.log", workers=2)
    try:
        # Enough requests that both workers render, cache and keep the page and the settings.
        before = home_pages(port)
        assert all(status == 200 and b"Harbour Light Marketing" not in body for status, _, body in before)
        assert any(headers.get("X-Page-Cache") == "hit" for _, headers, _ in before)

        # A third process (as the admin's would be) saves the setting.
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", RENAME], cwd=settings.BASE_DIR, env=env, check=True
        )

        after = home_pages(port)
        assert all(status == 200 and b"Harbour Light Marketing" in body for status, _, body in after)
    finally:
        stop(server)
