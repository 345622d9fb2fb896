"""Search of contests, for the site search."""

from newsroom.search import Hit, matching, snippet

from .selectors import public_contests

CONTEST_FIELDS = ("name", "summary")


def search_contests(query: str, *, limit: int) -> list[Hit]:
    rows = matching(public_contests(), CONTEST_FIELDS, query, shown="summary")[:limit]
    return [
        Hit(
            row.name,
            row.get_absolute_url(),
            snippet(row, row.summary, query),
            row.get_count_status_display(),
        )
        for row in rows
    ]
