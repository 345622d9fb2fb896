"""Query filters of the API. Values are validated strictly (`parameters`): a value the
schema does not allow is a 400 naming the filter.

Slugs name jurisdictions, parties, candidates, contests and outlets; years are whole numbers;
kinds, topics and count statuses are choices. A well-formed slug that matches nothing gives an
empty list, not an error. Filters through contests look only at published ones.
"""

from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from candidates.models import Candidate, Fact, Quote
from newsroom.models import Source
from results.models import Contest, Jurisdiction, Result, Snapshot, SnapshotEntry

from .parameters import (
    SLUG_SCHEMA,
    WHOLE_NUMBER_HELP,
    SlugParameterField,
    WholeNumberField,
    choice_messages,
)

YEAR_MIN, YEAR_MAX = 1, 9999


@extend_schema_field(SLUG_SCHEMA)
class SlugFilter(filters.CharFilter):
    field_class = SlugParameterField


@extend_schema_field({"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX})
class YearFilter(filters.NumberFilter):
    field_class = WholeNumberField

    def __init__(self, *args, **kwargs):
        kwargs["help_text"] = f"{kwargs.get('help_text', 'A year, e.g. 2024.')} {WHOLE_NUMBER_HELP}"
        super().__init__(*args, min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs)


class ChoiceFilter(filters.ChoiceFilter):
    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, choices=choices, error_messages=choice_messages(choices), **kwargs)


class CandidateFilter(filters.FilterSet):
    party = SlugFilter(field_name="party__slug", help_text="Party slug, e.g. democratic.")
    jurisdiction = SlugFilter(
        method="in_public_contests",
        help_text="Candidates with a result in a contest of this jurisdiction (slug).",
    )
    year = YearFilter(method="in_public_contests", help_text="Candidates in that year's contests.")

    class Meta:
        model = Candidate
        fields = []

    def in_public_contests(self, queryset, name, value):
        lookup = {"jurisdiction": "jurisdiction__slug", "year": "year"}[name]
        contests = Contest.objects.published().filter(**{lookup: value})
        return queryset.filter(
            pk__in=Result.objects.filter(contest__in=contests).values("candidate")
        )


class ContestFilter(filters.FilterSet):
    jurisdiction = SlugFilter(field_name="jurisdiction__slug", help_text="e.g. american-samoa.")
    year = YearFilter(field_name="year")
    party = SlugFilter(field_name="party__slug", help_text="e.g. democratic.")
    candidate = SlugFilter(method="with_candidate", help_text="Contests with a result for them.")
    count_status = ChoiceFilter(choices=Contest.CountStatus.choices)

    class Meta:
        model = Contest
        fields = []

    def with_candidate(self, queryset, name, value):
        return queryset.filter(
            pk__in=Result.objects.filter(candidate__slug=value).values("contest")
        )


class PlaceFilter(filters.FilterSet):
    kind = ChoiceFilter(choices=Jurisdiction.Kind.choices)

    class Meta:
        model = Jurisdiction
        fields = []


class SnapshotFilter(filters.FilterSet):
    contest = SlugFilter(field_name="contest__slug")
    jurisdiction = SlugFilter(field_name="contest__jurisdiction__slug")
    year = YearFilter(field_name="contest__year")
    party = SlugFilter(field_name="contest__party__slug")
    candidate = SlugFilter(method="with_candidate", help_text="Snapshots with a figure for them.")

    class Meta:
        model = Snapshot
        fields = []

    def with_candidate(self, queryset, name, value):
        return queryset.filter(
            pk__in=SnapshotEntry.objects.filter(candidate__slug=value).values("snapshot")
        )


class QuoteFilter(filters.FilterSet):
    candidate = SlugFilter(field_name="candidate__slug")
    party = SlugFilter(field_name="candidate__party__slug")
    year = YearFilter(field_name="said_on__year", help_text="The year it was said.")

    class Meta:
        model = Quote
        fields = []


class FactFilter(filters.FilterSet):
    candidate = SlugFilter(field_name="candidate__slug")
    party = SlugFilter(field_name="candidate__party__slug")
    topic = ChoiceFilter(choices=Fact.Topic.choices)
    year = YearFilter(field_name="occurred_on__year")

    class Meta:
        model = Fact
        fields = []


class SourceFilter(filters.FilterSet):
    outlet = SlugFilter(field_name="outlet__slug", help_text="e.g. abc-news.")
    kind = ChoiceFilter(choices=Source.Kind.choices)
    year = YearFilter(field_name="published_on__year", help_text="Year of publication.")

    class Meta:
        model = Source
        fields = []
