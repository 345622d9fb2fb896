"""The editors' pages pass axe in Debian's Chromium: the admin home with its dashboard
counts, a changelist, and the change form of each main model (in tabs and whole), signed
in as an editor; no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from candidates.models import Candidate, Quote
from newsroom.editorial import roles
from newsroom.models import Source
from results.models import Contest
from tests.support.admin_forms import admin_url
from tests.support.browser import signed_in_context
from tests.support.editors import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_editors_pages_pass_axe(browser, live_server, seed_newsroom, django_user_model):
    editor = person(django_user_model, roles.EDITOR)
    context = signed_in_context(
        browser, live_server, editor, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    axe = Axe()
    addresses = ["/admin/", admin_url(Quote, "changelist")]
    for model in (Candidate, Quote, Source, Contest):
        addresses.append(admin_url(model, "change", model.objects.order_by("pk").first().pk))
    problems = []
    for address in addresses:
        response = page.goto(live_server.url + address)
        assert response.status == 200, address
        for view in ("tabs", "whole"):
            if view == "whole" and page.get_by_role("tab", name="All sections").count():
                page.get_by_role("tab", name="All sections").click()
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append(f"{address} ({view}): {violation['id']} {targets}")
    context.close()
    assert problems == [], "\n".join(problems)
