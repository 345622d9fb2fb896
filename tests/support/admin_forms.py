"""Read an admin add or change page back into the POST data an editor's browser would send.

Tests start from what the page shows and change only the fields the behaviour is about.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.urls import reverse

FORM_URL = "admin:{app_label}_{model_name}_{page}"

#: The "Change note" section filled in, as an editor changing a published item must.
CHANGE_NOTE = {
    "change_comment": "Fixed from the count sheet",
    "change_source": "https://example.org/count-sheet",
    "correction_kind": "correction",
    "correction_note": "An earlier version of this page gave a wrong figure.",
}


def admin_url(model, page, *args):
    opts = model._meta
    return reverse(
        FORM_URL.format(app_label=opts.app_label, model_name=opts.model_name, page=page),
        args=args,
    )


def page_data(response) -> dict:
    """Every field of the page's form and inline formsets, as the page shows it."""
    context = getattr(response, "context_data", None) or response.context
    data = _form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data |= _form_data(formset.management_form)
        for form in formset.forms:
            data |= _form_data(form)
    return data


def form_data(model, pk=None, user=None) -> dict:
    """`page_data` of the add (or change) page of `model`, read without rendering it."""
    return page_data(unrendered_page(model, pk, user))


def unrendered_page(model, pk=None, user=None):
    """The add (or change) page of `model` as `user` (a superuser by default) gets it, not
    yet rendered: the admin's own view answers a response whose context holds the same forms
    the page would show. Sweeps that only need a page's data to post back use it and spend
    their time on the post under test."""
    url = admin_url(model, "change", pk) if pk is not None else admin_url(model, "add")
    request = RequestFactory().get(url)
    request.user = user or _superuser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    model_admin = admin.site._registry[model]
    if pk is None:
        response = model_admin.add_view(request)
    else:
        response = model_admin.change_view(request, str(pk))
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response


def _superuser():
    users = get_user_model()._default_manager
    return users.filter(username="form-reader").first() or users.create_superuser(
        "form-reader", "", "x"
    )


def inline_formset(response, model):
    """The formset of the page's inline for `model`."""
    context = getattr(response, "context_data", None) or response.context
    for inline in context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset
    raise LookupError(f"No inline for {model.__name__} on this page.")


def add_inline_row(data: dict, prefix: str, **values) -> dict:
    """Fill in one more row of the inline formset with `prefix`, as "Add another" does."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = str(value)
    return data


def _form_data(form) -> dict:
    data = {}
    for name in form.fields:
        data |= _field_data(form[name])
    return data


def _field_data(bound) -> dict:
    widget = bound.field.widget
    if isinstance(widget, admin.widgets.RelatedFieldWidgetWrapper):
        widget = widget.widget
    value = bound.value()
    if isinstance(widget, forms.CheckboxInput):
        return {bound.html_name: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):
        parts = value if isinstance(value, list | tuple) else widget.decompress(value)
        return {
            f"{bound.html_name}{suffix}": _text(part)
            for suffix, part in zip(widget.widgets_names, parts, strict=True)
        }
    if getattr(widget, "allow_multiple_selected", False):
        return {bound.html_name: [_text(item) for item in value or []]}
    return {bound.html_name: _text(value)}


def _text(value) -> str:
    return "" if value is None else str(value)
