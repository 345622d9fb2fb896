"""The benchmark newsroom generator at a tiny scale: counts, determinism, idempotence."""

from django.core.management import call_command

from candidates.models import Candidate, Quote
from candidates.selectors import public_part
from newsroom.editorial.publishing import Status
from newsroom.models import Citation, Source
from results.models import Contest, Result

TINY = 0.001


def generate(**options):
    call_command("generate_bench_data", scale=TINY, verbosity=0, **options)


def newsroom_content():
    """What a reader would see, without ids or timestamps."""
    return {
        "candidates": list(Candidate.objects.order_by("slug").values_list("slug", "full_name")),
        "quotes": list(
            Quote.objects.order_by("candidate__slug", "text").values_list(
                "candidate__slug", "text", "said_on"
            )
        ),
        "sources": list(Source.objects.order_by("slug").values_list("slug", "headline")),
        "results": list(
            Result.objects.order_by("contest__slug", "position").values_list(
                "contest__slug", "candidate__slug", "votes"
            )
        ),
        "citations": sorted(
            Citation.objects.values_list("content_type__model", "source__slug", "pinpoint")
        ),
    }


def test_tiny_newsroom_has_the_expected_counts(db):
    generate()

    assert Candidate.objects.count() == 4
    assert Quote.objects.count() == 200
    assert Source.objects.count() == 50
    assert Contest.objects.count() == 5
    assert Result.objects.count() == 20
    assert Citation.objects.count() == 200 + 20 + 4


def test_every_generated_item_is_published(db):
    generate()

    assert Quote.objects.published().count() == Quote.objects.count()
    assert Source.objects.published().count() == Source.objects.count()
    assert Contest.objects.published().count() == Contest.objects.count()
    assert not Candidate.objects.exclude(status=Status.PUBLISHED).exists()


def test_featured_candidate_carries_half_the_quotes_of_a_tiny_newsroom(db):
    generate()

    profile = Candidate.objects.get(slug="bench-profile-200-quotes")
    assert profile.quotes.count() == 100


def test_same_seed_generates_the_same_newsroom(db):
    generate()
    first = newsroom_content()

    generate(fresh=True)

    assert newsroom_content() == first


def test_another_seed_generates_other_quotes(db):
    generate()
    first = newsroom_content()["quotes"]

    generate(fresh=True, seed=7)

    assert newsroom_content()["quotes"] != first


def test_second_run_writes_nothing(db, django_assert_max_num_queries):
    generate()
    ids = list(Quote.objects.order_by("pk").values_list("pk", flat=True))

    with django_assert_max_num_queries(8):
        generate()

    assert list(Quote.objects.order_by("pk").values_list("pk", flat=True)) == ids


def test_profile_page_of_the_generated_newsroom_lists_its_quotes(client, db):
    generate()
    # The latest, as the profile orders them; the rest are on the candidate's quotes pages.
    quotes = public_part("quotes").filter(candidate__slug="bench-profile-200-quotes")
    latest, oldest = quotes.first(), quotes.last()

    response = client.get("/candidates/bench-profile-200-quotes/")
    all_quotes = client.get("/candidates/bench-profile-200-quotes/quotes/", {"page": 2})

    assert response.status_code == 200
    assert latest.text.encode() in response.content
    assert b"All 100 quotes by" in response.content
    assert oldest.text.encode() in all_quotes.content


def test_generated_field_citations_support_the_values_they_were_made_for(db):
    generate()
    result = Result.objects.order_by("pk").first()

    (votes,) = Citation.objects.for_object(result).filter(field_name="votes")
    assert votes.supported_value == str(result.votes)
    # Saving the item as it is keeps its citation current (newsroom.cited_values).
    result.save()
    assert Citation.objects.for_object(result).filter(field_name="votes").get() == votes
