"""RSS and Atom feeds of the latest public quotes."""

from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from newsroom.site_address import SiteAddressFeed

from .selectors import latest_quotes


class LatestQuotesFeed(SiteAddressFeed):
    title = "Ballot Desk: latest quotes"
    link = reverse_lazy("candidates:candidate_list")
    description = "What the candidates said, verbatim, with the reports that carried it."

    def items(self):
        return latest_quotes(20)

    def item_title(self, quote):
        return str(quote)

    def item_description(self, quote):
        when = quote.said_on_display or quote.said_when_as_reported or "date not reported"
        # Readers render descriptions as HTML: escape so editor text stays text.
        return escape(f"“{quote.text}” — {quote.speaker_name}, {when}.")

    def item_pubdate(self, quote):
        return quote.created_at

    def item_updateddate(self, quote):
        return quote.updated_at


class LatestQuotesAtomFeed(LatestQuotesFeed):
    feed_type = Atom1Feed
    subtitle = LatestQuotesFeed.description
