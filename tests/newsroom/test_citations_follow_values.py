"""Citations belong to a value: when a cited field changes (an import, an admin edit, a
revert, a merge, a save in the shell), the citations of the old value stop footnoting it and
stay in the item's history as support of that value; the new value is footnoted by the
source given with the change, and coming back to the old value restores its citations."""

import re
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from newsroom import cited_values
from newsroom.editorial.merging import merge
from newsroom.models import Citation
from results.models import Contest, Result
from tests.support import factories
from tests.support.admin_forms import CHANGE_NOTE, admin_url, page_data
from tests.support.reader import visible_text

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
WIRE_URL = "https://results.example.org/as-democratic-caucus"
HEADER = "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url"


@pytest.fixture
def wire(seed_newsroom):
    """The seed newsroom, and the source an import file names by its URL."""
    return factories.SourceFactory(
        url=WIRE_URL, headline="American Samoa caucus count", outlet__name="Island Wire"
    )


@pytest.fixture
def caucus(wire):
    return Contest.objects.get(slug=CAUCUS)


def biden(contest) -> Result:
    return Result.objects.get(contest=contest, candidate__slug="joe-biden")


def import_votes(tmp_path, votes: int, *, as_of="2024-03-05T22:00:00-11:00") -> str:
    """Apply a results file giving Joe Biden `votes` (Jason Palmer keeps the seed's 51)."""
    path = tmp_path / f"biden-{votes}.csv"
    rows = [
        f"{CAUCUS},jason-palmer,51,,,,{as_of},{WIRE_URL}",
        f"{CAUCUS},joe-biden,{votes},,,,{as_of},{WIRE_URL}",
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    out = StringIO()
    call_command("import_results", str(path), "--apply", stdout=out, stderr=StringIO())
    return out.getvalue()


def votes_citations(result, manager=Citation.objects):
    return manager.for_object(result).filter(field_name="votes")


def page_vote_sources(client, contest) -> list[str]:
    """The outlets footnoting Joe Biden's votes on the contest page."""
    response = client.get(contest.get_absolute_url())
    assert response.status_code == 200
    row = next(
        row
        for row in response.context["scoreboard"].rows
        if row.result.candidate.slug == "joe-biden"
    )
    return sorted(note.source.outlet.name for note in row.notes.get("votes", []))


def api_vote_sources(client, contest) -> list[str]:
    response = client.get(reverse("api:contest-detail", args=[contest.slug]))
    assert response.status_code == 200
    row = next(r for r in response.json()["results"] if "joe-biden" in str(r["candidate"]))
    return sorted(s["source"] for s in row["sources"] if s["field"] == "votes")


# Imports ------------------------------------------------------------------------------------


def test_seed_votes_are_footnoted_by_fox(client, caucus):
    assert page_vote_sources(client, caucus) == ["Fox News"]
    (fox,) = votes_citations(biden(caucus))
    assert (fox.supported_value, fox.retired_at) == ("40", None)


def test_import_39_over_fox_40_footnotes_the_file_source_not_fox(client, caucus, wire, tmp_path):
    import_votes(tmp_path, 39)

    result = biden(caucus)
    assert result.votes == 39
    assert page_vote_sources(client, caucus) == ["Island Wire"]
    assert [url.rsplit("/", 2)[-2] for url in api_vote_sources(client, caucus)] == [wire.slug]
    # Fox's passage says 40: it is kept, as the support of 40, not shown beside 39.
    fox = votes_citations(result, Citation.all_objects).get(source__outlet__name="Fox News")
    assert fox.supported_value == "40"
    assert fox.retired_at is not None
    assert fox.history.first().history_change_reason.startswith("Retired: votes changed to “39”")
    (current,) = votes_citations(result)
    assert (current.source, current.supported_value) == (wire, "39")


def test_the_page_never_shows_fox_beside_39(client, caucus, tmp_path):
    """The issue's case: the page showed "39 [1][3]", [1] being Fox, whose passage says 40."""
    import_votes(tmp_path, 39)

    response = client.get(caucus.get_absolute_url())

    markers = re.search(r"Joe Biden 39((?: \[\d+\])+) ", visible_text(response))[1]
    listed = response.context["scoreboard"].notes.sources
    outlets = [listed[int(n) - 1].outlet.name for n in re.findall(r"\d+", markers)]
    assert outlets == ["Island Wire"]


def test_the_history_page_shows_fox_as_support_of_40(admin_client_logged_in, caucus, tmp_path):
    import_votes(tmp_path, 39)
    result = biden(caucus)

    response = admin_client_logged_in.get(admin_url(Result, "history", result.pk))

    text = visible_text(response)
    assert "Sources of earlier values" in text
    assert "Fox News, para. 3" in text
    assert "supported votes “40” until" in text


def test_an_earlier_version_is_supported_by_the_sources_of_its_values(caucus, wire, tmp_path):
    before = biden(caucus).history.first().instance
    import_votes(tmp_path, 39)
    now = biden(caucus)

    def vote_sources(item):
        support = cited_values.support_of(item)
        return sorted(c.source.outlet.name for c in support if c.field_name == "votes")

    assert vote_sources(before) == ["Fox News"]
    assert vote_sources(now) == ["Island Wire"]


def test_importing_40_again_restores_fox(client, caucus, wire, tmp_path):
    import_votes(tmp_path, 39)
    import_votes(tmp_path, 40, as_of="2024-03-06T08:00:00-11:00")

    result = biden(caucus)
    assert page_vote_sources(client, caucus) == ["Fox News", "Island Wire"]
    current = {c.source.outlet.name: c.supported_value for c in votes_citations(result)}
    assert current == {"Fox News": "40", "Island Wire": "40"}
    # The wire's citation of 39 is kept beside its citation of 40: the same passage, two
    # values, one of them current.
    retired = votes_citations(result, Citation.all_objects).retired()
    assert [(c.source, c.supported_value) for c in retired] == [(wire, "39")]


def test_importing_39_again_restores_the_wire_citation_rather_than_doubling_it(
    caucus, wire, tmp_path
):
    import_votes(tmp_path, 39)
    first = votes_citations(biden(caucus)).get()
    import_votes(tmp_path, 40, as_of="2024-03-06T08:00:00-11:00")
    import_votes(tmp_path, 39, as_of="2024-03-06T09:00:00-11:00")

    assert [c.pk for c in votes_citations(biden(caucus))] == [first.pk]
    assert votes_citations(biden(caucus), Citation.all_objects).count() == 3


def test_an_import_cites_the_contest_count_it_changes(caucus, wire, tmp_path):
    import_votes(tmp_path, 39)

    caucus.refresh_from_db()
    cited = Citation.objects.for_object(caucus).filter(source=wire)
    assert set(cited.values_list("field_name", flat=True)) >= {"reporting_as_of"}
    as_of = cited.get(field_name="reporting_as_of")
    assert as_of.supported_value == "2024-03-06T09:00:00+00:00"


# The shell and the model ------------------------------------------------------------------


def test_a_save_in_the_shell_retires_and_restores(caucus):
    result = biden(caucus)

    result.votes = 39
    result.save()
    assert not votes_citations(result).exists()

    result.votes = 40
    result.save()
    (fox,) = votes_citations(result)
    assert fox.source.outlet.name == "Fox News"
    assert fox.history.first().history_change_reason == "Current again: votes is back to “40”"


def test_a_stale_copy_of_a_retired_citation_cannot_make_it_current():
    result = factories.ResultFactory(votes=51)
    citation = factories.CitationFactory(content_object=result, field_name="votes")
    result.votes = 52
    result.save()
    citation.refresh_from_db()
    assert citation.retired_at is not None

    citation.note = "Edited while retired"
    citation.save()

    citation.refresh_from_db()
    assert citation.retired_at is not None
    assert not votes_citations(result).exists()


def test_a_new_citation_supports_the_value_held_now():
    result = factories.ResultFactory(votes=51)

    citation = factories.CitationFactory(content_object=result, field_name="votes")

    assert (citation.supported_value, citation.retired_at) == ("51", None)


def test_one_passage_is_cited_once_among_current_citations():
    result = factories.ResultFactory(votes=51)
    citation = factories.CitationFactory(content_object=result, field_name="votes")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.all_objects.create(
            content_type=citation.content_type,
            object_id=result.pk,
            field_name="votes",
            source=citation.source,
        )


def test_a_differing_value_is_not_retired_by_a_change():
    contest = factories.ContestFactory(count_status=Contest.CountStatus.FINAL)
    differing = factories.CitationFactory(
        content_object=contest, field_name="count_status", value_as_reported="Still counting"
    )
    contest.count_status = Contest.CountStatus.COUNTING
    contest.save()

    differing.refresh_from_db()
    assert differing.retired_at is None


def test_whole_item_citations_are_not_followed():
    fact = factories.ContestFactFactory()
    citation = factories.CitationFactory(content_object=fact)
    fact.statement = "Another statement of the fictional contest."
    fact.save()

    citation.refresh_from_db()
    assert (citation.supported_value, citation.retired_at) == ("", None)


def test_a_partial_date_is_cited_as_precise_as_it_is_known():
    candidate = factories.CandidateFactory(
        campaign_launched_on="2023-11-01", campaign_launched_on_precision="month"
    )
    citation = factories.CitationFactory(
        content_object=candidate, field_name="campaign_launched_on"
    )
    assert citation.supported_value == "2023-11"

    candidate.campaign_launched_on_precision = "day"
    candidate.save()

    citation.refresh_from_db()
    assert citation.retired_at is not None


# The admin ----------------------------------------------------------------------------------


def result_form(client, result) -> dict:
    return page_data(client.get(admin_url(Result, "change", result.pk)))


def add_citation_row(data: dict, *, source, field: str, pinpoint="", passage="") -> dict:
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS") and "citation" in k)
    prefix = prefix.removesuffix("-TOTAL_FORMS")
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    return data | {
        f"{prefix}-TOTAL_FORMS": str(index + 1),
        f"{prefix}-{index}-source": str(source.pk),
        f"{prefix}-{index}-field_name": field,
        f"{prefix}-{index}-pinpoint": pinpoint,
        f"{prefix}-{index}-quoted_passage": passage,
    }


def test_an_admin_edit_with_a_new_citation_footnotes_the_new_value(
    admin_client_logged_in, client, caucus, wire
):
    result = biden(caucus)
    data = result_form(admin_client_logged_in, result) | CHANGE_NOTE | {"votes": "39"}
    data = add_citation_row(data, source=wire, field="votes", pinpoint="row 2", passage="39")

    response = admin_client_logged_in.post(admin_url(Result, "change", result.pk), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert page_vote_sources(client, caucus) == ["Island Wire"]
    (current,) = votes_citations(biden(caucus))
    assert (current.source, current.supported_value) == (wire, "39")
    assert votes_citations(result, Citation.all_objects).retired().get().supported_value == "40"


def test_an_admin_edit_without_a_citation_warns_and_leaves_the_value_uncited(
    admin_client_logged_in, client, caucus
):
    result = biden(caucus)
    data = result_form(admin_client_logged_in, result) | CHANGE_NOTE | {"votes": "39"}

    response = admin_client_logged_in.post(
        admin_url(Result, "change", result.pk), data, follow=True
    )

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("no source for votes" in m and "cite a source" in m for m in messages), messages
    assert page_vote_sources(client, caucus) == []


def test_editing_the_old_value_citation_in_the_same_save_keeps_it_retired(
    admin_client_logged_in, caucus, wire
):
    """The item's save retires Fox's row before the inline writes the editor's change to
    it: the change applies to the retired row, and is no conflict with another editor."""
    result = biden(caucus)
    data = result_form(admin_client_logged_in, result) | CHANGE_NOTE | {"votes": "39"}
    data = add_citation_row(data, source=wire, field="votes", pinpoint="row 2", passage="39")
    row = next(k for k, v in data.items() if k.endswith("-field_name") and v == "votes")
    data[row.replace("-field_name", "-note")] = "The party's count on caucus night"

    response = admin_client_logged_in.post(admin_url(Result, "change", result.pk), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert biden(caucus).votes == 39
    fox = votes_citations(result, Citation.all_objects).get(source__outlet__name="Fox News")
    assert fox.note == "The party's count on caucus night"
    assert (fox.supported_value, fox.retired_at is not None) == ("40", True)
    assert [c.source for c in votes_citations(result)] == [wire]


def test_a_contest_edit_cites_the_value_it_saves(admin_client_logged_in, caucus, wire):
    """The contest admin writes its rows before the contest: a new citation still supports
    the value the same save gives the field."""
    url = admin_url(Contest, "change", caucus.pk)
    data = page_data(admin_client_logged_in.get(url)) | CHANGE_NOTE | {"reporting_percent": "100"}
    data = add_citation_row(data, source=wire, field="reporting_percent", pinpoint="row 1")

    response = admin_client_logged_in.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    cited = Citation.objects.for_object(caucus).get(field_name="reporting_percent", source=wire)
    assert (cited.supported_value, cited.retired_at) == ("100", None)


# Revert -------------------------------------------------------------------------------------


def test_a_revert_restores_the_citations_of_the_value_it_brings_back(
    admin_client_logged_in, client, caucus, tmp_path
):
    result = biden(caucus)
    before = result.history.first()
    import_votes(tmp_path, 39)
    assert page_vote_sources(client, caucus) == ["Island Wire"]
    url = reverse("admin:results_result_simple_history", args=[result.pk, before.history_id])
    form = admin_client_logged_in.get(url).context["form"]

    response = admin_client_logged_in.post(
        url, {"edit_version": form["edit_version"].value(), "change_comment": "", **CHANGE_NOTE}
    )

    assert response.status_code == 302
    assert biden(caucus).votes == 40
    assert page_vote_sources(client, caucus) == ["Fox News"]


# Merge --------------------------------------------------------------------------------------


def test_a_merge_keeps_the_survivor_values_citations_and_retires_the_duplicates():
    fox = factories.SourceFactory(outlet__name="Harbour Post")
    blue = factories.PartyFactory(name="Blue Party", slug="blue")
    red = factories.PartyFactory(name="Red Party", slug="red")
    keep = factories.CandidateFactory(slug="kept", party=blue, hometown="Harbour Town")
    drop = factories.CandidateFactory(slug="dropped", party=red, hometown="Harbour Town")
    kept = factories.CitationFactory(
        content_object=keep, field_name="party", source=fox, pinpoint="para. 1"
    )
    # The same passage cited for another value: it must not clash with the survivor's.
    other = factories.CitationFactory(
        content_object=drop, field_name="party", source=fox, pinpoint="para. 1"
    )
    same = factories.CitationFactory(
        content_object=drop, field_name="hometown", source=fox, pinpoint="para. 2"
    )

    merge(drop, into=keep, note="One person", despite_differences=True)

    party = Citation.objects.for_object(keep).filter(field_name="party")
    assert list(party) == [kept]
    moved = Citation.all_objects.get(pk=other.pk)
    assert (moved.object_id, moved.supported_value) == (keep.pk, str(red.pk))
    assert moved.retired_at is not None
    assert moved.supported_value_display == "Red Party"
    # A citation of a value both hold moves and stays current.
    assert Citation.objects.get(pk=same.pk).object_id == keep.pk


def test_content_types_of_retired_citations_stay_what_they_cite(caucus, tmp_path):
    import_votes(tmp_path, 39)
    retired = Citation.all_objects.retired()
    assert retired.exists()
    assert set(retired.values_list("content_type", flat=True)) <= {
        ContentType.objects.get_for_model(Result).pk,
        ContentType.objects.get_for_model(Contest).pk,
    }
