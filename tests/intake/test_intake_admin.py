"""The admin's "Add a source from its text": review the proposed quotes, keep some, save
them as drafts cited with their paragraph; bad text saves nothing."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from candidates.models import Quote
from newsroom.models import Citation, Outlet, Source
from results.models import Contest, Result
from tests.support import seed_articles

pytestmark = pytest.mark.django_db


def article(**extra):
    spec = seed_articles.SOURCES["fox"]
    return {
        "outlet": Outlet.objects.get(slug="fox-news").pk,
        "untitled_description": spec["untitled_description"],
        "published_on": "2024-03-01",
        "published_on_precision": "month",
        "contributors": "The Associated Press",
        "text": seed_articles.text_of("fox"),
        **extra,
    }


def kept_forms(formset, keep, figures=None, keep_figure=lambda f: False):
    """The review page's forms as posted: the quotes `keep` says yes to ticked, and (given
    the figures' formset) the figures `keep_figure` says yes to."""
    data = {}
    for prefix, forms_, ticked in (("quote", formset, keep), ("figure", figures, keep_figure)):
        if forms_ is None:
            data.update({"figure-TOTAL_FORMS": 0, "figure-INITIAL_FORMS": 0})
            continue
        data.update({f"{prefix}-{k}": v for k, v in forms_.management_form.initial.items()})
        for index, form in enumerate(forms_):
            for name, value in form.initial.items():
                if name != "keep" and value is not None:
                    data[f"{prefix}-{index}-{name}"] = value
            if ticked(form.initial):
                data[f"{prefix}-{index}-keep"] = "on"
    return data


def test_kept_quote_already_in_the_newsroom_becomes_a_new_citation_of_it(
    seed_newsroom, admin_client_logged_in
):
    url = reverse("article_intake")
    formset = admin_client_logged_in.post(url, article(review="1")).context["formset"]
    existing = Quote.objects.get(text__startswith="You can’t take the money")
    assert [f.initial["existing"] for f in formset if f.initial["paragraph"] == 15] == [existing.pk]
    before = Quote.objects.count()
    admin_client_logged_in.post(
        url, {**article(save="1"), **kept_forms(formset, lambda q: q["paragraph"] == 15)}
    )
    assert Quote.objects.count() == before
    assert existing.citations.filter(source__status="draft").get().pinpoint == "para. 15"


