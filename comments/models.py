"""Comments on Wagtail pages: threaded, moderated, and cheap to show.

A comment belongs to a `wagtailcore.Page`, never to one of our page classes; a page takes
comments when its specific class has a `comments_open` field.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import ModelLogEntry

from site_cache import CachedSiteSetting

from .sanitize import plain_text, sanitize_body


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def awaiting_moderation(self):
        return self.filter(status=Comment.Status.PENDING)

    def public_thread(self, page):
        """A page's approved comments in one query, oldest first, without the private
        columns (a template that reached for them would cost a query per comment)."""
        return (
            self.approved()
            .filter(page=page)
            .defer("email", "ip_address", "user_agent", "spam_reasons")
            .order_by("created_at", "pk")
        )

    def by_returning_commenter(self, email):
        """Approved visitors' comments written under this email address before. Team replies
        do not count: anyone can type a team member's address."""
        return self.approved().filter(email__iexact=email, is_staff_reply=False)

    def status_counts(self):
        """{status: count} for every status, zeros included, in one query."""
        counts = dict(self.order_by().values_list("status").annotate(n=Count("pk")))
        return {status: counts.get(status, 0) for status in Comment.Status.values}


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # replies outlive a deleted parent, moving up to the top level
        related_name="replies",
    )
    # The comment actually answered: the parent, unless that was at the depth limit (then
    # the reply is shown one level up, but its writer is still the one who hears of it).
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=100)
    email = models.EmailField(help_text="Never shown on the site.")
    website = models.URLField(blank=True)
    body = models.TextField(help_text="Sanitised HTML, safe to print.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    is_staff_reply = models.BooleanField("team reply", default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=settings.ANTISPAM_USER_AGENT_MAX_LENGTH, blank=True)
    notify_replies = models.BooleanField("email me replies", default=False)
    spam_reasons = models.TextField(blank=True, help_text="Why the spam rules held it, one reason a line.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set by `import_wordpress`, so a second import updates the comment instead of copying it.
    wordpress_id = models.PositiveBigIntegerField("WordPress id", null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldPanel("body", help_text="HTML; cleaned to the allowed tags when saved."),
        FieldPanel("notify_replies"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["page", "status", "created_at"], name="comment_thread_idx"),
            # The moderation list filtered by status, newest first, and the counts per status.
            models.Index(fields=["status", "created_at", "id"], name="comment_status_created_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "wordpress_id"],
                condition=models.Q(wordpress_id__isnull=False),
                name="unique_wordpress_comment",
            )
        ]
        # One named permission covers every moderation action; deleting for good is separate.
        default_permissions = ()
        permissions = [
            ("moderate_comment", "Can moderate comments"),
            ("delete_comment", "Can delete comments for good"),
        ]

    def __str__(self):
        return f"{self.name} on “{self.page.title}”"

    def save(self, *args, **kwargs):
        if self._state.adding and self.in_reply_to_id is None:
            self.in_reply_to_id = self.parent_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from .paging import comment_query  # it reads this module

        return f"{self.page.url}{comment_query(self)}#comment-{self.pk}"

    def clean(self):
        # Whatever the admin's edit form sends goes through the same allow-list.
        self.body = sanitize_body(self.body)

    @property
    def excerpt(self):
        return Truncator(plain_text(self.body)).chars(80)

    @property
    def created_stamps(self):
        """(machine-readable, shown) creation time, as the date filters 'Y-m-d\\TH:i:sO' and
        "j F Y, H:i" print it, made here: a page of a thread prints a few hundred."""
        moment = timezone.localtime(self.created_at)
        shown = f"{moment.day} {MONTHS[moment.month]} {moment:%Y, %H:%M}"
        return moment.strftime("%Y-%m-%dT%H:%M:%S%z"), shown

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def ancestors(self):
        """Parent, grandparent, ...: one query per level, bounded by COMMENTS_MAX_DEPTH."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def reply_parent(self):
        """Where a reply to this comment attaches: here, or at the deepest allowed level."""
        lineage = [self, *self.ancestors()]  # self first, root last
        too_deep = max(0, len(lineage) - (settings.COMMENTS_MAX_DEPTH - 1))
        return lineage[too_deep]


def forget_history_label(sender, instance, **kwargs):
    """post_delete: a deleted comment's audit-log entries keep what was done and by whom,
    not the writer's name (their label was "Name on “Title”")."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(sender, for_concrete_model=False),
        object_id=str(instance.pk),
    ).update(label=f"Comment #{instance.pk}")


def build_thread(comments):
    """Nest a flat, oldest-first list of comments; returns the top-level ones. Each comment
    gets `thread_replies` (its children) and `thread_depth` (1 at the top). A reply whose
    parent is not in the list (not approved) shows at the top level rather than vanish."""
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        (parent.thread_replies if parent else roots).append(comment)

    def set_depth(nodes, depth):
        for node in nodes:
            node.thread_depth = depth
            set_depth(node.thread_replies, depth + 1)

    set_depth(roots, 1)
    return roots


def default_max_links():
    return settings.COMMENTS_MAX_LINKS


def default_auto_close_days():
    return settings.COMMENTS_AUTO_CLOSE_DAYS


@register_setting(icon="comment")
class CommentSettings(CachedSiteSetting, BaseSiteSetting):
    """Comment rules staff can change without a deploy: closing, links, blocked words."""

    auto_close_days = models.PositiveIntegerField(
        "close comments after (days)",
        default=default_auto_close_days,
        help_text="Days after an article is first published; 0 keeps comments open.",
    )
    max_links = models.PositiveSmallIntegerField(
        default=default_max_links, help_text="A comment with more links than this is held as spam."
    )
    blocked_words = models.TextField(
        blank=True,
        help_text="One word or phrase a line. A comment containing one (any case) is held as spam.",
    )
    blocked_domains = models.TextField(
        blank=True,
        help_text="One domain a line, e.g. cheap-pills.example. Links, websites and emails "
        "on it or its subdomains are held as spam.",
    )
    human_check_question = models.CharField(
        max_length=200,
        default="What is the current year? (four digits)",
        help_text="Asked of every visitor who comments; pick one any reader can answer.",
    )
    human_check_answer = models.CharField(
        max_length=100,
        blank=True,
        help_text="Accepted answers separated by commas, in any case. Blank: the current year.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("auto_close_days")], "Closing"),
        MultiFieldPanel(
            [FieldPanel("max_links"), FieldPanel("blocked_words"), FieldPanel("blocked_domains")],
            "Spam rules",
        ),
        MultiFieldPanel(
            [FieldPanel("human_check_question"), FieldPanel("human_check_answer")], "Human check"
        ),
    ]

    class Meta:
        verbose_name = "Comments"

    def accepts_comments(self, page, now=None):
        """Open by the page's own flag and not yet past the automatic closing date."""
        if not getattr(page.specific, "comments_open", False):
            return False
        published = page.first_published_at
        if self.auto_close_days and published:
            return (now or timezone.now()) < published + timedelta(days=self.auto_close_days)
        return True

    def accepted_answers(self):
        if self.human_check_answer.strip():
            return {answer.strip().lower() for answer in self.human_check_answer.split(",") if answer.strip()}
        year = timezone.now().year
        return {str(year), str(year - 1)} if timezone.now().month == 1 else {str(year)}

    def _lines(self, text):
        return [line.strip().lower() for line in text.splitlines() if line.strip()]

    def blocked_word_in(self, *texts):
        haystack = " ".join(texts).lower()
        return next((word for word in self._lines(self.blocked_words) if word in haystack), None)

    def blocked_domain_in(self, *hosts):
        domains = [domain.lstrip("@.").removeprefix("www.") for domain in self._lines(self.blocked_domains)]
        for host in filter(None, (host.lower().rstrip(".") for host in hosts)):
            for domain in domains:
                if host == domain or host.endswith("." + domain):
                    return domain
        return None
