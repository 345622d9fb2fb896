"""The admin's "Add a source from its text": the article form, then one review page of the
proposed quotes, then the save. Nothing is stored before the save."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .forms import ArticleForm, QuoteProposalFormSet
from .matching import existing_quote
from .people import newsroom_people
from .quotes import find_quotes
from .services import save_intake


def intake_view(request):
    if not (
        request.user.has_perm("newsroom.add_source")
        and request.user.has_perm("candidates.add_quote")
    ):
        raise PermissionDenied
    form = ArticleForm(request.POST or None, request.FILES or None)
    formset = None
    if request.method == "POST" and form.is_valid():
        paragraphs = form.cleaned_data["paragraphs"]
        if "save" in request.POST:
            formset = QuoteProposalFormSet(request.POST, prefix="quote")
            if formset.is_valid():
                kept = [
                    data
                    for data in formset.cleaned_data
                    if data.get("keep") and data["paragraph"] <= len(paragraphs)
                ]
                source = save_intake(article=form.cleaned_data, quotes=kept)
                return redirect(reverse("admin:newsroom_source_change", args=[source.pk]))
        else:
            initial = [
                {
                    "keep": proposal.speaker is not None,
                    "paragraph": proposal.paragraph,
                    "text": proposal.text,
                    "passage": proposal.passage,
                    "candidate": proposal.speaker.key if proposal.speaker else None,
                    "speaker_name": proposal.speaker_name,
                    "is_partial": proposal.is_partial,
                    "existing": proposal.speaker
                    and existing_quote(proposal.text, proposal.speaker.key),
                }
                for proposal in find_quotes(paragraphs, newsroom_people())
            ]
            formset = QuoteProposalFormSet(initial=initial, prefix="quote")
    context = {
        **admin.site.each_context(request),
        "title": "Add a source from its text",
        "form": form,
        "formset": formset,
    }
    return TemplateResponse(request, "admin/intake/intake.html", context)
