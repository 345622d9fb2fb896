"""History in the admin: field-by-field diff, revert, merge of duplicates."""


class HistoryAdminMixin:
    pass
