"""What an import from WordPress made, keyed on WordPress's own ids, so that running the
import again updates those objects instead of making new ones."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class WordPressLink(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post or page"  # key: the WordPress post id
        ATTACHMENT = "attachment", "Attachment"  # key: the attachment's post id
        UPLOAD = "upload", "Uploaded file"  # key: the file's path under wp-content/uploads
        AUTHOR = "author", "Author"  # key: the author's login
        CATEGORY = "category", "Category"  # key: the category's slug

    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A digest of what the import wrote, and (for pages) the revision it made: the next run
    # tells "unchanged" from "changed in WordPress" and from "edited here since".
    checksum = models.CharField(max_length=64, blank=True)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_wordpress_link")]
        verbose_name = "WordPress import link"

    def __str__(self):
        return f"WordPress {self.kind} {self.key}"

    @classmethod
    def find(cls, kind, key):
        """The object imported before for this WordPress id, or None (also when it was deleted)."""
        link = cls.objects.filter(kind=kind, key=str(key)).select_related("content_type").first()
        if link is None:
            return None, None
        model = link.content_type.model_class()
        return link, model._default_manager.filter(pk=link.object_id).first()

    @classmethod
    def remember(cls, kind, key, obj, **fields):
        link, _ = cls.objects.update_or_create(
            kind=kind,
            key=str(key),
            defaults={"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk, **fields},
        )
        return link
