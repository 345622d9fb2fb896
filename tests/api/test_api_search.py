"""`/api/v1/search/` answers the search the site's /search/ page answers, as JSON: the same
ranked list, facets, pages and "Did you mean …?", published items only, and the API's
strict parameters.

Full-text on PostgreSQL, substrings on SQLite: every test runs on both.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.search import NO_WORD, ONLY_EXCLUDES
from newsroom import search
from results.models import ContestFact
from tests.support import factories

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
URL = "/api/v1/search/"


def get(client, query: str, status: int = 200):
    response = client.get(f"{URL}?{query}", **JSON)
    assert response.status_code == status, response.content
    return response.json()


def found(body) -> list[tuple[str, str]]:
    return [(hit["type"], hit["title"]) for hit in body["results"]]


def counts(body) -> dict[str, int]:
    return {facet["key"]: facet["count"] for facet in body["facets"]}


def test_delegates_finds_the_published_contest_fact(client, seed_newsroom):
    fact = ContestFact.objects.published().get(statement__startswith="Six delegates")

    body = get(client, "q=delegates")

    (hit,) = [hit for hit in body["results"] if hit["type"] == "contest-fact"]
    assert hit["title"] == f"About {fact.contest.name}"
    assert hit["type_label"] == "Contest fact"
    assert hit["url"] == (
        f"http://testserver{fact.contest.get_absolute_url()}#contest-facts-heading"
    )
    assert "<mark>delegates</mark>" in hit["snippet"].lower()
    assert "<mark>" not in hit["snippet_text"]
    assert "delegates" in hit["snippet_text"].lower()
    assert body["query"] == "delegates" and body["type"] is None
    assert counts(body)["contest-fact"] >= 1


def test_a_misspelled_name_gets_did_you_mean_with_its_api_url(client, seed_newsroom):
    body = get(client, "q=Plamer")

    assert body["suggestion"] == {
        "query": "Palmer",
        "url": "http://testserver/api/v1/search/?q=Palmer",
    }
    assert found(get(client, "q=Palmer"))


def test_a_word_found_is_not_corrected(client, seed_newsroom):
    assert get(client, "q=Palmer")["suggestion"] is None


def test_ranking_across_kinds_is_the_search_pages_order(client, seed_newsroom):
    page = client.get("/search/", {"q": "Palmer"})

    body = get(client, "q=Palmer")

    assert [(hit["type_label"], hit["title"], hit["url"]) for hit in body["results"]] == [
        (hit.kind, hit.title, f"http://testserver{hit.url}") for hit in page.context["hits"]
    ]
    assert [hit["snippet"] for hit in body["results"]] == [
        str(hit.snippet) for hit in page.context["hits"]
    ]
    assert found(body)[0] == ("candidate", "Jason Palmer")
    assert counts(body) == {facet.kind.key: facet.count for facet in page.context["results"].facets}


def test_a_quoted_phrase_matches_those_words_in_order(client):
    wanted = factories.QuoteFactory(text="Town halls on Zoom every week")
    factories.QuoteFactory(text="Halls of the town were full")

    body = get(client, "q=%22town+halls%22")

    assert found(body) == [("quote", str(wanted))]


def test_a_minus_sign_leaves_out_what_holds_the_word(client):
    wanted = factories.QuoteFactory(text="Caucus in Pago Pago")
    factories.QuoteFactory(text="Caucus by Zoom")

    body = get(client, "q=caucus+-zoom")

    assert found(body) == [("quote", str(wanted))]


def test_facets_count_each_kind_and_type_narrows_the_list(client):
    factories.QuoteFactory(text="Harbour remark one")
    factories.QuoteFactory(text="Harbour remark two")
    factories.SourceFactory(headline="Harbour report")

    everything = get(client, "q=harbour")
    quotes = get(client, "q=harbour&type=quote")

    assert counts(everything) == {
        "candidate": 0,
        "quote": 2,
        "fact": 0,
        "contest": 0,
        "contest-fact": 0,
        "place": 0,
        "source": 1,
    }
    assert [facet["label"] for facet in everything["facets"]] == [
        kind.label for kind in search.kinds()
    ]
    assert (everything["count"], everything["more"]) == (3, False)
    (quote_facet,) = [facet for facet in everything["facets"] if facet["key"] == "quote"]
    assert quote_facet["url"] == "http://testserver/api/v1/search/?q=harbour&type=quote"
    assert [kind for kind, _ in found(quotes)] == ["quote", "quote"]
    assert (quotes["type"], quotes["count"], counts(quotes)["source"]) == ("quote", 2, 1)


def test_a_count_past_the_ranking_window_says_there_are_more(client, settings):
    settings.SEARCH_RANKING_WINDOW = 5
    for index in range(8):
        factories.QuoteFactory(text=f"Reef remark {index}")
    factories.SourceFactory(headline="Reef report")

    body = get(client, "q=reef")

    (quotes,) = [facet for facet in body["facets"] if facet["key"] == "quote"]
    assert (quotes["count"], quotes["more"]) == (5, True)
    assert (body["count"], body["more"], body["window"]) == (6, True, 5)
    assert len(body["results"]) == 6 and body["next"] is None


def test_results_come_a_page_at_a_time_with_links(client):
    for index in range(25):
        factories.QuoteFactory(text=f"Reef remark {index}")

    first = get(client, "q=reef&type=quote")
    second = client.get(first["next"], **JSON).json()

    assert (first["page"], first["pages"], len(first["results"])) == (1, 2, 20)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/search/?q=reef&type=quote&page=2"
    assert (second["page"], len(second["results"]), second["next"]) == (2, 5, None)
    assert second["previous"] == "http://testserver/api/v1/search/?q=reef&type=quote"
    assert not set(found(first)) & set(found(second))


def test_a_page_past_the_last_is_a_404(client):
    factories.QuoteFactory(text="Reef remark")

    assert get(client, "q=reef&page=2", status=404) == {"detail": "No such page of results."}


def test_drafts_are_neither_found_nor_counted(client):
    factories.QuoteFactory(text="Quixotry visit promised")
    factories.QuoteFactory(text="Quixotry draft remark", status="draft")
    factories.CandidateFactory(full_name="Quixotry Draftperson", status="draft")
    factories.QuoteFactory(
        text="Quixotry hidden", candidate=factories.CandidateFactory(status="draft")
    )

    body = get(client, "q=quixotry")

    assert [hit["snippet_text"] for hit in body["results"]] == ["Quixotry visit promised"]
    assert counts(body) == {kind.key: int(kind.key == "quote") for kind in search.kinds()}
    assert body["count"] == 1


def test_a_word_only_drafts_hold_is_neither_found_counted_nor_suggested(client):
    factories.QuoteFactory(text="Zeppelinova remark", status="draft")
    factories.CandidateFactory(full_name="Quorra Zeppelinova", status="draft")

    exact = get(client, "q=Zeppelinova")
    misspelled = get(client, "q=Zeppelinovo")

    assert exact["results"] == [] and set(counts(exact).values()) == {0}
    assert misspelled["suggestion"] is None


def test_snippet_is_escaped_html_and_its_text_is_the_editors_words(client):
    factories.QuoteFactory(text="<b>bold</b> Zoom claim & more")

    (hit,) = get(client, "q=zoom")["results"]

    # PostgreSQL's headline drops what looks like a tag; SQLite's shows it escaped.
    assert "<b>" not in hit["snippet"]
    assert "<mark>Zoom</mark> claim &amp; more" in hit["snippet"]
    assert "Zoom claim & more" in hit["snippet_text"]
    assert "<mark>" not in hit["snippet_text"] and "&amp;" not in hit["snippet_text"]


@pytest.mark.parametrize("size", [3, 30])
def test_one_kind_costs_two_queries_at_any_size(client, django_assert_num_queries, size):
    for index in range(size):
        factories.QuoteFactory(text=f"Caucus remark {index}")
        factories.SourceFactory(headline=f"Caucus report {index}")
    # The counts with the ranked page (one statement), and the page's quotes.
    with django_assert_num_queries(2):
        body = get(client, "q=caucus&type=quote")
    assert len(body["results"]) == min(20, size)


@pytest.mark.parametrize("size", [3, 30])
def test_every_kind_costs_one_query_a_kind_on_the_page(client, size):
    for index in range(size):
        factories.CandidateFactory(full_name=f"Caucus Goer {index}")
        factories.QuoteFactory(text=f"Caucus remark {index}")
        factories.ContestFactFactory(statement=f"Caucus note {index}")
        factories.SourceFactory(headline=f"Caucus report {index}")

    with CaptureQueriesContext(connection) as queries:
        body = get(client, "q=caucus")

    kinds_on_page = {hit["type"] for hit in body["results"]}
    assert len(queries) == 1 + len(kinds_on_page)
    assert len(body["results"]) == min(20, body["count"])


def test_unchanged_search_answers_304_and_is_revalidated(client):
    factories.QuoteFactory(text="Reef remark")
    first = client.get(f"{URL}?q=reef&format=json", **JSON)

    again = client.get(f"{URL}?q=reef&format=json", HTTP_IF_NONE_MATCH=first["ETag"], **JSON)

    assert first["Cache-Control"] == "no-cache"
    assert first["Content-Type"] == "application/json"
    assert (again.status_code, again.content) == (304, b"")


KINDS = "candidate, quote, fact, contest, contest-fact, place, source"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"q": ["Required: the words to look for, e.g. q=delegates."]}),
        ("type=quote", {"q": ["Required: the words to look for, e.g. q=delegates."]}),
        ("q=", {"q": ["Empty value. Give a value, or leave the parameter out."]}),
        ("q=zoom%1E", {"q": ["Control characters are not allowed: send the words as typed."]}),
        ("q=zoom%0A", {"q": ["Control characters are not allowed: send the words as typed."]}),
        (
            "q=zoom%00",
            {
                "q": [
                    "Control characters are not allowed: send the words as typed.",
                    "Null characters are not allowed.",
                ]
            },
        ),
        (f"q={'a' * 201}", {"q": ["Ensure this value has at most 200 characters (it has 201)."]}),
        ("q=zoom&q=reef", {"q": ["Given more than once. Give it once."]}),
        ("q=zoom&type=recipes", {"type": [f"Select one of: {KINDS}."]}),
        ("q=zoom&type=Quote", {"type": [f"Select one of: {KINDS}."]}),
        (
            "q=zoom&page=0",
            {"page": ["Ensure this value is greater than or equal to 1."]},
        ),
        (
            "q=zoom&page=x",
            {
                "page": [
                    "Enter a whole number: ASCII digits, without sign, spaces or leading zeros."
                ]
            },
        ),
        (
            "q=zoom&page=%2B2",
            {
                "page": [
                    "Enter a whole number: ASCII digits, without sign, spaces or leading zeros."
                ]
            },
        ),
        ("q=zoom&format=xml", {"format": ["Select one of: json."]}),
        (
            "q=zoom&kind=quote",
            {"kind": ["Unknown query parameter. Allowed here: format, page, q, type."]},
        ),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, query, expected):
    assert get(client, query, status=400) == expected


def test_every_bad_parameter_is_named_at_once(client):
    assert set(get(client, "type=recipes&page=x&x=1", status=400)) == {"q", "type", "page", "x"}


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ('""', NO_WORD),
        ("or", NO_WORD),
        ("- -", NO_WORD),
        ("&&", NO_WORD),
        ("  ", NO_WORD),
        ("-Biden", ONLY_EXCLUDES),
    ],
)
def test_a_query_that_looks_for_nothing_finds_nothing_and_says_what_to_type(client, query, notice):
    factories.QuoteFactory(text="Biden && or remark")

    body = client.get(URL, {"q": query}, **JSON).json()

    assert body["notice"] == notice
    assert (body["results"], body["count"], body["pages"]) == ([], 0, 1)
    assert set(counts(body).values()) == {0}
    assert client.get(URL, {"q": query, "page": 2}, **JSON).status_code == 404


def test_a_search_that_looks_for_something_has_no_notice(client):
    assert get(client, "q=zoom")["notice"] is None


@pytest.mark.parametrize("query", ['"unclosed', "a & b | !c", "%_\\", "<script>", " zoom "])
def test_odd_queries_never_error(client, query):
    factories.QuoteFactory(text="Ordinary zoom words")

    assert client.get(URL, {"q": query}, **JSON).status_code == 200


def test_docs_page_lists_the_search_and_its_required_query(client):
    response = client.get("/api/v1/docs/")

    assert "GET /api/v1/search/" in response.text
    assert "<code>q</code> (required)" in response.text
