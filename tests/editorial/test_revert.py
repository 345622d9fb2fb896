"""Reverting to an earlier version in the admin: itself a recorded change ("Reverted to
version N"), only with the revert permission, refused from a stale page, and held to the
same source and correction rules as any edit of a public item."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from newsroom.editorial.publishing import Status
from newsroom.editorial.records import Correction
from newsroom.editorial.removals import delete_published
from tests.support import factories
from tests.support.editors import open_change_form, save

pytestmark = pytest.mark.django_db


def version_url(item, record) -> str:
    opts = item._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[item.pk, record.history_id],
    )


def edited(item, **changes):
    """Save `item` with changes, as an earlier editor did; returns its new history record."""
    for name, value in changes.items():
        setattr(item, name, value)
    item._change_reason = "Earlier edit"
    item.save()
    return item.history.first()


def open_revert(client, item, record):
    """GET the version's page; returns (response, the POST data its revert form sends)."""
    response = client.get(version_url(item, record))
    assert response.status_code == 200
    form = response.context["form"]
    data = {"edit_version": form["edit_version"].value(), "change_comment": ""}
    return response, data


@pytest.fixture
def candidate():
    candidate = factories.CandidateFactory(
        occupation="Investor", hometown="Baltimore", status=Status.DRAFT
    )
    edited(candidate, occupation="Entrepreneur", hometown="Maryland")
    return candidate


def first_version(item):
    return item.history.order_by("history_date", "history_id").first()


def test_version_page_shows_what_reverting_would_change(alice, candidate):
    response, _ = open_revert(alice, candidate, first_version(candidate))

    assert response.context["changes"] == [
        ("Hometown", "Maryland", "Baltimore"),
        ("Occupation", "Entrepreneur", "Investor"),
    ]
    assert "Revert to version 1" in response.content.decode()


def test_revert_restores_the_version_and_is_recorded_as_a_new_version(alice, candidate):
    _, data = open_revert(alice, candidate, first_version(candidate))
    data["change_comment"] = "Wrong person's bio"

    response = alice.post(version_url(candidate, first_version(candidate)), data)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.hometown) == ("Investor", "Baltimore")
    assert candidate.version == 3
    latest = candidate.history.first()
    assert latest.history_change_reason == "Reverted to version 1: Wrong person's bio"
    assert latest.history_user == alice.user
    assert latest.history_type == "~"
    assert candidate.history.count() == 3


def test_revert_without_a_comment_says_which_version(alice, candidate):
    _, data = open_revert(alice, candidate, first_version(candidate))

    alice.post(version_url(candidate, first_version(candidate)), data)

    assert candidate.history.first().history_change_reason == "Reverted to version 1"


def test_revert_values_come_from_the_history_not_the_request(alice, candidate):
    _, data = open_revert(alice, candidate, first_version(candidate))
    data["occupation"] = "Smuggled in"

    alice.post(version_url(candidate, first_version(candidate)), data)

    candidate.refresh_from_db()
    assert candidate.occupation == "Investor"


def test_stale_revert_is_refused_and_keeps_the_newer_edit(alice, bob, candidate):
    _, revert_data = open_revert(alice, candidate, first_version(candidate))
    _, bob_data = open_change_form(bob, candidate)
    bob_data["occupation"] = "Venture capitalist"
    assert save(bob, candidate, bob_data).status_code == 302

    response = alice.post(version_url(candidate, first_version(candidate)), revert_data)

    assert response.status_code == 200
    errors = " ".join(response.context["form_errors"])
    assert "Bob Baker" in errors
    assert "Entrepreneur → Venture capitalist" in errors
    candidate.refresh_from_db()
    assert candidate.occupation == "Venture capitalist"
    assert not candidate.history.filter(history_change_reason__startswith="Reverted").exists()


@pytest.fixture
def reporter(django_user_model):
    """Staff who may change candidates but holds no revert permission."""
    user = django_user_model.objects.create_user("rita", password="correct horse 42")
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="candidates",
            codename__in=["view_candidate", "change_candidate"],
        )
    )
    client = Client()
    client.force_login(user)
    return client


def test_revert_needs_the_revert_permission(alice, reporter, candidate):
    _, data = open_revert(alice, candidate, first_version(candidate))

    response = reporter.post(version_url(candidate, first_version(candidate)), data)

    assert response.status_code == 403
    candidate.refresh_from_db()
    assert candidate.occupation == "Entrepreneur"


def test_without_the_revert_permission_the_version_shows_but_no_revert_button(reporter, candidate):
    response = reporter.get(version_url(candidate, first_version(candidate)))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Investor" in page
    assert "Revert to version" not in page


def test_holding_the_revert_permission_lets_staff_revert(reporter, candidate):
    user = reporter.get(reverse("admin:index")).context["user"]
    user.user_permissions.add(Permission.objects.get(codename="revert_content"))
    _, data = open_revert(reporter, candidate, first_version(candidate))

    response = reporter.post(version_url(candidate, first_version(candidate)), data)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.occupation == "Investor"


