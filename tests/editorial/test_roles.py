"""The role matrix, through the admin: every role against every model registered in the
admin and every action (list, add, change, delete, publish, revert, export).

The expectations are written out here, independently of the roles each app declares (its
declarations.py), so a change of the matrix that nobody meant shows up as a failure.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from newsroom.editorial import roles
from newsroom.editorial.publishing import Publishable, Status
from tests.support import factories
from tests.support.admin_forms import admin_url
from tests.support.editors import ROLE_NAMES, SUPERUSER, cited, client_for, run_action

pytestmark = [pytest.mark.django_db, pytest.mark.crawl]

EDITOR, REPORTER, CLERK = roles.EDITOR, roles.REPORTER, roles.RESULTS_CLERK

#: What each role may do on each admin page: v(iew) a(dd) c(hange) d(elete), first on a
#: draft (or a row of a draft), then on a published item (or a row of one).
EXPECTED = {
    EDITOR: {
        **dict.fromkeys(
            [
                "newsroom.outlet",
                "newsroom.source",
                "newsroom.citation",
                "newsroom.externalidentifier",
                "candidates.party",
                "candidates.candidate",
                "candidates.careerentry",
                "candidates.platformposition",
                "candidates.quote",
                "candidates.fact",
                "results.jurisdiction",
                "results.contest",
                "results.result",
                "results.contestfact",
                "results.racecall",
                "results.snapshot",
            ],
            ("vacd", "vacd"),
        ),
        "results.importbatch": ("va", "va"),
    },
    REPORTER: {
        **dict.fromkeys(
            [
                "newsroom.outlet",
                "newsroom.source",
                "newsroom.citation",
                "newsroom.externalidentifier",
                "candidates.candidate",
                "candidates.careerentry",
                "candidates.platformposition",
                "candidates.quote",
                "candidates.fact",
                "results.jurisdiction",
                "results.contestfact",
            ],
            ("vacd", "va"),
        ),
        "candidates.party": ("vacd", "vacd"),
        **dict.fromkeys(
            [
                "results.contest",
                "results.result",
                "results.racecall",
                "results.snapshot",
                "results.importbatch",
            ],
            ("v", "v"),
        ),
    },
    CLERK: {
        "results.contest": ("vac", "vac"),
        "results.result": ("vacd", "vacd"),
        "results.racecall": ("vac", "vac"),
        "results.snapshot": ("vacd", "vacd"),
        "results.importbatch": ("va", "va"),
        # The matrix's citation cites a quote: quotes are not the desk's, and a citation is
        # a change of the item it cites (newsroom.editorial.workflow.why_not_change_row).
        "newsroom.citation": ("va", "va"),
        **dict.fromkeys(
            [
                "newsroom.outlet",
                "newsroom.source",
                "candidates.party",
                "candidates.candidate",
                "results.jurisdiction",
                "results.contestfact",
            ],
            ("v", "v"),
        ),
    },
    SUPERUSER: {
        "results.importbatch": ("vad", "vad"),
        "auth.group": ("vacd", "vacd"),
        "auth.user": ("vacd", "vacd"),
    },
}


def _make(label: str, status: str):
    """An item of the model `label`, itself (or the item it belongs to) in `status`."""
    make = {
        "newsroom.outlet": lambda: factories.OutletFactory(status=status),
        "newsroom.source": lambda: factories.SourceFactory(status=status),
        "newsroom.citation": lambda: factories.CitationFactory(
            content_object=factories.QuoteFactory(status=status)
        ),
        "newsroom.externalidentifier": lambda: factories.ExternalIdentifierFactory(
            content_object=factories.CandidateFactory(status=status)
        ),
        "candidates.party": lambda: factories.PartyFactory(
            slug=f"party-{status}", name=f"Party {status}", adjective=f"Of {status}"
        ),
        "candidates.candidate": lambda: factories.CandidateFactory(status=status),
        "candidates.careerentry": lambda: factories.CareerEntryFactory(status=status),
        "candidates.platformposition": lambda: factories.PlatformPositionFactory(status=status),
        "candidates.quote": lambda: factories.QuoteFactory(status=status),
        "candidates.fact": lambda: factories.FactFactory(status=status),
        "results.jurisdiction": lambda: factories.JurisdictionFactory(status=status),
        "results.contest": lambda: factories.ContestFactory(status=status),
        "results.result": lambda: factories.ResultFactory(
            contest=factories.ContestFactory(status=status)
        ),
        "results.contestfact": lambda: factories.ContestFactFactory(status=status),
        "results.racecall": lambda: factories.RaceCallFactory(
            contest=factories.ContestFactory(status=status)
        ),
        "results.snapshot": lambda: factories.SnapshotFactory(
            contest=factories.ContestFactory(status=status)
        ),
        "results.importbatch": lambda: factories.ImportBatchFactory(),
        "auth.group": lambda: Group.objects.create(name=f"Night desk {status}"),
        "auth.user": lambda: get_user_model().objects.create_user(f"someone-{status}"),
    }
    return make[label]()


ADMIN_LABELS = sorted(model._meta.label_lower for model in admin.site._registry)


def expected(role: str, label: str) -> tuple[str, str]:
    if role == SUPERUSER:
        return EXPECTED[SUPERUSER].get(label, ("vacd", "vacd"))
    return EXPECTED[role].get(label, ("", ""))


def test_every_model_in_the_admin_is_in_the_matrix():
    labels = {label for role in EXPECTED.values() for label in role} | {"auth.group", "auth.user"}

    assert set(ADMIN_LABELS) <= labels


def test_migration_created_the_three_roles_with_the_matrix_permissions():
    for role in (EDITOR, REPORTER, CLERK):
        group = Group.objects.get(name=role)
        held = {
            f"{app}.{codename}"
            for app, codename in group.permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == roles.permission_names(role)


def test_sync_roles_puts_a_hand_edited_group_back_in_line(capsys):
    reporter = Group.objects.get(name=REPORTER)
    reporter.permissions.clear()

    call_command("sync_roles", REPORTER)

    assert reporter.permissions.count() == len(roles.permission_names(REPORTER))
    assert "Reporter:" in capsys.readouterr().out


def test_sync_roles_refuses_an_unknown_role():
    with pytest.raises(Exception, match="Unknown role"):
        call_command("sync_roles", "Intern")


@pytest.mark.parametrize("label", ADMIN_LABELS)
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_role_gets_exactly_its_admin_pages(django_user_model, role, label):
    client = client_for(django_user_model, role)
    on_draft, on_published = expected(role, label)
    model = apps.get_model(label)
    draft = _make(label, Status.DRAFT)
    published = _make(label, Status.PUBLISHED)

    listed = client.get(admin_url(model, "changelist")).status_code
    assert listed == (200 if "v" in on_draft else 403), "list"
    added = client.get(admin_url(model, "add")).status_code
    assert added == (200 if "a" in on_draft else 403), "add"
    for item, allowed in ((draft, on_draft), (published, on_published)):
        page = client.get(admin_url(model, "change", item.pk))
        assert page.status_code == (200 if "v" in allowed else 403), f"view {item}"
        if page.status_code == 200:
            assert page.context["has_change_permission"] == ("c" in allowed), f"change {item}"
        deleting = client.get(admin_url(model, "delete", item.pk)).status_code
        assert deleting == (200 if "d" in allowed else 403), f"delete {item}"


PUBLISHABLE_LABELS = [
    label for label in ADMIN_LABELS if issubclass(apps.get_model(label), Publishable)
]


@pytest.mark.parametrize("label", PUBLISHABLE_LABELS)
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_editors_publish_through_the_admin(django_user_model, role, label):
    client = client_for(django_user_model, role)
    item = _make(label, Status.IN_REVIEW)
    cited(item)

    run_action(client, type(item), "publish", [item])

    item.refresh_from_db()
    assert (item.status == Status.PUBLISHED) == (role in (EDITOR, SUPERUSER))


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_roles_with_the_revert_permission_revert(django_user_model, role):
    client = client_for(django_user_model, role)
    quote = factories.QuoteFactory(status=Status.DRAFT, text="First words.")
    quote.text = "Second words."
    quote.save()
    first = quote.history.order_by("history_date", "history_id").first()
    url = reverse("admin:candidates_quote_simple_history", args=[quote.pk, first.history_id])

    response = client.post(
        url, {"edit_version": quote.version, "change_comment": "", "change_source": ""}
    )

    quote.refresh_from_db()
    may_revert = role in (EDITOR, SUPERUSER)
    assert quote.text == ("First words." if may_revert else "Second words.")
    assert response.status_code == (302 if may_revert else 403)


EXPORTABLE = {"newsroom.source", "candidates.quote", "candidates.fact"}


@pytest.mark.parametrize("label", sorted(EXPORTABLE))
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_roles_with_the_export_permission_export_citations(django_user_model, role, label):
    client = client_for(django_user_model, role)
    item = _make(label, Status.PUBLISHED)

    response = client.post(
        admin_url(type(item), "changelist"),
        {"action": "export_citations_json", "_selected_action": [item.pk]},
    )

    exported = response.status_code == 200 and "json" in response["Content-Type"]
    may_export = role in (EDITOR, REPORTER, SUPERUSER)
    assert exported == may_export
