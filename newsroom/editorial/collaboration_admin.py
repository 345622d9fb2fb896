"""Working together in the admin: presence notices and editorial comments."""


class CollaborationAdminMixin:
    pass
