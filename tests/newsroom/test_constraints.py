"""The database holds the newsroom invariants even when model validation is bypassed."""

import pytest
from django.db import IntegrityError, transaction

from newsroom.models import Source
from tests.support import factories

pytestmark = pytest.mark.django_db


def test_a_second_source_with_the_same_url_is_refused():
    factories.SourceFactory(url="https://news.example.org/samoa")

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceFactory(url="https://news.example.org/samoa")


def test_two_sources_without_a_url_are_accepted():
    factories.SourceFactory(url="")
    factories.SourceFactory(url="")

    assert Source.objects.filter(url="").count() == 2


def test_a_publication_date_without_precision_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceFactory(published_on_precision="")


def test_a_precision_without_a_publication_date_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceFactory(published_on=None, published_on_precision="month")


def test_a_source_without_headline_or_description_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.SourceFactory(headline="", untitled_description="")
