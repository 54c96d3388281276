"""manage.py restore_site FOLDER: load a backup_site folder into the database and media folder."""

from django.core.management.base import BaseCommand

from backups.archive import restore


class Command(BaseCommand):
    help = (
        "Restore the database and the media folder from a backup_site FOLDER into a fresh database "
        "(--replace overwrites a database that holds data), then check every table's row count."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--replace", action="store_true", help="overwrite the current database")

    def handle(self, folder, replace, **options):
        manifest = restore(folder, replace=replace)
        rows = manifest["rows"]
        self.stdout.write(
            f"Restored the backup of {manifest['created']}: {len(rows)} tables, "
            f"{sum(rows.values())} rows, every count as backed up."
        )
