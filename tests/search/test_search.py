"""Site search through the reader's page: one ranked list over every public kind, facets,
the query syntax, accents, "Did you mean …?", bounded queries and friendly messages.

Full-text on PostgreSQL, substrings on SQLite: every test runs on both unless it says why
not (the phrase, exclusion and `or` syntax needs PostgreSQL's websearch_to_tsquery).
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from candidates.models import Quote
from newsroom import search
from results.models import ContestFact
from tests.support import factories
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="websearch syntax is PostgreSQL's"
)


def hits(response) -> list[tuple[str, str]]:
    """(kind, title) of each hit, in the page's order."""
    return [(hit.kind, hit.title) for hit in response.context["hits"]]


def facet_counts(response) -> dict[str, int]:
    return {facet.kind.key: facet.count for facet in response.context["results"].facets}


def test_search_for_zoom_finds_palmers_quote_highlighted(client, seed_newsroom):
    response = client.get("/search/", {"q": "Zoom"})
    quote = Quote.objects.get(text__contains="Zoom town halls")
    html = response.content.decode()
    assert f'href="{quote.get_absolute_url()}"' in html
    assert "<mark>Zoom</mark>" in html


def test_delegates_finds_the_published_contest_fact(client, seed_newsroom):
    fact = ContestFact.objects.published().get(statement__startswith="Six delegates")

    response = client.get("/search/", {"q": "delegates"})

    assert ("Contest fact", f"About {fact.contest.name}") in hits(response)
    assert f'href="{fact.contest.get_absolute_url()}#contest-facts-heading"' in response.text
    assert "<mark>delegates</mark>" in response.text


@pytest.mark.parametrize(
    ("make", "query", "kind"),
    [
        (
            lambda: factories.CandidateFactory(full_name="Quorra Vantablack"),
            "Vantablack",
            "Candidate",
        ),
        (lambda: factories.QuoteFactory(text="Lagoon visit promised"), "lagoon", "Quote"),
        (lambda: factories.FactFactory(statement="Ran a kayak rental"), "kayak", "Fact"),
        (
            lambda: factories.ContestFactFactory(statement="Ballots counted by lantern"),
            "lantern",
            "Contest fact",
        ),
        (lambda: factories.ContestFactory(name="Zanzibarish caucus"), "Zanzibarish", "Contest"),
        (lambda: factories.JurisdictionFactory(name="Isle of Quillon"), "Quillon", "Place"),
        (lambda: factories.SourceFactory(headline="Marmalade report"), "marmalade", "Source"),
    ],
)
def test_each_kind_is_found(client, make, query, kind):
    made = make()

    response = client.get("/search/", {"q": query})

    assert [found_kind for found_kind, _ in hits(response)] == [kind]
    page = made.contest if isinstance(made, ContestFact) else made
    assert f'href="{page.get_absolute_url()}' in response.text


def test_one_list_ranks_kinds_together_names_first(client, seed_newsroom):
    response = client.get("/search/", {"q": "Palmer"})

    found = hits(response)
    kinds = {kind for kind, _ in found}
    assert found[0] == ("Candidate", "Jason Palmer")
    assert {"Candidate", "Quote", "Source"} <= kinds


def test_facets_count_each_kind_and_filter_the_list(client):
    factories.QuoteFactory(text="Harbour remark one")
    factories.QuoteFactory(text="Harbour remark two")
    factories.SourceFactory(headline="Harbour report")

    everything = client.get("/search/", {"q": "harbour"})
    quotes = client.get("/search/", {"q": "harbour", "type": "quote"})

    assert facet_counts(everything) == {
        "candidate": 0,
        "quote": 2,
        "fact": 0,
        "contest": 0,
        "contest-fact": 0,
        "place": 0,
        "source": 1,
    }
    assert "Quotes (2)" in visible_text(everything)
    assert "Sources (1)" in visible_text(everything)
    assert "Everything (3)" in visible_text(everything)
    assert [kind for kind, _ in hits(quotes)] == ["Quote", "Quote"]
    assert facet_counts(quotes)["source"] == 1


