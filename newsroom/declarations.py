"""What newsroom contributes to the shared features: sources as a citable kind (a source is
cited as itself), sources as a searched kind, and what each role may do with newsroom's models.

The other apps declare theirs in their own `declarations.py`; `NewsroomConfig.ready()`
finds them all.
"""

from .citations import registry
from .editorial.roles import (
    ALL,
    DRAFTING,
    EDITING,
    EDITOR,
    EXPORT,
    MERGE,
    PUBLISH,
    REPORTER,
    RESULTS_CLERK,
    REVERT,
    VIEW,
    grant,
)
from .models import (
    Citation,
    Contributor,
    Correction,
    EditingPresence,
    EditorialComment,
    ExternalIdentifier,
    Outlet,
    Redirect,
    Source,
    WorkflowEvent,
)
from .search import Hit, SearchKind, register_kind

# Citation ---------------------------------------------------------------------------------

registry.register(
    Source,
    label="Source",
    published=lambda: Source.objects.published().select_related("outlet"),
    holds_citations=False,
    kind="source",
    sources=lambda source: Source.objects.published().filter(pk=source.pk),
)

# Search -----------------------------------------------------------------------------------

register_kind(
    SearchKind(
        key="source",
        label="Sources",
        singular="Source",
        published=Source.objects.published,
        # The stored document of sources is built from these (migration 0015): change both.
        fields={"A": ("headline", "untitled_description"), "B": ("standfirst",)},
        shown=("headline", "untitled_description", "standfirst"),
        hit=lambda row, snippet: Hit(row.title, row.get_absolute_url(), snippet, row.outlet.name),
        related=("outlet",),
        order=50,
    )
)

# Roles ------------------------------------------------------------------------------------

#: What reporters draft and editors publish.
CONTENT = (Outlet, Source, Contributor, Citation, ExternalIdentifier)

grant(
    EDITOR,
    {
        **dict.fromkeys(CONTENT, ALL),
        WorkflowEvent: VIEW,
        EditorialComment: ALL,
        EditingPresence: VIEW,
        Correction: EDITING,
        Redirect: ALL,
    },
    permissions=[PUBLISH, REVERT, MERGE, EXPORT],
)
grant(
    REPORTER,
    {
        **dict.fromkeys(CONTENT, DRAFTING),
        WorkflowEvent: VIEW,
        EditorialComment: EDITING,
        EditingPresence: VIEW,
        Correction: VIEW,
    },
    permissions=[EXPORT],
)
grant(
    RESULTS_CLERK,
    {
        # A result's or contest's sources are cited on its own page.
        Citation: ALL,
        # What the contest, result, race call and snapshot pages pick from.
        Outlet: VIEW,
        Source: VIEW,
        WorkflowEvent: VIEW,
        EditorialComment: EDITING,
        EditingPresence: VIEW,
        Correction: VIEW,
    },
)
