"""manage.py backup_site FOLDER: the database and the media folder, while the site runs."""

from django.core.management.base import BaseCommand

from backups.archive import back_up


class Command(BaseCommand):
    help = "Back up the database (SQLite online backup, or pg_dump) and the media folder into FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder to create for this backup; it must not exist yet")

    def handle(self, folder, **options):
        manifest = back_up(folder)
        rows = sum(manifest["rows"].values())
        self.stdout.write(f"Backed up {manifest['vendor']} ({rows} rows) and the media folder to {folder}")
