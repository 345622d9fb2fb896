"""An editorial admin whose form or inline formset skips the desk's rules (version check,
change note, workflow) fails the system checks, and a form given at run time is refused."""

import pytest
from django import forms
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.forms.models import BaseInlineFormSet
from django.test import RequestFactory

from candidates.admin import PartyAdmin, QuoteInline
from candidates.models import Candidate, Party

pytestmark = pytest.mark.django_db


class PlainPartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["name"]


def test_an_editorial_admin_with_a_plain_model_form_fails_the_checks():
    class PlainFormPartyAdmin(PartyAdmin):
        form = PlainPartyForm

    errors = PlainFormPartyAdmin(Party, admin.site).check()

    assert [error.id for error in errors] == ["newsroom.E030"]
    assert "PlainPartyForm" in errors[0].msg


def test_an_editorial_inline_with_a_plain_form_or_formset_fails_the_checks():
    class PlainQuoteInline(QuoteInline):
        form = forms.ModelForm
        formset = BaseInlineFormSet

    errors = PlainQuoteInline(Candidate, admin.site).check()

    assert [error.id for error in errors] == ["newsroom.E031", "newsroom.E032"]


def test_a_plain_form_given_at_run_time_is_refused(admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user

    with pytest.raises(ImproperlyConfigured, match="does not subclass EditorialForm"):
        PartyAdmin(Party, admin.site).get_form(request, form=PlainPartyForm, fields=["name"])


def test_every_registered_editorial_admin_passes_the_form_checks():
    errors = [
        error
        for model_admin in admin.site._registry.values()
        for error in model_admin.check()
        if error.id in {"newsroom.E030", "newsroom.E031", "newsroom.E032"}
    ]

    assert errors == []
