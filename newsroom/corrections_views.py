"""The site-wide list of corrections and updates, newest first, and its feeds.

Only corrections of items that are public now are listed (`public_corrections()`): a
correction of an item that was since unpublished leaves with it.
"""

from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.generic import ListView

from .editorial.public import describe, public_corrections
from .site_address import SiteAddressFeed

PER_PAGE = 25
IN_FEED = 30


def newest_first():
    return public_corrections().order_by("-created_at", "-pk")


class CorrectionListView(ListView):
    template_name = "newsroom/corrections.html"
    paginate_by = PER_PAGE

    def get_queryset(self):
        return newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["corrections"] = describe(context["page_obj"].object_list)
        return context


class CorrectionsFeed(SiteAddressFeed):
    title = "Ballot Desk: corrections and updates"
    link = reverse_lazy("newsroom:corrections")
    description = "Every correction, clarification, update and retraction, newest first."

    def items(self):
        return describe(newest_first()[:IN_FEED])

    def item_title(self, shown):
        subject = f": {shown.subject}" if shown.subject else ""
        return f"{shown.kind}{subject}"

    def item_description(self, shown):
        # Readers render descriptions as HTML: escape so editor text stays text.
        lines = [escape(shown.note), *(escape(change) for change in shown.changes)]
        return "<br>".join(lines)

    def item_link(self, shown):
        return f"{shown.url}#correction-{shown.correction.pk}"

    def item_guid(self, shown):
        return f"correction-{shown.correction.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, shown):
        return shown.created_at


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    subtitle = CorrectionsFeed.description
