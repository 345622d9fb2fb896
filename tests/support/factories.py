"""factory_boy factories for every model. Published by default; pass status="draft" for drafts."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from candidates.models import Candidate, CareerEntry, Fact, Party, PlatformPosition, Quote
from newsroom.editorial.publishing import Status
from newsroom.models import (
    Citation,
    Contributor,
    Correction,
    ExternalIdentifier,
    Outlet,
    Source,
)
from results.models import (
    Contest,
    ContestFact,
    ImportBatch,
    Jurisdiction,
    RaceCall,
    Result,
    Snapshot,
    SnapshotEntry,
)
from results.services import confirm_call


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Daily Ledger {n}")
    slug = factory.Sequence(lambda n: f"daily-ledger-{n}")
    status = Status.PUBLISHED


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    outlet = factory.SubFactory(OutletFactory)
    headline = factory.Sequence(lambda n: f"Caucus night report {n}")
    slug = factory.Sequence(lambda n: f"caucus-night-report-{n}")
    url = factory.Sequence(lambda n: f"https://news.example.org/reports/{n}")
    published_on = datetime.date(2024, 3, 6)
    published_on_precision = "day"
    status = Status.PUBLISHED


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor

    source = factory.SubFactory(SourceFactory)
    name = factory.Sequence(lambda n: f"Reporter {n}")
    role = Contributor.Role.AUTHOR


class CitationFactory(factory.django.DjangoModelFactory):
    """Pass `content_object=` the item the source supports."""

    class Meta:
        model = Citation
        exclude = ["content_object"]

    source = factory.SubFactory(SourceFactory)
    content_type = factory.LazyAttribute(
        lambda o: ContentType.objects.get_for_model(o.content_object)
    )
    object_id = factory.LazyAttribute(lambda o: o.content_object.pk)


class ExternalIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalIdentifier
        exclude = ["content_object"]

    content_type = factory.LazyAttribute(
        lambda o: ContentType.objects.get_for_model(o.content_object)
    )
    object_id = factory.LazyAttribute(lambda o: o.content_object.pk)
    scheme = ExternalIdentifier.Scheme.WIKIDATA
    value = factory.Sequence(lambda n: f"Q{1000 + n}")


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ["slug"]

    name = "Democratic Party"
    adjective = "Democratic"
    slug = "democratic"


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    full_name = factory.Sequence(lambda n: f"Candidate Number{n}")
    family_name = factory.Sequence(lambda n: f"Number{n}")
    slug = factory.Sequence(lambda n: f"candidate-{n}")
    party = factory.SubFactory(PartyFactory)
    status = Status.PUBLISHED


class CareerEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerEntry

    candidate = factory.SubFactory(CandidateFactory)
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    role = "Partner"
    status = Status.PUBLISHED


class PlatformPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlatformPosition

    candidate = factory.SubFactory(CandidateFactory)
    topic = factory.Sequence(lambda n: f"Topic {n}")
    summary = "Would change how things are done."
    status = Status.PUBLISHED


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    candidate = factory.SubFactory(CandidateFactory)
    text = factory.Sequence(lambda n: f"We will win precinct {n}.")
    speaker_name = factory.LazyAttribute(lambda o: o.candidate.full_name)
    venue = Quote.Venue.INTERVIEW
    status = Status.PUBLISHED


class FactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fact

    candidate = factory.SubFactory(CandidateFactory)
    statement = factory.Sequence(lambda n: f"Visited {n} towns.")
    status = Status.PUBLISHED


class JurisdictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jurisdiction

    name = factory.Sequence(lambda n: f"Territory {n}")
    slug = factory.Sequence(lambda n: f"territory-{n}")
    kind = Jurisdiction.Kind.TERRITORY
    ocd_id = factory.Sequence(lambda n: f"ocd-division/country:us/territory:t{n}")
    status = Status.PUBLISHED


class ContestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contest

    jurisdiction = factory.SubFactory(JurisdictionFactory)
    party = factory.SubFactory(PartyFactory)
    kind = Contest.Kind.CAUCUS
    name = factory.Sequence(lambda n: f"Caucus {n}")
    slug = factory.Sequence(lambda n: f"caucus-{n}")
    year = 2024
    held_on = datetime.date(2024, 3, 5)
    held_on_precision = "day"
    delegates_at_stake = 6
    ballots_cast = 91
    count_status = Contest.CountStatus.FINAL
    status = Status.PUBLISHED


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    contest = factory.SubFactory(ContestFactory)
    candidate = factory.SubFactory(CandidateFactory)
    votes = 10


class ContestFactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContestFact

    contest = factory.SubFactory(ContestFactory)
    statement = factory.Sequence(lambda n: f"Turnout note {n}.")
    status = Status.PUBLISHED


class DeskUserFactory(factory.django.DjangoModelFactory):
    """A member of the desk with no role: give permissions as the test needs."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"desk-{n}")
    is_staff = True


class RaceCallFactory(factory.django.DjangoModelFactory):
    """A call as the desk enters it: its winner has a result in the contest, it cites a
    published source, and someone entered it. Pass `cited=False` for a call with no source
    (or `cited={...}`, the fields of its citation, `source=` among them), and `confirmed_at`
    or `confirmed_by` for a call a second person confirmed (the time is set afterwards, a
    test's shortcut)."""

    class Meta:
        model = RaceCall

    contest = factory.SubFactory(ContestFactory)
    winner = factory.SubFactory(CandidateFactory)
    called_by = "Local party chair"
    basis = RaceCall.Basis.PARTY_CONFIRMATION
    entered_by = factory.SubFactory(DeskUserFactory)

    @classmethod
    def _create(cls, model_class, *args, cited=True, confirmed_at=None, confirmed_by=None, **kw):
        Result.objects.get_or_create(contest=kw["contest"], candidate=kw["winner"])
        call = super()._create(model_class, *args, **kw)
        if cited:
            CitationFactory(content_object=call, **(cited if isinstance(cited, dict) else {}))
        if confirmed_at or confirmed_by:
            confirmer = confirmed_by or DeskUserFactory()
            confirmer.user_permissions.add(
                Permission.objects.get(
                    content_type__app_label="results", codename="confirm_racecall"
                )
            )
            confirmer = type(confirmer).objects.get(pk=confirmer.pk)  # fresh permission cache
            confirm_call(call, by=confirmer)
            if confirmed_at:
                RaceCall.objects.filter(pk=call.pk).update(confirmed_at=confirmed_at)
                call.refresh_from_db()
        return call


class SnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Snapshot

    contest = factory.SubFactory(ContestFactory)
    reporting_percent = 50


class SnapshotEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SnapshotEntry

    snapshot = factory.SubFactory(SnapshotFactory)
    candidate = factory.SubFactory(CandidateFactory)
    votes = 5


class ImportBatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportBatch

    filename = factory.Sequence(lambda n: f"caucus-count-{n}.csv")
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    content = "contest,candidate,votes,as_of,source_url\n"
    rows_changed = 1


class CorrectionFactory(factory.django.DjangoModelFactory):
    """A public correction record; pass `content_object=` the item it is about."""

    class Meta:
        model = Correction
        exclude = ["content_object"]

    content_object = factory.SubFactory(QuoteFactory)
    content_type = factory.LazyAttribute(
        lambda o: ContentType.objects.get_for_model(o.content_object)
    )
    object_id = factory.SelfAttribute("content_object.pk")
    kind = Correction.Kind.CORRECTION
    note = factory.Sequence(lambda n: f"We corrected the wording (correction {n}).")
