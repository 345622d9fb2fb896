"""Database constraints that speak to editors: their messages land on the field they are
about, and a system check keeps every named constraint's message human and renderable.

Django raises a violated CheckConstraint (and a UniqueConstraint over several fields) as an
error on the whole form; an editor who typed 120 in "reporting %" should see the message
beside that field. `ConstraintErrorsOnFields.validate_constraints` puts each message on
its constraint's field: the one the model names in `constraint_error_fields`, else the
only field the constraint reads (a partial date's, the date). Django formats every
message with `%`, so a literal percent sign must be written `%%`; the check
`newsroom.E010` refuses a message that does not render.
"""

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, router

#: Django's message for a constraint without one of its own ("Constraint … is violated.").
DEFAULT_MESSAGE = models.BaseConstraint.default_violation_error_message


def error_field(model: type[models.Model], constraint: models.BaseConstraint) -> str | None:
    """The field a violation of `constraint` is reported on; None for the whole form."""
    declared = getattr(model, "constraint_error_fields", {}).get(constraint.name)
    if declared:
        return declared
    if isinstance(constraint, models.UniqueConstraint):
        fields = set(constraint.fields)
    elif isinstance(constraint, models.CheckConstraint):
        fields = {ref[0] for ref in model._get_expr_references(constraint.condition)}
    else:
        return None
    if len(fields) == 1:
        return fields.pop()
    # A partial date's constraint reads the date and its precision: the date is the field.
    dates = {name for name in fields if f"{name}_precision" in fields}
    return dates.pop() if len(fields) == 2 and len(dates) == 1 else None


class ConstraintErrorsOnFields:
    """Model mixin: a violated constraint's message is an error on its field."""

    #: Constraint name -> the field its message goes on, for constraints over several
    #: fields; one left out is reported on the whole form.
    constraint_error_fields: dict[str, str] = {}

    def validate_constraints(self, exclude=None):
        using = router.db_for_write(type(self), instance=self)
        errors = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude, using=using)
                except ValidationError as error:
                    field = error_field(model_class, constraint) or NON_FIELD_ERRORS
                    errors.setdefault(field, []).append(error)
        if errors:
            raise ValidationError(errors)


def project_models():
    """Models of the project's own apps (not Django's or third parties')."""
    base = str(settings.BASE_DIR)
    for config in apps.get_app_configs():
        if str(config.path).startswith(base):
            yield from config.get_models()


@checks.register(checks.Tags.models)
def check_constraint_messages(app_configs=None, **kwargs):
    """Every named constraint has a message of its own that renders, on a real field."""
    errors = []
    for model in project_models():
        if model._meta.constraints and not issubclass(model, ConstraintErrorsOnFields):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has constraints but not ConstraintErrorsOnFields.",
                    hint="Put the mixin first in the model's bases.",
                    obj=model,
                    id="newsroom.E012",
                )
            )
        names = {constraint.name for constraint in model._meta.constraints}
        for name in set(getattr(model, "constraint_error_fields", {})) - names:
            errors.append(
                checks.Error(
                    f"{model._meta.label}.constraint_error_fields names {name!r}, "
                    "which is not one of its constraints.",
                    obj=model,
                    id="newsroom.E011",
                )
            )
        for constraint in model._meta.constraints:
            label = f"{model._meta.label}.{constraint.name}"
            if constraint.violation_error_message == DEFAULT_MESSAGE:
                errors.append(
                    checks.Error(
                        f"Constraint {label} has no violation_error_message of its own.",
                        hint="Write what the editor should fix; Django's default names "
                        "the constraint.",
                        obj=model,
                        id="newsroom.E010",
                    )
                )
                continue
            try:
                constraint.get_violation_error_message()
            except (ValueError, TypeError, KeyError) as error:
                errors.append(
                    checks.Error(
                        f"The message of constraint {label} does not render: {error}.",
                        hint="Write a literal percent sign as %%.",
                        obj=model,
                        id="newsroom.E010",
                    )
                )
            field = error_field(model, constraint)
            if field is not None and field not in {f.name for f in model._meta.get_fields()}:
                errors.append(
                    checks.Error(
                        f"Constraint {label} reports on {field!r}, which is not a field.",
                        obj=model,
                        id="newsroom.E011",
                    )
                )
    return errors
