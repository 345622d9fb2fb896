"""The factories build valid, published rows that pass model validation."""

import pytest

from newsroom.models import Source
from tests.support import factories


@pytest.mark.django_db
def test_factories_build_valid_rows_for_every_model():
    result = factories.ResultFactory()
    factories.CitationFactory(content_object=result, field_name="votes")
    factories.ExternalIdentifierFactory(content_object=result.candidate)
    for obj in [result, result.contest, result.candidate, factories.QuoteFactory()]:
        obj.full_clean()
    assert Source.objects.published().count() == 1
