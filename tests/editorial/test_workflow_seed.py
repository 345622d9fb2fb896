"""The seed newsroom publishes its items directly, without workflow steps: every item it
publishes must still have the sources the workflow asks of a published item."""

import pytest
from django.contrib import admin

from newsroom.editorial import workflow
from newsroom.editorial.publishing import Publishable, Status

pytestmark = pytest.mark.django_db


def test_every_published_seed_item_has_the_sources_publishing_requires(seed_newsroom):
    unsourced = []
    checked = 0
    for model in admin.site._registry:
        if not issubclass(model, Publishable):
            continue
        for item in model.objects.filter(status=Status.PUBLISHED):
            checked += 1
            if reason := workflow.missing_sources(item):
                unsourced.append(f"{model._meta.label} {item}: {reason}")

    assert checked > 20
    assert unsourced == []
