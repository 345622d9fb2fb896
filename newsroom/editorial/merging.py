"""Merging a duplicate candidate or source into the one that stays (the survivor).

`plan_merge()` lists what would move and what stands in the way; `merge()` does it, all or
nothing, in one transaction:

- every row pointing at the duplicate moves to the survivor: foreign keys found through the
  model's relations (quotes, facts, career, platform, results, race calls, snapshot
  entries, contributors, snapshots …) and generic references (citations, external
  identifiers, editorial comments, public corrections);
- where the move would break a unique constraint, rows that only repeat what the survivor
  already has are dropped (a citation of the same passage, the same byline, the same
  registry id); any other clash (both candidates have a result in the same contest,
  different Wikidata ids) refuses the whole merge with a message saying what clashes;
- the duplicate's public path redirects permanently to the survivor's (newsroom.Redirect,
  answered by newsroom.middleware), and older redirects to it are re-pointed;
- the duplicate is deleted, needing no public note and leaving no tombstone
  (newsroom.editorial.removals): its address redirects, and its corrections are listed
  with the survivor; its history stays (simple-history keeps deleted items' rows),
  and the merge is the change comment on both: the survivor's new version and the
  duplicate's deletion. Moved rows of tracked models get a history row saying where they
  came from; every moved row's version is raised, so an editor holding one open reloads it.

Which models merge, and how, each model declares in its editorial policy
(`EditorialPolicy.mergeable`, `merge_keeps`, `merge_warns_if_different`,
newsroom.editorial.policy).

The duplicate's own field values are not copied: the survivor's are kept, and the
duplicate's stay readable in its history. The exceptions are the fields a model lists in
`merge_keeps` (a source's URL and archived copy, a candidate's website): an address is
never dropped, so the duplicate's fills the survivor's when that is empty, and two
different addresses refuse the merge. Workflow events stay with the duplicate's id, as the
record of its own publication steps.

Two items that differ in a field the model lists in `merge_warns_if_different` (a source's
outlet or publication date, a candidate's party) look like different things, not
duplicates: the plan warns, and `merge()` goes ahead only when the editor confirms it.

Relations are found through the models' meta and policies are declared on the models, so
newsroom does not import the candidates and results apps.
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, router, transaction

from ..cited_values import retire_for_merge
from . import removals
from .policy import policy_of
from .records import Redirect

logger = logging.getLogger(__name__)

#: Rows that may be dropped when the survivor already has one like them under a unique
#: constraint: label -> fields that must be equal too (empty: the constraint is enough).
DROP_REPEATS: dict[str, tuple[str, ...]] = {
    "newsroom.citation": (),
    "newsroom.contributor": (),
    "newsroom.externalidentifier": ("value",),
}

#: Generic records that do not move: presence is momentary, workflow steps are the
#: duplicate's own record.
GENERIC_DROP = {"newsroom.editingpresence"}
GENERIC_KEEP = {"newsroom.workflowevent"}

REASON_LENGTH = 100


class MergeRefused(Exception):
    """The merge cannot be done as asked; nothing was changed."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


@dataclass
class Reference:
    """Rows of one model pointing at an item, through one foreign key or generic relation."""

    model: type[models.Model]
    pointer: dict  # lookup of the rows pointing at the item, without the item's id
    id_field: str  # the column holding the item's id
    label: str  # "quotes", "citations" …

    def of(self, pk):
        return self.model._base_manager.filter(**self.pointer, **{self.id_field: pk})

    @property
    def pointer_names(self) -> set[str]:
        names = {self.id_field, *self.pointer}
        for name in list(names):
            try:
                names.add(self.model._meta.get_field(name).name)
            except Exception:
                names.add(name.removesuffix("_id"))
        return names


