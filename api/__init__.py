"""The read-only JSON API under /api/v1/: published candidates, contests, snapshots, quotes,
facts and sources, with an OpenAPI 3 schema. Reads go through each model's `published()`."""
