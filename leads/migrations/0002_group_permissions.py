"""The Sales group, which works leads (admin access, view, change); Editors (marketing) only
see lead counts per article. Idempotent: on databases where an older articles migration
made Sales, it only adds what is missing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SALES = ["view_lead", "change_lead", "view_lead_stats"]
EDITORS = ["view_lead_stats"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("leads")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (("Sales", SALES), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="leads", codename__in=codenames))
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    Group.objects.get(name="Sales").permissions.add(access_admin)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=["Sales", "Editors"]):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="leads"))


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0001_initial"),
        # Wagtail's initial data creates "Editors"; access_admin comes from wagtailadmin.
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