def test_results_come_a_page_at_a_time(client):
    for index in range(25):
        factories.QuoteFactory(text=f"Reef remark {index}")

    first = client.get("/search/", {"q": "reef"})
    second = client.get("/search/", {"q": "reef", "page": 2})

    assert len(hits(first)) == 20
    assert len(hits(second)) == 5
    assert not {title for _, title in hits(first)} & {title for _, title in hits(second)}
    assert 'rel="next"' in first.text
    assert client.get("/search/", {"q": "reef", "page": 3}).status_code == 404
    assert client.get("/search/", {"q": "reef", "page": "x"}).status_code == 404


def test_unknown_type_is_a_400_naming_the_known_ones(client):
    response = client.get("/search/", {"q": "reef", "type": "recipes"})

    assert response.status_code == 400
    assert "contest-fact" in visible_text(response)


@postgresql_only
def test_a_quoted_phrase_matches_those_words_in_order(client):
    factories.QuoteFactory(text="Town halls on Zoom every week")
    factories.QuoteFactory(text="Halls of the town were full")

    response = client.get("/search/", {"q": '"town halls"'})

    assert [title for _, title in hits(response)] == [
        str(Quote.objects.get(text__startswith="Town halls"))
    ]


@postgresql_only
def test_a_minus_sign_leaves_out_what_holds_the_word(client):
    factories.QuoteFactory(text="Caucus in Pago Pago")
    factories.QuoteFactory(text="Caucus by Zoom")

    response = client.get("/search/", {"q": "caucus -zoom"})

    assert [title for _, title in hits(response)] == [str(Quote.objects.get(text__contains="Pago"))]


@postgresql_only
def test_or_takes_either_word(client):
    factories.QuoteFactory(text="Lagoon visit")
    factories.QuoteFactory(text="Volcano visit")
    factories.QuoteFactory(text="Desert visit")

    response = client.get("/search/", {"q": "lagoon or volcano"})

    assert facet_counts(response)["quote"] == 2


@pytest.mark.parametrize("query", ["Zoe", "zoë", "ZOË"])
def test_accents_do_not_matter(client, query):
    factories.CandidateFactory(full_name="Zoë Lindqvist")

    response = client.get("/search/", {"q": query})

    assert hits(response) == [("Candidate", "Zoë Lindqvist")]
    assert "<mark>Zoë</mark>" in response.text or "Zoë Lindqvist" in response.text


@pytest.mark.parametrize(("typed", "meant"), [("Plamer", "Palmer"), ("Bidden", "Biden")])
def test_a_misspelled_name_gets_did_you_mean(client, seed_newsroom, typed, meant):
    response = client.get("/search/", {"q": typed})

    assert response.context["results"].suggestion == meant
    assert f'Did you mean <a href="/search/?q={meant}">{meant}</a>?' in response.text
    assert hits(client.get("/search/", {"q": meant}))


def test_a_word_found_is_not_corrected(client, seed_newsroom):
    assert "Did you mean" not in visible_text(client.get("/search/", {"q": "Palmer"}))


def test_no_suggestion_leads_to_a_draft(client):
    factories.CandidateFactory(full_name="Quorra Zeppelinova", status="draft")
    factories.QuoteFactory(text="Zeppelinova remark", status="draft")

    response = client.get("/search/", {"q": "Zeppelinovo"})

    assert "Did you mean" not in visible_text(response)
    assert response.context["results"].total == 0


