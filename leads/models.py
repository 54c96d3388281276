"""Leads: what a visitor asked for, where they came from, and what sales did about it."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import TruncWeek
from django.utils import timezone

# Services a visitor can ask about: the list editors pick from in call-to-action blocks.
from articles.blocks import SERVICE_CHOICES

CALL_TIME_CHOICES = [
    ("morning", "Morning (9:00–12:00)"),
    ("afternoon", "Afternoon (12:00–17:00)"),
    ("evening", "Early evening (17:00–19:00)"),
    ("any", "Any time"),
]

UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]


class LeadQuerySet(models.QuerySet):
    def waiting(self):
        """Leads nobody has acted on yet."""
        return self.filter(status=Lead.Status.NEW)

    def genuine(self):
        return self.exclude(status=Lead.Status.SPAM)

    def for_email(self, email):
        return self.filter(email__iexact=email.strip()) if email and email.strip() else self.none()

    def received_before(self, moment):
        return self.filter(created__lt=moment)

    def stale(self, hours=24):
        """Still "new" this long after they arrived: the digest's list."""
        return self.waiting().received_before(timezone.now() - timedelta(hours=hours))

    def purgeable(self, days):
        """Lost and spam leads older than the retention period."""
        closed = [Lead.Status.LOST, Lead.Status.SPAM]
        return self.filter(status__in=closed, updated__lt=timezone.now() - timedelta(days=days))

    def earlier_submission(self, email, days):
        """The latest genuine lead from this email within the repeat window, if any."""
        since = timezone.now() - timedelta(days=days)
        return self.genuine().for_email(email).filter(created__gte=since).order_by("-created").first()

    def per_week(self, weeks=12):
        """[(monday, count)] for the last `weeks` weeks, oldest first, empty weeks included."""
        today = timezone.localdate()
        this_monday = today - timedelta(days=today.weekday())
        mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
        counts = (
            self.filter(created__date__gte=mondays[0])
            .annotate(week=TruncWeek("created"))
            .values("week")
            .annotate(count=models.Count("pk"))
            .order_by()
        )
        by_week = {
            row["week"].date() if hasattr(row["week"], "date") else row["week"]: row["count"]
            for row in counts
        }
        return [(monday, by_week.get(monday, 0)) for monday in mondays]


class Lead(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        QUALIFIED = "qualified", "Qualified"
        WON = "won", "Won"
        LOST = "lost", "Lost"
        SPAM = "spam", "Spam"

    class Form(models.TextChoices):
        CALLBACK = "callback", "Callback form"
        CONTACT = "contact", "Contact page"
        CTA = "cta", "Call to action (contact page)"

    # What the visitor told us.
    name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=32, blank=True)
    company = models.CharField(max_length=150, blank=True)
    service = models.CharField("service of interest", max_length=20, choices=SERVICE_CHOICES, blank=True)
    message = models.TextField(blank=True)
    call_time = models.CharField("best time to call", max_length=20, choices=CALL_TIME_CHOICES, blank=True)
    consent = models.BooleanField(default=False)
    consent_at = models.DateTimeField("consent given at", null=True, blank=True)
    consent_text = models.TextField("consent text shown", blank=True)
    newsletter = models.BooleanField("newsletter opt-in", default=False)

    # Where it came from.
    form = models.CharField("captured by", max_length=20, choices=Form.choices, default=Form.CONTACT)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="source page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
    )
    source_url = models.CharField("source URL", max_length=500, blank=True)
    referrer = models.CharField(max_length=500, blank=True)
    utm_source = models.CharField("UTM source", max_length=150, blank=True)
    utm_medium = models.CharField("UTM medium", max_length=150, blank=True)
    utm_campaign = models.CharField("UTM campaign", max_length=150, blank=True)
    utm_term = models.CharField("UTM term", max_length=150, blank=True)
    utm_content = models.CharField("UTM content", max_length=150, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name="earlier submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
        help_text="The same person's earlier lead, when they wrote again within the repeat window.",
    )

    # What sales did with it.
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_leads",
    )

    # For spam work; never shown publicly.
    spam_reasons = models.TextField(blank=True)
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    created = models.DateTimeField("received", default=timezone.now, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        permissions = [
            ("view_lead_stats", "Can see lead counts per article (no personal data)"),
            (
                "manage_personal_data",
                "Can export or erase one person's leads and comments (privacy requests)",
            ),
        ]

    def __str__(self):
        return f"{self.name}{f' ({self.company})' if self.company else ''}"

    @property
    def utm(self):
        return {field: getattr(self, field) for field in UTM_FIELDS if getattr(self, field)}

    def submission_history(self):
        """Every lead this person sent, linked through `previous` or sharing the email."""
        related = Lead.objects.filter(models.Q(pk=self.previous_id) | models.Q(previous=self))
        if self.email:
            related = related | Lead.objects.for_email(self.email)
        return related.exclude(pk=self.pk).select_related("source_page").order_by("-created")


class LeadNote(models.Model):
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"Note on {self.lead} by {self.author}"


class LeadEvent(models.Model):
    """One line of a lead's history: who did what, when."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "Received"
        STATUS = "status", "Status changed"
        OWNER = "owner", "Owner changed"
        NOTE = "note", "Note added"

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    from_value = models.CharField(max_length=150, blank=True)
    to_value = models.CharField(max_length=150, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.from_value} → {self.to_value}"
