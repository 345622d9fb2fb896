"""The site-wide log of corrections, updates and removals, newest first, and its feeds.

The log is append-only (`public_log()`, newsroom.editorial.public): a correction stays
listed after its item is unpublished or deleted, and a deleted public item is listed as
“Removed” with its note. Corrections of items that were never public are not listed.
"""

from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .editorial.public import describe, public_log
from .pagination import PublicListView
from .site_address import SiteAddressFeed

PER_PAGE = 25
IN_FEED = 30


def newest_first():
    return public_log()


class CorrectionListView(PublicListView):
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
    description = "Every correction, clarification, update, retraction and removal, newest first."

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
        # An entry whose item is no longer public links to the log itself.
        page = shown.url or reverse("newsroom:corrections")
        return f"{page}#{shown.anchor}"

    def item_guid(self, shown):
        return shown.anchor

    item_guid_is_permalink = False

    def item_pubdate(self, shown):
        return shown.created_at


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
    subtitle = CorrectionsFeed.description
