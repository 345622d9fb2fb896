"""`EditorialAdmin`: the admin base of every editable model, and its inline mixin."""

from .base_admin import BaseEditorialAdmin, EditorialInlineMixin
from .collaboration_admin import CollaborationAdminMixin
from .history_admin import HistoryAdminMixin
from .workflow_admin import WorkflowAdminMixin

__all__ = ["EditorialAdmin", "EditorialInlineMixin"]


class EditorialAdmin(
    WorkflowAdminMixin, HistoryAdminMixin, CollaborationAdminMixin, BaseEditorialAdmin
):
    pass
