"""Drafts never leak: one item of every publishable type in every state readers must not see
(draft, in review, unpublished, scheduled for later, and published under a parent that is
not public), each carrying a marker; then an anonymous reader fetches every public URL —
home, lists, detail pages, search for each marker, feeds, sitemap, corrections and their
feeds, citation exports in every format, the API's lists and details, version permalinks —
and follows every link found. The marker never appears, and the hidden items' own
addresses are 404."""

import datetime
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.citations.formats import FORMATS
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support import world as example

pytestmark = [pytest.mark.django_db, pytest.mark.crawl]

PREFIX = "leakmark"
STATES = ("draft", "inreview", "unpublished", "scheduled")
#: Beyond the seeds, how many linked pages the crawl follows.
CRAWL_LIMIT = 400


def marker(state: str, kind: str) -> str:
    return f"{PREFIX}{state}{kind}"


def hide(item, state: str):
    """Put a (published) item in `state`, through save() so its history records it."""
    if state == "unpublished":
        item.status = Status.UNPUBLISHED
    elif state == "scheduled":
        item.publish_at = timezone.now() + datetime.timedelta(days=2)
    else:
        item.status = {"draft": Status.DRAFT, "inreview": Status.IN_REVIEW}[state]
    item.save()
    return item


class Hidden:
    """What the crawl must never show: the markers, and where the hidden items live."""

    def __init__(self):
        self.markers: list[str] = []
        #: Hidden items with a page, whose address must be 404.
        self.hidden_pages: list = []
        #: (citable kind, pk) of hidden items, whose exports must be 404.
        self.hidden_citables: list[tuple[str, int]] = []
        #: Every hidden row with history, for the version permalinks.
        self.hidden_rows: list = []
        #: API detail addresses of hidden items.
        self.hidden_api: list[str] = []

    def mark(self, state, kind) -> str:
        text = marker(state, kind)
        self.markers.append(text)
        return text

    def hidden(self, item, *, kind=None, api=None):
        self.hidden_rows.append(item)
        if hasattr(item, "get_absolute_url"):
            self.hidden_pages.append(item.get_absolute_url())
        if kind:
            self.hidden_citables.append((kind, item.pk))
        if api:
            self.hidden_api.append(api)
        factories.CorrectionFactory(
            content_object=item, note=f"{marker('note', type(item).__name__.lower())} fixed"
        )
        return item


