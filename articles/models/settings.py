"""Site-wide facts about the agency, edited in Settings > Organization."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from site_cache import CachedSiteSetting


@register_setting(icon="site")
class OrganizationSettings(CachedSiteSetting, BaseSiteSetting):
    name = models.CharField(max_length=120, default="Northwind Digital")
    url = models.URLField(blank=True, help_text="The agency's main address; the site's own when blank.")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tagline = models.CharField(max_length=160, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=160, blank=True)
    locality = models.CharField("town or city", max_length=80, blank=True)
    region = models.CharField(max_length=80, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True, help_text="Two-letter code, e.g. GB.")
    facebook = models.URLField("Facebook", blank=True)
    x = models.URLField("X (Twitter)", blank=True)
    linkedin = models.URLField("LinkedIn", blank=True)
    instagram = models.URLField("Instagram", blank=True)
    youtube = models.URLField("YouTube", blank=True)
    x_handle = models.CharField(
        "X handle", max_length=40, blank=True, help_text="For Twitter cards, e.g. @northwind."
    )

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo"), FieldPanel("tagline")], "Identity"
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], "Contact"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("region"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
            ],
            "Postal address",
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook"),
                FieldPanel("x"),
                FieldPanel("linkedin"),
                FieldPanel("instagram"),
                FieldPanel("youtube"),
                FieldPanel("x_handle"),
            ],
            "Social profiles",
        ),
    ]

    class Meta:
        verbose_name = "Organization"

    @property
    def social_profiles(self):
        """(label, url) pairs for the profiles that are filled in, in display order."""
        fields = ("facebook", "x", "linkedin", "instagram", "youtube")
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]

    @property
    def has_address(self):
        return bool(self.street_address or self.locality or self.postal_code)
