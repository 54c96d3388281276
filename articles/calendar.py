"""The publishing calendar: one month of articles, scheduled (with go-live time), drafts (by
last edit) and published, filterable by author and category."""

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.models import Revision

from articles.models import ArticlePage, Author, Category


class CalendarFilters(forms.Form):
    month = forms.DateField(
        required=False, input_formats=["%Y-%m"], widget=forms.DateInput(attrs={"type": "month"})
    )
    author = forms.ModelChoiceField(Author.objects.order_by("name"), required=False, empty_label="Any author")
    category = forms.ModelChoiceField(
        Category.objects.order_by("name"), required=False, empty_label="Any category"
    )


def month_bounds(first):
    start = timezone.make_aware(datetime.combine(first, time.min))
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start, timezone.make_aware(datetime.combine(following, time.min)), following


def entries_for(first, articles):
    """{date: [(kind, when, page)]} for the month starting on `first`."""
    start, end, _following = month_bounds(first)
    days = defaultdict(list)
    for page in articles.filter(first_published_at__gte=start, first_published_at__lt=end, live=True):
        days[timezone.localdate(page.first_published_at)].append(("Published", page.first_published_at, page))
    drafts = articles.filter(latest_revision_created_at__gte=start, latest_revision_created_at__lt=end)
    for page in drafts.filter(has_unpublished_changes=True):
        when = page.latest_revision_created_at
        days[timezone.localdate(when)].append(("Draft, last edited", when, page))
    scheduled = Revision.page_revisions.filter(
        approved_go_live_at__gte=start,
        approved_go_live_at__lt=end,
        object_id__in=[str(pk) for pk in articles.values_list("pk", flat=True)],  # a text column
    )
    pages = articles.in_bulk([int(revision.object_id) for revision in scheduled])
    for revision in scheduled:
        when = revision.approved_go_live_at
        days[timezone.localdate(when)].append(("Scheduled to go live", when, pages[int(revision.object_id)]))
    for items in days.values():
        items.sort(key=lambda item: item[1])
    return days


def publishing_calendar(request):
    filters = CalendarFilters(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    first = (chosen.get("month") or timezone.localdate()).replace(day=1)
    articles = ArticlePage.objects.all()
    if chosen.get("author"):
        articles = articles.filter(article_authors__author=chosen["author"])
    if chosen.get("category"):
        articles = articles.filter(category=chosen["category"])
    days = entries_for(first, articles.distinct())
    weeks = [
        [(day, days.get(day, [])) if day.month == first.month else (None, []) for day in week]
        for week in calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = month_bounds(first)[2]
    query = {key: value for key, value in request.GET.items() if key != "month"}
    return TemplateResponse(
        request,
        "articles/admin/calendar.html",
        {
            "filters": filters,
            "first": first,
            "weeks": weeks,
            "weekdays": list(calendar.day_abbr),
            "previous": previous,
            "following": following,
            "query": "&".join(f"{key}={value}" for key, value in query.items() if value),
            "today": date.today(),
        },
    )