def build_world() -> tuple[Hidden, example.World]:
    """The canonical example world, published, with items hidden in every state around it."""
    world = Hidden()
    public = example.build_world()
    outlet, quote, candidate = public.outlet, public.quote, public.candidate
    place, contest = public.place, public.contest
    # Editors' fields of public rows: a source's text on file, an override's reason.
    public.source.article_text = f"Headline\n\n{world.mark('internal', 'articletext')}"
    public.source.save()
    factories.CitationFactory(
        content_object=quote,
        source=public.source,
        pinpoint="para. 1",
        check_override_reason=world.mark("internal", "override"),
    )

    for state in STATES:
        mark = lambda kind, state=state: world.mark(state, kind)  # noqa: E731
        hidden_outlet = hide(factories.OutletFactory(name=mark("outlet")), state)
        world.hidden_rows.append(hidden_outlet)
        hidden_source = world.hidden(
            hide(
                factories.SourceFactory(
                    outlet=outlet, headline=mark("source"), standfirst=mark("standfirst")
                ),
                state,
            ),
            kind="source",
            api=None,
        )
        world.hidden_api.append(f"/api/v1/sources/{hidden_source.slug}/")
        factories.ContributorFactory(source=hidden_source, name=mark("byline"))
        # Public items citing the hidden source: its words stay off their pages and exports.
        factories.CitationFactory(
            content_object=quote, source=hidden_source, quoted_passage=mark("passage")
        )
        factories.CitationFactory(
            content_object=candidate, source=hidden_source, field_name="hometown"
        )
        factories.CitationFactory(content_object=contest, source=hidden_source)

        hidden_candidate = world.hidden(
            hide(
                factories.CandidateFactory(full_name=mark("candidate"), summary=mark("summary")),
                state,
            ),
            kind="candidate",
        )
        world.hidden_api.append(f"/api/v1/candidates/{hidden_candidate.slug}/")
        for kind, make, field in (
            ("quote", factories.QuoteFactory, "text"),
            ("fact", factories.FactFactory, "statement"),
            ("career", factories.CareerEntryFactory, "organisation"),
            ("platform", factories.PlatformPositionFactory, "summary"),
        ):
            item = world.hidden(
                hide(make(candidate=candidate, **{field: mark(kind)}), state),
                kind=kind if kind in ("quote", "fact") else None,
            )
            if kind in ("quote", "fact"):
                world.hidden_api.append(f"/api/v1/{kind}s/{item.pk}/")

        hidden_place = world.hidden(
            hide(
                factories.JurisdictionFactory(name=mark("place"), description=mark("placetext")),
                state,
            )
        )
        hidden_contest = world.hidden(
            hide(
                factories.ContestFactory(
                    jurisdiction=place, name=mark("contest"), ballots_cast=None
                ),
                state,
            ),
            kind="contest",
        )
        world.hidden_api.append(f"/api/v1/contests/{hidden_contest.slug}/")
        world.hidden(
            hide(
                factories.ContestFactFactory(contest=contest, statement=mark("contestfact")), state
            )
        )
        _children_of_hidden_contest(world, hidden_contest, candidate, state)

        # Published children of a parent in this state.
        orphan = f"under{state}"
        omark = lambda kind, orphan=orphan: world.mark(orphan, kind)  # noqa: E731
        world.hidden(
            factories.SourceFactory(outlet=hidden_outlet, headline=omark("source")), kind="source"
        )
        for kind, make, field in (
            ("quote", factories.QuoteFactory, "text"),
            ("fact", factories.FactFactory, "statement"),
            ("career", factories.CareerEntryFactory, "organisation"),
            ("platform", factories.PlatformPositionFactory, "summary"),
        ):
            item = world.hidden(
                make(candidate=hidden_candidate, **{field: omark(kind)}),
                kind=kind if kind in ("quote", "fact") else None,
            )
            if kind in ("quote", "fact"):
                world.hidden_api.append(f"/api/v1/{kind}s/{item.pk}/")
        contest_in_hidden_place = world.hidden(
            factories.ContestFactory(jurisdiction=hidden_place, name=omark("contest")),
            kind="contest",
        )
        world.hidden_api.append(f"/api/v1/contests/{contest_in_hidden_place.slug}/")
        world.hidden(
            factories.ContestFactFactory(contest=hidden_contest, statement=omark("contestfact"))
        )
    return world, public


def _children_of_hidden_contest(world, contest, candidate, state):
    result = factories.ResultFactory(contest=contest, candidate=candidate, votes=777)
    world.hidden_citables.append(("result", result.pk))
    factories.CorrectionFactory(content_object=result, note=world.mark(state, "resultnote"))
    factories.RaceCallFactory(
        contest=contest,
        winner=candidate,
        called_by=world.mark(state, "racecall"),
        confirmed_at=timezone.now(),
    )
    snapshot = factories.SnapshotFactory(contest=contest, note=world.mark(state, "snapshot"))
    world.hidden_api.append(f"/api/v1/snapshots/{snapshot.pk}/")


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag in {"a", "link"} and href:
            self.links.append(href)


def local_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    paths = []
    for link in parser.links:
        parts = urlsplit(link)
        if parts.netloc not in ("", "testserver", "127.0.0.1:8000"):
            continue
        if not parts.path.startswith("/") or parts.path.startswith(("/admin", "/static")):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def public_addresses(world: Hidden, public: example.World) -> list[str]:
    """Every public address of the published world (derived from the URL resolver), then a
    search for every marker, on the site and through the API, and the API's filters by
    contest."""
    addresses = example.public_addresses(public)
    for search in ("/search/", reverse("api:search")):
        addresses.append(f"{search}?q={PREFIX}")
        addresses += [f"{search}?q={text}" for text in world.markers]
    for resource in ("snapshot", "candidate"):
        addresses.append(f"{reverse(f'api:{resource}-list')}?contest={public.contest.slug}")
    return addresses


#: A marker put on a published quote: the crawl must find it, or it could not find a leak.
CONTROL = "crawlcontrol"


