"""The stats permission moves from Lead to a proxy, so Editors hold nothing on Lead and the
site history no longer shows them leads; deleted leads' history forgets their names."""

from django.db import migrations


def move_permission(apps, from_model, to_model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    source, _ = ContentType.objects.get_or_create(app_label="leads", model=from_model)
    target, _ = ContentType.objects.get_or_create(app_label="leads", model=to_model)
    old = Permission.objects.filter(content_type=source, codename="view_lead_stats").first()
    if old is None:
        return
    new = Permission.objects.filter(content_type=target, codename="view_lead_stats").first()
    if new is None:
        old.content_type = target
        old.save(update_fields=["content_type"])
        return
    new.group_set.add(*old.group_set.all())
    new.user_set.add(*old.user_set.all())
    old.delete()


def forward(apps, schema_editor):
    move_permission(apps, "lead", "leadstats")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    Lead = apps.get_model("leads", "Lead")
    lead_type = ContentType.objects.filter(app_label="leads", model="lead").first()
    existing = {str(pk) for pk in Lead.objects.values_list("pk", flat=True)}
    for entry in ModelLogEntry.objects.filter(content_type=lead_type).exclude(object_id__in=existing):
        entry.label = f"Lead #{entry.object_id}"
        entry.save(update_fields=["label"])


def backward(apps, schema_editor):
    move_permission(apps, "leadstats", "lead")


class Migration(migrations.Migration):

    dependencies = [
        ('leads', '0004_lead_log_entries'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='LeadStats',
            fields=[
            ],
            options={
                'verbose_name': 'lead statistics',
                'permissions': [('view_lead_stats', 'Can see lead counts per article (no personal data)')],
                'proxy': True,
                'default_permissions': (),
                'indexes': [],
                'constraints': [],
            },
            bases=('leads.lead',),
        ),
        migrations.AlterModelOptions(
            name='lead',
            options={'ordering': ['-created', '-pk'], 'permissions': [('manage_personal_data', "Can export or erase one person's leads and comments (privacy requests)")]},
        ),
        migrations.RunPython(forward, backward),
    ]
