"""{% load comment_tags %}{% comment_section page %}: the thread and the form, below an article.

The section costs a fixed number of queries however many comments there are: the comment
settings (cached), the thread's outline and the rows of the page of it shown (paging.py),
nested here in Python.
"""

from django import template
from django.http import Http404

from antispam.rendering import render_form
from comments.forms import CommentForm
from comments.models import Comment, CommentSettings, build_thread
from comments.paging import PARAMETER, Outline, requested_page
from comments.thread_html import thread_html
from comments.writer import posted_comment

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    request = context["request"]
    comment_settings = CommentSettings.for_request(request)
    outline = Outline.of(page)
    form = context.get("comment_form")

    posted = None
    if token := request.GET.get("comment"):
        posted = posted_comment(request, token, Comment.objects.filter(page=page))
    number = requested_page(request, outline)
    if number is None:
        raise Http404("No such page of comments.")
    if PARAMETER not in request.GET and form is not None and form.data.get("parent"):
        # A reply sent back with its errors: the page that holds the comment it answers.
        number = outline.page_holding(None, _int(form.data.get("parent")))

    comments = list(Comment.objects.public_thread(page).filter(pk__in=outline.ids_on(number)))
    if (
        posted is not None
        and posted.is_pending
        and outline.page_holding(posted.pk, posted.parent_id) == number
    ):
        comments.append(posted)  # shown in its writer's browser only, never once held as spam

    is_open = comment_settings.accepts_comments(page)
    by_id = {comment.pk: comment for comment in comments}
    reply_to = None
    if form is not None:
        reply_to = by_id.get(_int(form.data.get("parent")))
    elif is_open:
        reply_to = by_id.get(_int(request.GET.get("replyto")))
        if reply_to is not None and not reply_to.is_approved:
            reply_to = None
        form = CommentForm(page=page, comment_settings=comment_settings, user=request.user, reply_to=reply_to)

    thread = build_thread(comments)
    return {
        "request": request,
        "page": page,
        "count": outline.count,
        "thread": thread,
        "thread_html": thread_html(thread, is_open, outline.query(number)),
        "pages": outline.links(number) if outline.page_count > 1 else [],
        "page_query": outline.query(number),
        "posted": posted,
        "open": is_open,
        "form": form,
        "form_html": render_form(form) if form is not None else "",
        "reply_to": reply_to,
    }


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
