"""Placeholder artwork drawn with Pillow, for demo content and tests (no files to ship)."""

from io import BytesIO

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage
from PIL import ImageDraw


def draw_image(title, size=(1600, 900), background="#1f4e79", foreground="#ffffff", text=""):
    """Save a flat picture with a label to the image library; reuse one with the same title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.rectangle(
        [width // 12, height // 8, width - width // 12, height - height // 8], outline=foreground, width=6
    )
    draw.text((width // 10, height // 2), text or title, fill=foreground, font_size=max(16, height // 12))
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60] + ".png"
    return Image.objects.create(title=title, description=title, file=ImageFile(buffer, name=filename))
