"""The article edit view's "Readiness and results" panel: the readiness checks on the saved
draft with their dismissals, review links, and figures other apps add through the
`article_insights` hook (articles knows neither comments nor leads)."""

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.panels import Panel


class ReadinessPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/readiness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            from articles.readiness.evaluate import evaluate  # the models import this module

            page = self.instance
            if page.pk:
                context["readiness"] = evaluate(page, request=self.request)
                context["review_links_url"] = reverse("articles_review_links", args=[page.pk])
                # Each hook returns (label, value, url) rows for this page, or none for this user.
                context["insights"] = [
                    row for hook in hooks.get_hooks("article_insights") for row in hook(page, self.request)
                ]
            return context
