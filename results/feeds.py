"""RSS and Atom feeds of contest updates: the contests whose figures changed last."""

from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from newsroom.site_address import SiteAddressFeed

from .scoreboard import summarise
from .selectors import contests_with_results, public_contests


class ContestUpdatesFeed(SiteAddressFeed):
    title = "Ballot Desk: contest updates"
    link = reverse_lazy("results:contest_list")
    description = "Status, reporting and leaders of the contests we cover, newest changes first."

    def items(self):
        return summarise(contests_with_results(public_contests().order_by("-updated_at"))[:20])

    def item_title(self, contest):
        return f"{contest.name}: {contest.get_count_status_display()}"

    def item_description(self, contest):
        parts = [contest.summary] if contest.summary else []
        if contest.leading_result:
            verb = "won" if contest.winners else "leads"
            parts.append(f"{contest.leading_result.candidate.full_name} {verb}.")
        if contest.reporting_percent is not None:
            parts.append(f"{contest.reporting_percent:g}% reporting.")
        # Readers render descriptions as HTML: escape so editor text stays text.
        return escape(" ".join(parts))

    def item_pubdate(self, contest):
        return contest.created_at

    def item_updateddate(self, contest):
        return contest.updated_at


class ContestUpdatesAtomFeed(ContestUpdatesFeed):
    feed_type = Atom1Feed
    subtitle = ContestUpdatesFeed.description
