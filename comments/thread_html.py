"""The markup of a thread, built in Python: a page of a long thread prints a few hundred
comments, and a template included once per comment was most of the comment section's cost.

Each comment is an <li> (a div inside, not an article: an article would need a heading of
its own for every comment) with its replies in a nested <ol>. Names, websites and times are
escaped; the body is sanitised HTML (sanitize.py), safe to print as it is.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

AWAITING = '<p class="comment__status">Your comment is awaiting moderation.</p>'


def comment_html(comment, is_open, page_query, out):
    pk = int(comment.pk)
    name = escape(comment.name)
    classes = "comment"
    if comment.is_staff_reply:
        classes += " comment--team"
    if not comment.is_approved:
        classes += " comment--pending"
    author = (
        f'<a href="{escape(comment.website)}" rel="nofollow ugc noopener">{name}</a>'
        if comment.website
        else name
    )
    badge = ' <span class="comment__badge">Team</span>' if comment.is_staff_reply else ""
    stamp, shown = comment.created_stamps
    out.append(
        f'<li id="comment-{pk}" class="{classes}"><div class="comment__card">\n'
        f'<div class="comment__meta"><span class="comment__author">{author}</span>{badge}\n'
        f'<a class="comment__permalink" href="#comment-{pk}"><time datetime="{escape(stamp)}">{escape(shown)}</time></a></div>\n'
        f'{"" if comment.is_approved else AWAITING}<div class="comment__text">{comment.body}</div>\n'
    )
    if is_open and comment.is_approved:
        query = f"{escape(page_query)}&amp;" if page_query else "?"
        out.append(
            f'<a class="comment__reply" href="{query}replyto={pk}#respond" data-reply-to="{pk}" '
            f'data-reply-name="{name}" aria-label="Reply to {name}">Reply</a>'
        )
    out.append("\n</div>")
    if comment.thread_replies:
        out.append('\n<ol class="comment-list comment-list--replies">')
        for reply in comment.thread_replies:
            out.append("\n")
            comment_html(reply, is_open, page_query, out)
        out.append("\n</ol>")
    out.append("</li>")


def thread_html(thread, is_open, page_query):
    """The top-level comments of `thread` (build_thread's result) with their replies."""
    out = []
    for comment in thread:
        out.append("\n")
        comment_html(comment, is_open, page_query, out)
    return mark_safe("".join(out))  # noqa: S308 (every value above is escaped or sanitised)
