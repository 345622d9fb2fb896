"""The system check on editorial policies: a forgotten declaration fails `manage.py check`.

Each model declares its editorial policy on itself (newsroom.editorial.policy). A
publishable model must say at least whether it needs a cited source before it is
published: without the check, a new kind of sourced fact that forgot would be published
without one, silently. Every field a policy names must exist on the model.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core import checks
from django.core.exceptions import FieldDoesNotExist

from ..constraints import project_models
from .policy import ATTRIBUTE, EditorialPolicy, declared_policy
from .publishing import Publishable


def policy_errors(model) -> list[checks.Error]:
    """What is missing or wrong in `model`'s editorial policy."""
    label = model._meta.label
    policy = declared_policy(model)
    publishable = issubclass(model, Publishable)
    if policy is None:
        if not publishable:
            return []
        return [
            checks.Error(
                f"{label} is publishable but declares no editorial policy.",
                hint=f"Give it `{ATTRIBUTE} = EditorialPolicy(needs_citation=…)` "
                "(newsroom.editorial.policy): say at least whether it needs a cited, "
                "published source before it is published.",
                obj=model,
                id="newsroom.E020",
            )
        ]
    errors = []
    if publishable and policy.needs_citation is None:
        errors.append(
            checks.Error(
                f"{label}'s editorial policy does not say whether it needs a citation.",
                hint="Declare needs_citation=True (published only with a cited, published "
                "source) or needs_citation=False (it needs none).",
                obj=model,
                id="newsroom.E021",
            )
        )
    if (
        policy.needs_citation
        and not hasattr(model, "why_sources_missing")
        and not _has_field(model, "citations")
    ):
        errors.append(
            checks.Error(
                f"{label} needs a citation but has no `citations` relation.",
                hint='Add `citations = GenericRelation("newsroom.Citation")`, or define '
                "why_sources_missing() saying where its sources are.",
                obj=model,
                id="newsroom.E022",
            )
        )
    if _holds_citations(model) and policy.cited_fields is None:
        errors.append(
            checks.Error(
                f"{label} has citations but its editorial policy does not say which of its "
                "public fields need a footnote.",
                hint="Declare cited_fields=(…) (each public field readers see with its own "
                "footnote), or cited_fields=() when the item is cited as a whole.",
                obj=model,
                id="newsroom.E024",
            )
        )
    for name in policy.cited_fields or ():
        if name not in policy.public_fields:
            errors.append(
                checks.Error(
                    f"{label}'s editorial policy names {name!r} in cited_fields, which is "
                    "not one of its public_fields.",
                    obj=model,
                    id="newsroom.E025",
                )
            )
    for setting, name in _named_fields(policy):
        if not _has_field(model, name):
            errors.append(
                checks.Error(
                    f"{label}'s editorial policy names {name!r} in {setting}, "
                    "which is not one of its fields.",
                    obj=model,
                    id="newsroom.E023",
                )
            )
    return errors


def _named_fields(policy: EditorialPolicy):
    if policy.owner:
        yield "owner", policy.owner
    for setting in ("verbatim_field", "fragment_field"):
        if getattr(policy, setting):
            yield setting, getattr(policy, setting)
    for setting in (
        "public_fields",
        "cited_fields",
        "extra_parents",
        "number_fields",
        "merge_keeps",
        "merge_warns_if_different",
    ):
        for name in getattr(policy, setting) or ():
            yield setting, name


def _holds_citations(model) -> bool:
    """Whether `model` is cited (a `citations` generic relation), not a source's reverse
    relation of the same name."""
    try:
        return isinstance(model._meta.get_field("citations"), GenericRelation)
    except FieldDoesNotExist:
        return False


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


@checks.register(checks.Tags.models)
def check_editorial_policies(app_configs=None, **kwargs):
    """Every publishable model declares its editorial policy, and every policy is sound."""
    errors = []
    for model in project_models():
        errors.extend(policy_errors(model))
    return errors
