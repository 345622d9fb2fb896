"""The seed newsroom records where its items came from: one workflow step per item, noted
"loaded with the seed newsroom", once however often it runs; the dashboard shows it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from candidates.models import Candidate, Quote
from newsroom.editorial import workflow
from newsroom.editorial.records import WorkflowEvent
from newsroom.models import Source
from results.models import Contest

pytestmark = pytest.mark.django_db

SEED_STEP = "loaded with the seed newsroom"


def seed_steps() -> int:
    return WorkflowEvent.objects.filter(note=SEED_STEP).count()


def test_every_seeded_item_has_one_step_saying_it_came_from_the_seed(seed_newsroom):
    for model in (Candidate, Quote, Source, Contest):
        for item in model.objects.all():
            steps = list(workflow.steps(item))
            assert [step.note for step in steps] == [SEED_STEP], item
            assert steps[0].to_status == item.status
            assert steps[0].from_status == ""


def test_running_the_seed_again_records_no_step(seed_newsroom):
    before = seed_steps()

    call_command("seed_newsroom", verbosity=0)

    assert before > 0
    assert seed_steps() == before


def test_a_newsroom_seeded_before_the_steps_were_recorded_gets_them_on_the_next_run(
    seed_newsroom,
):
    before = seed_steps()
    WorkflowEvent.objects.filter(note=SEED_STEP).delete()

    call_command("seed_newsroom", verbosity=0)

    assert seed_steps() == before


def test_the_dashboard_says_seeded_items_came_from_the_seed(seed_newsroom, editor):
    page = editor.get(reverse("editorial_dashboard")).text

    published = page.split('id="recently-published"')[1].split('<div class="module"')[0]
    assert f"({SEED_STEP})" in published
    assert "none recorded" not in page
