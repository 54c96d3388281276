"""The site history report, as Wagtail's, with its log models combined in one UNION.

Wagtail chains `union()` once per log model. With three log models (pages, other models and
leads' own, which only Sales may read) Django 6.1 gives the inner UNION its model's default
ordering, and SQLite refuses an ORDER BY inside a compound statement, so the report fails
there. One `union()` call over all the parts has no inner UNION to order. Drop this module
once Wagtail builds the report that way itself.
"""

from django.db.models import IntegerField, Value

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry


class SiteHistoryView(LogEntriesView):
    def get_filtered_queryset(self):
        # decorate_paginated_queryset finds each row's model by its index in this list.
        self.log_models = list(log_action_registry.get_log_entry_models())
        parts = [
            self.filter_queryset(
                model.objects.viewable_by_user(self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            ).order_by()
            for index, model in enumerate(self.log_models)
        ]
        return parts[0].union(*parts[1:], all=True).order_by("-timestamp")


site_history = require_admin_access(SiteHistoryView.as_view())
site_history_results = require_admin_access(SiteHistoryView.as_view(results_only=True))
