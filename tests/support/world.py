"""The canonical example world of the tests, and the public addresses it gives.

`build_world()` makes one published item of every kind a reader can reach, linked as on the
real site, every citable item citing the world's source: the way YourNextRepresentative's
`uk_examples` gives its tests one example election. The sweeps start from it and extend it
with what their behaviour needs: the draft-leak crawl adds hidden items in every state, the
escaping check passes payloads for its fields, the hostile newsroom builds one world per
payload; other tests take it as the `world` fixture. Tests about the real newsroom's words
and figures use the seed newsroom instead (the `seed_newsroom` fixture).

`public_addresses(world)` is every address of the public site filled in from a world, derived
from the URL resolver: each URL pattern outside the admin, its arguments taken from the
world's published items by `ARGUMENTS`. A new pattern with arguments fails by name until
`ARGUMENTS` says how to fill them, so no sweep forgets a new page.
"""

import dataclasses
from dataclasses import dataclass, field

from django.db.models import Model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from candidates.profile import PARTS
from frontpage.sitemaps import SITEMAPS
from newsroom.citations import registry
from newsroom.citations.formats import FORMATS
from tests.support import factories

#: Patterns answered only to POST; the CSRF tests submit them.
POST_ONLY = {"citations:basket_add", "citations:basket_remove", "citations:basket_clear"}
#: The format the API's `.json`-style suffix patterns are filled with.
API_FORMAT = "json"


@dataclass
class World:
    """One published item of every kind, linked: a candidate with a quote, a fact, a career
    entry, a platform position and an external identifier; a contest in a place with the
    candidate's result, a fact about the contest, a confirmed race call and a snapshot of the
    count; a source from an outlet, with a byline, cited by every item that cites sources."""

    outlet: Model
    source: Model
    contributor: Model
    candidate: Model
    identifier: Model
    quote: Model
    fact: Model
    career: Model
    platform: Model
    place: Model
    contest: Model
    result: Model
    contest_fact: Model
    race_call: Model
    snapshot: Model
    snapshot_entry: Model
    citations: list = field(default_factory=list)

    @property
    def party(self):
        return self.candidate.party

    def items(self) -> list[Model]:
        """Every row of the world but its citations and its party."""
        return [
            value
            for name, value in vars(self).items()
            if name != "citations" and isinstance(value, Model)
        ]

    def of_model(self, model) -> Model:
        for item in self.items():
            if type(item) is model:
                return item
        raise LookupError(f"The example world has no {model._meta.label}: add one to World.")


def build_world(*, cited_source=None, **fields) -> World:
    """The canonical world. `cited_source=` shares an existing source (and its outlet)
    instead of making one; `<item>={...}` sets fields of one item, by its name on `World`,
    and `citation={...}` fields of every citation."""

    unknown = set(fields) - {item.name for item in dataclasses.fields(World)} - {"citation"}
    if unknown:
        raise TypeError(f"The example world has no {sorted(unknown)}.")

    def make(name, factory, **links):
        return factory(**links, **fields.get(name, {}))

    source = cited_source
    if source is None:
        source = make(
            "source", factories.SourceFactory, outlet=make("outlet", factories.OutletFactory)
        )
    candidate = make("candidate", factories.CandidateFactory)
    place = make("place", factories.JurisdictionFactory)
    contest = make("contest", factories.ContestFactory, jurisdiction=place, party=candidate.party)
    snapshot = make("snapshot", factories.SnapshotFactory, contest=contest)
    world = World(
        outlet=source.outlet,
        source=source,
        contributor=make("contributor", factories.ContributorFactory, source=source),
        candidate=candidate,
        identifier=make(
            "identifier", factories.ExternalIdentifierFactory, content_object=candidate
        ),
        quote=make("quote", factories.QuoteFactory, candidate=candidate),
        fact=make("fact", factories.FactFactory, candidate=candidate),
        career=make("career", factories.CareerEntryFactory, candidate=candidate),
        platform=make("platform", factories.PlatformPositionFactory, candidate=candidate),
        place=place,
        contest=contest,
        result=make("result", factories.ResultFactory, contest=contest, candidate=candidate),
        contest_fact=make("contest_fact", factories.ContestFactFactory, contest=contest),
        race_call=make(
            "race_call",
            factories.RaceCallFactory,
            contest=contest,
            winner=candidate,
            cited={"source": source, **fields.get("citation", {})},
            confirmed_at="2024-03-06T00:00Z",
        ),
        snapshot=snapshot,
        snapshot_entry=make(
            "snapshot_entry",
            factories.SnapshotEntryFactory,
            snapshot=snapshot,
            candidate=candidate,
        ),
    )
    for item in citing(world):
        # A result's sources report its votes.
        named = {"field_name": "votes"} if item is world.result else {}
        world.citations.append(
            factories.CitationFactory(
                content_object=item, source=source, **named, **fields.get("citation", {})
            )
        )
    world.citations += world.race_call.citations.all()
    return world


