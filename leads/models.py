"""Leads: what a visitor asked for, where they came from, and what sales did about it."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import TruncWeek
from django.utils import timezone

from wagtail.models import BaseLogEntry, BaseLogEntryManager

# Services a visitor can ask about (settings.SITE_SERVICES, which call-to-action blocks offer too).
SERVICE_CHOICES = settings.SITE_SERVICES

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

    def received_since(self, day):
        """Received on `day` (local time) or later: a range of the indexed column, where
        `created__date__gte` would cast every row to a date."""
        return self.filter(created__gte=timezone.make_aware(datetime.combine(day, time.min)))

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

    def delete_with_history(self):
        """Delete these leads and their lines in the audit log, which name the person: the
        log has no foreign key to cascade along (it outlives what it records elsewhere)."""
        with transaction.atomic():
            object_ids = [str(pk) for pk in self.values_list("pk", flat=True)]
            LeadLogEntry.objects.filter(object_id__in=object_ids).delete()
            return self.delete()

    def per_week(self, weeks):
        """[(monday, count)] for the last `weeks` weeks, oldest first, empty weeks included."""
        today = timezone.localdate()
        this_monday = today - timedelta(days=today.weekday())
        mondays = [this_monday - timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
        counts = (
            self.received_since(mondays[0])
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
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
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
    user_agent = models.CharField(max_length=settings.ANTISPAM_USER_AGENT_MAX_LENGTH, blank=True)

    created = models.DateTimeField("received", default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            # The list newest first; the dashboard's weeks read status and page from the index.
            models.Index(fields=["created", "status", "source_page"], name="lead_created_idx"),
            # The list filtered by status, newest first, and the count of waiting leads.
            models.Index(fields=["status", "created"], name="lead_status_created_idx"),
        ]
        # On PostgreSQL, trigram indexes serve the admin search (migration 0006).
        permissions = [
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


class LeadStats(Lead):
    """What the "Leads per article" report reads: counts only. Its permission lives on this
    proxy's own content type, so holding it grants nothing on Lead (Wagtail's site history
    shows a model's log entries to anyone with any permission on that model)."""

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = "lead statistics"
        permissions = [("view_lead_stats", "Can see lead counts per article (no personal data)")]


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


class LeadLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        return super().log_action(instance, action, object_id=str(instance.pk), **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        """The history names the person and quotes notes: only those who may see leads see it
        (Editors hold a lead permission, the counts per article, but never see this)."""
        return self.all() if user.has_perm("leads.view_lead") else self.none()


class LeadLogEntry(BaseLogEntry):
    """A lead's history in Wagtail's audit log (`log_action`): received, status, owner and note
    entries, with who and when; the lead's page, its History view and the site history read it."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = LeadLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "lead log entry"
        verbose_name_plural = "lead log entries"
