"""The readiness checks in Wagtail's Checks panel (editor) and the userbar's Checks (preview).

Wagtail runs axe on the rendered preview. The checks themselves run on the server, over the
unsaved draft being previewed; the preview then carries one hidden marker per failing check
(`readiness_markers` in seo_tags) and one axe rule per check reports a marker as an issue,
with the check's name and how to fix it as the message."""

from wagtail.admin.userbar import ContentCheckerItem

from articles.readiness.checks import CHECKS

MARKER_ATTRIBUTE = "data-readiness-check"
# True for an element whose marker attribute is filled in; one of axe's own evaluate functions,
# named, since the configuration is JSON.
MARKER_CHECK = {
    "id": "readiness-marker",
    "evaluate": "attr-non-space-content-evaluate",
    "options": {"attribute": MARKER_ATTRIBUTE},
}


def rule_id(check):
    return f"readiness-{check.id.replace('_', '-')}"


class ReadinessCheckerItem(ContentCheckerItem):
    """Wagtail's checker with a rule per readiness check added to what it already runs."""

    def __init__(self, original):
        super().__init__(in_editor=original.in_editor)
        self.original = original

    def get_axe_run_only(self, request):
        return [*self.original.get_axe_run_only(request), *(rule_id(check) for check in CHECKS)]

    def get_axe_custom_rules(self, request):
        rules = [
            {
                "id": rule_id(check),
                "impact": "serious",
                "selector": f"[{MARKER_ATTRIBUTE}='{check.id}']",
                # The markers are hidden from readers; axe must still look at them.
                "excludeHidden": False,
                "tags": ["seo"],
                # The marker check holds for any marker, so listed in `none` a marker fails.
                "none": [MARKER_CHECK["id"]],
                "enabled": True,
            }
            for check in CHECKS
        ]
        return [*self.original.get_axe_custom_rules(request), *rules]

    def get_axe_custom_checks(self, request):
        return [*self.original.get_axe_custom_checks(request), MARKER_CHECK]

    def get_axe_messages(self, request):
        messages = {rule_id(check): {"error_name": check.name, "help_text": check.fix} for check in CHECKS}
        return {**self.original.get_axe_messages(request), **messages}


def add_readiness_checks(request, items, page):
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ReadinessCheckerItem):
            items[position] = ReadinessCheckerItem(item)
