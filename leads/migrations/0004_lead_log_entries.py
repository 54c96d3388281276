"""One history for a lead: its LeadEvent rows become entries of Wagtail's audit log (in the
leads' own log model, which the lead's History view and the site history read), then
LeadEvent goes. The copy skips entries already there, so a re-run adds nothing twice."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


# LeadEvent.kind -> (log action, the event's values as the entry's data)
ACTIONS = {
    "received": ("leads.received", lambda event: {"form": event.to_value}),
    "status": ("leads.status", lambda event: {"from": event.from_value, "to": event.to_value}),
    "owner": ("leads.owner", lambda event: {"from": event.from_value, "to": event.to_value}),
    "note": ("leads.note", lambda event: {"text": event.to_value}),
}


def lead_label(lead):
    return f"{lead.name} ({lead.company})" if lead.company else lead.name


def events_to_log_entries(apps, schema_editor):
    LeadEvent = apps.get_model("leads", "LeadEvent")
    LeadLogEntry = apps.get_model("leads", "LeadLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="leads", model="lead")
    existing = set(LeadLogEntry.objects.values_list("object_id", "action", "timestamp"))
    entries = []
    for event in LeadEvent.objects.select_related("lead").order_by("created", "pk").iterator():
        action, data = ACTIONS[event.kind]
        if (str(event.lead_id), action, event.created) in existing:
            continue
        entries.append(
            LeadLogEntry(
                content_type=content_type,
                object_id=str(event.lead_id),
                label=lead_label(event.lead),
                action=action,
                data=data(event),
                timestamp=event.created,
                user_id=event.actor_id,
            )
        )
    LeadLogEntry.objects.bulk_create(entries, batch_size=500)


def log_entries_to_events(apps, schema_editor):
    LeadEvent = apps.get_model("leads", "LeadEvent")
    LeadLogEntry = apps.get_model("leads", "LeadLogEntry")
    Lead = apps.get_model("leads", "Lead")
    kinds = {action: kind for kind, (action, _) in ACTIONS.items()}
    lead_ids = set(Lead.objects.values_list("pk", flat=True))
    events = []
    for entry in LeadLogEntry.objects.filter(action__in=kinds).order_by("timestamp", "pk").iterator():
        if not entry.object_id.isdigit() or int(entry.object_id) not in lead_ids:
            continue  # the log outlives deleted leads; LeadEvent did not
        data = entry.data or {}
        events.append(
            LeadEvent(
                lead_id=int(entry.object_id),
                actor_id=entry.user_id,
                kind=kinds[entry.action],
                from_value=str(data.get("from", ""))[:150],
                to_value=str(data.get("to", data.get("form", data.get("text", ""))))[:150],
                created=entry.timestamp,
            )
        )
    LeadEvent.objects.bulk_create(events, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('leads', '0003_manage_personal_data_permission'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LeadLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.TextField()),
                ('action', models.CharField(blank=True, db_index=True, max_length=255)),
                ('data', models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('timestamp', models.DateTimeField(db_index=True, verbose_name='timestamp (UTC)')),
                ('uuid', models.UUIDField(blank=True, editable=False, help_text='Log entries that happened as part of the same user action are assigned the same UUID', null=True)),
                ('content_changed', models.BooleanField(db_index=True, default=False)),
                ('deleted', models.BooleanField(default=False)),
                ('object_id', models.CharField(db_index=True, max_length=255)),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype', verbose_name='content type')),
                ('revision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wagtailcore.revision')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'lead log entry',
                'verbose_name_plural': 'lead log entries',
                'ordering': ['-timestamp', '-id'],
                'abstract': False,
            },
        ),
        migrations.RunPython(events_to_log_entries, log_entries_to_events),
        migrations.DeleteModel(
            name='LeadEvent',
        ),
        migrations.AddIndex(
            model_name='leadlogentry',
            index=models.Index(fields=['uuid', 'action', '-timestamp'], name='leads_leadl_uuid_99d919_idx'),
        ),
    ]