def test_reverting_a_public_item_needs_a_source(alice):
    candidate = factories.CandidateFactory(occupation="Investor", status=Status.PUBLISHED)
    edited(candidate, occupation="Entrepreneur")
    _, data = open_revert(alice, candidate, first_version(candidate))

    refused = alice.post(version_url(candidate, first_version(candidate)), data)
    data["change_source"] = "https://example.org/correction"
    accepted = alice.post(version_url(candidate, first_version(candidate)), data)

    assert refused.status_code == 200
    assert refused.context["form"].errors["change_source"]
    assert accepted.status_code == 302
    latest = candidate.history.first()
    assert latest.history_change_source == "https://example.org/correction"
    assert latest.occupation == "Investor"


def test_reverting_a_published_quote_needs_a_public_correction(alice):
    quote = factories.QuoteFactory(text="We will win.", status=Status.PUBLISHED)
    edited(quote, text="We will win big.")
    _, data = open_revert(alice, quote, first_version(quote))
    data["change_source"] = "Recording of the speech"

    refused = alice.post(version_url(quote, first_version(quote)), data)
    data |= {"correction_kind": "correction", "correction_note": "The quote was misheard."}
    accepted = alice.post(version_url(quote, first_version(quote)), data)

    assert refused.status_code == 200
    assert refused.context["form"].errors["correction_kind"]
    assert accepted.status_code == 302
    quote.refresh_from_db()
    assert quote.text == "We will win."
    [correction] = Correction.objects.filter(object_id=quote.pk)
    assert correction.note == "The quote was misheard."
    assert correction.changes["text"]["from"] == "We will win big."


def test_revert_keeps_the_current_publication_status(alice):
    candidate = factories.CandidateFactory(occupation="Investor", status=Status.DRAFT)
    edited(candidate, occupation="Entrepreneur", status=Status.PUBLISHED)
    _, data = open_revert(alice, candidate, first_version(candidate))
    data["change_source"] = "Our own records"

    response = alice.post(version_url(candidate, first_version(candidate)), data)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.occupation == "Investor"
    assert candidate.status == Status.PUBLISHED


def test_reverting_published_numbers_needs_a_public_update(alice):
    result = factories.ResultFactory(votes=40)
    edited(result, votes=51)
    _, data = open_revert(alice, result, first_version(result))
    data["change_source"] = "County clerk's certified count"

    refused = alice.post(version_url(result, first_version(result)), data)
    data |= {"correction_kind": "update", "correction_note": "The certified count is 40."}
    accepted = alice.post(version_url(result, first_version(result)), data)

    [reason] = refused.context["form"].errors["correction_kind"]
    assert "Published numbers changed" in reason
    assert accepted.status_code == 302
    result.refresh_from_db()
    assert result.votes == 40
    assert Correction.objects.get(object_id=result.pk).kind == "update"


def test_version_of_a_deleted_item_shows_without_a_revert_form(alice, candidate):
    url = version_url(candidate, first_version(candidate))
    delete_published(candidate, note="Duplicate profile removed.")

    response = alice.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "This item was deleted" in page
    assert "Revert to version" not in page
    assert alice.post(url, {}).status_code == 403


DRAFTABLE = [
    (factories.CandidateFactory, "hometown", "Baltimore", "Maryland"),
    (factories.CareerEntryFactory, "role", "Partner", "Founder"),
    (factories.PlatformPositionFactory, "summary", "Lower taxes.", "Lower fees."),
    (factories.QuoteFactory, "text", "We will win.", "We will win big."),
    (factories.FactFactory, "statement", "Visited 3 towns.", "Visited 4 towns."),
    (factories.SourceFactory, "headline", "Palmer wins", "Palmer wins Samoa"),
    (factories.ContestFactory, "summary", "Quiet count.", "Long count."),
    (factories.ContestFactFactory, "statement", "Low turnout.", "High turnout."),
    (factories.OutletFactory, "description", "A paper.", "A daily paper."),
    (factories.JurisdictionFactory, "name", "Samoa", "American Samoa"),
]


@pytest.mark.parametrize(
    ("factory", "field", "before", "after"),
    DRAFTABLE,
    ids=[row[0]._meta.model.__name__ for row in DRAFTABLE],
)
def test_every_content_type_reverts_through_its_admin(alice, factory, field, before, after):
    item = factory(status=Status.DRAFT, **{field: before})
    edited(item, **{field: after})
    _, data = open_revert(alice, item, first_version(item))

    response = alice.post(version_url(item, first_version(item)), data)

    assert response.status_code == 302, response.context and response.context["form_errors"]
    item.refresh_from_db()
    assert getattr(item, field) == before
    assert item.history.first().history_change_reason == "Reverted to version 1"


def test_reverting_to_the_same_content_saves_nothing(alice):
    candidate = factories.CandidateFactory(hometown="Baltimore", status=Status.DRAFT)
    edited(candidate, status=Status.IN_REVIEW)
    _, data = open_revert(alice, candidate, first_version(candidate))

    response = alice.post(version_url(candidate, first_version(candidate)), data)

    assert response.status_code == 302
    assert candidate.history.count() == 2
