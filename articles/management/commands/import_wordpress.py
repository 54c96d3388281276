"""python manage.py import_wordpress EXPORT.xml [--uploads DIR] [--dry-run] [--fetch] [--include-private]

Like `load_demo_content`, the one kind of place that knows every app: the articles app
imports pages, people, terms, images, SEO fields and redirects; the comments app the comments.
"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.wordpress import parser
from articles.wordpress.importer import Importer, SiteNotReady, indexing_once_per_page
from articles.wordpress.media import Media
from articles.wordpress.report import Report
from comments.wordpress import import_comments

PROGRESS_EVERY = 100


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, authors, terms, images, comments, SEO, redirects."

    def add_arguments(self, parser_):
        parser_.add_argument("export", help="The .xml file from WordPress's Tools > Export.")
        parser_.add_argument(
            "--uploads", metavar="DIR", help="A local copy of the old site's wp-content/uploads."
        )
        parser_.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )
        parser_.add_argument(
            "--fetch", action="store_true", help="Download images missing from --uploads from the old site."
        )
        parser_.add_argument(
            "--include-private", action="store_true", help="Import private posts and pages, as drafts."
        )

    def handle(self, *args, export, uploads, dry_run, fetch, include_private, **options):
        if uploads and not os.path.isdir(uploads):
            raise CommandError(f"--uploads {uploads} is not a folder.")
        report = Report()
        media = Media(report, uploads=uploads, fetch=fetch)
        self.verbosity = options.get("verbosity", 1)
        try:
            with media.tracking_files(), transaction.atomic(), indexing_once_per_page():
                self.run(export, report, media, include_private)
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            media.delete_saved_files()
        except parser.WXRError as error:
            media.delete_saved_files()
            raise CommandError(str(error)) from error
        except SiteNotReady as error:
            raise CommandError(str(error)) from error
        except BaseException:
            media.delete_saved_files()  # the database rolled back: no file may outlive its row
            raise
        for line in report.lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Import finished."))

    def progress(self, message):
        if self.verbosity >= 1:
            self.stderr.write(message)

    def run(self, export, report, media, include_private):
        importer = Importer(report, media, include_private=include_private)
        # Pass one: the people, terms and pictures that posts refer to, wherever they are in the file.
        self.progress(f"Reading {export} (1/2: authors, categories, tags, images)...")
        for record in parser.read(export):
            if isinstance(record, parser.Channel):
                importer.channel = record
            elif isinstance(record, parser.Author):
                importer.author(record)
            elif isinstance(record, parser.Term):
                importer.term(record)
            elif isinstance(record, parser.Item) and record.post_type == "attachment":
                importer.attachment(record)
        self.progress("Reading (2/2: posts, pages and their comments)...")
        done = 0
        for record in parser.read(export):
            if not isinstance(record, parser.Item):
                continue
            page = importer.item(record)
            if record.post_type in ("post", "page"):
                done += 1
                if done % PROGRESS_EVERY == 0:
                    self.progress(f"  {done} posts and pages done")
            if record.comments:
                self.comments(page, record, importer, report)
        importer.finish()
        self.progress(f"  {done} posts and pages done")

    def comments(self, page, record, importer, report):
        if page is None:
            if record.post_type in ("post", "page"):
                report.skip(
                    f"{len(record.comments)} comment(s) on “{record.title}”", "their post was not imported"
                )
            return
        result = import_comments(page, record.comments, team_emails=importer.author_emails)
        for outcome in ("created", "updated", "unchanged"):
            report.count("comment", outcome, getattr(result, outcome))
        for what, reason in result.skipped:
            report.skip(what, reason)
