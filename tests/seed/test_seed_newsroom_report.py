"""`seed_newsroom` reports its rows per model, and how many of them readers can see now."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from candidates.models import Quote
from results.models import RaceCall


def seed_report() -> list[str]:
    """The command's report, one line per model, with runs of spaces made single."""
    out = StringIO()
    call_command("seed_newsroom", stdout=out)
    return [" ".join(line.split()) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_first_run_counts_candidates_apart_from_their_parties_and_citations():
    report = seed_report()

    candidates = report.index("Candidates")
    assert report[candidates + 1 : candidates + 4] == [
        "parties 2 created, 0 updated, 0 unchanged",
        "candidates 6 created, 0 updated, 0 unchanged; public now: 6 of 6",
        "citations 29 created, 0 updated, 0 unchanged; public now: 29 of 29",
    ]


def test_second_run_reports_quotes_unchanged_and_all_public(seed_newsroom):
    assert "quotes 0 created, 0 updated, 23 unchanged; public now: 23 of 23" in seed_report()


def test_report_says_a_quote_scheduled_for_later_is_not_public_yet(seed_newsroom):
    later = timezone.now() + datetime.timedelta(days=1)
    Quote.objects.filter(pk=Quote.objects.order_by("pk")[0].pk).update(publish_at=later)

    assert (
        "quotes 0 created, 0 updated, 23 unchanged; public now: 22 of 23 "
        "(1 scheduled for later)" in seed_report()
    )


def test_report_says_why_a_retracted_race_call_is_not_public(seed_newsroom):
    call = RaceCall.objects.get()
    RaceCall.objects.update(
        retracted_at=timezone.now(),
        retracted_by=call.confirmed_by,
        retraction_note="Withdrawn for this test.",
    )

    assert (
        "race calls 0 created, 0 updated, 1 unchanged; public now: 0 of 1 "
        "(confirmed by a second person, not retracted, in a public contest)" in seed_report()
    )