@dataclass
class Plan:
    duplicate: models.Model
    survivor: models.Model
    moves: list[tuple[str, int]] = field(default_factory=list)  # (what, how many)
    dropped: list[tuple[str, int]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (field, the duplicate's value)
    differences: list[str] = field(default_factory=list)  # why they may not be duplicates

    @property
    def possible(self) -> bool:
        return not self.problems


def _is_history_model(model) -> bool:
    return hasattr(model, "instance_type") and any(
        f.name == "history_id" for f in model._meta.concrete_fields
    )


def references(item) -> list[Reference]:
    """Every kind of row that can point at `item`'s model."""
    model = type(item)
    found = []
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete):
            continue
        if not (relation.one_to_many or relation.one_to_one):
            continue
        related = relation.related_model
        if _is_history_model(related) or related is model:
            continue
        found.append(
            Reference(
                model=related,
                pointer={},
                id_field=relation.field.attname,
                label=str(related._meta.verbose_name_plural),
            )
        )
    content_type = ContentType.objects.get_for_model(model)
    for related in apps.get_models():
        if _is_history_model(related):
            continue
        label = related._meta.label_lower
        for private in related._meta.private_fields:
            if not isinstance(private, GenericForeignKey) or label in GENERIC_KEEP:
                continue
            found.append(
                Reference(
                    model=related,
                    pointer={private.ct_field: content_type},
                    id_field=private.fk_field,
                    label=str(related._meta.verbose_name_plural),
                )
            )
    return found


def _unique_groups(reference: Reference) -> list[tuple[list[str], models.Q | None]]:
    """The other fields of each unique constraint that includes the pointer, with the
    constraint's condition (a citation's passage is unique among current citations)."""
    meta = reference.model._meta
    groups = []
    constraints = [(list(fields), None) for fields in meta.unique_together]
    constraints += [
        (list(c.fields), c.condition)
        for c in meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    constraints += [
        ([f.name], None) for f in meta.concrete_fields if f.unique and not f.primary_key
    ]
    names = reference.pointer_names
    for fields, condition in constraints:
        if names & set(fields):
            groups.append(([name for name in fields if name not in names], condition))
    return groups


def _clashes(reference: Reference, duplicate, survivor):
    """Rows of the duplicate that the survivor already has under a unique constraint, each
    with the survivor's row it clashes with."""
    found = {}
    for others, condition in _unique_groups(reference):
        survivor_rows = reference.of(survivor.pk)
        duplicate_rows = reference.of(duplicate.pk)
        if condition is not None:
            survivor_rows, duplicate_rows = (
                survivor_rows.filter(condition),
                duplicate_rows.filter(condition),
            )
        kept = {
            tuple(getattr(row, _attname(reference.model, n)) for n in others): row
            for row in survivor_rows
        }
        for row in duplicate_rows:
            key = tuple(getattr(row, _attname(reference.model, n)) for n in others)
            if key in kept:
                found[row.pk] = (row, kept[key], others)
    return list(found.values())


def _attname(model, name: str) -> str:
    return model._meta.get_field(name).attname


def _describe_clash(reference: Reference, row, others: list[str], duplicate, survivor) -> str:
    noun = reference.model._meta.verbose_name
    what = ", ".join(
        f"{reference.model._meta.get_field(name).verbose_name} “{getattr(row, name)}”"
        for name in others
    )
    return (
        f"“{duplicate}” and “{survivor}” both have a {noun} for {what}; only one can stay. "
        f"Resolve it first (edit or delete one of them), then merge again."
    )


def _verbose(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _shown(item, name: str) -> str:
    """A field's value as editors read it: a partial date as its display, a row by name."""
    display = getattr(item, f"{name}_display", None)
    if isinstance(display, str):
        return display
    return str(getattr(item, name))


def is_mergeable(model) -> bool:
    """Whether duplicates of `model` can be merged, as the model declares."""
    return policy_of(model).mergeable


def _plan_kept_fields(plan: Plan) -> None:
    duplicate, survivor = plan.duplicate, plan.survivor
    for name in policy_of(survivor).merge_keeps:
        theirs, ours = getattr(duplicate, name), getattr(survivor, name)
        if not theirs or theirs == ours:
            continue
        if not ours:
            plan.kept.append((_verbose(type(survivor), name), theirs))
        else:
            plan.problems.append(
                f"“{duplicate}” and “{survivor}” have different values for "
                f"“{_verbose(type(survivor), name)}” ({theirs} and {ours}); a merge would "
                "lose one. If they are different documents, do not merge them."
            )


def _plan_differences(plan: Plan) -> None:
    duplicate, survivor = plan.duplicate, plan.survivor
    model = type(survivor)
    for name in policy_of(model).merge_warns_if_different:
        attname = _attname(model, name)
        theirs, ours = getattr(duplicate, attname), getattr(survivor, attname)
        if theirs is None or ours is None or theirs == ours:
            continue
        plan.differences.append(
            f"{_verbose(model, name).capitalize()}: “{_shown(duplicate, name)}” "
            f"and “{_shown(survivor, name)}”"
        )


def plan_merge(duplicate, survivor) -> Plan:
    plan = Plan(duplicate=duplicate, survivor=survivor)
    if type(duplicate) is not type(survivor):
        plan.problems.append("Only two items of the same kind can be merged.")
        return plan
    if not is_mergeable(duplicate):
        plan.problems.append(f"{duplicate._meta.verbose_name_plural} cannot be merged.")
        return plan
    if duplicate.pk == survivor.pk:
        plan.problems.append("Choose two different items: an item cannot be merged into itself.")
        return plan
    _plan_kept_fields(plan)
    _plan_differences(plan)
    for reference in references(duplicate):
        label = reference.model._meta.label_lower
        rows = reference.of(duplicate.pk)
        total = rows.count()
        if not total:
            continue
        if label in GENERIC_DROP:
            continue
        dropping = 0
        for row, kept, others in _clashes(reference, duplicate, survivor):
            same = DROP_REPEATS.get(label)
            if reference.model._meta.auto_created or (
                same is not None and all(getattr(row, n) == getattr(kept, n) for n in same)
            ):
                dropping += 1
            else:
                plan.problems.append(_describe_clash(reference, row, others, duplicate, survivor))
        if total - dropping:
            plan.moves.append((reference.label, total - dropping))
        if dropping:
            plan.dropped.append((reference.label, dropping))
    return plan


def _reason(text: str) -> str:
    return text if len(text) <= REASON_LENGTH else f"{text[: REASON_LENGTH - 1]}…"


@transaction.atomic
def merge(duplicate, *, into, by=None, note: str = "", despite_differences: bool = False) -> Plan:
    """Merge `duplicate` into `into`; raises MergeRefused (and changes nothing) when it
    cannot be done, or when the two differ in outlet, date or party (`plan.differences`)
    and `despite_differences` is not set. `note` is kept as the source of the change in
    both histories."""
    model = type(into)
    using = router.db_for_write(model)
    # Lock both rows (PostgreSQL) so nobody edits or merges them meanwhile; read afresh.
    locked = {
        item.pk: item
        for item in model._base_manager.using(using)
        .select_for_update()
        .filter(pk__in=[duplicate.pk, into.pk])
    }
    if duplicate.pk not in locked or into.pk not in locked:
        raise MergeRefused(["One of the two items no longer exists; nothing was merged."])
    duplicate, survivor = locked[duplicate.pk], locked[into.pk]
    # The survivor's values are kept: the duplicate's citations of other values become
    # support of those values in history, and move as such (newsroom.cited_values).
    retire_for_merge(duplicate, survivor)
    plan = plan_merge(duplicate, survivor)
    if not plan.possible:
        raise MergeRefused(plan.problems)
    if plan.differences and not despite_differences:
        raise MergeRefused(
            [
                f"These look like different {model._meta.verbose_name_plural} "
                f"({'; '.join(plan.differences)}). Confirm that they are the same to merge."
            ]
        )

    duplicate_pk = duplicate.pk  # gone once the duplicate is deleted
    source = note.strip() or f"Merge of duplicate {model._meta.verbose_name} #{duplicate.pk}"
    moved_reason = _reason(
        f"Moved from merged duplicate #{duplicate.pk} to “{survivor}” (#{survivor.pk})"
    )
    old_path = _path(duplicate)

    for reference in references(duplicate):
        label = reference.model._meta.label_lower
        if label in GENERIC_DROP:
            reference.of(duplicate.pk).delete()
            continue
        clashes = _clashes(reference, duplicate, survivor)
        if clashes:
            reference.model._base_manager.filter(pk__in=[row.pk for row, _, _ in clashes]).delete()
        _move(reference, duplicate, survivor, by=by, reason=moved_reason, source=source)

    survivor_reason = _reason(f"Merged duplicate “{duplicate}” (#{duplicate.pk}) into this")
    duplicate._change_reason = _reason(f"Merged into “{survivor}” (#{survivor.pk})")
    duplicate._change_source = source
    duplicate._history_user = by
    with removals.merging_away(duplicate):
        duplicate.delete()

    # After the deletion: a kept URL is unique to one source.
    for name in policy_of(model).merge_keeps:
        if not getattr(survivor, name):
            setattr(survivor, name, getattr(duplicate, name))
    survivor._change_reason = survivor_reason
    survivor._change_source = source
    survivor._history_user = by
    survivor.save()

    new_path = _path(survivor)
    if old_path and new_path and old_path != new_path:
        Redirect.objects.filter(old_path=new_path).delete()
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        Redirect.objects.update_or_create(
            old_path=old_path,
            defaults={
                "new_path": new_path,
                "note": _reason(f"Merged {model._meta.verbose_name} #{duplicate_pk}"),
            },
        )
    logger.info(
        "merged %s %s into %s by %s", model._meta.label_lower, duplicate_pk, survivor.pk, by
    )
    return plan


def _move(reference: Reference, duplicate, survivor, *, by, reason: str, source: str):
    rows = reference.of(duplicate.pk)
    pks = list(rows.values_list("pk", flat=True))
    if not pks:
        return
    changes = {reference.id_field: survivor.pk}
    if any(f.name == "version" for f in reference.model._meta.concrete_fields):
        # Anyone holding the row open must reload it: its parent changed.
        changes["version"] = models.F("version") + 1
    reference.model._base_manager.filter(pk__in=pks).update(**changes)
    attribute = getattr(reference.model._meta, "simple_history_manager_attribute", None)
    if attribute:
        moved = reference.model._base_manager.filter(pk__in=pks)
        getattr(reference.model, attribute).bulk_history_create(
            list(moved),
            update=True,
            default_user=by,
            default_change_reason=reason,
            custom_historical_attrs={"history_change_source": source[:500]},
        )


def _path(item) -> str:
    try:
        return item.get_absolute_url()
    except Exception:
        return ""
