"""An editor walks the intake of a seed article in Debian's Chromium: the article form, the
review page of proposed quotes and figures, the save with a figure kept; no JavaScript error
on the way."""

import pytest

from candidates.models import Quote
from newsroom.models import Citation, Source
from tests.support import seed_articles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_turns_a_seed_article_into_draft_quotes(signed_in_page, live_server, seed_newsroom):
    page = signed_in_page
    spec = seed_articles.SOURCES["abc"]
    page.goto(f"{live_server.url}/admin/intake/")
    page.select_option("#id_outlet", label="ABC News")
    page.fill("#id_headline", spec["headline"])
    page.fill("#id_standfirst", spec["standfirst"])
    page.fill("#id_text", seed_articles.text_of("abc"))
    page.click("input[name=review]")
    assert page.locator("#proposed-quotes legend", has_text="para. 15").count() == 1
    # Keep one figure: Palmer's age, which the newsroom holds already.
    assert page.input_value("#id_figure-5-kind") == "age"
    assert page.input_value("#id_figure-5-value") == "52"
    page.check("#id_figure-5-keep")
    before = Quote.objects.count()
    page.click("input[name=save]")
    page.wait_for_url("**/change/")
    source = Source.objects.get(headline=spec["headline"], status="draft")
    # The seed newsroom holds these quotes already: each kept one is a new citation of it.
    assert Quote.objects.count() == before
    assert Quote.objects.filter(citations__source=source).count() == 8
    age = Citation.all_objects.get(source=source, field_name="age")
    assert (age.content_object.slug, age.pinpoint, age.value_as_reported) == (
        "jason-palmer",
        "para. 12",
        "",
    )
    assert page.errors == []
