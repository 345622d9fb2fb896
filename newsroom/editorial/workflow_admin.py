"""Publication workflow in the admin (roles, transitions, bulk actions, dashboard)."""


class WorkflowAdminMixin:
    pass