def citing(world: World) -> list[Model]:
    """The items of a world that cite its source, besides the race call (cited as it is
    entered, before its confirmation)."""
    return [
        world.candidate,
        world.quote,
        world.fact,
        world.career,
        world.platform,
        world.contest,
        world.result,
        world.contest_fact,
    ]


def public_patterns(patterns=None, prefix="", namespace=None, params=()):
    """(view name, route, argument names) of every URL pattern outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if inner == "admin":
                continue
            yield from public_patterns(
                pattern.url_patterns,
                prefix + str(pattern.pattern),
                inner,
                params + _arguments(pattern),
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern), params + _arguments(pattern)


def patterns_without_arguments():
    """(view name, route) of every public GET pattern that takes no argument: the home page,
    the lists, feeds, search, sitemap and the API's roots (the API's `.json` twins of them
    are the same pages in another format)."""
    for name, route, arguments in public_patterns():
        if not arguments and name not in POST_ONLY:
            yield name, route


def _arguments(pattern) -> tuple[str, ...]:
    """The names of the arguments a path() or re_path() pattern captures."""
    converters = getattr(pattern.pattern, "converters", None)
    if converters:
        return tuple(converters)
    return tuple(pattern.pattern.regex.groupindex)


def _cited_kinds(world: World):
    """(citable kind, published row of the world) for every kind a reader can cite."""
    for kind in registry.kinds():
        yield kind, world.of_model(registry.get(kind).model)


def _cited_in_every_format(world: World) -> list[dict]:
    return [
        {"kind": kind, "pk": item.pk, "fmt": fmt}
        for kind, item in _cited_kinds(world)
        for fmt in FORMATS
    ]


def _versioned(world: World):
    for item in world.items():
        if hasattr(item, "history"):
            yield {"label": item._meta.label_lower, "history_id": item.history.latest().pk}


#: How to fill each public pattern's arguments from a world: a list of keyword arguments,
#: one per address. The API's `format` suffix is filled with API_FORMAT everywhere.
ARGUMENTS = {
    "candidates:candidate_detail": lambda world: [{"slug": world.candidate.slug}],
    **{
        f"candidates:candidate_{part}": lambda world: [{"slug": world.candidate.slug}]
        for part in PARTS
    },
    "candidates:quote_detail": lambda world: [{"pk": world.quote.pk}],
    "candidates:fact_detail": lambda world: [{"pk": world.fact.pk}],
    "results:contest_detail": lambda world: [{"slug": world.contest.slug}],
    "results:contest_popolo": lambda world: [{"slug": world.contest.slug}],
    "results:contest_csv": lambda world: [{"slug": world.contest.slug}],
    "results:embed": lambda world: [{"slug": world.contest.slug}],
    "results:jurisdiction_detail": lambda world: [{"slug": world.place.slug}],
    "results:jurisdiction_contests": lambda world: [{"slug": world.place.slug}],
    "newsroom:source_detail": lambda world: [{"slug": world.source.slug}],
    "citations:basket_download": lambda world: [{"fmt": fmt} for fmt in FORMATS],
    "citations:cite": lambda world: [
        {"kind": kind, "pk": item.pk} for kind, item in _cited_kinds(world)
    ],
    "citations:basket_offer": lambda world: [
        {"kind": kind, "pk": item.pk} for kind, item in _cited_kinds(world)
    ],
    "citations:download": _cited_in_every_format,
    "citations:sources": _cited_in_every_format,
    "versions:version_detail": lambda world: list(_versioned(world)),
    "sitemap-section": lambda world: [{"section": section} for section in SITEMAPS],
    "api:candidate-detail": lambda world: [{"slug": world.candidate.slug}],
    "api:contest-detail": lambda world: [{"slug": world.contest.slug}],
    "api:place-detail": lambda world: [{"slug": world.place.slug}],
    "api:source-detail": lambda world: [{"slug": world.source.slug}],
    "api:snapshot-detail": lambda world: [{"pk": world.snapshot.pk}],
    "api:quote-detail": lambda world: [{"pk": world.quote.pk}],
    "api:fact-detail": lambda world: [{"pk": world.fact.pk}],
}


class UnfilledPattern(LookupError):
    """A public URL pattern takes arguments that ARGUMENTS cannot fill from a world."""


def public_addresses(world: World) -> list[str]:
    """Every GET address of the public site, each pattern's arguments filled from `world`."""
    addresses = []
    for name, route, arguments in public_patterns():
        if name in POST_ONLY:
            continue
        needed = set(arguments) - {"format"}
        if not needed:
            choices = [{}]
        elif name in ARGUMENTS:
            choices = ARGUMENTS[name](world)
        else:
            raise UnfilledPattern(
                f"The public URL pattern {name!r} ({route}) takes {sorted(needed)}: say in "
                "ARGUMENTS of tests/support/world.py how to fill them from the example world."
            )
        suffix = {"format": API_FORMAT} if "format" in arguments else {}
        for kwargs in choices:
            address = reverse(name, kwargs={**kwargs, **suffix} if kwargs or suffix else None)
            if address not in addresses:
                addresses.append(address)
    return addresses
