"""The editorial engine: everything between a reporter's draft and what readers see.

Split by concern, as Wagtail splits its models:

- `policy`: the editorial policy each model declares on itself (`EditorialPolicy`), and
  `checks`, the system check that refuses a publishable model without one;
- `publishing`: draft state (statuses, `published()`, scheduled publishing) and the one
  answer to "can readers see this?" (`is_public`, the owner walk);
- `locking`: optimistic locking (`Versioned`) and what changed since a version;
- `history`: the tracked history of every model, with the source of each change;
- `versions`: the published versions read from that history, with permalinks;
- `workflow`: the steps between statuses, who may take them, what publishing needs;
- `corrections`: when a change to a public item needs a public correction;
- `merging`: merging duplicates; `removals`: deleting public items (the public note, the
  tombstone); `comments`, `presence`: editors' notes and who is editing;
- `roles`: the desk's roles, merged from each app's declarations;
- `records`: the editorial records (workflow steps, comments, presence, corrections,
  redirects, tombstones), models of the newsroom app;
- `public`: what readers see of all this (corrections, staff previews); `dashboard`: the
  editors' view of it;
- the admin side: the `admin` package, one module per operation (locking, change note,
  workflow, history, merging, removals, presence, comments), put together by `EditorialAdmin` in
  admin/options.py.
"""
