"""Citations rendered together, as `newsroom.citations.render` runs them when many are
missing from the cache (a basket, a page's sources), read exactly as each renders alone.

Works that share a name (two people called Dubois, two articles by one reporter in one
year, two unsigned articles) are what citeproc would tell apart if it saw them in one run
("I. Dubois", "2024a", "———"); the render keeps them in separate runs. Each string of the
batched render is compared with the string pandoc gives for that work or use alone.
"""

import json

import pytest
from django.core.cache import cache

from newsroom.citations import render

pytestmark = pytest.mark.reference


def article(item_id, title, *, author=None, year=2024, container="Pacific Wire"):
    item = {
        "id": item_id,
        "type": "article-newspaper",
        "title": title,
        "container-title": container,
        "issued": {"date-parts": [[year, 3, 6]]},
        "URL": f"https://example.org/{item_id}",
    }
    if author is not None:
        item["author"] = [author]
    return item


INES = {"family": "Dubois", "given": "Ines"}
WORKS = [
    article("alpha", "Alpha report", author=INES),
    article("beta", "Beta report", author={"family": "Dubois", "given": "Marc"}),
    article("gamma", "Gamma report", author=INES),
    article("delta", "Delta report", author={"literal": "Pacific Wire Staff"}),
    article("epsilon", "Epsilon report", author={"literal": "Pacific Wire Staff"}, year=2023),
    article("zeta", "Unsigned caucus notes"),
    article("eta", "Unsigned caucus notes, continued"),
    article("theta", "Theta report", author={"family": "Mauga", "given": "Tala"}),
]
USES = [
    (work, {"id": work["id"], "locator": str(number), "label": "paragraph"})
    for number, work in enumerate(WORKS, start=1)
] + [(WORKS[0], {"id": "alpha", "locator": "12", "label": "paragraph"})]


def alone(job: dict) -> list[dict]:
    return render.run_pandoc([job])[0]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("style", list(render.STYLES))
def test_entries_and_citations_rendered_together_read_as_each_alone(style):
    chosen = render.STYLES[style]
    entries = [render._entry_request(work, chosen) for work in WORKS]
    citations = [render._citation_request(work, cite, chosen) for work, cite in USES]
    requests = entries + citations

    runs = render._together(requests)
    together = render._rendered(requests)

    assert len(runs) < len(requests) / 2, "jobs of works apart run in few citeproc runs"
    assert any(job["cites"] and job["entry_ids"] for job, _ in runs), "entries beside cites"
    for key, job in requests:
        assert together[key] == alone(job), (style, job.get("cites") or json.loads(job["items"]))


def test_works_sharing_a_name_are_never_run_together():
    """The check above can fail: put the two Duboises in one run and APA tells them apart
    by their initials, which neither shows alone."""
    chosen = render.STYLES["apa"]
    pair = [USES[0], USES[1]]
    naive = {
        "style": str(chosen.path),
        "mode": "apart",
        "items": json.dumps([chosen.prepare(work) for work, _ in pair]),
        "cites": [cite for _, cite in pair],
        "entry_ids": [],
    }
    each = [
        alone(render._citation_request(work, cite, chosen)[1])[0]["text"] for work, cite in pair
    ]

    assert [entry["text"] for entry in alone(naive) if entry["part"] == "citation"] != each
    assert each == ["(Dubois, 2024, para. 1)", "(Dubois, 2024, para. 2)"]
    runs = render._together([render._citation_request(work, cite, chosen) for work, cite in pair])
    assert len(runs) == 2
