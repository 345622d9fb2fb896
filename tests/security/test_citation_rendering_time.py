"""A hostile title cannot tie up a worker: citeproc never sees markup tags in our fields.

pandoc's citeproc parses HTML-like tags in CSL fields with exponential cost on nested
unclosed ones (measured: 16 unclosed <b> took 0.3 s, 20 took 3 s, 24 took 49 s), so every
"<" is made inert before rendering; the tests check that, not the clock.
"""

import uuid

from newsroom.citations import render


def hostile_item(title: str) -> dict:
    return {
        "id": f"hostile-{uuid.uuid4().hex}",
        "type": "article-newspaper",
        "title": title,
        "container-title": "The <i>Ledger</i>",
        "issued": {"date-parts": [[2024, 3, 6]]},
    }


def test_no_tag_reaches_pandoc_from_any_field(monkeypatch):
    sent = []

    def capture(jobs):
        sent.extend(jobs)
        return [answer(job) for job in jobs]

    def answer(job):
        """What render.lua answers, with empty strings: an entry a work asked for."""
        if job["mode"] == "apart":
            return [
                {"id": work, "text": "", "html": "", "part": "entry"} for work in job["entry_ids"]
            ]
        return [{"id": "x", "text": "", "html": ""}]

    monkeypatch.setattr(render, "run_pandoc", capture)
    render.render_entries([hostile_item("<b>" * 24)], styles=["apa", "mla"])
    assert sent
    for job in sent:
        assert "<b>" not in job["items"] and "<i>" not in job["items"]


def test_tags_in_a_title_print_as_text_not_formatting():
    entry = render.render_entries([hostile_item("<b>Bold</b> claim")], styles=["apa"])["apa"][0]
    assert "<b>" not in entry.html
    assert "&lt;" in entry.html
    assert "Bold" in entry.text and "claim" in entry.text
