"""Editors and Moderators moderate comments and edit the comment settings; Sales do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATING_GROUPS = ["Editors", "Moderators"]
PERMISSIONS = ["moderate_comment", "change_commentsettings", "view_commentsettings"]


def grant(apps, schema_editor):
    comments = apps.get_app_config("comments")
    comments.models_module = True
    create_permissions(comments, apps=apps, verbosity=0)
    comments.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    permissions = list(Permission.objects.filter(content_type__app_label="comments", codename__in=PERMISSIONS))
    for name in MODERATING_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="comments", codename__in=PERMISSIONS)
    for group in Group.objects.filter(name__in=MODERATING_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        # Wagtail's initial data creates "Editors" and "Moderators"; access_admin comes from wagtailadmin.
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
