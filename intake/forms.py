"""The intake forms: the source and its text, and one form per proposed quote or figure."""

import datetime

from django import forms

from candidates.models import Candidate, Quote
from newsroom.dates import DatePrecision
from newsroom.models import Outlet
from results.models import Contest

from .reading import article_paragraphs, decode_upload


class ArticleForm(forms.Form):
    outlet = forms.ModelChoiceField(Outlet.objects.all())
    headline = forms.CharField(max_length=300, required=False)
    untitled_description = forms.CharField(
        label="Description if untitled", max_length=300, required=False
    )
    standfirst = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    published_on = forms.DateField(label="Publication date", required=False)
    published_on_precision = forms.ChoiceField(
        choices=[("", "---------"), *DatePrecision.choices], required=False
    )
    url = forms.URLField(max_length=500, required=False)
    contributors = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bylines and contributors, one a line.",
    )
    text = forms.CharField(
        label="Article text", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    upload = forms.FileField(label="or upload it (.txt, UTF-8)", required=False)

    def clean(self):
        data = super().clean()
        if not data.get("headline") and not data.get("untitled_description"):
            self.add_error("headline", "Give the headline, or a description if it is untitled.")
        text = data.get("text") or ""
        if data.get("upload"):
            try:
                text = decode_upload(data["upload"].read())
            except forms.ValidationError as error:
                self.add_error("upload", error)
                return data
        data["text"] = text
        try:
            data["paragraphs"] = article_paragraphs(
                text, headline=data.get("headline", ""), standfirst=data.get("standfirst", "")
            )
        except forms.ValidationError as error:
            self.add_error("upload" if data.get("upload") else "text", error)
        return data


class QuoteProposalForm(forms.Form):
    keep = forms.BooleanField(required=False)
    paragraph = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    passage = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    candidate = forms.ModelChoiceField(Candidate.objects.all(), required=False)
    speaker_name = forms.CharField(max_length=200, required=False)
    is_partial = forms.BooleanField(label="fragment", required=False)
    said_when_as_reported = forms.CharField(
        label="when, as reported", max_length=200, required=False
    )
    said_on = forms.DateField(
        label="date said",
        required=False,
        help_text="Proposed only when the article's date makes it certain (derived).",
    )
    # The date intake derived and how: kept on the citation when the editor keeps it.
    derived_said_on = forms.DateField(required=False, widget=forms.HiddenInput)
    derivation = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    # A hidden number, not a choice of every quote: the newsroom may hold hundreds of
    # thousands. Kept, the proposal becomes a new citation of this quote.
    existing = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidate_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidate_choices is not None:
            self.fields["candidate"].choices = candidate_choices

    def clean(self):
        data = super().clean()
        if data.get("existing"):
            data["existing"] = Quote.objects.filter(pk=data["existing"]).first()
            if data["existing"] is None:
                self.add_error(None, "The quote this was matched to is no longer there.")
        if data.get("keep") and not data.get("existing"):
            if not data.get("candidate"):
                self.add_error("candidate", "Choose the candidate whose profile carries it.")
            if not data.get("speaker_name"):
                self.add_error("speaker_name", "Name the speaker.")
        if data.get("said_on") and data["said_on"] > datetime.date.today():
            self.add_error("said_on", "A quote cannot have been said in the future.")
        return data


class BaseQuoteProposalFormSet(forms.BaseFormSet):
    """The candidates' choices are read once for the page, not once a proposal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = QuoteProposalForm.base_fields["candidate"]
        # Iterated, not list(): a list would count the rows first.
        self.candidate_choices = [*iter(field.choices)]

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "candidate_choices": self.candidate_choices}


QuoteProposalFormSet = forms.formset_factory(
    QuoteProposalForm, formset=BaseQuoteProposalFormSet, extra=0, max_num=500
)


FIGURE_KINDS = [
    ("votes", "votes"),
    ("share", "vote share %"),
    ("ballots", "ballots cast"),
    ("reporting", "reporting %"),
    ("delegates_at_stake", "delegates at stake"),
    ("age", "age"),
    ("self_funding", "self-funding"),
    ("staff", "campaign staff"),
    ("money", "money (no field holds it)"),
]


_FRACTIONAL = ("share", "reporting", "self_funding", "money")


class FigureProposalForm(forms.Form):
    keep = forms.BooleanField(required=False)
    paragraph = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=FIGURE_KINDS)
    value = forms.DecimalField(min_value=0, max_digits=16, decimal_places=2)
    words = forms.CharField(max_length=200, widget=forms.HiddenInput)
    passage = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}))
    candidate = forms.ModelChoiceField(Candidate.objects.all(), required=False)
    contest = forms.ModelChoiceField(Contest.objects.all(), required=False)
    # What the newsroom held for the field when the page was proposed, shown on the row.
    note = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidate_choices=None, contest_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidate_choices is not None:
            self.fields["candidate"].choices = candidate_choices
        if contest_choices is not None:
            self.fields["contest"].choices = contest_choices

    def clean(self):
        data = super().clean()
        value, kind = data.get("value"), data.get("kind")
        if value is not None and kind not in _FRACTIONAL and value != value.to_integral_value():
            self.add_error("value", "This figure is a whole number.")
        if value is not None and kind in ("share", "reporting") and value > 100:
            self.add_error("value", "A percentage cannot be above 100.")
        return data


class BaseFigureProposalFormSet(forms.BaseFormSet):
    """The candidates' and contests' choices are read once for the page."""

    def __init__(self, *args, candidate_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = FigureProposalForm.base_fields
        self.candidate_choices = candidate_choices or [*iter(fields["candidate"].choices)]
        self.contest_choices = [*iter(fields["contest"].choices)]

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "candidate_choices": self.candidate_choices,
            "contest_choices": self.contest_choices,
        }


FigureProposalFormSet = forms.formset_factory(
    FigureProposalForm, formset=BaseFigureProposalFormSet, extra=0, max_num=500
)
