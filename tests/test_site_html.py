"""Every public page type is valid HTML: the W3C Nu checker reports no errors and no warnings."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_site_browser import PAGES, site_urls  # noqa: F401 (the fixture)

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def vnu():
    if not VNU.exists() or not shutil.which("java"):
        if __import__("os").environ.get("REQUIRE_BROWSER"):
            pytest.fail("vnu.jar (npm ci) and Java are needed for the HTML checks")
        pytest.skip("needs vnu.jar (npm ci) and Java")
    return VNU


@pytest.mark.django_db
def test_every_public_page_type_has_no_nu_errors_or_warnings(client, site_urls, vnu, tmp_path):  # noqa: F811
    """Home, listings, article (with comments), plain page, search, contact: 0 errors, 0 warnings."""
    files = []
    for name in PAGES:
        response = client.get(site_urls[name])
        assert response.status_code == (404 if name == "not_found" else 200), name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--format", "json", *files], capture_output=True, text=True, timeout=300
    )
    messages = [
        f"{Path(m['url']).stem}:{m.get('lastLine')} {m['type']}/{m.get('subType', '')}: {m['message']}"
        for m in json.loads(result.stderr or result.stdout)["messages"]
        if m["type"] != "info" or m.get("subType") == "warning"
    ]
    assert messages == []
