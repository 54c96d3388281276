"""Visitor forms rendered once per shape, not once per request.

crispy-forms takes several milliseconds to lay out a form, a large share of an article's
render. An unbound visitor form is the same markup for every visitor except its `issued`
token (the minimum-fill-time stamp), so each shape (class, fields, labels, initial values)
is rendered once per process: the token is a placeholder (TOKEN_PLACEHOLDER), which
antispam's middleware stamps with the time each page is served. A bound form (the
visitor's input and errors) is rendered in full.
The CSRF token is never in this markup: templates add it for logged-in users only.
"""

from django.utils.safestring import mark_safe

from crispy_forms.utils import render_crispy_form

MAX_SHAPES = 512  # per process; real pages have a few shapes each (page, reply target)
_rendered = {}


def shape(form):
    """Everything an unbound form's markup is made from, but the token."""
    fields = [
        (name, str(field.label), str(field.help_text), field.required, repr(field.initial))
        + (repr(field.widget.attrs), repr(getattr(field, "choices", None)))
        for name, field in form.fields.items()
        if name != "issued"
    ]
    return (
        type(form).__module__,
        type(form).__qualname__,
        form.auto_id,
        form.prefix,
        repr(form.initial),
        *fields,
    )


def render_form(form):
    """The form's markup, as `{% crispy form %}` would print it."""
    if form.is_bound or "issued" not in form.fields:
        return render_crispy_form(form)
    key = shape(form)
    html = _rendered.get(key)
    if html is None:
        html = str(render_crispy_form(form))
        if len(_rendered) >= MAX_SHAPES:
            _rendered.clear()
        _rendered[key] = html
    return mark_safe(html)  # noqa: S308 - crispy's own escaped markup
