"""{% load comment_tags %}{% comment_section page %}: the thread and the form, below an article.

The section costs a fixed number of queries however many comments there are: the comment
settings, and every approved comment of the page in one query, nested here in Python.
"""

from django import template

from comments.forms import CommentForm
from comments.models import Comment, CommentSettings, build_thread
from comments.views import comment_from_posted_token

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, page):
    request = context["request"]
    comment_settings = CommentSettings.for_request(request)
    comments = list(Comment.objects.public_thread(page))
    count = len(comments)

    posted = None
    if token := request.GET.get("comment"):
        posted = comment_from_posted_token(token, page)
        if posted is not None and not posted.is_approved:
            comments.append(posted)  # shown to its writer only: the URL carries the signature

    is_open = comment_settings.accepts_comments(page)
    by_id = {comment.pk: comment for comment in comments}
    form = context.get("comment_form")
    reply_to = None
    if form is not None:
        reply_to = by_id.get(_int(form.data.get("parent")))
    elif is_open:
        reply_to = by_id.get(_int(request.GET.get("replyto")))
        if reply_to is not None and not reply_to.is_approved:
            reply_to = None
        form = CommentForm(page=page, comment_settings=comment_settings, user=request.user, reply_to=reply_to)

    return {
        "request": request,
        "page": page,
        "count": count,
        "thread": build_thread(comments),
        "posted": posted,
        "open": is_open,
        "form": form,
        "reply_to": reply_to,
    }


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
