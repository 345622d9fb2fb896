"""Public permalinks of published versions: /versions/<app_label>.<model>/<history_id>/.

A reporter cites exactly the version they read, and the page reads like the item's page did
then: the kinds that declare a version page (`versions.register_page`, in their app's
declarations.py: contests, quotes, facts) render their page's own body with the rows and
footnotes as they were; other kinds list their public fields. A banner says which version
this is and links to the current page; the live page's controls (versions list, corrections,
citation box) are not repeated. Only citable versions (see
newsroom.editorial.versions: readers once saw them) of items public now are shown; a draft version
is a 404 like any unknown page, an item that is unpublished now is a 404, and an item
that no longer exists (deleted, or merged into another) is a 410 with no content.

A past version's page does not change (the current version's follows its rows until the
item is next saved), but may disappear (unpublishing), so it is cached publicly for a short
time only, like every public page, and is kept out of search engines
(`X-Robots-Tag` and a robots meta tag): the current page is the one to index.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst

from .editorial import versions

app_name = "versions"

#: Seconds a version page may be cached; the item may be unpublished at any time.
MAX_AGE = 300


def version_detail(request, label: str, history_id: int):
    model = versions.permalink_model(label)
    if model is None:
        raise Http404("No such kind of item.")
    record = versions.history_model(model).objects.filter(history_id=history_id).first()
    if record is None:
        raise Http404("No such version.")
    pk = getattr(record, model._meta.pk.attname)
    if not model._base_manager.filter(pk=pk).exists():
        gone = HttpResponse(status=410)
        patch_cache_control(gone, public=True, max_age=MAX_AGE)
        gone["X-Robots-Tag"] = "noindex"
        return gone
    seen = {version.history_id: version for version in versions.Timeline().citable(model, pk)}
    if history_id not in seen:
        raise Http404("This version was never published.")
    public_from = seen[history_id].public_from
    item = model._default_manager.published().get(pk=pk)
    context = {
        "item": item,
        "record": record,
        "public_from": public_from,
        "current_url": _current_url(item),
        "noun": model._meta.verbose_name,
        "title": f"{capfirst(model._meta.verbose_name)}, version of "
        f"{timezone.localtime(public_from):%Y-%m-%d %H:%M}",
    }
    builder = versions.page_builder(model)
    if builder is None:
        template_name = "newsroom/version_detail.html"
        context["lines"] = versions.version_lines(model, record)
        context["version_item"] = record.instance
    else:
        template_name = builder.template_name
        page = versions.version_page(model, record, item, seen[history_id])
        context.update(builder.build(page), version_item=page.item)
    response = TemplateResponse(request, template_name, context)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response["X-Robots-Tag"] = "noindex"
    return response


def _current_url(item) -> str:
    if hasattr(item, "get_absolute_url"):
        return item.get_absolute_url()
    owner = getattr(item, "contest", None) or getattr(item, "candidate", None)
    return owner.get_absolute_url() if owner is not None else ""


urlpatterns = [
    path("<str:label>/<int:history_id>/", version_detail, name="version_detail"),
]
