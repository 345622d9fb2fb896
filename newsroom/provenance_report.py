"""The provenance report: what readers see that the desk cannot trace, over the whole
newsroom (served at /admin/provenance/ by newsroom.provenance_views).

Three kinds of problem, over every public item of every model with citations:

- **missing**: a field its model declares readers see with its own footnote
  (`EditorialPolicy.cited_fields`) holds a value no citation supports; or an item that
  needs a citation (`needs_citation`, cited as a whole) has none;
- **failing**: a check of newsroom.provenance fails (passage, quote, number) and no editor
  wrote why the citation stands;
- **override**: a citation an editor kept despite its check, with the written reason.

Filters (`register_filter`, called from an app's declarations.py): an app names a model
(a candidate, a contest) and the report keeps, of each model, the rows that are that
record or point at it by a foreign key; models with no such key drop out.

Cost: one pass over the public items and their citations, two queries per model (its items
and its citations, both ordered by item, joined as they stream in `BATCH` rows at a time),
plus one for the sources' text on file: the query count never grows with the newsroom, and
memory holds a batch and the problems found. The checks themselves are Python, so the
time grows with the number of citations (`make bench` measures checks per second). The
latest full report is kept in the cache (`remember`) for `TOTALS_SECONDS`: the editors'
dashboard reads it, so opening the dashboard does not run the whole pass each time. A
newsroom with more than `ON_REQUEST_CITATIONS` citations is not checked on request at all
(at the bench's 200,000 quotes the pass takes tens of seconds, past any request's patience):
`manage.py provenance_report`, run from cron, checks it and keeps the report, for as long as
it is told, for the report's pages and the dashboard.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from .constraints import project_models
from .editorial.policy import declared_policy
from .models import Citation, Source
from .paragraphs import split_paragraphs
from .provenance import check_citation, check_quote, uncited_fields

MISSING, FAILING, OVERRIDE = "missing", "failing", "override"
KINDS = {
    MISSING: "No citation",
    FAILING: "Check fails",
    OVERRIDE: "Kept despite a failed check",
}

#: Rows fetched at a time from each of a model's two streams.
BATCH = 2000

#: How long a full report built on request is kept for the pages and the dashboard.
TOTALS_SECONDS = 60
TOTALS_KEY = "provenance-report"
#: Above this many citations the full report is never built on request.
ON_REQUEST_CITATIONS = 20_000

#: The filters the apps declared: key -> model.
FILTERS: dict[str, type[models.Model]] = {}


def register_filter(key: str, model: type[models.Model]) -> None:
    """Let the report be narrowed to one `model` record (`?key=<pk>`)."""
    FILTERS[key] = model


@dataclass(frozen=True)
class Problem:
    kind: str
    model: type[models.Model]
    object_id: int
    #: The field concerned; "" for the whole item.
    field: str
    message: str
    citation_id: int | None = None
    reason: str = ""

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    items: int = 0
    citations: int = 0
    #: Checks run: one per citation (passage and number) and one per verbatim item (quote).
    checks: int = 0

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(problem.kind for problem in self.problems)
        return {kind: counted[kind] for kind in KINDS}

    @property
    def total(self) -> int:
        """Problems to fix: missing citations and failing checks (overrides are settled)."""
        counts = self.counts
        return counts[MISSING] + counts[FAILING]


def cited_models() -> list[type[models.Model]]:
    """Every project model with citations and a declared policy, in a stable order."""
    found = []
    for model in project_models():
        try:
            relation = model._meta.get_field("citations")
        except FieldDoesNotExist:
            continue
        if isinstance(relation, GenericRelation) and declared_policy(model) is not None:
            found.append(model)
    return sorted(found, key=lambda model: model._meta.label)


def scope(model, filters: dict[str, int]) -> models.Q | None:
    """The rows of `model` the filters keep, or None when the model has none to keep."""
    condition = models.Q()
    for key, pk in filters.items():
        target = FILTERS[key]
        if model is target:
            condition &= models.Q(pk=pk)
            continue
        keys = [
            f.name
            for f in model._meta.get_fields()
            if f.many_to_one and f.concrete and f.related_model is target
        ]
        if not keys:
            return None
        either = models.Q()
        for name in keys:
            either |= models.Q(**{name: pk})
        condition &= either
    return condition


def public_items(model):
    """The items of `model` readers see: its `published()` rows."""
    manager = model._default_manager
    return manager.published() if hasattr(manager, "published") else manager.all()


def build(*, filters: dict[str, int] | None = None) -> Report:
    """The report over the public newsroom, narrowed by `filters` ({key: pk})."""
    filters = filters or {}
    report = Report()
    paragraphs = _texts_on_file()
    for model in cited_models():
        condition = scope(model, filters)
        if condition is None:
            continue
        items = public_items(model).filter(condition).order_by("pk")
        citations = (
            Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=items.values("pk"),
            )
            .select_related("source__outlet")
            .only(*CITATION_FIELDS)
            .order_by("object_id", "pk")
        )
        for item, cited in _joined(items.only(*_checked_fields(model)), citations):
            for citation in cited:
                # Texts on file were read once (`paragraphs`); the others have none, and
                # saying so spares the deferred field a query per row.
                if citation.source_id not in paragraphs:
                    citation.source.article_text = ""
            _report_item(report, item, cited, paragraphs)
    return report


#: What the checks read of a citation and its source (most of the pass is building rows).
CITATION_FIELDS = (
    "object_id",
    "field_name",
    "pinpoint",
    "quoted_passage",
    "value_as_reported",
    "derivation",
    "check_override_reason",
    # A source's name, where it has no outlet to name it by.
    "source__headline",
    "source__untitled_description",
    "source__outlet__name",
)


def _checked_fields(model) -> list[str]:
    """What the checks read of an item: its cited, verbatim and fragment fields, and every
    number (a citation of any of them is checked against the value)."""
    policy = declared_policy(model)
    names = {*(policy.cited_fields or ()), policy.verbatim_field, policy.fragment_field}
    names |= {
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.IntegerField | models.DecimalField | models.FloatField)
    }
    return sorted(name for name in names if name)


def remember(report: Report, seconds: int = TOTALS_SECONDS) -> dict:
    """Keep a full (unfiltered) report for its pages and the dashboard; returns what is
    kept: {"report", "counts", "at"}."""
    kept = {"report": report, "counts": report.counts, "at": timezone.now()}
    cache.set(TOTALS_KEY, kept, seconds)
    return kept


def checked_on_request() -> bool:
    """Whether the newsroom is small enough to run the full report while a page waits."""
    return Citation.objects.count() <= ON_REQUEST_CITATIONS


def totals() -> dict | None:
    """The latest full report kept, else one built now when the newsroom is small enough;
    None when it is too large to check on request and `manage.py provenance_report` has
    not run lately."""
    kept = cache.get(TOTALS_KEY)
    if kept is None and checked_on_request():
        kept = remember(build())
    return kept


def _texts_on_file() -> dict[int, list[str]]:
    """The numbered paragraphs of every source whose text is on file, by source id."""
    return {
        pk: split_paragraphs(text, headline=headline, standfirst=standfirst)
        for pk, text, headline, standfirst in Source.objects.exclude(article_text="").values_list(
            "pk", "article_text", "headline", "standfirst"
        )
    }


def _joined(items, citations):
    """(item, its citations) for each item, both querysets ordered by item id."""
    stream = citations.iterator(chunk_size=BATCH)
    pending = next(stream, None)
    for item in items.iterator(chunk_size=BATCH):
        cited = []
        while pending is not None and pending.object_id <= item.pk:
            if pending.object_id == item.pk:
                cited.append(pending)
            pending = next(stream, None)
        yield item, cited


def _report_item(report: Report, item, cited: list, paragraphs: dict) -> None:
    model = type(item)
    policy = declared_policy(model)
    report.items += 1
    report.citations += len(cited)
    problems = report.problems
    if policy.needs_citation and not hasattr(model, "why_sources_missing") and not cited:
        problems.append(Problem(MISSING, model, item.pk, "", "has no citation"))
    for name in uncited_fields(item, cited):
        label = item._meta.get_field(name).verbose_name
        problems.append(Problem(MISSING, model, item.pk, name, f"no citation supports its {label}"))
    findings = []
    for citation in cited:
        findings += check_citation(citation, item, cache=paragraphs)
    report.checks += len(cited)
    if policy.verbatim_field:
        report.checks += 1
        findings += check_quote(item, cited, cache=paragraphs)
    for finding in findings:
        if not finding.overridden:
            citation_id = finding.citation.pk if finding.citation is not None else None
            problems.append(
                Problem(FAILING, model, item.pk, finding.field, finding.message, citation_id)
            )
    for citation in cited:
        reason = citation.check_override_reason.strip()
        if not reason:
            continue
        messages = [
            finding.message
            for finding in findings
            if finding.overridden and finding.citation in (citation, None)
        ]
        problems.append(
            Problem(
                OVERRIDE,
                model,
                item.pk,
                citation.field_name,
                "; ".join(messages) or "its checks pass now",
                citation.pk,
                reason,
            )
        )


def describe(problems: list[Problem]) -> dict[tuple, models.Model]:
    """The items of `problems` (a page of them), one query per model, for display."""
    wanted: dict[type, set[int]] = {}
    for problem in problems:
        wanted.setdefault(problem.model, set()).add(problem.object_id)
    found = {}
    for model, ids in wanted.items():
        # A row's name is made of the records it points at (a result's candidate and
        # contest): the foreign keys readers see.
        related = [
            name
            for name in declared_policy(model).public_fields
            if model._meta.get_field(name).many_to_one
        ]
        for item in model._default_manager.select_related(*related).filter(pk__in=ids):
            found[(model, item.pk)] = item
    return found
