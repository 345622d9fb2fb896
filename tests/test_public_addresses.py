"""The public addresses the sweeps fetch are derived from the URL resolver: every public
pattern gets an address filled from the canonical example world, and a new pattern whose
arguments nobody says how to fill fails by name, so no sweep forgets a new page."""

from urllib.parse import urlsplit

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path, resolve

from ballotdesk.urls import urlpatterns as site_urlpatterns
from tests.support.world import POST_ONLY, UnfilledPattern, public_addresses, public_patterns

#: The site's URLs and one new public page, for the test of a pattern nobody fills.
urlpatterns = [
    *site_urlpatterns,
    path("endorsements/<slug:slug>/", lambda request, slug: HttpResponse(), name="endorsement"),
]


def test_every_public_url_pattern_has_an_address_in_the_example_world(world):
    reached = {resolve(urlsplit(address).path).view_name for address in public_addresses(world)}

    assert reached == {name for name, *_ in public_patterns()} - POST_ONLY


@override_settings(ROOT_URLCONF=__name__)
def test_a_new_public_page_whose_arguments_nobody_fills_fails_by_name(world):
    with pytest.raises(UnfilledPattern, match="'endorsement' \\(endorsements/<slug:slug>/\\)"):
        public_addresses(world)
