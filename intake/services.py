"""Saving an intake: the source with its text, and the kept quotes as drafts with their
citations, in one transaction. Every row records that it came from article intake."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from candidates.models import Quote
from newsroom.cited_values import canonical
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, Contributor, Source
from results.models import Result

from .figures import MONEY, NUMBER, money_value, number_value

CHANGE_SOURCE = "from article intake"


def _unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "source"
    slug, number = base, 1
    while Source.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _date_derivation(kept: dict) -> str:
    """How the date said was derived, when the editor kept the date intake derived."""
    derived = kept.get("said_on") and kept.get("said_on") == kept.get("derived_said_on")
    return kept.get("derivation", "")[:300] if derived else ""


def _tracked(row):
    row._change_source = CHANGE_SOURCE
    row._change_reason = "Added by article intake"
    return row


@transaction.atomic
def save_intake(
    *, article: dict, quotes: list[dict], figures: list[tuple[dict, object]] = ()
) -> Source:
    """Create the (draft) source and the kept quotes (drafts), each cited with its pinpoint
    and passage; a kept quote already in the newsroom gets a new citation instead. Each kept
    figure (with the item `figure_targets` found for it) is cited on its field. Nothing
    is published."""
    source = _tracked(
        Source(
            outlet=article["outlet"],
            headline=article["headline"],
            untitled_description=article["untitled_description"],
            standfirst=article["standfirst"],
            published_on=article["published_on"],
            published_on_precision=article["published_on_precision"] or "",
            url=article["url"],
            article_text=article["text"],
            slug=_unique_slug(article["headline"] or article["untitled_description"]),
        )
    )
    source.full_clean()
    source.save()
    for position, name in enumerate(n.strip() for n in article["contributors"].splitlines()):
        if name:
            _tracked(Contributor(source=source, name=name, position=position)).save()
    for kept in quotes:
        quote = kept.get("existing")
        if quote is None:
            quote = _tracked(
                Quote(
                    candidate=kept["candidate"],
                    text=kept["text"],
                    is_partial=kept["is_partial"],
                    speaker_name=kept["speaker_name"],
                    said_when_as_reported=kept.get("said_when_as_reported", ""),
                    said_on=kept.get("said_on"),
                    said_on_precision="day" if kept.get("said_on") else "",
                )
            )
            quote.save()
        _tracked(
            Citation(
                source=source,
                content_object=quote,
                pinpoint=f"para. {kept['paragraph']}",
                quoted_passage=kept["passage"],
                derivation=_date_derivation(kept) if kept.get("existing") is None else "",
            )
        ).save()
    cited: set = set()
    created: set = set()
    for figure, item in figures:
        _keep_figure(source, figure, item, cited, created)
    return source


#: Where a kept figure goes: (model, field). "money" that is not self-funding has no field.
FIGURE_FIELDS = {
    "votes": ("result", "votes"),
    "share": ("result", "reported_share"),
    "ballots": ("contest", "ballots_cast"),
    "reporting": ("contest", "reporting_percent"),
    "delegates_at_stake": ("contest", "delegates_at_stake"),
    "age": ("candidate", "age"),
    "self_funding": ("candidate", "self_funding_amount"),
    "staff": ("candidate", "campaign_staff_on_ground"),
}
NO_FIELD = "Enter it by hand: no field holds it."


def figure_targets(figures: list[dict], user) -> list:
    """For each kept figure, the item its citation goes on (a Result not yet saved when
    the candidate has none in a draft contest), or a dict of field errors. Reads the
    figures' results in one query. Nothing is written."""
    pairs = {
        (f["contest"].pk, f["candidate"].pk)
        for f in figures
        if FIGURE_FIELDS.get(f["kind"], ("",))[0] == "result"
        and f.get("contest")
        and f.get("candidate")
    }
    results = {}
    if pairs:
        query = Q()
        for contest_id, candidate_id in pairs:
            query |= Q(contest_id=contest_id, candidate_id=candidate_id)
        results = {(r.contest_id, r.candidate_id): r for r in Result.objects.filter(query)}
    targets = []
    for figure in figures:
        home = FIGURE_FIELDS.get(figure["kind"])
        if home is None:
            targets.append({"kind": NO_FIELD})
            continue
        model, _ = home
        if not user.has_perm("newsroom.add_citation"):
            targets.append({None: "You may not add citations: this figure cannot be kept."})
        elif model == "candidate":
            targets.append(figure.get("candidate") or {"candidate": "Choose the candidate."})
        elif model == "contest":
            targets.append(figure.get("contest") or {"contest": "Choose the contest."})
        else:
            targets.append(_result_target(figure, results, user))
    return targets


def _result_target(figure, results, user):
    contest, candidate = figure.get("contest"), figure.get("candidate")
    errors = {}
    if not candidate:
        errors["candidate"] = "Choose the candidate."
    if not contest:
        errors["contest"] = "Choose the contest."
    if errors:
        return errors
    result = results.get((contest.pk, candidate.pk))
    if result is not None:
        return result
    if contest.status == Status.PUBLISHED:
        return {
            "contest": f"{candidate} has no result in {contest}, and a new result in a "
            "published contest is public at once: choose the candidate's contest, or "
            "enter the result by hand."
        }
    if not user.has_perm("results.add_result"):
        return {"contest": f"{candidate} has no result in {contest}, and you may not add results."}
    result = Result(contest=contest, candidate=candidate)
    _set_figure(result, figure)
    try:
        result.full_clean()
    except ValidationError as error:
        return {"value": " ".join(error.messages)}
    results[(contest.pk, candidate.pk)] = result
    return result


def _set_figure(item, figure: dict) -> None:
    """Put the figure's value in its field on `item`: a share as it is, a count whole."""
    number = figure["value"]
    field = FIGURE_FIELDS[figure["kind"]][1]
    setattr(item, field, number if figure["kind"] == "share" else int(number))


def _keep_figure(source, figure, item, cited: set, created: set) -> None:
    """Cite the figure's passage on its field. A value the field holds already is another
    outlet reporting it (plain support). Any other value, or a field still empty, is kept
    as this source's differing value, in the article's words: intake never changes a
    field, so nothing reaches a page before review."""
    field = FIGURE_FIELDS[figure["kind"]][1]
    value = format(figure["value"].normalize(), "f")
    if item.pk is None or (id(item) in created and getattr(item, field) is None):
        # A result intake creates, in a draft contest: a draft with its contest (checked
        # by figure_targets).
        _set_figure(item, figure)
        if item.pk is not None:
            item.full_clean()
        _tracked(item).save()
        created.add(id(item))
    pinpoint = f"para. {figure['paragraph']}"
    key = (type(item), item.pk, field, pinpoint)
    if key in cited:
        return
    cited.add(key)
    same = canonical(item, field) == value
    # The article's words, unless the editor corrected the value they say.
    reported = figure["words"] if _words_value(figure) == figure["value"] else value
    _tracked(
        Citation(
            source=source,
            content_object=item,
            field_name=field,
            pinpoint=pinpoint,
            quoted_passage=figure["passage"],
            value_as_reported="" if same else reported[:200],
        )
    ).save()


def _words_value(figure: dict):
    """The value the figure's words say, or None."""
    money = re.search(MONEY, figure["words"])
    if money:
        return money_value(money.group(0))
    number = re.search(NUMBER, figure["words"], re.IGNORECASE)
    return number_value(number.group(1)) if number else None
