"""Long change forms open on what editors change most; fields set once (addresses, date
precision, wording as reported, a kept article's text) are in a collapsed section, a
<details> element that works without JavaScript."""

import pytest

from tests.support import factories
from tests.support.admin_forms import admin_url

pytestmark = pytest.mark.django_db

#: model factory, fields in the collapsed section, fields on the first screen.
FORMS = {
    "contest": (
        factories.ContestFactory,
        ["slug", "held_on_precision", "held_on_as_reported", "reporting_as_of_as_reported"],
        ["name", "ballots_cast", "count_status", "reporting_percent", "status"],
    ),
    "candidate": (
        factories.CandidateFactory,
        ["slug", "age_as_of_precision", "campaign_launched_on_precision"],
        ["full_name", "party", "summary", "occupation", "status"],
    ),
    "quote": (
        factories.QuoteFactory,
        ["said_on_precision", "said_when_as_reported"],
        ["candidate", "text", "speaker_name", "venue", "said_on", "status"],
    ),
    "source": (
        factories.SourceFactory,
        ["slug", "standfirst", "published_on_precision", "archive_url", "language"],
        ["outlet", "headline", "url", "published_on", "status"],
    ),
}


def collapsed_part(html: str) -> str:
    """What the page's collapsed sections hold."""
    return "".join(part.split("</details>")[0] for part in html.split("<details>")[1:])


@pytest.mark.parametrize("kind", FORMS)
def test_rarely_edited_fields_are_collapsed_and_the_rest_are_not(editor, kind):
    factory, rare, common = FORMS[kind]
    item = factory()

    html = editor.get(admin_url(type(item), "change", item.pk)).text

    collapsed = collapsed_part(html)
    for name in rare:
        assert f'name="{name}"' in collapsed, name
    for name in common:
        assert f'name="{name}"' in html, name
        assert f'name="{name}"' not in collapsed, name


def test_a_sources_kept_article_text_is_collapsed_but_not_on_the_add_form(editor):
    source = factories.SourceFactory(article_text="First paragraph.\n\nSecond paragraph.")

    change = editor.get(admin_url(type(source), "change", source.pk)).text
    add = editor.get(admin_url(type(source), "add")).text

    assert 'name="article_text"' in collapsed_part(change)
    assert 'name="article_text"' in add
    assert 'name="article_text"' not in collapsed_part(add)


def test_an_error_in_a_collapsed_field_opens_its_section(editor):
    contest = factories.ContestFactory()
    data = {"name": contest.name, "slug": "", "held_on_as_reported": "x" * 1000}
    response = editor.post(admin_url(type(contest), "change", contest.pk), data)

    assert response.status_code == 200
    assert "Ensure this value has at most" in response.text
    assert 'name="held_on_as_reported"' in response.text
    assert 'name="held_on_as_reported"' not in collapsed_part(response.text)
