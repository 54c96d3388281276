"""The moderation list filtered by status, newest first, and the counts per status read one
index (status, written, id); it replaces the status index."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0005_wordpress_id"),
    ]

    operations = [
        migrations.AlterField(
            model_name="comment",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Awaiting moderation"),
                    ("approved", "Approved"),
                    ("spam", "Spam"),
                    ("removed", "Removed"),
                ],
                default="pending",
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["status", "created_at", "id"], name="comment_status_created_idx"),
        ),
    ]
