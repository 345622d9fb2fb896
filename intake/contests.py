"""The contest a proposed figure is about: proposed only when the newsroom leaves no doubt,
that is when exactly one contest of the figure's candidate (or, for a figure about no one,
of the candidates the article's figures name) was held in the year the paragraph names,
else the article's year. Otherwise the editor chooses."""

from decimal import Decimal

from results.models import Contest, Result

from .figures import ProposedFigure

_RESULT_FIELDS = {"votes": "votes", "share": "reported_share"}
_CONTEST_FIELDS = {
    "ballots": "ballots_cast",
    "reporting": "reporting_percent",
    "delegates_at_stake": "delegates_at_stake",
}


def _canonical(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def proposed_contests(figures: list[ProposedFigure], article_year: int | None) -> list:
    """For each figure, its contest's (pk, name, held), or (None, None, None): `held` is
    the value the newsroom holds for the figure's field of a result or contest ("" when
    empty), None when there is no such result or the figure is not of one. Two queries for
    the whole article."""
    named = {figure.person.key for figure in figures if figure.person}
    held: dict[int, set[tuple[int, int | None]]] = {}
    values: dict[tuple[int, int], dict] = {}
    rows = Result.objects.filter(candidate_id__in=named).values_list(
        "candidate_id", "contest_id", "contest__held_on", "votes", "reported_share"
    )
    for candidate_id, contest_id, held_on, votes, share in rows:
        held.setdefault(candidate_id, set()).add((contest_id, held_on.year if held_on else None))
        values[(candidate_id, contest_id)] = {"votes": votes, "reported_share": share}
    chosen = []
    for figure in figures:
        year = figure.year or article_year
        people = [figure.person.key] if figure.person else sorted(named)
        matches = {
            contest_id
            for person in people
            for contest_id, contest_year in held.get(person, ())
            if year is not None and contest_year == year
        }
        chosen.append(matches.pop() if len(matches) == 1 else None)
    contests = {
        row["pk"]: row
        for row in Contest.objects.filter(pk__in=set(chosen) - {None}).values(
            "pk", "name", *_CONTEST_FIELDS.values()
        )
    }
    proposed = []
    for figure, contest_id in zip(figures, chosen, strict=True):
        contest, value = contests.get(contest_id), None
        if contest and figure.kind in _CONTEST_FIELDS:
            value = _canonical(contest[_CONTEST_FIELDS[figure.kind]])
        elif contest and figure.person and figure.kind in _RESULT_FIELDS:
            result = values.get((figure.person.key, contest_id))
            value = None if result is None else _canonical(result[_RESULT_FIELDS[figure.kind]])
        proposed.append((contest_id, contest and contest["name"], value))
    return proposed
