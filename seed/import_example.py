"""The fictional contest that docs/examples/results.csv and .json import into.

The seed newsroom holds only what the three seed articles report, so an example import
cannot write into its contests without putting figures beside them that no article gave.
The examples therefore name a contest, candidates and a source that are plainly fictional,
all kept as drafts: they are for trying the import on a `make run` site, and never reach a
public page, feed, sitemap, search, export or API.
"""

import datetime
from collections.abc import Callable

from candidates.models import Candidate, Party
from newsroom.editorial.publishing import Status
from newsroom.models import Outlet, Source
from results.models import Contest, Jurisdiction

from .loader import SeedLoader

DRAFT = {"status": Status.DRAFT}
#: The address docs/examples/results.csv and .json give in their source_url column.
SOURCE_URL = "https://results.example.org/fictional-example-caucus"


def load_import_example(*, progress: Callable[[str], None] = lambda line: None) -> SeedLoader:
    """Add (or leave as they are) the fictional contest and what it needs; idempotent."""
    loader = SeedLoader(progress=progress, step_note="loaded with the import example")
    loader.load_steps([("Import example", lambda: _load(loader))])
    return loader


def _load(loader: SeedLoader) -> None:
    outlet = loader.upsert(
        Outlet,
        {"slug": "example-wire-fictional"},
        {"name": "Example Wire (fictional)", "kind": Outlet.Kind.WIRE, **DRAFT},
    )
    loader.upsert(
        Source,
        {"slug": "example-wire-fictional-caucus-count"},
        {
            "outlet": outlet,
            "headline": "Fictional example caucus: the count (for trying the results import)",
            "url": SOURCE_URL,
            "internal_note": "Fictional, for docs/examples/results.csv and .json.",
            **DRAFT,
        },
    )
    party = loader.upsert(
        Party,
        {"slug": "example-party-fictional"},
        {"name": "Example Party (fictional)", "adjective": "Example"},
    )
    for slug, full_name, family_name in (
        ("alex-example-fictional", "Alex Example (fictional)", "Example"),
        ("sam-sample-fictional", "Sam Sample (fictional)", "Sample"),
    ):
        loader.upsert(
            Candidate,
            {"slug": slug},
            {"full_name": full_name, "family_name": family_name, "party": party, **DRAFT},
        )
    place = loader.upsert(
        Jurisdiction,
        {"slug": "exampleton-fictional"},
        {
            "name": "Exampleton (fictional)",
            "kind": Jurisdiction.Kind.DISTRICT,
            "ocd_id": "ocd-division/country:zz/district:exampleton-fictional",
            **DRAFT,
        },
    )
    loader.upsert(
        Contest,
        {"slug": "fictional-example-caucus"},
        {
            "name": "Fictional example caucus (for trying the results import)",
            "jurisdiction": place,
            "party": party,
            "kind": Contest.Kind.CAUCUS,
            "year": 2023,
            "held_on": datetime.date(2023, 1, 10),
            "held_on_precision": "day",
            "ballots_cast": 200,
            "delegates_at_stake": 3,
            **DRAFT,
        },
        # Importing the example starts the count; loading again must not undo that.
        on_create={"count_status": Contest.CountStatus.SCHEDULED},
    )
