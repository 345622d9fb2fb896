"""The contest a proposed figure is about: proposed only when the newsroom leaves no doubt,
that is when exactly one contest of the figure's candidate (or, for a figure about no one,
of the candidates the article's figures name) was held in the year the paragraph names,
else the article's year. Otherwise the editor chooses."""

from results.models import Contest, Result

from .figures import ProposedFigure


def proposed_contests(figures: list[ProposedFigure], article_year: int | None) -> list:
    """For each figure, its contest's (pk, name), or (None, None); two queries for the
    whole article."""
    named = {figure.person.key for figure in figures if figure.person}
    held: dict[int, set[tuple[int, int | None]]] = {}
    rows = Result.objects.filter(candidate_id__in=named).values_list(
        "candidate_id", "contest_id", "contest__held_on"
    )
    for candidate_id, contest_id, held_on in rows:
        held.setdefault(candidate_id, set()).add((contest_id, held_on.year if held_on else None))
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
    names = dict(Contest.objects.filter(pk__in=set(chosen) - {None}).values_list("pk", "name"))
    return [(contest_id, names.get(contest_id)) for contest_id in chosen]
