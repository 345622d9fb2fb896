"""The admin's "Add a source from its text": the article form, then one review page of the
proposed quotes (and, to read, the figures), then the save. Nothing is stored before the
save. Also the site's 400 handler, so that a paste too large for Django to read gets the
intake form back with a message rather than a bare "Bad Request"."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.defaults import bad_request

from newsroom.cited_values import canonical

from .contests import proposed_contests
from .dates import find_date, find_dates
from .figures import find_figures
from .forms import ArticleForm, FigureProposalFormSet, QuoteProposalFormSet
from .matching import existing_quotes
from .people import newsroom_people
from .quotes import find_quotes
from .services import FIGURE_FIELDS, NO_FIELD, figure_targets, save_intake


def _may_intake(user) -> bool:
    return user.has_perm("newsroom.add_source") and user.has_perm("candidates.add_quote")


def _render(
    request,
    form,
    formset=None,
    *,
    figures=(),
    figure_formset=None,
    dates=(),
    refusal="",
    status=200,
):
    context = {
        **admin.site.each_context(request),
        "title": "Add a source from its text",
        "form": form,
        "formset": formset,
        "figures": figures,
        "figure_formset": figure_formset,
        "dates": dates,
        "refusal": refusal,
    }
    return TemplateResponse(request, "admin/intake/intake.html", context, status=status)


def intake_view(request):
    if not _may_intake(request.user):
        raise PermissionDenied
    form = ArticleForm(request.POST or None, request.FILES or None)
    formset, figures, figure_formset, article_dates = None, [], None, []
    if request.method == "POST" and form.is_valid():
        paragraphs = form.cleaned_data["paragraphs"]
        if "save" in request.POST:
            formset = QuoteProposalFormSet(request.POST, prefix="quote")
            figure_formset = FigureProposalFormSet(
                request.POST, prefix="figure", candidate_choices=formset.candidate_choices
            )
            if formset.is_valid() and figure_formset.is_valid():
                kept = [
                    data
                    for data in formset.cleaned_data
                    if data.get("keep") and data["paragraph"] <= len(paragraphs)
                ]
                kept_figures = _kept_figures(request.user, figure_formset, len(paragraphs))
                if kept_figures is not None:
                    source = save_intake(
                        article=form.cleaned_data, quotes=kept, figures=kept_figures
                    )
                    return redirect(reverse("admin:newsroom_source_change", args=[source.pk]))
        else:
            people = newsroom_people()
            proposals = find_quotes(paragraphs, people)
            existing = existing_quotes(
                [(p.text, p.speaker.key if p.speaker else None) for p in proposals]
            )
            published_on = form.cleaned_data["published_on"]
            precision = form.cleaned_data["published_on_precision"]
            dates = [find_date(p.passage, published_on, precision) for p in proposals]
            initial = [
                {
                    "keep": proposal.speaker is not None,
                    "paragraph": proposal.paragraph,
                    "text": proposal.text,
                    "passage": proposal.passage,
                    "candidate": proposal.speaker.key if proposal.speaker else None,
                    "speaker_name": proposal.speaker_name,
                    "is_partial": proposal.is_partial,
                    "existing": match,
                    "said_when_as_reported": date.words if date else "",
                    "said_on": date.date if date else None,
                    "derived_said_on": date.date if date and date.derivation else None,
                    "derivation": date.derivation if date else "",
                }
                for proposal, match, date in zip(proposals, existing, dates, strict=True)
            ]
            article_dates = find_dates(paragraphs, published_on, precision)
            formset = QuoteProposalFormSet(initial=initial, prefix="quote")
            figures = _figure_rows(
                paragraphs, people, form.cleaned_data["published_on"], formset.candidate_choices
            )
            figure_formset = FigureProposalFormSet(
                candidate_choices=formset.candidate_choices,
                initial=[
                    {
                        "keep": False,
                        "paragraph": row["figure"].paragraph,
                        "kind": row["figure"].kind,
                        "value": row["figure"].value,
                        "words": row["figure"].words,
                        "passage": row["figure"].passage,
                        "candidate": row["figure"].person.key if row["figure"].person else None,
                        "contest": row["contest_id"],
                        "note": row["note"],
                    }
                    for row in figures
                ],
                prefix="figure",
            )
    return _render(
        request,
        form,
        formset,
        figures=figures,
        figure_formset=figure_formset,
        dates=article_dates,
    )


def _kept_figures(user, figure_formset, paragraph_count):
    """The kept figures with the item each is cited on, or None after putting each refusal
    on its row (then nothing is saved)."""
    rows = [
        (form, form.cleaned_data)
        for form in figure_formset
        if form.cleaned_data.get("keep") and form.cleaned_data["paragraph"] <= paragraph_count
    ]
    targets = figure_targets([data for _, data in rows], user)
    refused = False
    for (form, _), target in zip(rows, targets, strict=True):
        if isinstance(target, dict):
            refused = True
            for field, message in target.items():
                form.add_error(field, message)
    if refused:
        return None
    return [(data, target) for (_, data), target in zip(rows, targets, strict=True)]


def _figure_rows(paragraphs, people, published_on, candidate_choices) -> list[dict]:
    """The figures the article reports, each with the contest intake proposes for it and
    what the newsroom holds for its field (`note`). The candidates' values are read from the
    page's candidate choices, not queried again."""
    figures = find_figures(paragraphs, people)
    contests = proposed_contests(figures, published_on.year if published_on else None)
    candidates = {
        value.value: value.instance for value, _ in candidate_choices if hasattr(value, "instance")
    }
    rows = []
    for figure, (pk, name, held) in zip(figures, contests, strict=True):
        home = FIGURE_FIELDS.get(figure.kind)
        if home and home[0] == "candidate" and figure.person:
            held = (
                canonical(candidates.get(figure.person.key), home[1])
                if figure.person.key in candidates
                else None
            )
        rows.append(
            {
                "figure": figure,
                "contest": name,
                "contest_id": pk,
                "note": _held_note(figure, home, held),
            }
        )
    return rows


def _held_note(figure, home, held) -> str:
    if home is None:
        return NO_FIELD
    value = format(figure.value.normalize(), "f")
    if held == value:
        return "The newsroom holds this value: kept, it is another outlet reporting it."
    if held:
        return (
            f"The newsroom holds {held}: kept, the sources differ and both are kept, "
            "each with its source."
        )
    if held == "":
        return "The newsroom holds no value yet: kept, it is this source's value, for review."
    return ""


def bad_request_view(request, exception):
    """Django refuses a request body over DATA_UPLOAD_MAX_MEMORY_SIZE before any view or the
    CSRF check can read it, so only the 400 handler sees it. For the intake page, answer
    with the (empty) form and a message saying what to do; any other 400 is Django's."""
    user = getattr(request, "user", None)
    if (
        isinstance(exception, RequestDataTooBig)
        and request.path == reverse("article_intake")
        and user is not None
        and user.is_active
        and user.is_staff
        and _may_intake(user)
    ):
        limit_kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        refusal = (
            f"The pasted text is too large to read (the page accepts up to {limit_kb:,} kB "
            "in one go); nothing was saved. Paste the article alone, without what surrounds "
            "it on the page, or upload it as a .txt file."
        )
        return _render(request, ArticleForm(), refusal=refusal, status=400)
    return bad_request(request, exception)
