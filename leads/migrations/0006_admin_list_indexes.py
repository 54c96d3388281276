"""Indexes for the admin at scale: received time (+ status and page, which the dashboard
reads from the index) and status + received time, for the list, its status filter and the
waiting count (they replace the single-column ones); on PostgreSQL only, trigram indexes for the
admin search, which SQLite has no use for."""

import django.utils.timezone
from django.db import migrations, models

# The viewset's search_fields. Django's icontains compares UPPER(column::text), so each index
# is on that expression: the planner uses it for LIKE '%...%' without any change to the search.
SEARCHED = ["name", "email", "company", "phone"]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in SEARCHED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS lead_{field}_trgm_idx ON leads_lead "
            f"USING gin (UPPER({field}::text) gin_trgm_ops)"
        )


def remove_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS lead_{field}_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0005_lead_stats_proxy"),
    ]

    operations = [
        migrations.AlterField(
            model_name="lead",
            name="status",
            field=models.CharField(
                choices=[
                    ("new", "New"),
                    ("contacted", "Contacted"),
                    ("qualified", "Qualified"),
                    ("won", "Won"),
                    ("lost", "Lost"),
                    ("spam", "Spam"),
                ],
                default="new",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="lead",
            name="created",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="received"),
        ),
        migrations.AddIndex(
            model_name="lead",
            index=models.Index(fields=["created", "status", "source_page"], name="lead_created_idx"),
        ),
        migrations.AddIndex(
            model_name="lead",
            index=models.Index(fields=["status", "created"], name="lead_status_created_idx"),
        ),
        migrations.RunPython(add_trigram_indexes, remove_trigram_indexes, elidable=False),
    ]