def test_drafts_unpublished_and_items_of_hidden_parents_are_never_found_or_counted(client):
    factories.QuoteFactory(text="Lagoon visit promised")
    factories.QuoteFactory(text="Lagoon draft remark", status="draft")
    factories.QuoteFactory(text="Lagoon withdrawn remark", status="unpublished")
    factories.QuoteFactory(
        text="Lagoon hidden candidate", candidate=factories.CandidateFactory(status="draft")
    )
    factories.CandidateFactory(full_name="Lagoon Draftperson", status="draft")
    factories.ContestFactFactory(
        statement="Lagoon fact of a draft contest",
        contest=factories.ContestFactory(status="draft"),
    )
    factories.ContestFactory(
        name="Lagoon caucus", jurisdiction=factories.JurisdictionFactory(status="draft")
    )
    factories.SourceFactory(headline="Lagoon draft source", status="draft")

    response = client.get("/search/", {"q": "lagoon"})

    text = visible_text(response)
    assert hits(response) == [("Quote", str(Quote.objects.get(text="Lagoon visit promised")))]
    assert response.context["results"].total == 1
    for hidden in ["draft remark", "withdrawn", "hidden candidate", "Draftperson", "draft contest"]:
        assert hidden not in text
    assert "Lagoon caucus" not in text and "draft source" not in text


def test_snippets_are_escaped_around_the_highlight(client):
    factories.QuoteFactory(text="<b>bold</b> Zoom claim <script>alert(1)</script>")

    html = client.get("/search/", {"q": "zoom"}).content.decode()

    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<mark>Zoom</mark>" in html
    assert "<b>bold</b>" not in html and "<script>alert(1)" not in html


@pytest.mark.parametrize("size", [3, 60])
def test_search_queries_do_not_grow_with_content(client, django_assert_max_num_queries, size):
    for index in range(size):
        factories.CandidateFactory(full_name=f"Caucus Goer {index}")
        factories.QuoteFactory(text=f"Caucus remark {index}")
        factories.FactFactory(statement=f"Caucus fact {index}")
        factories.ContestFactFactory(statement=f"Caucus note {index}")
        factories.ContestFactory(name=f"Caucus number {index}")
        factories.JurisdictionFactory(description=f"Caucus place {index}")
        factories.SourceFactory(headline=f"Caucus report {index}")
    # The counts with the ranked page (one statement), and the page's rows of each kind.
    with django_assert_max_num_queries(8):
        response = client.get("/search/", {"q": "caucus"})
    assert response.status_code == 200
    assert len(hits(response)) == min(20, 7 * size + size)


@pytest.mark.parametrize("size", [8, 40])
def test_a_search_ranks_only_the_newest_window_of_each_kind(
    client, settings, django_assert_max_num_queries, size
):
    settings.SEARCH_RANKING_WINDOW = 5
    quotes = [factories.QuoteFactory(text=f"Reef remark {index}") for index in range(size)]
    factories.SourceFactory(headline="Reef report")

    with django_assert_max_num_queries(8) as queries:
        response = client.get("/search/", {"q": "reef"})

    # Each kind's part of the ranking statement reads at most the window and one row more.
    ranking = queries.captured_queries[0]["sql"]
    assert ranking.count("LIMIT 6") == len(search.kinds())
    newest = {str(quote) for quote in quotes[-5:]}
    assert {title for kind, title in hits(response) if kind == "Quote"} == newest
    text = visible_text(response)
    assert "Quotes (5+)" in text and "Sources (1)" in text and "Everything (6+)" in text
    assert "Results 1–6 of 6+" in text
    assert "the newest 5 matches are ranked" in text
    assert 'rel="next"' not in response.text


def test_a_kind_with_exactly_the_window_of_matches_is_counted_exactly(client, settings):
    settings.SEARCH_RANKING_WINDOW = 5
    for index in range(5):
        factories.QuoteFactory(text=f"Reef remark {index}")

    text = visible_text(client.get("/search/", {"q": "reef"}))

    assert "Quotes (5)" in text and "Everything (5)" in text
    assert "matches are ranked" not in text


def test_a_rare_misspelling_costs_two_queries_more(client, django_assert_max_num_queries):
    factories.CandidateFactory(full_name="Quorra Vantablack")
    # The counts with the page, the vocabulary, whether the corrected search finds more.
    with django_assert_max_num_queries(3):
        response = client.get("/search/", {"q": "Vantablock"})
    assert 'Did you mean <a href="/search/?q=Vantablack">' in response.text


