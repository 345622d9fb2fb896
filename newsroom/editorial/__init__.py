"""The editorial desk: optimistic locking (locking), public corrections (corrections),
presence (presence), editorial comments (comments), the dashboard and what readers see of
it (dashboard, public). Its admin side, one module per operation, is the admin package:
`EditorialAdmin` in admin/options.py puts them together."""