def crawl(world: Hidden, public: example.World) -> tuple[int, dict[str, list[str]], list]:
    """Fetch every public address as an anonymous reader and follow the links found.
    Returns how many were fetched, the addresses showing each of the hidden items' marker
    prefix and the control marker, and those that failed."""
    reader = Client()
    seeds = public_addresses(world, public)
    seen, failures = set(), []
    found = {PREFIX: [], CONTROL: []}
    queue = deque(seeds)
    while queue and len(seen) < CRAWL_LIMIT + len(seeds):
        address = queue.popleft()
        if address in seen:
            continue
        seen.add(address)
        response = reader.get(address)
        text = body(response)
        if response.status_code >= 500:
            failures.append((address, response.status_code))
        if address.startswith("/search/?q="):
            # The page repeats the query; what matters is that nothing was found.
            query = address.removeprefix("/search/?q=")
            results = response.context["results"]
            if response.context["hits"] or (results and (results.total or results.suggestion)):
                found[PREFIX].append(address)
            text = text.replace(query, "")
        elif address.startswith(f"{reverse('api:search')}?q="):
            # The body repeats the query, in `query` and in its links.
            query = address.split("?q=", 1)[1]
            data = response.json()
            counted = any(facet["count"] for facet in data["facets"])
            if data["results"] or data["count"] or counted or data["suggestion"]:
                found[PREFIX].append(address)
            text = text.replace(query, "")
        for needle, addresses in found.items():
            if needle in text:
                addresses.append(address)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(link for link in local_links(text) if link not in seen)
    return len(seen), found, failures


def test_no_hidden_item_reaches_any_public_page_feed_search_export_or_api():
    """One crawl, two findings: no hidden item's marker anywhere, and the published control
    quote's marker where a published quote shows (its page, the quotes feed), which proves
    the crawl reaches those pages and would see a marker on them."""
    world, public = build_world()
    public.quote.text = f"{CONTROL} published"
    public.quote.save()

    fetched, found, failures = crawl(world, public)

    assert not failures, failures
    assert not found[PREFIX], found[PREFIX]
    assert fetched > 100, fetched  # the crawl really went through the site
    assert public.quote.get_absolute_url() in found[CONTROL], found[CONTROL]
    assert "/feeds/quotes.rss" in found[CONTROL], found[CONTROL]


def test_hidden_items_own_addresses_are_404_for_anonymous_readers():
    world, _public = build_world()
    reader = Client()

    for address in world.hidden_pages + world.hidden_api:
        response = reader.get(address)
        assert response.status_code == 404, address
        assert PREFIX not in body(response), address


def test_citation_exports_of_hidden_items_are_404_in_every_format():
    world, _public = build_world()
    reader = Client()

    for kind, pk in world.hidden_citables:
        addresses = [f"/cite/{kind}/{pk}/"]
        addresses += [f"/cite/{kind}/{pk}.{fmt}" for fmt in FORMATS]
        addresses += [f"/cite/{kind}/{pk}/sources.{fmt}" for fmt in FORMATS]
        for address in addresses:
            response = reader.get(address)
            assert response.status_code == 404, address
            assert PREFIX not in body(response), address


def test_hidden_items_cannot_be_put_in_the_citation_basket():
    world, public = build_world()
    reader = Client()
    reader.post("/cite/basket/add/", {"kind": "quote", "pk": public.quote.pk})

    for kind, pk in world.hidden_citables:
        assert reader.post("/cite/basket/add/", {"kind": kind, "pk": pk}).status_code == 404
    for fmt in FORMATS:
        response = reader.get(f"/cite/basket.{fmt}")
        assert response.status_code == 200, fmt
        assert PREFIX not in body(response), fmt


def test_version_permalinks_of_hidden_items_are_not_served():
    world, _public = build_world()
    reader = Client()
    checked = 0

    for item in world.hidden_rows:
        label = item._meta.label_lower
        for record in item.history.all():
            response = reader.get(f"/versions/{label}/{record.history_id}/")
            assert response.status_code in (404, 410), (label, record.history_id)
            assert PREFIX not in body(response)
            checked += 1

    assert checked > len(world.hidden_rows)
