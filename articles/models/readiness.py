"""What the readiness checks store: the site's tuning, editors' dismissals, each article's
latest score, and review links that show a draft to someone without an account."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from articles.readiness.checks import CHECKS

CHECK_CHOICES = [(check.id, check.name) for check in CHECKS]


def _switch(label):
    return models.BooleanField(label, default=True)


@register_setting(icon="glasses")
class ReadinessSettings(BaseSiteSetting):
    """Which checks run and their limits; a switched-off check counts for nothing in the score."""

    seo_title = _switch("SEO title")
    description = _switch("Meta description")
    social_image = _switch("Sharing image")
    image_alt = _switch("Alt text")
    hero_credit = _switch("Hero image credit")
    headings = _switch("Heading order")
    word_count = _switch("Length")
    internal_link = _switch("Internal link")
    dead_links = _switch("Links to pages that are not live")
    slug = _switch("Slug")
    structured_data = _switch("Structured data")

    title_max_chars = models.PositiveSmallIntegerField("SEO title: most characters", default=60)
    title_max_px = models.PositiveSmallIntegerField("SEO title: widest (pixels)", default=580)
    description_min = models.PositiveSmallIntegerField("Description: fewest characters", default=50)
    description_max = models.PositiveSmallIntegerField("Description: most characters", default=160)
    image_min_width = models.PositiveSmallIntegerField("Sharing image: narrowest (pixels)", default=1200)
    image_min_height = models.PositiveSmallIntegerField("Sharing image: lowest (pixels)", default=630)
    min_words = models.PositiveSmallIntegerField("Fewest words", default=300)
    slug_max_chars = models.PositiveSmallIntegerField("Slug: most characters", default=60)

    panels = [
        MultiFieldPanel([FieldPanel(check.id) for check in CHECKS], "Checks that run"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("title_max_chars"), FieldPanel("title_max_px")]),
                FieldRowPanel([FieldPanel("description_min"), FieldPanel("description_max")]),
                FieldRowPanel([FieldPanel("image_min_width"), FieldPanel("image_min_height")]),
                FieldRowPanel([FieldPanel("min_words"), FieldPanel("slug_max_chars")]),
            ],
            "Limits",
        ),
    ]

    class Meta:
        verbose_name = "Readiness checks"

    def enabled(self, check_id):
        return getattr(self, check_id)


class CheckDismissal(models.Model):
    """An editor's decision that one check does not apply to one page, and why."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="check_dismissals")
    check_id = models.CharField("check", max_length=40, choices=CHECK_CHOICES)
    reason = models.TextField(help_text="Why this check does not apply here; shown in the readiness report.")
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "check_id"], name="one_dismissal_per_check")]
        ordering = ["page", "check_id"]

    def __str__(self):
        return f"{self.get_check_id_display()} on {self.page}"


class ReadinessScore(models.Model):
    """The latest result for an article's newest revision, so listings can sort by it."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="readiness"
    )
    score = models.PositiveSmallIntegerField()
    failing = models.JSONField(default=list, help_text="Ids of the checks that fail.")
    checked_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.page}: {self.score}"


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=settings.REVIEW_LINK_EXPIRY_DAYS)


class ReviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ReviewLink(models.Model):
    """A secret address at which anyone holding it sees the page's latest draft until it expires
    or is revoked."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="review_links")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    note = models.CharField(max_length=120, blank=True, help_text="Who it is for, e.g. “Client legal team”.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ReviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Review link for {self.page}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
