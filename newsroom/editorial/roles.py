"""The desk's roles: the groups Editor, Reporter and Results clerk, and what each may do.

This module knows the role names and newsroom's site-wide permissions; each app declares
what its own models allow each role, in its `declarations.py`, with `grant()`. The role
matrix is the merge of those declarations (`permission_names`). The groups are created by
newsroom/migrations/0004_roles.py; after every `migrate` a post_migrate handler gives each
group exactly the permissions of its role (`sync_roles`), and `manage.py sync_roles` does
the same on demand (after someone edited a group by hand).

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

A superuser has every permission without a group. Names are "app_label.codename".
"""

from collections.abc import Iterable, Mapping

from django.db.models import Model

EDITOR = "Editor"
REPORTER = "Reporter"
RESULTS_CLERK = "Results clerk"

#: Every role, in the order they are listed.
ROLES = (EDITOR, REPORTER, RESULTS_CLERK)

ALL = ("view", "add", "change", "delete")
DRAFTING = ALL
EDITING = ("view", "add", "change")
VIEW = ("view",)

PUBLISH = "newsroom.publish_content"
REVERT = "newsroom.revert_content"
MERGE = "newsroom.merge_content"
EXPORT = "newsroom.export_content"

_granted: dict[str, set[str]] = {role: set() for role in ROLES}


def grant(
    role: str,
    models: Mapping[type[Model], Iterable[str]] | None = None,
    *,
    permissions: Iterable[str] = (),
) -> None:
    """Give `role` the `actions` ("view", "add" …) on each model of `models`, and the
    site-wide `permissions` ("app_label.codename"); called from an app's
    `declarations.py`. Grants add up."""
    if role not in _granted:
        raise LookupError(f"Unknown role {role!r}; the roles are {', '.join(ROLES)}.")
    names = _granted[role]
    for model, actions in (models or {}).items():
        opts = model._meta
        names.update(f"{opts.app_label}.{action}_{opts.model_name}" for action in actions)
    names.update(permissions)


def permission_names(role: str) -> set[str]:
    """Every permission of `role` as "app_label.codename", from every app's declarations."""
    return set(_granted[role])


def sync_roles(group_model, permission_model, roles: Iterable[str] = ROLES) -> dict[str, int]:
    """Create or update each role's group so it holds exactly its permissions.

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


def sync_roles_after_migrate(sender, *, using, **kwargs) -> None:
    """post_migrate receiver (newsroom): every model's permissions first (Django creates
    them app by app, and newsroom's turn comes before the apps that declare the rest),
    then each role's group in line with the declarations."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles(Group, Permission)
