"""Tells the source page which public results rows cite a source, and how to link them."""

from newsroom import citing

from .models import Contest, ContestFact, Jurisdiction, RaceCall, Result
from .selectors import public_contests, public_jurisdictions, public_race_calls


def _contest_url(item) -> str:
    return item.contest.get_absolute_url()


citing.register(Jurisdiction, label="Place", public=public_jurisdictions)
citing.register(Contest, label="Contest", public=public_contests)
citing.register(
    Result,
    label="Result",
    public=lambda: Result.objects.published().select_related("contest", "candidate"),
    url=_contest_url,
)
citing.register(
    ContestFact,
    label="Contest fact",
    public=lambda: ContestFact.objects.published().select_related("contest"),
    describe=lambda item: f"{item.contest}: {item}",
    url=_contest_url,
)
citing.register(
    RaceCall,
    label="Race call",
    public=lambda: public_race_calls().select_related("contest"),
    url=_contest_url,
)
