"""Uploads go through Django's default storage: the filesystem (MEDIA_ROOT) unless the
production settings are given an S3 bucket (django-storages), for several app servers.

No S3 service runs offline here, so the S3 side is checked as far as it goes without one:
the settings build S3Storage with the environment's options, and the storage built from them
makes the plain (unsigned) URLs that cached pages carry."""

import io
import json
import os
import secrets
import subprocess
import sys

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.storage import FileSystemStorage, default_storage
from django.test import Client

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

PRINT_MEDIA_SETTINGS = """
import json
from django.conf import settings
from django.core.files.storage import default_storage, storages
print(json.dumps({
    "STORAGES": settings.STORAGES,
    "SERVE_MEDIA": settings.SERVE_MEDIA,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "admin_img_src": settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "storage": type(storages["default"]).__name__,
    "url": default_storage.url("images/photo.max-800x600.webp"),
}))
"""


def production_media_settings(**env):
    """The production settings' media configuration, as a fresh process with `env` sees it."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "SERVE_MEDIA"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{PRINT_MEDIA_SETTINGS}"],
        cwd=settings.BASE_DIR,
        env={
            **keep,
            "DJANGO_SETTINGS_MODULE": "site_project.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SITE_BASE_URL": "https://blog.example.com",
            **env,
        },
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


def test_without_a_bucket_uploads_stay_on_the_filesystem():
    """No AWS_STORAGE_BUCKET_NAME: MEDIA_ROOT through FileSystemStorage, served by Django."""
    found = production_media_settings()
    assert found["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert found["storage"] == "FileSystemStorage" and found["SERVE_MEDIA"] is True
    assert found["url"] == "/media/images/photo.max-800x600.webp"
    assert found["img_src"] == ["'self'", "data:"]


def test_a_bucket_in_the_environment_sends_uploads_to_s3_compatible_storage():
    """AWS_STORAGE_BUCKET_NAME and an endpoint (MinIO): S3Storage with unsigned, path-style
    URLs, Django stops serving /media/, and pages may show images from the endpoint."""
    found = production_media_settings(
        AWS_STORAGE_BUCKET_NAME="blog-media",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_S3_ADDRESSING_STYLE="path",
        AWS_ACCESS_KEY_ID="minio-key",
        AWS_SECRET_ACCESS_KEY="minio-secret",
    )
    assert found["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "blog-media",
            "endpoint_url": "http://127.0.0.1:9000",
            "region_name": "eu-west-2",
            "addressing_style": "path",
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # The keys are boto3's business: never copied into the settings.
    assert "minio-secret" not in json.dumps(found["STORAGES"])
    assert found["storage"] == "S3Storage" and found["SERVE_MEDIA"] is False
    assert found["url"] == "http://127.0.0.1:9000/blog-media/images/photo.max-800x600.webp"
    for img_src in (found["img_src"], found["admin_img_src"]):
        assert "http://127.0.0.1:9000" in img_src and "'self'" in img_src
    # The staticfiles storage is untouched: WhiteNoise still serves CSS and JS.
    assert found["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_a_cdn_domain_in_front_of_the_bucket_gives_its_urls():
    """AWS_S3_CUSTOM_DOMAIN: image URLs (and img-src) use the CDN's https address."""
    found = production_media_settings(
        AWS_STORAGE_BUCKET_NAME="blog-media",
        AWS_S3_CUSTOM_DOMAIN="media.example.com",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )
    assert found["STORAGES"]["default"]["OPTIONS"]["custom_domain"] == "media.example.com"
    assert found["url"] == "https://media.example.com/images/photo.max-800x600.webp"
    assert "https://media.example.com" in found["img_src"]


def png_upload(name):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), "#1f4e79").save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


@pytest.mark.django_db
def test_admin_uploads_and_renditions_go_through_the_default_storage():
    """An image uploaded in the admin and its rendition are both written by default_storage
    (the filesystem storage here, S3Storage when configured): nothing writes to disk itself."""
    assert isinstance(default_storage, FileSystemStorage)
    editor = User.objects.create_superuser("uploader", "uploader@example.com", "pw")
    admin = Client()
    admin.force_login(editor)
    response = admin.post(
        "/admin/images/add/",
        {"title": "Storage check", "file": png_upload("storage-check.png"), "description": "A blue card"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Storage check")
    rendition = image.get_rendition("fill-320x200|format-webp")
    for stored in (image.file, rendition.file):
        assert stored.storage is default_storage or stored.storage == default_storage
        assert default_storage.exists(stored.name), stored.name
        assert (settings.MEDIA_ROOT / stored.name).is_file()
    assert image.file.name.startswith("original_images/") and rendition.file.name.startswith("images/")
    assert rendition.url == default_storage.url(rendition.file.name)