def test_kept_quotes_are_saved_as_drafts_cited_with_their_paragraph(
    seed_newsroom, admin_client_logged_in
):
    synthetic = (
        "Synthetic intake headline\n\nA first synthetic paragraph.\n\n"
        "“Synthetic words one for the intake test,” Palmer said.\n\n"
        "“Synthetic words two, said for the test,” Biden said."
    )
    url = reverse("article_intake")
    text = {"text": synthetic, "headline": "Synthetic intake headline"}
    review = admin_client_logged_in.post(url, article(review="1", **text))
    assert review.status_code == 200
    formset = review.context["formset"]
    assert [form.initial["paragraph"] for form in formset] == [2, 3]
    before = Quote.objects.count()
    saved = admin_client_logged_in.post(
        url,
        {**article(save="1", **text), **kept_forms(formset, lambda q: True)},
    )
    assert saved.status_code == 302
    source = Source.objects.get(
        untitled_description=article()["untitled_description"], status="draft"
    )
    new = Quote.objects.filter(citations__source=source).order_by("pk")
    assert Quote.objects.count() == before + 2
    assert {q.status for q in new} == {"draft"}
    assert [c.pinpoint for q in new for c in q.citations.all()] == ["para. 2", "para. 3"]
    assert [q.candidate.slug for q in new] == ["jason-palmer", "joe-biden"]
    assert new.last().history.first().history_change_source == "from article intake"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("text", "", "it is empty"),
        ("upload", SimpleUploadedFile("big.txt", b"x" * (5 * 1024 * 1024)), "up to 1,000 kB"),
        ("text", "Заголовок\n\nЭто синтетический текст.", "another script"),
        ("upload", SimpleUploadedFile("a.txt", b"\x00\x01binary"), "not text"),
    ],
)
def test_bad_article_text_gets_a_message_and_saves_nothing(
    seed_newsroom, admin_client_logged_in, field, value, message
):
    sources = Source.objects.count()
    response = admin_client_logged_in.post(
        reverse("article_intake"), {**article(save="1"), field: value}
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Source.objects.count() == sources


def test_a_paste_over_the_request_size_limit_gets_the_form_back_with_a_message(
    seed_newsroom, admin_client_logged_in
):
    sources = Source.objects.count()
    paste = ("Synthetic paragraph of filler words.\n\n" * 140_000)[: 5 * 1024 * 1024]
    response = admin_client_logged_in.post(reverse("article_intake"), article(text=paste))
    assert response.status_code == 400
    assert "too large to read" in response.context["refusal"]
    assert b'id="article-intake"' in response.content
    assert Source.objects.count() == sources


def test_other_bad_requests_still_get_the_plain_400_page(admin_client_logged_in):
    paste = "x" * (5 * 1024 * 1024)
    response = admin_client_logged_in.post(
        reverse("admin:newsroom_source_add"), {"article_text": paste}
    )
    assert response.status_code == 400
    assert b"article-intake" not in response.content


def test_the_admin_index_and_the_sources_list_link_to_intake(admin_client_logged_in):
    link = f'href="{reverse("article_intake")}"'.encode()
    assert link in admin_client_logged_in.get(reverse("admin:index")).content
    assert link in admin_client_logged_in.get(reverse("admin:newsroom_source_changelist")).content


def synthetic_article(quotes: int) -> str:
    said = (
        f"“Synthetic words number {n} for the query count,” {name} said. "
        f"{name} won {n + 1} votes in the synthetic count."
        for n, name in zip(range(quotes), ["Palmer", "Biden"] * quotes, strict=False)
    )
    return "Synthetic intake headline\n\nA first synthetic paragraph.\n\n" + "\n\n".join(said)


@pytest.mark.parametrize("quotes", [2, 20])
def test_the_review_page_reads_the_same_few_queries_for_few_or_many_proposals(
    seed_newsroom, admin_client_logged_in, django_assert_max_num_queries, quotes
):
    text = {"text": synthetic_article(quotes), "headline": "Synthetic intake headline"}
    with django_assert_max_num_queries(12):
        review = admin_client_logged_in.post(reverse("article_intake"), article(review="1", **text))
    assert len(review.context["formset"]) == len(review.context["figures"]) == quotes


def test_the_review_page_shows_each_figure_with_the_contest_of_its_year(
    seed_newsroom, admin_client_logged_in
):
    review = admin_client_logged_in.post(reverse("article_intake"), article(review="1"))
    rows = review.context["figures"]
    assert rows and all(row["contest"] for row in rows)
    for row in rows:
        figure, year = row["figure"], row["figure"].year or 2024
        contest = Contest.objects.get(name=row["contest"])
        assert contest.held_on.year == year
        if figure.person:
            assert contest.results.filter(candidate_id=figure.person.key).exists()
        assert escape(figure.passage).encode() in review.content
    assert len({row["contest"] for row in rows}) == 2


def test_a_figure_whose_contest_is_uncertain_is_left_for_the_editor(
    seed_newsroom, admin_client_logged_in
):
    text = {
        "text": "Synthetic intake headline\n\nPalmer won 12 votes in the synthetic count.",
        "headline": "Synthetic intake headline",
        "published_on": "",
        "published_on_precision": "",
    }
    review = admin_client_logged_in.post(reverse("article_intake"), article(review="1", **text))
    assert [row["contest"] for row in review.context["figures"]] == [None]
    assert b"(the editor chooses)" in review.content


FIGURES_ARTICLE = (
    "Synthetic figures headline\n\nA first synthetic paragraph.\n\n"
    "Palmer won 51 votes in the synthetic caucuses.\n\n"
    "Biden won 45 votes in the synthetic caucuses.\n\n"
    "Palmer, a 52-year-old synthetic candidate, spoke.\n\n"
    "In all, 91 ballots were cast in the synthetic count.\n\n"
    "He spent $20 on synthetic pizza."
)


def review_figures(client, **extra):
    text = {"text": FIGURES_ARTICLE, "headline": "Synthetic figures headline", **extra}
    review = client.post(reverse("article_intake"), article(review="1", **text))
    return text, review.context["formset"], review.context["figure_formset"], review


def test_kept_figures_are_cited_from_the_draft_source_with_their_paragraph(
    seed_newsroom, admin_client_logged_in
):
    client = admin_client_logged_in
    text, quotes, figures, review = review_figures(client)
    assert [(f.initial["paragraph"], f.initial["kind"]) for f in figures] == [
        (2, "votes"),
        (3, "votes"),
        (4, "age"),
        (5, "ballots"),
        (6, "money"),
    ]
    assert [f.initial["note"] for f in figures] == [
        "The newsroom holds this value: kept, it is another outlet reporting it.",
        "The newsroom holds 40: kept, the sources differ and both are kept, each with its source.",
        "The newsroom holds this value: kept, it is another outlet reporting it.",
        "The newsroom holds this value: kept, it is another outlet reporting it.",
        "Enter it by hand: no field holds it.",
    ]
    assert b"Enter it by hand: no field holds it." in review.content
    results, before = Result.objects.count(), Citation.all_objects.count()
    saved = client.post(
        reverse("article_intake"),
        {
            **article(save="1", **text),
            **kept_forms(quotes, lambda q: False, figures, lambda f: f["kind"] != "money"),
        },
    )
    assert saved.status_code == 302
    source = Source.objects.get(headline="Synthetic figures headline")
    assert source.status == "draft"
    cited = {
        (c.content_object, c.field_name): c
        for c in Citation.all_objects.filter(source=source).order_by("pk")
    }
    assert Citation.all_objects.count() == before + 4
    assert Result.objects.count() == results
    palmer = Result.objects.get(candidate__slug="jason-palmer", contest__held_on__year=2024)
    biden = Result.objects.get(candidate__slug="joe-biden", contest__held_on__year=2024)
    same = cited[(palmer, "votes")]
    assert (same.pinpoint, same.value_as_reported, same.supported_value) == ("para. 2", "", "51")
    assert same.quoted_passage == "Palmer won 51 votes in the synthetic caucuses."
    # Another value than the newsroom's: kept beside it, as this source's, in its words.
    differs = cited[(biden, "votes")]
    assert (differs.pinpoint, differs.value_as_reported) == ("para. 3", "45 votes")
    assert Result.objects.get(pk=biden.pk).votes == 40
    assert cited[(palmer.candidate, "age")].pinpoint == "para. 4"
    assert cited[(palmer.contest, "ballots_cast")].supported_value == "91"
    assert {c.history.first().history_change_source for c in cited.values()} == {
        "from article intake"
    }
    assert not Citation.objects.published().filter(source=source).exists()
    for page in (palmer.candidate, palmer.contest):
        assert b"Synthetic figures headline" not in client.get(page.get_absolute_url()).content


def test_a_figure_of_a_kind_no_field_holds_is_refused_on_its_row(
    seed_newsroom, admin_client_logged_in
):
    text, quotes, figures, _ = review_figures(admin_client_logged_in)
    data = kept_forms(quotes, lambda q: False, figures, lambda f: f["kind"] == "money")
    sources = Source.objects.count()
    response = admin_client_logged_in.post(
        reverse("article_intake"), {**article(save="1", **text), **data}
    )
    assert response.context["figure_formset"][4].errors["kind"] == [
        "Enter it by hand: no field holds it."
    ]
    assert Source.objects.count() == sources


def test_unticked_figures_leave_nothing(seed_newsroom, admin_client_logged_in):
    text, quotes, figures, _ = review_figures(admin_client_logged_in)
    before = Citation.all_objects.count(), Result.objects.count()
    admin_client_logged_in.post(
        reverse("article_intake"),
        {**article(save="1", **text), **kept_forms(quotes, lambda q: False, figures)},
    )
    assert Source.objects.filter(headline="Synthetic figures headline").exists()
    assert (Citation.all_objects.count(), Result.objects.count()) == before


def test_a_figure_in_a_contest_that_is_not_the_candidates_is_refused_on_its_row(
    seed_newsroom, admin_client_logged_in
):
    text, quotes, figures, _ = review_figures(admin_client_logged_in)
    data = kept_forms(quotes, lambda q: False, figures, lambda f: f["kind"] == "votes")
    other = Contest.objects.published().exclude(results__candidate__slug="jason-palmer").first()
    data["figure-0-contest"] = other.pk
    sources = Source.objects.count(), Citation.all_objects.count()
    response = admin_client_logged_in.post(
        reverse("article_intake"), {**article(save="1", **text), **data}
    )
    assert response.status_code == 200
    assert "has no result in" in response.context["figure_formset"][0].errors["contest"][0]
    assert (Source.objects.count(), Citation.all_objects.count()) == sources


def test_a_figure_the_editor_may_not_cite_is_refused_and_nothing_is_saved(
    seed_newsroom, client, django_user_model
):
    user = django_user_model.objects.create_user("intaker", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["add_source", "add_quote", "view_source"])
    )
    client.force_login(user)
    text, quotes, figures, _ = review_figures(client)
    sources = Source.objects.count()
    response = client.post(
        reverse("article_intake"),
        {
            **article(save="1", **text),
            **kept_forms(quotes, lambda q: False, figures, lambda f: f["kind"] == "age"),
        },
    )
    assert response.status_code == 200
    assert "may not add citations" in str(response.context["figure_formset"][2].non_field_errors())
    assert Source.objects.count() == sources


