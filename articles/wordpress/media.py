"""WordPress uploads into the image library, from a local copy of wp-content/uploads.

The network is used only when asked (`--fetch`): an export names files on the old site,
which may be gone, slow, or not the importer's to download from.
"""

import re
import urllib.request
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.db.models.signals import post_save

from wagtail.images import get_image_model

from articles.models import WordPressLink

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".heic"}
UPLOADS_MARKER = "/wp-content/uploads/"
# WordPress names resized copies "photo-1024x576.jpg" and big originals "photo-scaled.jpg".
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)$")


def upload_path(url):
    """ "https://old.example/wp-content/uploads/2024/05/a-800x600.jpg" -> "2024/05/a-800x600.jpg"
    (or None when the address is not under wp-content/uploads)."""
    path = unquote(urlsplit(url.strip()).path)
    if UPLOADS_MARKER not in path:
        return None
    relative = PurePosixPath(path.split(UPLOADS_MARKER, 1)[1])
    if any(part in ("..", "") for part in relative.parts):
        return None
    return str(relative)


def original_path(relative):
    """The full-size file a resized copy was made from."""
    pure = PurePosixPath(relative)
    return str(pure.with_name(_SIZE_SUFFIX.sub("", pure.stem) + pure.suffix))


class Media:
    """Finds or makes the Image for an upload; remembers every file it saved so a dry run
    can delete them again after its transaction is rolled back."""

    def __init__(self, report, uploads=None, fetch=False):
        self.report = report
        self.uploads = Path(uploads).resolve() if uploads else None
        self.fetch = fetch
        self.saved_files = []

    def _local_file(self, relative):
        if self.uploads is None:
            return None
        for candidate in dict.fromkeys([relative, original_path(relative)]):
            path = (self.uploads / candidate).resolve()
            if path.is_file() and path.is_relative_to(self.uploads):
                return path
        return None

    def _download(self, url):
        if urlsplit(url).scheme not in ("http", "https"):
            return None
        try:
            timeout = settings.WORDPRESS_FETCH_TIMEOUT_SECONDS
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
                data = response.read(settings.WORDPRESS_FETCH_MAX_BYTES + 1)
        except OSError as error:
            self.report.warn(f"Image {url} could not be fetched: {error}")
            return None
        if len(data) > settings.WORDPRESS_FETCH_MAX_BYTES:
            self.report.warn(f"Image {url} is over WORDPRESS_FETCH_MAX_BYTES; not fetched")
            return None
        return data

    def image_for_url(self, url, title="", alt="", context=""):
        """The library image for an upload address, made on first sight; None (with a
        warning naming `context`) when the file is neither in --uploads nor fetched."""
        relative = upload_path(url)
        if relative is None:
            where = f" in {context}" if context else ""
            self.report.warn(f"Image {url}{where} is not under wp-content/uploads; left out")
            return None
        key = original_path(relative)
        _link, image = WordPressLink.find(WordPressLink.Kind.UPLOAD, key)
        if image is not None:
            return image
        if PurePosixPath(key).suffix.lower() not in IMAGE_SUFFIXES:
            self.report.skip(f"file {key}", "not an image (only images are imported)")
            return None
        local = self._local_file(relative)
        data = local.read_bytes() if local else (self._download(url) if self.fetch else None)
        if data is None:
            where = f" (used in {context})" if context else ""
            hint = f"; not in {self.uploads}" if self.uploads else "; pass --uploads DIR (or --fetch)"
            self.report.warn(f"Image file {key} is missing{where}{hint}; left out")
            return None
        name = PurePosixPath(key).name
        image = get_image_model()(title=(title or PurePosixPath(key).stem)[:255], description=alt[:255])
        image.file = ImageFile(BytesIO(data), name=name)
        try:
            image.save()
        except Exception as error:  # Willow/Pillow reject a damaged file in many ways
            self.report.warn(f"Image file {key} could not be read as an image ({error}); left out")
            return None
        WordPressLink.remember(WordPressLink.Kind.UPLOAD, key, image)
        self.report.count("image", "created")
        return image

    def attachment(self, item):
        """Pass one: an attachment post becomes a library image with its alt text."""
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()
        image = self.image_for_url(item.attachment_url or item.guid, title=item.title, alt=alt)
        if image is None:
            return None
        if alt and image.description != alt:
            image.description = alt[:255]
            image.save(update_fields=["description"])
        WordPressLink.remember(WordPressLink.Kind.ATTACHMENT, item.wp_id, image)
        return image

    def by_attachment_id(self, wp_id):
        _link, image = WordPressLink.find(WordPressLink.Kind.ATTACHMENT, wp_id)
        return image

    @contextmanager
    def tracking_files(self):
        """Remember every image and rendition file written meanwhile (publishing makes
        renditions too), so that a rolled-back run can delete them: no file outlives its row."""
        Image = get_image_model()
        models = [Image, Image.get_rendition_model()]

        def remember(sender, instance, created, **kwargs):
            if created and instance.file:
                self.saved_files.append((instance.file.storage, instance.file.name))

        for model in models:
            post_save.connect(
                remember, sender=model, weak=False, dispatch_uid=f"wordpress-files-{model.__name__}"
            )
        try:
            yield
        finally:
            for model in models:
                post_save.disconnect(sender=model, dispatch_uid=f"wordpress-files-{model.__name__}")

    def delete_saved_files(self):
        for storage, name in self.saved_files:
            storage.delete(name)
        self.saved_files = []
