"""Moderation shows commenters' email and IP addresses: only the Moderators group holds it
now, so an Editor (marketing) opens no view with a commenter's personal data."""

from django.db import migrations


def revoke_from_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderate = Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*moderate)


def grant_to_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderate = Permission.objects.filter(content_type__app_label="comments", codename="moderate_comment")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*moderate)


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_in_reply_to")]

    operations = [migrations.RunPython(revoke_from_editors, grant_to_editors)]
