import json

from django.core.management.base import BaseCommand, CommandError

from leads.privacy import erase_person, export_person


class Command(BaseCommand):
    help = "Export (JSON) or erase everything the site holds for one email address: leads and comments."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Erase without asking for confirmation.")

    def handle(self, *args, action, email, yes, **options):
        if action == "export":
            self.stdout.write(json.dumps(export_person(email), indent=2, ensure_ascii=False))
            return
        if not yes and input(f"Erase all leads and comments for {email}? Type 'yes': ") != "yes":
            raise CommandError("Nothing erased.")
        counts = erase_person(email)
        self.stdout.write(
            f"Erased {counts['leads']} lead(s) and {counts['comments']} comment(s) for {email}."
        )
