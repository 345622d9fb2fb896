"""Cite pages, downloads in every format, and the citation basket. Only published rows."""

from django import forms
from django.contrib import messages
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import basket as baskets
from . import registry
from .basket import Basket, BasketFull
from .box import attributions, styled
from .csl import Citations, citations_of, many_citations, source_items
from .formats import CSL_JSON_TYPE, FORMATS, Format
from .render import STYLES, render_references

#: The largest primary key a row can have (a signed 64-bit integer).
MAX_PK = 2**63 - 1


def get_format(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise Http404("No such citation format.")
    return FORMATS[fmt]


def get_citable(kind: str) -> registry.Citable:
    try:
        return registry.get(kind)
    except registry.UnknownKind:
        raise Http404("Nothing of this kind can be cited.") from None


def get_published(kind: str, pk: int):
    citable = get_citable(kind)
    return citable, get_object_or_404(citable.published(), pk=pk)


def file_stem(citable: registry.Citable, obj) -> str:
    return getattr(obj, "slug", "") or f"{citable.kind}-{obj.pk}"


def title_of(citable: registry.Citable, obj) -> str:
    if citable.is_page:
        return citable.page_title(obj)
    return getattr(obj, "title", "") or str(obj)


def styled_references(items: list[dict], uses: list, style: str) -> list[dict]:
    """The reference list in `style`, each entry with its uses: the note of what was
    reported where, the citation with its locator, and the attribution line."""
    entries, cited = render_references(items, uses, style)
    by_entry = {}
    for use, citation in zip(uses, cited, strict=True):
        by_entry.setdefault(use.id, []).append({"use": use, "citation": citation})
    notes = {item["id"]: item.get("note", "").splitlines() for item in items}
    references = []
    for entry in entries:
        entry_uses = by_entry.get(entry.id, [])
        told = {line for part in entry_uses for line in part["use"].lines}
        others = [" ".join(line.split()) for line in notes.get(entry.id, []) if line not in told]
        references.append({"entry": entry, "uses": entry_uses, "other_notes": others})
    return references


def styled_text(items: list[dict], uses: list, style: str) -> str:
    label = STYLES[style].citation_label
    blocks = []
    for reference in styled_references(items, uses, style):
        lines = [reference["entry"].text]
        for part in reference["uses"]:
            use = part["use"]
            if use.note_line:
                lines.append(f"    {' '.join(use.note_line.split())}")
            lines.append(f"    {label}: {part['citation'].text}")
            if use.attribution:
                lines.append(f"    Attribution: {use.attribution}")
        lines += [f"    {line}" for line in reference["other_notes"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def citation_response(request, items, fmt: Format, stem: str, uses=()):
    """A download of the items: streamed for the data formats, rendered for the styled ones
    (with each use's citation and attribution line under its work's entry)."""
    if fmt.is_styled:
        style = request.GET.get("style", "apa")
        if style not in STYLES:
            return HttpResponseBadRequest(f"Unknown style: use {', '.join(STYLES)}.")
        items, uses = list(items), list(uses)
        if fmt.key == "txt":
            content = styled_text(items, uses, style)
        else:
            content = render_to_string(
                "citations/bibliography.html",
                {
                    "style": STYLES[style],
                    "references": styled_references(items, uses, style),
                },
            )
        response = HttpResponse(content, content_type=fmt.content_type)
        filename = f"{stem}-{style}.{fmt.key}"
    else:
        response = StreamingHttpResponse(fmt.write(items), content_type=fmt.content_type)
        filename = f"{stem}.{fmt.key}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def respond_with(request, citations: Citations, fmt: Format, stem: str):
    return citation_response(request, citations.items, fmt, stem, uses=citations.uses)


@require_GET
def cite(request, kind: str, pk: int):
    citable, obj = get_published(kind, pk)
    citations = citations_of(citable, obj)
    if request.get_preferred_type(["text/html", CSL_JSON_TYPE]) == CSL_JSON_TYPE:
        response = citation_response(
            request, citations.items, FORMATS["json"], file_stem(citable, obj)
        )
    else:
        sources = source_items(citable, obj) if citable.is_page else []
        reader_basket = Basket(request)
        response = render(
            request,
            "citations/cite_page.html",
            {
                "citable": citable,
                "obj": obj,
                "title": title_of(citable, obj),
                "note": citable.note(obj) if citable.note else "",
                "styles": styled(citations.items, citations.uses),
                "attributions": attributions(citations.uses),
                "sources": styled(sources) if sources else [],
                "formats": FORMATS.values(),
                "style_choices": STYLES.values(),
                "in_basket": (kind, obj.pk) in reader_basket,
            },
        )
        reader_basket.save(response)
    patch_vary_headers(response, ["Accept"])
    return response


@require_GET
def basket_offer(request, kind: str, pk: int):
    """The page that holds the "Add to citation basket" form of one item.

    Public pages link here instead of carrying the form: a form needs the reader's CSRF
    token, and a page with a token is that reader's own. So profiles, quotes, contests and
    sources stay the same bytes for every reader (and for every shared cache), and adding
    still needs no JavaScript. This page reads the reader's basket: it is never cached.
    """
    citable, obj = get_published(kind, pk)
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    reader_basket = Basket(request)
    response = render(
        request,
        "citations/basket_offer.html",
        {
            "citable": citable,
            "obj": obj,
            "title": title_of(citable, obj),
            "in_basket": (kind, obj.pk) in reader_basket,
            "next": target,
        },
    )
    return reader_basket.save(response)


def nothing_to_cite(request, citable: registry.Citable, obj, fmt: Format, *, sources: bool):
    """No empty file: a page that says why there is nothing (no published source yet) and
    leads back to the item. 404, so a download tool does not save it as the file it asked
    for."""
    return render(
        request,
        "citations/empty_download.html",
        {"fmt": fmt, "title": title_of(citable, obj), "obj": obj, "sources": sources},
        status=404,
    )


@require_GET
def download(request, kind: str, pk: int, fmt: str):
    fmt = get_format(fmt)
    citable, obj = get_published(kind, pk)
    citations = citations_of(citable, obj)
    if not citations.items:
        return nothing_to_cite(request, citable, obj, fmt, sources=False)
    return respond_with(request, citations, fmt, file_stem(citable, obj))


@require_GET
def sources_download(request, kind: str, pk: int, fmt: str):
    fmt = get_format(fmt)
    citable, obj = get_published(kind, pk)
    items = source_items(citable, obj)
    if not items:
        return nothing_to_cite(request, citable, obj, fmt, sources=True)
    return citation_response(request, items, fmt, f"{file_stem(citable, obj)}-sources")


@require_GET
def basket(request):
    reader_basket = Basket(request)
    rows = reader_basket.rows()
    citations = many_citations(rows) if rows else None
    response = render(
        request,
        "citations/basket.html",
        {
            "dropped": len(reader_basket) - len(rows),
            "rows": [
                {
                    "kind": citable.kind,
                    "label": citable.cite_label,
                    "pk": obj.pk,
                    "title": title_of(citable, obj),
                }
                for citable, obj in rows
            ],
            "styles": styled(citations.items, citations.uses) if citations else [],
            "limit": baskets.LIMIT,
            "formats": FORMATS.values(),
            "style_choices": STYLES.values(),
        },
    )
    return reader_basket.save(response)


@require_GET
def basket_download(request, fmt: str):
    fmt = get_format(fmt)
    reader_basket = Basket(request)
    rows = reader_basket.rows()
    if not rows:
        # No empty file: a page that says why there is nothing and how to add something.
        # 404, so a download tool does not save it as the file it asked for.
        response = render(
            request,
            "citations/basket_empty_download.html",
            {"fmt": fmt, "dropped": len(reader_basket)},
            status=404,
        )
        return reader_basket.save(response)
    return reader_basket.save(respond_with(request, many_citations(rows), fmt, "citation-basket"))


class BasketTargetForm(forms.Form):
    """What a basket button posts. A number Django's `int()` would take but no row can
    have ("²", 5,000 digits, -1) is refused here, not in a lookup."""

    kind = forms.CharField()
    pk = forms.IntegerField(min_value=1, max_value=MAX_PK)

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind not in registry.kinds():
            raise forms.ValidationError("Nothing of this kind can be cited.")
        return kind


def basket_target(request):
    """The (kind, pk) a basket form posted, or an error response."""
    form = BasketTargetForm(request.POST)
    if not form.is_valid():
        return None, HttpResponseBadRequest("Give a kind of item and its number.")
    return (form.cleaned_data["kind"], form.cleaned_data["pk"]), None


def back_to(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("citations:basket")


@require_POST
def basket_add(request):
    target, error = basket_target(request)
    if error:
        return error
    citable, obj = get_published(*target)
    reader_basket = Basket(request)
    try:
        if reader_basket.add(citable.kind, obj.pk):
            messages.success(request, f"Added to your citation basket: {title_of(citable, obj)}")
    except BasketFull as full:
        messages.error(request, str(full))
        return redirect(reverse("citations:basket"))
    return reader_basket.save(back_to(request))


@require_POST
def basket_remove(request):
    target, error = basket_target(request)
    if error:
        return error
    reader_basket = Basket(request)
    reader_basket.remove(*target)
    return reader_basket.save(back_to(request))


@require_POST
def basket_clear(request):
    reader_basket = Basket(request)
    reader_basket.clear()
    return reader_basket.save(redirect("citations:basket"))
