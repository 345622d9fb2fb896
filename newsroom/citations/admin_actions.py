"""Admin actions exporting the selected rows' citations; unpublished rows are left out.

Add them to a ModelAdmin of any registered citable model: `actions = [*export_citations]`.
"""

from django.contrib import admin, messages

from . import registry
from .csl import stream_items
from .formats import FORMATS
from .views import citation_response


def export_action(fmt_key: str):
    fmt = FORMATS[fmt_key]

    @admin.action(description=f"Export citations of selected published items ({fmt.label})")
    def action(modeladmin, request, queryset):
        citable = registry.for_model(queryset.model)
        published = citable.published().filter(pk__in=queryset.values("pk"))
        left_out = queryset.count() - published.count()
        if left_out:
            modeladmin.message_user(
                request,
                f"{left_out} selected item(s) are not published and were left out of the export.",
                messages.WARNING,
            )
        return citation_response(
            request, stream_items(citable, published), fmt, f"{citable.kind}-citations"
        )

    action.__name__ = f"export_citations_{fmt_key}"
    return action


export_citations = [export_action(key) for key in ("json", "bib", "ris", "csv")]
