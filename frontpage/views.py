"""The home page: the latest contests, featured candidates, quotes, sources and places; and
/favicon.ico.

Querysets are built per request in `get_context_data()`: `published()` compares with the
current time, so a class-level queryset would freeze it at import.
"""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from candidates.selectors import featured_candidates, latest_quotes
from newsroom.selectors import latest_sources
from results.scoreboard import summarise
from results.selectors import latest_contests, public_jurisdictions


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contests=summarise(latest_contests(6)),
            candidates=featured_candidates(4),
            quotes=latest_quotes(5),
            sources=latest_sources(5),
            places=public_jurisdictions(),
            **kwargs,
        )


#: The site's icon, as every page names it (templates/base.html, admin/base_site.html).
FAVICON = Path(settings.BASE_DIR) / "static" / "favicon.svg"


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """/favicon.ico, which browsers ask for where a page names no icon (a feed, the API's
    JSON): the site's icon itself (an SVG, which browsers take at this address too)."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/svg+xml")
