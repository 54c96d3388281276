from django.conf import settings
from django.core.management.base import BaseCommand

from leads.models import Lead


class Command(BaseCommand):
    help = "Delete lost and spam leads (and their history) untouched for LEADS_RETENTION_DAYS (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.LEADS_RETENTION_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days, dry_run, **options):
        leads = Lead.objects.purgeable(days)
        count = leads.count()
        if not dry_run:
            leads.delete_with_history()
        self.stdout.write(
            f"{'Would delete' if dry_run else 'Deleted'} {count} lost or spam lead(s) older than {days} days."
        )
