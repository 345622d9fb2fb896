"""Results outside the contest page: the live count, the embeddable results box and its
oEmbed endpoint, and the contest's open-data exports (Popolo JSON, results CSV).

* **Live count.** A contest whose count is live (`counting`) tells static/js/live-results.js
  where its figures are in the API and how often to ask (`LIVE_RESULTS_POLL_SECONDS`);
  without JavaScript the page says when its figures were last updated.
* **Embed.** `/embed/contests/<slug>/` is a tiny page of the contest's figures that other
  sites may frame: only the origins in `EMBED_ALLOWED_ORIGINS` (CSP `frame-ancestors`; every
  other page of the site keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`). Its
  policy is written into the response by the view, so the page cache stores it with the
  page and serves it the same way.
* **oEmbed** (https://oembed.com/): `/oembed?url=<contest or embed page>&format=json` answers
  a "rich" response whose HTML is an iframe of the embed; contest pages name it in a
  discovery `<link>`.
"""

import re
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.csp import CSP, build_policy
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .exports import export_contest, popolo, results_csv
from .models import Contest
from .selectors import public_contests, results_with_candidates

#: An origin as CSP and browsers write it: scheme, host, optional port; nothing else can
#: reach the header (a stray `;` would start a directive of its own).
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")

EMBED_WIDTH = 400
#: The embed's height: its heading and notes, then a table row per candidate.
EMBED_BASE_HEIGHT, EMBED_ROW_HEIGHT = 150, 32


def is_live(contest: Contest) -> bool:
    return contest.count_status == Contest.CountStatus.COUNTING


def live_count(contest: Contest, results) -> dict | None:
    """What a live contest's page needs to update itself, or None when the count is not live."""
    if not is_live(contest):
        return None
    seconds = settings.LIVE_RESULTS_POLL_SECONDS
    return {
        "api_url": reverse("api:contest-detail", kwargs={"slug": contest.slug}),
        "interval_ms": int(seconds * 1000),
        "interval_seconds": f"{seconds:g}",
        "updated_at": max([contest.updated_at, *(result.updated_at for result in results)]),
    }


def oembed_url(request, contest: Contest) -> str:
    page = request.build_absolute_uri(contest.get_absolute_url())
    return request.build_absolute_uri(
        reverse("results:oembed") + "?" + urlencode({"url": page, "format": "json"})
    )


def embed_policy() -> dict:
    """The site's CSP, framed by the allowed origins only."""
    origins = [origin for origin in settings.EMBED_ALLOWED_ORIGINS if ORIGIN.fullmatch(origin)]
    return {**settings.SECURE_CSP, "frame-ancestors": origins or [CSP.NONE]}


@require_safe
@xframe_options_exempt
def embed_contest(request, slug):
    """The results box: the contest's figures and a link to its page, nothing else."""
    contest = public_contests().filter(slug=slug).first()
    if contest is None:
        raise Http404("No public contest has this address.")
    results = list(results_with_candidates().filter(contest=contest))
    response = render(
        request,
        "results/embed.html",
        {"contest": contest, "results": results, "live": live_count(contest, results)},
    )
    # Written here, not by the CSP middleware, so that the page cache keeps it with the page.
    response.headers[str(CSP.HEADER_ENFORCE)] = build_policy(embed_policy())
    return response


def embed_height(rows: int) -> int:
    return EMBED_BASE_HEIGHT + EMBED_ROW_HEIGHT * rows


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@require_safe
def oembed(request):
    """The oEmbed response for a contest page or its embed (https://oembed.com/, section 2)."""
    response_format = request.GET.get("format", "json")
    if response_format == "xml":
        # The spec's answer to a format it defines that the provider does not serve.
        return HttpResponse("Only format=json is served.", status=501, content_type="text/plain")
    if response_format != "json":
        return bad_request("format is json (or left out).")
    address = request.GET.get("url", "").strip()
    if not address:
        return bad_request("Give the address of a contest page: ?url=https://…/contests/<slug>/")
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or parts.netloc != request.get_host():
        return bad_request(f"“{address[:200]}” is not an address on {request.get_host()}.")
    try:
        match = resolve(parts.path)
    except Resolver404:
        match = None
    if match is None or match.view_name not in ("results:contest_detail", "results:embed"):
        return bad_request(f"“{address[:200]}” is not the address of a contest page.")
    contest = public_contests().filter(slug=match.kwargs["slug"]).first()
    if contest is None:
        return JsonResponse({"error": "No public contest has this address."}, status=404)
    rows = results_with_candidates().filter(contest=contest).count()
    width = bounded_size(request.GET.get("maxwidth"), EMBED_WIDTH)
    height = bounded_size(request.GET.get("maxheight"), embed_height(rows))
    if width is None or height is None:
        return bad_request("maxwidth and maxheight are whole numbers of pixels above 0.")
    src = request.build_absolute_uri(reverse("results:embed", kwargs={"slug": contest.slug}))
    title = f"Results: {contest.name}"
    html = render(
        request,
        "results/embed_iframe.html",
        {"src": src, "width": width, "height": height, "title": title},
    ).content.decode()
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": contest.name,
            "provider_name": "Ballot Desk",
            "provider_url": request.build_absolute_uri("/"),
            "html": html.strip(),
            "width": width,
            "height": height,
        }
    )


def bounded_size(value: str | None, natural: int) -> int | None:
    """The natural size, or less when the consumer's `max…` asks; None when it is not a size."""
    if value is None or value == "":
        return natural
    if not value.isdigit() or int(value) == 0:
        return None
    return min(natural, int(value))


@require_safe
def contest_popolo(request, slug):
    try:
        contest = export_contest(slug)
    except Contest.DoesNotExist:
        raise Http404("No public contest has this address.") from None
    response = JsonResponse(
        popolo(contest, request.build_absolute_uri), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'inline; filename="{contest.slug}.popolo.json"'
    return response


@require_safe
def contest_results_csv(request, slug):
    try:
        contest = export_contest(slug)
    except Contest.DoesNotExist:
        raise Http404("No public contest has this address.") from None
    response = HttpResponse(results_csv(contest), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{contest.slug}-results.csv"'
    return response
