from django.conf import settings
from django.core.management.base import BaseCommand

from leads.tasks import send_digest


class Command(BaseCommand):
    help = 'Email the sales inbox the leads still "new" after LEADS_DIGEST_AFTER_HOURS (run it daily).'

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=settings.LEADS_DIGEST_AFTER_HOURS)

    def handle(self, *args, hours, **options):
        count = send_digest(hours)
        self.stdout.write(f"{count} waiting lead(s) sent in the digest." if count else "No lead is waiting.")
