"""The provenance checks (newsroom.provenance): each check's pass and fail, publishing
refused with the reason, an editor's written override, and the seed newsroom passing."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from candidates.models import Candidate, Quote
from newsroom import provenance
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, Source
from results.models import Contest, Result
from tests.support import factories, seed_articles
from tests.support.admin_forms import CHANGE_NOTE, inline_formset
from tests.support.editors import open_change_form, save

pytestmark = pytest.mark.django_db

ARTICLE = """Caucus night report

The count ended after midnight.

“We counted every ballot twice,” the chair said. “It took all night.”

Out of 91 ballots cast, Palmer won fifty-one and Biden won 40, a 56% share for Palmer.

He has loaned himself $500,000 for his campaign."""


def source_on_file(**fields):
    return factories.SourceFactory(
        headline="Caucus night report",
        article_text=ARTICLE,
        outlet=factories.OutletFactory(name="Daily Ledger"),
        **fields,
    )


def messages(findings):
    return [finding.message for finding in findings]


# The passage check.


def test_a_passage_in_the_pinpointed_paragraph_passes():
    quote = factories.QuoteFactory(text="We counted every ballot twice.")
    citation = factories.CitationFactory(
        content_object=quote,
        source=source_on_file(),
        pinpoint="para. 2",
        quoted_passage='"We counted every ballot twice," the chair said.',
    )

    assert provenance.check_citation(citation) == []


def test_a_passage_not_in_the_pinpointed_paragraph_fails_with_the_paragraph_named():
    quote = factories.QuoteFactory(text="We counted every ballot twice.")
    citation = factories.CitationFactory(
        content_object=quote,
        source=source_on_file(),
        pinpoint="para. 3",
        quoted_passage="“We counted every ballot twice,” the chair said.",
    )

    assert messages(provenance.check_citation(citation)) == [
        "Daily Ledger para. 3 does not contain these words"
    ]


def test_a_pinpoint_past_the_end_of_the_text_fails():
    citation = factories.CitationFactory(
        content_object=factories.QuoteFactory(),
        source=source_on_file(),
        pinpoint="para. 12",
        quoted_passage="the chair said",
    )

    assert messages(provenance.check_citation(citation)) == [
        "Daily Ledger para. 12 is past the end of the text on file (4 paragraphs)"
    ]


def test_without_the_text_on_file_the_passage_is_not_checked():
    citation = factories.CitationFactory(
        content_object=factories.QuoteFactory(text="Anything at all"),
        source=factories.SourceFactory(),
        pinpoint="para. 3",
        quoted_passage="Anything at all",
    )

    assert provenance.check_citation(citation) == []


# The quote check.


@pytest.mark.parametrize(
    "text",
    [
        "We counted every ballot twice.",
        "We counted every ballot twice … It took all night.",
        "We counted every ballot twice... It took all night",
        "We counted   every\nballot twice",
    ],
)
def test_a_verbatim_quote_in_its_cited_paragraph_passes(text):
    assert provenance.quote_found(text, ARTICLE.split("\n\n")[2])


@pytest.mark.parametrize(
    "text",
    [
        "We counted every ballot three times.",
        "It took all night … We counted every ballot twice.",
        "We counted every vote twice",
    ],
)
def test_a_quote_not_in_its_passage_fails(text):
    assert not provenance.quote_found(text, ARTICLE.split("\n\n")[2])


def test_a_fragment_must_be_found_as_it_is():
    passage = ARTICLE.split("\n\n")[2]

    assert provenance.quote_found("every ballot twice", passage, fragment=True)
    assert not provenance.quote_found("We counted … all night", passage, fragment=True)


def test_a_quote_checked_against_the_pinpointed_paragraph_when_no_passage_is_quoted():
    source = source_on_file()
    quote = factories.QuoteFactory(text="We will win every precinct.", status=Status.IN_REVIEW)
    factories.CitationFactory(content_object=quote, source=source, pinpoint="para. 2")

    assert messages(provenance.check_item(quote)) == [
        "Daily Ledger para. 2: no cited passage contains this quote word for word"
    ]
    quote.text = "It took all night."
    assert provenance.check_item(quote) == []


# The number check.


@pytest.mark.parametrize(
    ("value", "passage"),
    [
        (51, "Palmer won fifty-one and Biden won 40"),
        (40, "Palmer won fifty-one and Biden won 40"),
        (91, "Out of 91 ballots cast"),
        (Decimal("56.00"), "a 56% share for Palmer"),
        (Decimal("56"), "56 percent of the vote"),
        (500000, "He has loaned himself $500,000 for his campaign."),
        (1500000, "a $1.5 million loan"),
        (6, "Six delegates were at stake"),
        (25, "twenty-five years of experience"),
        (205, "two hundred and five votes"),
    ],
)
def test_a_number_written_in_its_passage_passes(value, passage):
    assert provenance.number_found(value, passage)


@pytest.mark.parametrize(
    ("value", "passage"),
    [
        (39, "Palmer won fifty-one and Biden won 40"),
        (11, "five and six"),
        (Decimal("56.5"), "a 56% share"),
        (500, "$500,000"),
    ],
)
def test_a_number_not_written_in_its_passage_fails(value, passage):
    assert not provenance.number_found(value, passage)


def cited_result(votes, **citation):
    result = factories.ResultFactory(votes=votes)
    return result, factories.CitationFactory(
        content_object=result, source=source_on_file(), field_name="votes", **citation
    )


def test_a_cited_figure_its_passage_does_not_give_fails():
    _, citation = cited_result(
        39, pinpoint="para. 3", quoted_passage="Palmer won fifty-one and Biden won 40"
    )

    assert messages(provenance.check_citation(citation)) == [
        "Daily Ledger para. 3: votes 39 is not written in its passage; quote the words that "
        "give it, or say how it was derived"
    ]


def test_a_cited_figure_is_looked_for_in_the_pinpointed_paragraph_without_a_passage():
    _, citation = cited_result(40, pinpoint="para. 3")

    assert provenance.check_citation(citation) == []


def test_a_derived_figure_passes_when_the_citation_says_how():
    _, citation = cited_result(
        49,
        pinpoint="para. 3",
        quoted_passage="Out of 91 ballots cast",
        derivation="computed from 51 of 91 (91 − 51 + 9 spoiled)",
    )

    assert provenance.check_citation(citation) == []


# Publishing, and the editor's override.


@pytest.fixture
def invented_quote(seed_newsroom):
    """A reporter's invented quote, cited to CNN para. 6, waiting for review."""
    seed_articles.put_on_file()
    quote = Quote.objects.create(
        candidate=Candidate.objects.get(slug="jason-palmer"),
        speaker_name="Jason Palmer",
        text="I will win every state in November",
        venue=Quote.Venue.INTERVIEW,
        status=Status.IN_REVIEW,
    )
    Citation.objects.create(
        content_type=ContentType.objects.get_for_model(Quote),
        object_id=quote.pk,
        source=Source.objects.get(slug="cnn-who-is-jason-palmer"),
        pinpoint="para. 6",
        quoted_passage="I will win every state in November",
    )
    return quote


