"""The desk's roles: the groups Editor, Reporter and Results clerk, and what each may do.

`ROLES` is the one statement of the role matrix. The data migration
newsroom/migrations/0004_roles.py creates the groups from it, `manage.py sync_roles` puts
them back in line after a change, and the permission tests read it.

- **Editor**: creates, edits, reviews, publishes, unpublishes, reverts, merges and exports
  everything; confirms race calls as the second person.
- **Reporter**: creates and edits drafts and items in review, submits them for review and
  exports citations. Cannot publish; published and unpublished items are read-only to
  reporters, and so are parties once a published item shows them (the admin checks this
  object by object, see newsroom.editorial.workflow.can_edit).
  Contests, results, race calls and snapshots are the results desk's: reporters only see
  them.
- **Results clerk**: edits contests, results, race calls and count snapshots, and imports
  results files, including on published contests (counts move on election night; the
  correction rules still apply). Sees what the autocompletes of those pages need. Cannot
  publish.

A superuser has every permission without a group. Names are "app_label.model" (lower case)
for model permissions and "app_label.codename" for the site-wide ones.
"""

from collections.abc import Iterable

EDITOR = "Editor"
REPORTER = "Reporter"
RESULTS_CLERK = "Results clerk"

ALL = ("view", "add", "change", "delete")
DRAFTING = ALL
EDITING = ("view", "add", "change")
VIEW = ("view",)

#: What reporters draft and editors publish.
NEWSROOM_CONTENT = (
    "newsroom.outlet",
    "newsroom.source",
    "newsroom.contributor",
    "newsroom.citation",
    "newsroom.externalidentifier",
    "candidates.party",
    "candidates.candidate",
    "candidates.careerentry",
    "candidates.platformposition",
    "candidates.quote",
    "candidates.fact",
    "results.jurisdiction",
    "results.contestfact",
)

#: The results desk's records.
RESULTS_DESK = (
    "results.contest",
    "results.result",
    "results.racecall",
    "results.snapshot",
    "results.snapshotentry",
)

PUBLISH = "newsroom.publish_content"
REVERT = "newsroom.revert_content"
MERGE = "newsroom.merge_content"
EXPORT = "newsroom.export_content"
CONFIRM_RACE_CALLS = "results.confirm_racecall"

#: role: ({model label: actions}, [site-wide permissions])
ROLES: dict[str, tuple[dict[str, tuple[str, ...]], list[str]]] = {
    EDITOR: (
        {
            **dict.fromkeys(NEWSROOM_CONTENT, ALL),
            **dict.fromkeys(RESULTS_DESK, ALL),
            "results.importbatch": ("view", "add"),
            "newsroom.workflowevent": VIEW,
            "newsroom.editorialcomment": ALL,
            "newsroom.editingpresence": VIEW,
            "newsroom.correction": EDITING,
            "newsroom.redirect": ALL,
        },
        [PUBLISH, REVERT, MERGE, EXPORT, CONFIRM_RACE_CALLS],
    ),
    REPORTER: (
        {
            **dict.fromkeys(NEWSROOM_CONTENT, DRAFTING),
            **dict.fromkeys(RESULTS_DESK, VIEW),
            "results.importbatch": VIEW,
            "newsroom.workflowevent": VIEW,
            "newsroom.editorialcomment": EDITING,
            "newsroom.editingpresence": VIEW,
            "newsroom.correction": VIEW,
        },
        [EXPORT],
    ),
    RESULTS_CLERK: (
        {
            "results.contest": EDITING,
            "results.result": ALL,
            "results.racecall": EDITING,
            "results.snapshot": ALL,
            "results.snapshotentry": ALL,
            "results.importbatch": ("view", "add"),
            # A result's or contest's sources are cited on its own page.
            "newsroom.citation": ALL,
            # What the contest, result, race call and snapshot pages pick from.
            "results.jurisdiction": VIEW,
            "results.contestfact": VIEW,
            "candidates.party": VIEW,
            "candidates.candidate": VIEW,
            "newsroom.outlet": VIEW,
            "newsroom.source": VIEW,
            "newsroom.workflowevent": VIEW,
            "newsroom.editorialcomment": EDITING,
            "newsroom.editingpresence": VIEW,
            "newsroom.correction": VIEW,
        },
        [],
    ),
}


def permission_names(role: str) -> set[str]:
    """Every permission of `role` as "app_label.codename"."""
    models, extra = ROLES[role]
    names = set(extra)
    for label, actions in models.items():
        app_label, model_name = label.split(".")
        names.update(f"{app_label}.{action}_{model_name}" for action in actions)
    return names


def sync_roles(group_model, permission_model, roles: Iterable[str] = ROLES) -> dict[str, int]:
    """Create or update each role's group so it holds exactly its permissions.

    Takes the models as arguments so the data migration can pass its historical ones.
    Returns {role: number of permissions}. Raises LookupError naming any permission that
    does not exist (run migrate first).
    """
    counts = {}
    for role in roles:
        wanted = permission_names(role)
        found = {}
        for permission in permission_model.objects.filter(
            content_type__app_label__in={name.split(".")[0] for name in wanted}
        ).select_related("content_type"):
            name = f"{permission.content_type.app_label}.{permission.codename}"
            if name in wanted:
                found[name] = permission
        missing = wanted - found.keys()
        if missing:
            raise LookupError(f"Permissions missing for {role}: {', '.join(sorted(missing))}")
        group, _ = group_model.objects.get_or_create(name=role)
        group.permissions.set(found.values())
        counts[role] = len(found)
    return counts
