"""Build a browsable demo site; safe to run again (it changes nothing the second time).

The one place that knows every app: articles first, then what hangs off them.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles import demo as articles_demo
from comments import demo as comments_demo
from leads import demo as leads_demo


class Command(BaseCommand):
    help = "Load demo pages, authors, comments and leads, and a local admin account."

    @transaction.atomic
    def handle(self, *args, **options):
        articles_demo.load(self.stdout)
        comments_demo.load(self.stdout)
        leads_demo.load(self.stdout)
        username, password, _group, _email = articles_demo.ACCOUNTS[0]
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write(
            f"Admin (local use only): http://127.0.0.1:8000/admin/  login {username} / {password}"
        )
