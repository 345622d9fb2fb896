"""An item's external identifiers (Wikidata, FEC, Ballotpedia, AP …) in its own history.

Identifiers are rows of their own (newsroom.ExternalIdentifier), so saving one used to
leave the item's history saying "No field changes". An identified item keeps them, one
"Registry: value" per line, in a column of its own (`IdentifiersField`), so every version
of the item holds the ids it had and the history page shows a change of id like any other
field (old → new):

- saving the item recomputes the column from its identifier rows (the field's `pre_save`),
  so a form holding the item since before an identifier changed cannot put an old list back;
- saving or deleting an identifier, from any door (the item's form and its inline, the
  identifiers' own admin, the shell, a merge), refreshes the column (`identifier_changed`)
  and records it in the item's history: in the record of the edit it belongs to when the
  item's own form saved the item first (`one_moment`, newsroom.editorial.versions), in the
  item's save still to come when the form saves it after its rows (a contest's form), and
  otherwise in a new record of the item saying which identifier changed.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from . import versions
from .as_of import history_of


class IdentifiersField(models.TextField):
    """The item's identifiers as text, kept by this module, never edited by hand."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", "external identifiers")
        kwargs["blank"] = True
        kwargs["editable"] = False
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("blank", "editable", "default"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        if getattr(type(model_instance), "instance_type", None) is not None:
            # A historical record (simple-history's copy of this field): it keeps the value
            # copied from the item.
            return getattr(model_instance, self.attname)
        value = described(type(model_instance), model_instance.pk) if not add else ""
        setattr(model_instance, self.attname, value)
        return value


def identifiers_field(model) -> IdentifiersField | None:
    for field in model._meta.concrete_fields:
        if isinstance(field, IdentifiersField):
            return field
    return None


def described(model, pk) -> str:
    """The identifiers of `model` row `pk`, one "Registry: value" per line, by registry."""
    if pk is None:
        return ""
    from ..models import ExternalIdentifier

    rows = ExternalIdentifier._base_manager.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=pk
    ).order_by("scheme")
    return "\n".join(str(row) for row in rows)


def identifier_changed(content_type_id, object_id, *, change: str, identifier) -> None:
    """Refresh the identified item's column and record the change in its history."""
    if content_type_id is None or object_id is None:
        return
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    field = identifiers_field(model) if model is not None else None
    if field is None:
        return
    rows = model._base_manager.filter(pk=object_id)
    before = rows.values_list(field.attname, flat=True).first()
    if before is None:
        return  # the item is gone (deleted with its identifiers)
    after = described(model, object_id)
    if after == before:
        return
    rows.update(**{field.attname: after})
    history = history_of(model)
    records = history.model._default_manager
    how = versions.own_record(model, object_id)
    if how == "after":
        return  # the item's own save, still to come, records it
    if how == "before":
        latest = (
            records.filter(**{model._meta.pk.attname: object_id})
            .order_by("-history_date", "-history_id")
            .first()
        )
        if latest is not None:
            records.filter(pk=latest.pk).update(**{field.attname: after})
            return
    versions.record_part_change(
        rows.first(),
        identifier,
        change=change,
        moment=timezone.now(),
        user=getattr(identifier, "_history_user", None),
    )


def fill_for_migration(apps, labels: list[str]) -> None:
    """Data migration step: each item of `labels` (and its latest history record, so its
    next version shows no change it did not make) gets the column for the identifiers it
    has. Reversed by dropping the column."""
    identifier_model = apps.get_model("newsroom", "ExternalIdentifier")
    content_types = apps.get_model("contenttypes", "ContentType")
    for label in labels:
        app_label, model_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        history = apps.get_model(app_label, f"Historical{model.__name__}")
        content_type = content_types.objects.filter(
            app_label=app_label, model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        lines: dict[int, list[str]] = {}
        scheme_names = dict(identifier_model._meta.get_field("scheme").flatchoices)
        for object_id, scheme, value in (
            identifier_model.objects.filter(content_type=content_type)
            .order_by("object_id", "scheme")
            .values_list("object_id", "scheme", "value")
        ):
            lines.setdefault(object_id, []).append(f"{scheme_names.get(scheme, scheme)}: {value}")
        for object_id, shown in lines.items():
            text = "\n".join(shown)
            model.objects.filter(pk=object_id).update(external_ids=text)
            latest = history.objects.filter(id=object_id).order_by("-history_date").first()
            if latest is not None:
                history.objects.filter(pk=latest.pk).update(external_ids=text)
