"""Editorial policy, declared on each model: what the editorial engine needs to know about it.

A model states its policy once, as a class attribute, the way Wagtail models state theirs::

    class Quote(Publishable):
        editorial = EditorialPolicy(
            needs_citation=True,
            corrected=True,
            owner="candidate",
            public_fields=("text", "speaker_name", ...),
        )

The engine reads it through `policy_of()` (the workflow, corrections, versions, merging,
visibility), so newsroom never names another app's models. A model without a declaration
gets `NO_POLICY`; the system check in newsroom.editorial.checks makes a publishable model
without the declarations it needs fail `manage.py check`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class EditorialPolicy:
    #: Published only once readers can see where it comes from: at least one citation of a
    #: published source (newsroom.editorial.workflow.missing_sources). A model whose sources
    #: are found elsewhere (a contest: its results, its count updates) defines
    #: `why_sources_missing()` and declares True. Every publishable model must say: None is
    #: "not declared", which the system check refuses.
    needs_citation: bool | None = None
    #: Every public change is recorded as a correction, clarification, update or retraction.
    corrected: bool = False
    #: Numbers readers rely on: a change to one on a public item always needs a correction.
    number_fields: tuple[str, ...] = ()
    #: The relation to the item whose page shows this row ("contest" for a result,
    #: "content_object" for a citation); "" for an item with a page of its own.
    owner: str = ""
    #: The fields a published version shows on its permalink; empty: no permalinks.
    public_fields: tuple[str, ...] = ()
    #: The public fields readers see each with its own footnote: whenever one holds a value,
    #: a citation of that field must support it (the provenance report lists those that have
    #: none, and publishing refuses them, newsroom.provenance). Empty: the item is cited as a
    #: whole. Every model with citations must say: None is "not declared", which the system
    #: check refuses.
    cited_fields: tuple[str, ...] | None = None
    #: Parents that must be public for a row to be, beyond its queryset's
    #: `public_parents` (for models whose querysets are not PublishableQuerySets).
    extra_parents: tuple[str, ...] = ()
    #: Whoever may change it may update it while published (the results desk's contests).
    live_while_published: bool = False
    #: The field holding words reproduced verbatim (a quote's text), checked against the
    #: cited passages (newsroom.provenance); "" for none.
    verbatim_field: str = ""
    #: The boolean field saying the verbatim words are a fragment, found as they are.
    fragment_field: str = ""
    #: Duplicates can be merged (newsroom.editorial.merging).
    mergeable: bool = False
    #: Merging: fields never dropped (the duplicate's value fills an empty one; two
    #: different values refuse the merge).
    merge_keeps: tuple[str, ...] = ()
    #: Merging: fields whose difference suggests two different things; the editor confirms.
    merge_warns_if_different: tuple[str, ...] = ()


#: The policy of a model that declares none: no workflow rule applies to it.
NO_POLICY = EditorialPolicy()

#: The class attribute a model declares its policy in.
ATTRIBUTE = "editorial"


def declared_policy(model) -> EditorialPolicy | None:
    """The policy `model` (a class or an instance) declares, or None."""
    policy = getattr(model, ATTRIBUTE, None)
    return policy if isinstance(policy, EditorialPolicy) else None


def policy_of(model) -> EditorialPolicy:
    """The policy of `model` (a class or an instance); NO_POLICY when it declares none."""
    return declared_policy(model) or NO_POLICY
