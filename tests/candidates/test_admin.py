"""Editing candidates and their quotes through the admin."""

import pytest

from candidates.models import Candidate, Quote
from tests.support import factories
from tests.support.admin_forms import admin_url, inline_formset, page_data

pytestmark = pytest.mark.django_db


def add_quote(client, **values):
    data = page_data(client.get(admin_url(Quote, "add")))
    data.update({name: str(value) for name, value in values.items()})
    return client.post(admin_url(Quote, "add"), data)


def test_an_empty_quote_is_an_error_on_its_text(admin_client_logged_in):
    candidate = factories.CandidateFactory()

    response = add_quote(
        admin_client_logged_in, candidate=candidate.pk, speaker_name="Jason Palmer", text=""
    )

    assert response.status_code == 200
    assert "This field is required." in response.context["adminform"].form.errors["text"]
    assert Quote.objects.count() == 0


def test_a_whitespace_only_quote_is_an_error_on_its_text(admin_client_logged_in):
    candidate = factories.CandidateFactory()

    response = add_quote(
        admin_client_logged_in, candidate=candidate.pk, speaker_name="Jason Palmer", text="  \n "
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"]
    assert Quote.objects.count() == 0


def test_a_whitespace_only_quote_in_the_candidate_inline_is_an_error_on_its_text(
    admin_client_logged_in,
):
    quote = factories.QuoteFactory()
    url = admin_url(Candidate, "change", quote.candidate.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, data | {"quotes-0-text": "   "})

    assert response.status_code == 200
    assert inline_formset(response, Quote).errors[0]["text"]
    quote.refresh_from_db()
    assert quote.text.startswith("We will win")


def test_an_age_without_its_date_is_an_error_on_the_date(admin_client_logged_in):
    candidate = factories.CandidateFactory()
    url = admin_url(Candidate, "change", candidate.pk)
    data = page_data(admin_client_logged_in.get(url))

    response = admin_client_logged_in.post(url, data | {"age": "52"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["age_as_of"] == [
        "Give the date the age was reported for."
    ]
    candidate.refresh_from_db()
    assert candidate.age is None


def test_the_candidate_page_lists_their_quotes_with_a_link_to_each(admin_client_logged_in):
    quote = factories.QuoteFactory(text="Honored to announce my victory.")

    response = admin_client_logged_in.get(admin_url(Candidate, "change", quote.candidate.pk))

    assert "Honored to announce my victory." in response.text
    assert admin_url(Quote, "change", quote.pk) in response.text


def test_a_citation_added_under_a_quote_is_saved_against_it(admin_client_logged_in):
    quote = factories.QuoteFactory()
    source = factories.SourceFactory()
    url = admin_url(Quote, "change", quote.pk)
    data = page_data(admin_client_logged_in.get(url))
    prefix = inline_formset(admin_client_logged_in.get(url), quote.citations.model).prefix
    data |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-source": str(source.pk),
        f"{prefix}-0-pinpoint": "para. 7",
        "change_source": "https://example.org/article",
    }

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302
    assert [(c.source, c.pinpoint) for c in quote.citations.all()] == [(source, "para. 7")]


def test_quote_changelist_search_and_status_filter_narrow_the_list(admin_client_logged_in):
    factories.QuoteFactory(text="Honored to announce my victory.", status="draft")
    factories.QuoteFactory(text="Honored to serve.", status="published")
    factories.QuoteFactory(text="Something else.", status="draft")

    response = admin_client_logged_in.get(
        admin_url(Quote, "changelist"), {"q": "honored", "status__exact": "draft"}
    )

    assert [quote.text for quote in response.context["cl"].result_list] == [
        "Honored to announce my victory."
    ]


def test_unpublish_action_unpublishes_the_selected_quotes(admin_client_logged_in):
    chosen, other = factories.QuoteFactory(), factories.QuoteFactory()

    admin_client_logged_in.post(
        admin_url(Quote, "changelist"),
        {"action": "unpublish", "_selected_action": [chosen.pk]},
    )

    assert list(Quote.objects.filter(status="unpublished")) == [chosen]
    assert chosen.history.count() == 2
    assert other.history.count() == 1


@pytest.mark.parametrize("quotes", [2, 32])
def test_quote_changelist_queries_do_not_grow_with_the_rows(
    admin_client_logged_in, django_assert_max_num_queries, quotes
):
    for _ in range(quotes):
        factories.QuoteFactory(candidate=factories.CandidateFactory())

    with django_assert_max_num_queries(QUOTE_CHANGELIST_QUERIES):
        response = admin_client_logged_in.get(admin_url(Quote, "changelist"))

    assert response.context["cl"].result_count == quotes


#: Session, user, the party, candidate and outlet filters, two counts, the page of quotes
#: with their candidates, and the date hierarchy's two.
QUOTE_CHANGELIST_QUERIES = 10
