"""The editorial desk in the admin, one module per operation.

- options.py: `EditorialAdmin`, the admin base of every editable model, whose hooks each
  hand their work to the operations below; `AttachedRowAdmin` (citations, identifiers);
  `EditorialInlineMixin` and `EditorialGenericInlineMixin` for its inlines.
- forms.py: `EditorialForm` and the inline formsets, declared once.
- locking.py: optimistic locking (`VersionedModelForm`; stale saves and deletes refused).
- change_note.py: the change note and the public correction record.
- workflow.py: permissions of the roles, the status field, steps recorded, the workflow
  panel; workflow_actions.py: the bulk workflow actions (`WORKFLOW_ACTIONS`).
- history.py: history with diffs, one version and revert; merging.py: merge two duplicates.
- presence.py, comments.py: who else has the item open, editorial comments.
- long_inlines.py: inlines past their `row_limit` become a link to the rows' own list.
"""

from .forms import EditorialForm, EditorialFormSetMixin
from .locking import VersionedInlineForm, VersionedModelForm
from .long_inlines import INLINE_ROW_LIMIT
from .options import (
    AttachedRowAdmin,
    EditorialAdmin,
    EditorialGenericInlineMixin,
    EditorialInlineMixin,
)
from .workflow_actions import WORKFLOW_ACTIONS

__all__ = [
    "INLINE_ROW_LIMIT",
    "WORKFLOW_ACTIONS",
    "AttachedRowAdmin",
    "EditorialAdmin",
    "EditorialForm",
    "EditorialFormSetMixin",
    "EditorialGenericInlineMixin",
    "EditorialInlineMixin",
    "VersionedInlineForm",
    "VersionedModelForm",
]