def test_empty_query_gets_a_friendly_page(client):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert "Type a name" in visible_text(response)


def test_thousand_character_query_gets_a_friendly_page(client):
    response = client.get("/search/", {"q": "zoom " * 200})
    assert response.status_code == 200
    assert "longer than 200 characters" in visible_text(response)


def test_a_query_without_a_word_says_what_to_type(client):
    for query in ['""', "or", "- -", "&&"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert "holds no word to look for" in visible_text(response)


def test_a_query_that_only_excludes_says_to_add_a_word(client):
    response = client.get("/search/", {"q": "-Biden"})
    assert response.status_code == 200
    assert "Add a word to look for" in visible_text(response)


@pytest.mark.parametrize(
    "query", ['"unclosed', "a & b | !c", "%_\\", "x\x00y", "<script>", "-", "or", '""', "- -"]
)
def test_odd_queries_never_error(client, query):
    factories.QuoteFactory(text="Ordinary words")
    assert client.get("/search/", {"q": query}).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stored documents are PostgreSQL's")
def test_postgresql_reads_every_kind_from_its_stored_document_and_gin_index():
    from newsroom.search import kinds

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        for kind in kinds():
            table = kind.model._meta.db_table
            cursor.execute(
                f"EXPLAIN SELECT id FROM {table} WHERE search_document @@ "
                "websearch_to_tsquery('english_unaccent', 'caucus')"
            )
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert "search_document_gin" in plan, (table, plan)


def test_each_page_and_kind_of_a_search_is_a_cached_page_of_its_own(client, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    for index in range(21):
        factories.QuoteFactory(text=f"Reef remark {index}")
    factories.SourceFactory(headline="Reef report")

    # An empty search first: the page still looks for the query, its type and its page.
    client.get("/search/")
    first = client.get("/search/", {"q": "reef"})
    second = client.get("/search/", {"q": "reef", "page": 2})
    sources = client.get("/search/", {"q": "reef", "type": "source"})

    assert (first.page_cache, second.page_cache, sources.page_cache) == ("miss",) * 3
    assert "Page 2 of 2" in visible_text(second)
    assert [kind for kind, _ in hits(sources)] == ["Source"]
    cache.clear()


def test_words_written_in_bulk_or_by_an_edit_are_suggested(client):
    from candidates.models import Candidate
    from newsroom import bulk

    party = factories.PartyFactory()
    bulk.create(
        Candidate,
        [
            Candidate(
                full_name="Quorra Vantablack", slug="quorra-v", party=party, status="published"
            )
        ],
    )
    edited = factories.CandidateFactory(full_name="Ilse Tamm")
    edited.full_name = "Ilse Marrowdale"
    edited.save()

    bulk_written = client.get("/search/", {"q": "Vantablock"}).context["results"]
    renamed = client.get("/search/", {"q": "Marrowdail"}).context["results"]

    assert (bulk_written.suggestion, renamed.suggestion) == ("Vantablack", "Marrowdale")


def test_each_search_looks_for_its_own_words_at_its_own_moment(client):
    """On PostgreSQL a search's statement is built once per process and reused with the
    words and the moment of each search (newsroom.search._Template): a later search must
    find its own words, and a scheduled item once its time has come."""
    later = timezone.now() + datetime.timedelta(hours=1)
    lagoon = factories.QuoteFactory(text="Lagoon visit promised")
    mangrove = factories.QuoteFactory(text="Mangrove walk planned", publish_at=later)

    assert hits(client.get("/search/", {"q": "lagoon"})) == [("Quote", str(lagoon))]
    assert hits(client.get("/search/", {"q": "mangrove"})) == []
    with time_machine.travel(later + datetime.timedelta(minutes=1), tick=False):
        assert hits(client.get("/search/", {"q": "mangrove"})) == [("Quote", str(mangrove))]
        assert hits(client.get("/search/", {"q": "lagoon"})) == [("Quote", str(lagoon))]