def test_votes_for_a_candidate_without_a_result_in_a_draft_contest_become_a_new_result(
    seed_newsroom, admin_client_logged_in
):
    draft = Contest.objects.get(name="2024 American Samoa Republican presidential caucuses")
    Contest.objects.filter(pk=draft.pk).update(status="draft")
    text, quotes, figures, _ = review_figures(admin_client_logged_in)
    data = kept_forms(quotes, lambda q: False, figures, lambda f: f["paragraph"] == 2)
    data["figure-0-contest"] = draft.pk
    admin_client_logged_in.post(reverse("article_intake"), {**article(save="1", **text), **data})
    result = Result.objects.get(contest=draft, candidate__slug="jason-palmer")
    assert result.votes == 51
    citation = result.citations.get()
    assert (citation.field_name, citation.pinpoint, citation.value_as_reported) == (
        "votes",
        "para. 2",
        "",
    )
    assert result.history.first().history_change_source == "from article intake"
    assert (
        b"Synthetic figures headline"
        not in admin_client_logged_in.get(draft.get_absolute_url()).content
    )


def test_a_kept_quote_takes_its_sentences_date_as_reported_and_derived_when_certain(
    seed_newsroom, admin_client_logged_in
):
    synthetic = (
        "Synthetic dates headline\n\nA first synthetic paragraph.\n\n"
        "“Synthetic words one for the dates test,” Palmer said Tuesday.\n\n"
        "“Synthetic words two for the dates test,” Biden said early Wednesday.\n\n"
        "On March 9 the synthetic count ended."
    )
    text = {
        "text": synthetic,
        "headline": "Synthetic dates headline",
        "published_on": "2024-03-07",
        "published_on_precision": "day",
    }
    url = reverse("article_intake")
    review = admin_client_logged_in.post(url, article(review="1", **text))
    assert [
        (p, d.words, d.date and d.date.isoformat(), bool(d.derivation))
        for p, d in review.context["dates"]
    ] == [
        (2, "Tuesday", "2024-03-05", True),
        (3, "early Wednesday", "2024-03-06", True),
        (4, "March 9", None, False),
    ]
    assert b"(derived)" in review.content
    formset = review.context["formset"]
    admin_client_logged_in.post(
        url, {**article(save="1", **text), **kept_forms(formset, lambda q: True)}
    )
    source = Source.objects.get(headline="Synthetic dates headline")
    quotes = Quote.objects.filter(citations__source=source).order_by("pk")
    assert [
        (q.said_when_as_reported, q.said_on.isoformat(), q.said_on_precision) for q in quotes
    ] == [
        ("Tuesday", "2024-03-05", "day"),
        ("early Wednesday", "2024-03-06", "day"),
    ]
    assert "derived from the article's date" in quotes[0].citations.get().derivation


