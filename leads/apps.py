from django.apps import AppConfig
from django.db.models.signals import post_delete


class LeadsConfig(AppConfig):
    name = "leads"
    verbose_name = "Leads"
    # Ids the callback form puts on an article page (its fields keep Django's "id_" ids),
    # which heading anchors must not take.
    page_element_ids = {"leads-callback-title"}
    page_element_id_patterns = [r".*id_.*"]

    def ready(self):
        from .models import Lead
        from .privacy import forget_history_label

        post_delete.connect(forget_history_label, sender=Lead, dispatch_uid="leads.forget_history_label")
