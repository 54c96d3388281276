"""Admin listings that stay fast on big tables: no COUNT(*) over a whole table per page view,
and cells built in Python (a 50-row list renders 350 of them)."""

from django.db import connections
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column

# Below this many rows an exact count is cheap; above it, an unfiltered list shows an estimate.
EXACT_COUNT_BELOW = 10_000


def estimated_rows(queryset):
    """PostgreSQL's own estimate of the rows in the queryset's table (pg_class.reltuples,
    kept fresh by autovacuum's ANALYZE), or None where there is none (SQLite, a table
    never analysed)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] >= 0 else None


def capped_count(queryset, cap):
    """The exact count, but reading at most `cap` rows: min(count, cap)."""
    return queryset.order_by()[:cap].count()


class EstimatedCountPaginator(WagtailPaginator):
    """An unfiltered listing of a big table counts from the planner's estimate (shown as
    "about N"); a filtered or searched one counts exactly, through the indexes its filter
    uses. Every row stays reachable: sort the other way, or filter."""

    estimated = False

    @cached_property
    def count(self):
        queryset = self.object_list
        if not queryset.query.where and not queryset.query.distinct:
            estimate = estimated_rows(queryset)
            if estimate is not None and estimate >= EXACT_COUNT_BELOW:
                self.estimated = True
                return estimate
        return super().count

    def page(self, number):
        """Unlike Django's, the last page is not cut at the count, which may be an estimate."""
        number = self.validate_number(number)
        if not self.estimated:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)

    @cached_property
    def items_count_label(self):
        label = super().items_count_label
        return f"about {self.count:,} {self.verbose_name_plural}" if self.estimated else label


class TextColumn(Column):
    """Wagtail's plain cell (tables/cell.html) without a template render per cell."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_cell_context_data(instance, parent_context)["value"]
        css = format_html(' class="{}"', self.classname) if self.classname else ""
        return format_html("<td{}>{}</td>", css, "" if value is None else value)


class HumanDateColumn(Column):
    """Wagtail's date cell ("3 days ago", the exact time in a tooltip; tables/date_cell.html
    and human_readable_date) without two template renders per cell."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return format_html("<td></td>")
        local = timezone.localtime(value)
        return format_html(
            '<td><button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
            'data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
            '<time class="w-human-readable-date__date" datetime="{}">{}</time></button></td>',
            date_filter(local, get_format("DATETIME_FORMAT") or "N j, Y, P"),
            date_filter(local, "c"),
            capfirst(timesince_simple(value)),
        )