def test_no_calendar_date_is_derived_from_an_article_date_not_exact_to_the_day(
    seed_newsroom, admin_client_logged_in
):
    text = {
        "text": "Synthetic dates headline\n\n“Synthetic words for the test,” Palmer said Tuesday.",
        "headline": "Synthetic dates headline",
    }
    review = admin_client_logged_in.post(reverse("article_intake"), article(review="1", **text))
    [(paragraph, date)] = review.context["dates"]
    assert (paragraph, date.words, date.date) == (1, "Tuesday", None)
    assert review.context["formset"][0].initial["said_on"] is None


def test_a_corrected_figure_is_kept_as_the_editor_wrote_it(seed_newsroom, admin_client_logged_in):
    text, quotes, figures, _ = review_figures(admin_client_logged_in)
    data = kept_forms(quotes, lambda q: False, figures, lambda f: f["paragraph"] == 3)
    data["figure-1-value"] = "41"
    admin_client_logged_in.post(reverse("article_intake"), {**article(save="1", **text), **data})
    source = Source.objects.get(headline="Synthetic figures headline")
    assert Citation.all_objects.get(source=source).value_as_reported == "41"
    data["figure-1-value"] = "41.5"
    response = admin_client_logged_in.post(
        reverse("article_intake"), {**article(save="1", **text), **data}
    )
    assert response.context["figure_formset"][1].errors["value"] == [
        "This figure is a whole number."
    ]