def test_an_invented_quote_cited_to_cnn_is_refused_at_publish_with_the_reason(
    editor, invented_quote
):
    _, data = open_change_form(editor, invented_quote)
    data["status"] = Status.PUBLISHED

    response = save(editor, invented_quote, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"] == [
        "This quote fails its source checks: CNN para. 6 does not contain these words."
    ]
    assert Quote.objects.get(pk=invented_quote.pk).status == Status.IN_REVIEW


def test_the_change_form_shows_each_citations_check(editor, invented_quote):
    response, _ = open_change_form(editor, invented_quote)

    assert "fails: CNN para. 6 does not contain these words" in response.text


def test_an_editor_overrides_with_a_written_reason_and_the_reason_is_kept(editor, invented_quote):
    reason = "Said on air to CNN after the article; transcript on the desk drive."
    _, data = open_change_form(editor, invented_quote)
    prefix = inline_formset(open_change_form(editor, invented_quote)[0], Citation).prefix
    data[f"{prefix}-0-check_override_reason"] = reason
    assert save(editor, invented_quote, data).status_code == 302

    _, data = open_change_form(editor, invented_quote)
    data["status"] = Status.PUBLISHED
    response = save(editor, invented_quote, data)

    assert response.status_code == 302
    assert Quote.objects.get(pk=invented_quote.pk).status == Status.PUBLISHED
    citation = Citation.objects.get(object_id=invented_quote.pk, pinpoint="para. 6")
    assert citation.check_override_reason == reason
    assert citation.check_overridden_by == editor.user
    assert citation.check_overridden_at is not None
    page, _ = open_change_form(editor, invented_quote)
    assert f"(overridden: {reason})" in page.text


def test_a_reporter_cannot_write_an_override(reporter, invented_quote):
    invented_quote.status = Status.DRAFT
    invented_quote.save()
    response, data = open_change_form(reporter, invented_quote)
    prefix = inline_formset(response, Citation).prefix
    data[f"{prefix}-0-check_override_reason"] = "Trust me."

    response = save(reporter, invented_quote, data)

    assert response.status_code == 200
    assert "Only editors can override a failed check." in response.text
    assert Citation.objects.get(object_id=invented_quote.pk).check_override_reason == ""


def test_a_failing_citation_of_a_published_item_is_refused_at_its_field(editor, seed_newsroom):
    seed_articles.put_on_file()
    quote = Quote.objects.published().filter(text__startswith="I found out").get()
    response, data = open_change_form(editor, quote)
    prefix = inline_formset(response, Citation).prefix
    data[f"{prefix}-0-pinpoint"] = "para. 8"
    data |= CHANGE_NOTE

    response = save(editor, quote, data)

    assert response.status_code == 200
    assert "Fox News para. 8 does not contain these words. Correct the citation" in response.text
    assert Citation.objects.filter(object_id=quote.pk, pinpoint="para. 9").exists()


# The seed newsroom.


def test_every_seed_citation_and_quote_passes_with_the_articles_on_file(seed_newsroom):
    seed_articles.put_on_file()
    failing = []
    for model in (Quote, Candidate, Contest, Result, *_other_cited_models()):
        for item in model.objects.all():
            failing += [(str(item), f.message) for f in provenance.check_item(item)]

    assert failing == []


def _other_cited_models():
    return {
        citation.content_type.model_class()
        for citation in Citation.objects.select_related("content_type")
    }


def test_a_quote_the_article_splits_around_he_said_is_found_whole():
    passage = "“You can’t go home,” he said. “But you can call.”"

    assert provenance.quote_found("You can’t go home. But you can call.", passage)


def test_a_published_quotes_words_changed_away_from_its_passage_are_refused_on_save(
    editor, seed_newsroom
):
    quote = Quote.objects.published().filter(text__startswith="I found out").get()
    _, data = open_change_form(editor, quote)
    data["text"] = "I found out that I had won the whole country"
    data |= CHANGE_NOTE

    response = save(editor, quote, data)

    assert response.status_code == 200
    assert "no cited passage contains this quote word for word" in response.text
    assert Quote.objects.get(pk=quote.pk).text.startswith("I found out that I had won because")
