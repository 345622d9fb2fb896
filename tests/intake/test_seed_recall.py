"""Intake measured against the seed newsroom: the seed's hand-curated quotes and figures are
the gold standard, the three seed articles (read from ../shared/seeds/) the input."""

import re
import sys
from decimal import Decimal

import pytest

from intake.figures import find_figures
from intake.people import newsroom_people
from intake.quotes import find_quotes
from newsroom.paragraphs import paragraph_numbers, split_paragraphs
from seed import data
from tests.support import seed_articles

CANDIDATE_FIGURES = {
    "age": "age",
    "self_funding_amount": "self_funding",
    "campaign_staff_on_ground": "staff",
}
CONTEST_FIGURES = {
    "ballots_cast": "ballots",
    "delegates_at_stake": "delegates_at_stake",
    "reporting_percent": "reporting",
}
RESULT_FIGURES = {"votes": "votes", "reported_share": "share"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").lower())


def gold_quotes(key):
    for quote in data.QUOTES:
        for citation in quote["citations"]:
            if citation["source"] == key:
                yield quote, paragraph_numbers(citation["pinpoint"])[0]


def gold_figures(key):
    names = {c["slug"]: c["full_name"] for c in data.CANDIDATES}
    for candidate in data.CANDIDATES:
        for citation in candidate["citations"]:
            kind = CANDIDATE_FIGURES.get(citation["field"])
            if kind and citation["source"] == key:
                field = {
                    "self_funding": "self_funding_amount",
                    "staff": "campaign_staff_on_ground",
                }.get(kind, kind)
                yield (
                    kind,
                    Decimal(candidate[field]),
                    paragraph_numbers(citation["pinpoint"])[0],
                    candidate["full_name"],
                )
    for contest in data.CONTESTS:
        for citation in contest["citations"]:
            kind = CONTEST_FIGURES.get(citation["field"])
            if kind and citation["source"] == key:
                yield (
                    kind,
                    Decimal(contest[citation["field"]]),
                    paragraph_numbers(citation["pinpoint"])[0],
                    None,
                )
        for result in contest.get("results", []):
            for citation in result["citations"]:
                kind = RESULT_FIGURES.get(citation["field"])
                if kind and citation["source"] == key:
                    value = Decimal(result[citation["field"]])
                    yield (
                        kind,
                        value,
                        paragraph_numbers(citation["pinpoint"])[0],
                        names[result["candidate"]],
                    )


def contains(outer: list[str], inner: list[str]) -> bool:
    return any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def quote_matches(proposal, quote, paragraph, speakers) -> bool:
    proposed, gold = words(proposal.text), words(quote["text"])
    return (
        proposal.paragraph == paragraph
        and contains(proposed, gold)
        and len(proposed) - len(gold) <= 3
        and proposal.speaker is not None
        and proposal.speaker.key == speakers[quote["candidate"]]
    )


def measure(key, people, speakers):
    spec = seed_articles.SOURCES[key]
    paragraphs = split_paragraphs(
        seed_articles.text_of(key), headline=spec["headline"], standfirst=spec.get("standfirst", "")
    )
    quotes = find_quotes(paragraphs, people)
    gold = list(gold_quotes(key))
    found = [g for g in gold if any(quote_matches(p, *g, speakers) for p in quotes)]
    right = [p for p in quotes if any(quote_matches(p, *g, speakers) for g in gold)]
    figures = find_figures(paragraphs, people)
    gold_f = list(gold_figures(key))
    found_f = [
        g
        for g in gold_f
        if any(
            (f.kind, f.value, f.paragraph) == g[:3]
            and (g[3] is None or (f.person and f.person.full_name == g[3]))
            for f in figures
        )
    ]
    misses = [f"quote para. {p}: {q['text'][:50]}" for q, p in gold if (q, p) not in found]
    misses += [
        f"quote proposal para. {p.paragraph} matches no seed quote: {p.text[:50]}"
        for p in quotes
        if p not in right
    ]
    misses += [
        f"figure para. {g[2]}: {g[0]} {g[1]} ({g[3] or 'contest'})"
        for g in gold_f
        if g not in found_f
    ]
    return (len(found), len(gold), len(right), len(quotes), len(found_f), len(gold_f)), misses


@pytest.mark.django_db
def test_intake_finds_the_seed_newsrooms_quotes_and_figures(seed_newsroom, capsys):
    people = newsroom_people()
    from candidates.models import Candidate

    speakers = dict(Candidate.objects.values_list("slug", "pk"))
    rows, total, all_misses = [], [0] * 6, []
    for key in seed_articles.FILES:
        counts, misses = measure(key, people, speakers)
        rows.append((key, counts))
        total = [a + b for a, b in zip(total, counts, strict=True)]
        all_misses += [f"{key}: {miss}" for miss in misses]
    rows.append(("overall", total))
    lines = ["", "article   quote recall   quote precision   figure recall"]
    for key, (found, gold, right, proposed, found_f, gold_f) in rows:
        lines.append(
            f"{key:<9} {found:>3}/{gold:<3} {found / gold:>5.0%}  "
            f"{right:>3}/{proposed:<3} {right / max(proposed, 1):>5.0%}"
            f"   {found_f:>3}/{gold_f:<3} {found_f / gold_f:>5.0%}"
        )
    lines += ["misses:"] + (all_misses or ["none"])
    with capsys.disabled():
        sys.stdout.write("\n".join(lines) + "\n")
    found, gold, right, proposed, found_f, gold_f = total
    assert found / gold >= 0.9, all_misses
    assert right / proposed >= 0.8, all_misses
    assert found_f / gold_f >= 0.8, all_misses
