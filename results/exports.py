"""Open-data exports of one public contest: Popolo JSON and the results CSV.

Both are per contest, so an export costs the same few queries whatever the size of the
database, and both hold public items only: the contest comes from `public_contests()`, and
a result whose candidate is not public (a draft profile) is left out of both.

* **Popolo JSON** (https://www.popoloproject.com/, the format YourNextRepresentative and Open
  Civic Data publish): the candidates as `persons`, their parties as `organizations`, the
  contest's nomination as a `post` in the area of its OCD division, and each candidacy as a
  `membership` of the person in the post on behalf of their party, carrying the figures
  (`votes`, `reported_share`, `delegates_won`, `elected`: extra properties, which Popolo's
  schemas allow).
* **Results CSV** in the column layout of the results import (docs/results-import.md), so a
  desk can edit an export and import it back; importing an unedited export changes nothing.
"""

import csv
import io

from django.db.models import F, Prefetch

from newsroom.models import Source

from .importing.reading import COLUMNS
from .models import Contest, Snapshot
from .selectors import public_contests, results_with_candidates


def export_contest(slug: str) -> Contest:
    """The public contest with what its exports read, or `Contest.DoesNotExist`."""
    results = results_with_candidates().prefetch_related(
        "candidate__party", "candidate__identifiers"
    )
    return public_contests().prefetch_related(Prefetch("results", queryset=results)).get(slug=slug)


def public_results(contest: Contest) -> list:
    return [result for result in contest.results.all() if result.candidate_is_public]


def popolo(contest: Contest, absolute) -> dict:
    """The contest as a Popolo document; `absolute(path)` makes a page's address absolute."""
    results = public_results(contest)
    post_id = f"post:{contest.slug}"
    area = contest.jurisdiction
    parties = {contest.party.pk: contest.party}
    for result in results:
        if result.candidate.party is not None:
            parties.setdefault(result.candidate.party.pk, result.candidate.party)
    return {
        "persons": [person(result.candidate, absolute) for result in results],
        "organizations": [organization(party) for party in parties.values()],
        "areas": [
            {
                "id": area.ocd_id or f"area:{area.slug}",
                "name": area.name,
                "classification": area.kind,
                "identifier": area.ocd_id or None,
            }
        ],
        "posts": [
            {
                "id": post_id,
                "label": f"{contest.party.adjective} nominee for {contest.office}",
                "role": contest.office,
                "organization_id": party_id(contest.party),
                "area_id": area.ocd_id or f"area:{area.slug}",
                "links": [{"url": absolute(contest.get_absolute_url()), "note": contest.name}],
            }
        ],
        "memberships": [membership(contest, result, post_id, absolute) for result in results],
    }


def party_id(party) -> str:
    return f"party:{party.slug}"


def person(candidate, absolute) -> dict:
    return {
        "id": f"person:{candidate.slug}",
        "name": candidate.full_name,
        "given_name": candidate.given_name or None,
        "family_name": candidate.family_name or None,
        "sort_name": candidate.family_name or candidate.full_name,
        "summary": candidate.summary or None,
        "identifiers": [
            {"identifier": row.value, "scheme": row.scheme} for row in candidate.identifiers.all()
        ],
        "links": [{"url": absolute(candidate.get_absolute_url()), "note": "Profile"}]
        + ([{"url": candidate.website, "note": "Campaign website"}] if candidate.website else []),
    }


def organization(party) -> dict:
    return {
        "id": party_id(party),
        "name": party.name,
        "classification": "party",
        "other_names": (
            [{"name": party.abbreviation, "note": "abbreviation"}] if party.abbreviation else []
        ),
    }


def membership(contest, result, post_id: str, absolute) -> dict:
    candidate = result.candidate
    return {
        "id": f"candidacy:{contest.slug}:{candidate.slug}",
        "label": f"Candidate in the {contest.name}",
        "role": "Candidate",
        "person_id": f"person:{candidate.slug}",
        "organization_id": party_id(contest.party),
        "on_behalf_of_id": party_id(candidate.party) if candidate.party else None,
        "post_id": post_id,
        "start_date": contest.held_on.isoformat() if contest.held_on else None,
        "links": [{"url": absolute(contest.get_absolute_url()), "note": "Results"}],
        "votes": result.votes,
        "reported_share": str(result.reported_share) if result.reported_share is not None else None,
        "delegates_won": result.delegates_won,
        "elected": {"won": True, "lost": False}.get(result.outcome),
    }


def latest_source_url(contest: Contest) -> str:
    """The URL of the public source of the contest's latest count update, or "": what the
    import's `source_url` column names."""
    snapshot = (
        Snapshot.objects.published()
        .filter(contest=contest, source__in=Source.objects.published())
        .select_related("source")
        # Undated snapshots (from articles) sort last on every database, as in count order.
        .order_by(F("taken_at").desc(nulls_last=True), "-pk")
        .first()
    )
    return snapshot.source.url if snapshot else ""


def results_csv(contest: Contest) -> str:
    """The contest's public results, one row per candidate, in the import's columns.

    A figure not held is an empty cell ("not in this update" to the import). A contest whose
    count has no known time (`as_of`) or no source of an update exports those cells empty,
    and the import asks for them before the file can be applied.
    """
    as_of = contest.reporting_as_of.isoformat() if contest.reporting_as_of else ""
    source_url = latest_source_url(contest)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for result in public_results(contest):
        row = {
            "contest": contest.slug,
            "candidate": result.candidate.slug,
            "votes": result.votes,
            "share": result.reported_share,
            "delegates": result.delegates_won,
            "reporting_percent": contest.reporting_percent,
            "as_of": as_of,
            "source_url": source_url,
        }
        writer.writerow(["" if row[name] is None else row[name] for name in COLUMNS])
    return out.getvalue()
