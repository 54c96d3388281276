"""Build a browsable demo site; safe to run again (it changes nothing the second time).

The one place that knows every app: articles first, then what hangs off them.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles import demo as articles_demo
from comments import demo as comments_demo
from leads import demo as leads_demo


class Command(BaseCommand):
    help = "Load demo pages, authors, comments and leads, and local accounts (refused with DEBUG off)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (local checks of the production settings).",
        )

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a production database: demo content and accounts "
                "are for local use. Run with --force if you really mean it."
            )
        accounts = articles_demo.load(self.stdout)
        comments_demo.load(self.stdout)
        leads_demo.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        username, password = accounts[0]
        self.stdout.write(
            f"Admin (local use only): http://127.0.0.1:8000/admin/  login {username} / {password}"
        )
