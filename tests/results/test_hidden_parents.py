"""A published contest is never put under a place readers cannot see, and never names a
candidate readers cannot see: refused at the field, through the admin and the import."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from candidates.models import Quote
from newsroom.editorial import roles
from newsroom.editorial.publishing import Status
from results.models import Contest, Result, Snapshot
from tests.support import factories
from tests.support.admin_forms import (
    CHANGE_NOTE,
    add_inline_row,
    admin_url,
    inline_formset,
    page_data,
)
from tests.support.editors import cited, client_for, messages_of, run_action

pytestmark = pytest.mark.django_db

CAUCUS = "2024-american-samoa-democratic-caucuses"
CAUCUS_PAGE = f"/contests/{CAUCUS}/"
CAUCUS_API = f"/api/v1/contests/{CAUCUS}/"
WIRE_URL = "https://results.example.org/as-democratic-caucus"
HOPEFUL = "Fictional Draft Hopeful"


@pytest.fixture
def caucus(seed_newsroom):
    return Contest.objects.get(slug=CAUCUS)


def post_contest(client, contest, **changes):
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(client.get(url)) | CHANGE_NOTE
    return client.post(url, data | {name: str(value) for name, value in changes.items()})


def test_clerk_may_not_move_a_published_contest_under_a_draft_place(clerk, client, caucus):
    hidden_place = factories.JurisdictionFactory(status=Status.DRAFT, name="Fictional Atoll")

    response = post_contest(clerk, caucus, jurisdiction=hidden_place.pk)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["jurisdiction"] == [
        "The jurisdiction “Fictional Atoll” is draft, and this contest is public. "
        "Choose a public jurisdiction, or have an editor publish “Fictional Atoll” first."
    ]
    assert Contest.objects.get(pk=caucus.pk).jurisdiction.slug == "american-samoa"
    assert client.get(CAUCUS_PAGE).status_code == 200


def test_published_contest_may_move_to_another_public_place(clerk, caucus):
    public_place = factories.JurisdictionFactory(name="Fictional Atoll")

    response = post_contest(clerk, caucus, jurisdiction=public_place.pk)

    assert response.status_code == 302
    assert Contest.objects.get(pk=caucus.pk).jurisdiction == public_place


def test_clerk_may_not_add_a_draft_candidates_result_to_a_public_contest(clerk, client, caucus):
    hopeful = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    url = admin_url(Contest, "change", caucus.pk)
    data = page_data(clerk.get(url)) | CHANGE_NOTE
    add_inline_row(data, "results", candidate=hopeful.pk, position=9)

    response = clerk.post(url, data)

    assert response.status_code == 200
    [row_errors] = [errors for errors in inline_formset(response, Result).errors if errors]
    assert row_errors["candidate"] == [
        f"The candidate “{HOPEFUL}” is draft, and this result is public. "
        f"Choose a public candidate, or have an editor publish “{HOPEFUL}” first."
    ]
    assert not Result.objects.filter(candidate=hopeful).exists()
    assert HOPEFUL not in client.get(CAUCUS_PAGE).text
    assert HOPEFUL not in client.get(CAUCUS_API).text


def test_result_page_refuses_a_draft_candidate_in_a_public_contest(clerk, caucus):
    hopeful = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    data = page_data(clerk.get(admin_url(Result, "add")))
    data.update({"contest": caucus.pk, "candidate": hopeful.pk, "position": 9})

    response = clerk.post(admin_url(Result, "add"), data)

    assert response.status_code == 200
    assert "candidate" in response.context["adminform"].form.errors
    assert not Result.objects.filter(candidate=hopeful).exists()


def test_draft_candidates_result_may_go_in_a_draft_contest(clerk):
    contest = factories.ContestFactory(status=Status.DRAFT)
    hopeful = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    url = admin_url(Contest, "change", contest.pk)
    data = page_data(clerk.get(url)) | {"change_comment": "Added from the count sheet"}
    add_inline_row(data, "results", candidate=hopeful.pk, position=1)

    response = clerk.post(url, data)
    assert response.status_code == 302
    assert Result.objects.filter(contest=contest, candidate=hopeful).exists()


def test_import_refuses_a_new_result_of_a_draft_candidate_in_a_public_contest(tmp_path, caucus):
    factories.SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")
    factories.CandidateFactory(
        status=Status.DRAFT, slug="fictional-draft-hopeful", full_name=HOPEFUL
    )
    file = tmp_path / "hopeful.csv"
    file.write_text(
        "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url\n"
        f"{CAUCUS},fictional-draft-hopeful,0,,,100,2024-03-05T22:00:00-11:00,{WIRE_URL}\n",
        encoding="utf-8",
    )
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_results", str(file), stdout=StringIO(), stderr=err)

    assert "row 2, column candidate: The candidate “Fictional Draft Hopeful” is draft" in (
        err.getvalue()
    )
    assert not Result.objects.filter(candidate__slug="fictional-draft-hopeful").exists()


def test_editor_may_not_move_a_published_quote_to_a_draft_candidate(django_user_model):
    editor = client_for(django_user_model, roles.EDITOR)
    quote = factories.QuoteFactory()
    draft = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    url = admin_url(Quote, "change", quote.pk)
    data = page_data(editor.get(url)) | CHANGE_NOTE

    response = editor.post(url, data | {"candidate": str(draft.pk)})

    assert response.status_code == 200
    assert "is draft, and this quote is public" in str(
        response.context["adminform"].form.errors["candidate"]
    )
    assert Quote.objects.get(pk=quote.pk).candidate == quote.candidate


def test_editor_may_not_publish_a_contest_naming_a_draft_candidate(django_user_model):
    editor = client_for(django_user_model, roles.EDITOR)
    contest = cited(factories.ContestFactory(status=Status.IN_REVIEW))
    hopeful = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    factories.ResultFactory(contest=contest, candidate=hopeful)

    response = run_action(editor, Contest, "publish", [contest])

    assert Contest.objects.get(pk=contest.pk).status == Status.IN_REVIEW
    assert f"has results of candidates who are not published (“{HOPEFUL}”)" in " ".join(
        messages_of(response)
    )


def test_clerk_may_not_move_an_update_naming_a_draft_candidate_into_a_public_contest(clerk):
    update = factories.SnapshotFactory(contest=factories.ContestFactory(status=Status.DRAFT))
    hopeful = factories.CandidateFactory(status=Status.DRAFT, full_name=HOPEFUL)
    factories.SnapshotEntryFactory(snapshot=update, candidate=hopeful, votes=3)
    public = factories.ContestFactory()
    url = admin_url(Snapshot, "change", update.pk)
    data = page_data(clerk.get(url))

    response = clerk.post(url, data | {"contest": str(public.pk)})

    assert response.status_code == 200
    assert f"not published (“{HOPEFUL}”)" in str(
        response.context["adminform"].form.errors["contest"]
    )
    assert Snapshot.objects.get(pk=update.pk).contest != public
