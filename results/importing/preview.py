"""Plain-language descriptions of a plan, shared by the command, the desk page and the admin."""

import datetime

from .planning import Action, RowPlan

ACTION_LABELS = {
    Action.ADD: "add",
    Action.CHANGE: "change",
    Action.UNCHANGED: "unchanged",
}


def describe_value(value) -> str:
    if value is None or value == "":
        return "not reported"
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return str(value)


def describe_row(row: RowPlan) -> str:
    """e.g. 'change jason-palmer: votes 51 → 60; skipped share 56.00, keeps 56.04: locked…'."""
    heading = f"{ACTION_LABELS[row.action]} {row.candidate.slug}"
    changes = [f"{c.column} {describe_value(c.old)} → {describe_value(c.new)}" for c in row.changes]
    parts = [f"{heading}: {', '.join(changes)}" if changes else heading]
    parts.extend(
        f"skipped {s.column} {describe_value(s.offered)}, keeps {describe_value(s.kept)}: "
        f"{s.reason}"
        for s in row.skipped
    )
    return "; ".join(parts)
