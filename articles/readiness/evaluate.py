"""Run every check on one article, with the site's settings and the page's dismissals."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from articles.models import CheckDismissal, ReadinessScore, ReadinessSettings
from articles.readiness.checks import CHECKS
from articles.readiness.facts import Facts


@dataclass
class Outcome:
    check: object
    problem: str | None  # None: it passes
    dismissal: CheckDismissal | None = None

    @property
    def failing(self):
        return self.problem is not None and self.dismissal is None


@dataclass
class Readiness:
    outcomes: list = field(default_factory=list)

    @property
    def failing(self):
        return [outcome for outcome in self.outcomes if outcome.failing]

    @property
    def score(self):
        """Percentage of the counted checks that pass; a dismissed check is not counted."""
        counted = [outcome for outcome in self.outcomes if outcome.dismissal is None]
        if not counted:
            return 100
        return round(100 * sum(1 for outcome in counted if outcome.problem is None) / len(counted))


def evaluate(page, request=None, meta=None, limits=None, dismissals=None):
    """The checks that the site has switched on, run on `page` (saved or not)."""
    if limits is None:
        limits = (
            ReadinessSettings.for_request(request) if request else ReadinessSettings.for_site(page.get_site())
        )
    if dismissals is None:
        dismissals = (
            {d.check_id: d for d in CheckDismissal.objects.filter(page_id=page.pk)} if page.pk else {}
        )
    facts = Facts(page, request=request, meta=meta)
    return Readiness(
        [
            Outcome(check, check.test(facts, limits), dismissals.get(check.id))
            for check in CHECKS
            if limits.enabled(check.id)
        ]
    )


def record(page):
    """Check the page's newest revision and store its score for listings and the report."""
    draft = page.get_latest_revision_as_object()
    readiness = evaluate(draft)
    with transaction.atomic():
        ReadinessScore.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "score": readiness.score,
                "failing": [outcome.check.id for outcome in readiness.failing],
                "checked_at": timezone.now(),
            },
        )
    return readiness
