"""The editorial desk in the admin: optimistic locking, change notes and sources, public
corrections (base_admin, forms, locking, corrections), the publication workflow
(workflow_admin), history with diff and revert (history_admin), and presence and editorial
comments (collaboration_admin). `EditorialAdmin` in admin.py puts them together."""
