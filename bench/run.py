"""The measuring half of `make bench` (bench/run.sh prepares the database first).

Starts two gunicorns with the production configuration on the bench newsroom: one with the
page cache on (port 8300, or BENCH_PORT) and one with it off (that port + 10), identical
otherwise. Each endpoint is loaded with wrk from this second process, after a short warm-up,
and compared with the trivial /bench/ping of the same run. Then the citation export, the
results import, the admin changelist and the full provenance report are measured by their
management commands, and everything is printed and written to bench/results.md with the
goals it is held against.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# Run as a script (bench/run.sh): the project's root is not on the path by itself.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import election_night

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv/bin/python")
LOGS = ROOT / "var/bench"
RESULTS = ROOT / "bench/results.md"
CACHED_PORT = int(os.environ.get("BENCH_PORT", "8300"))
UNCACHED_PORT = CACHED_PORT + 10
PROFILE = "/candidates/bench-profile-200-quotes/"
CONTEST = "/contests/bench-contest-00000/"
SEARCH = "/search/?q=turnout"
API = "/api/v1/quotes/"
PING = "/bench/ping"


@dataclass
class Endpoint:
    label: str
    port: int
    path: str


ENDPOINTS = [
    Endpoint("baseline: /bench/ping (cache on)", CACHED_PORT, PING),
    Endpoint("cached profile, 200 quotes", CACHED_PORT, PROFILE),
    Endpoint("uncached profile, 200 quotes", UNCACHED_PORT, PROFILE),
    Endpoint("contest page (uncached)", UNCACHED_PORT, CONTEST),
    Endpoint("search “turnout” (uncached)", UNCACHED_PORT, SEARCH),
    Endpoint("API /api/v1/quotes/ list", UNCACHED_PORT, API),
    Endpoint("/bench/ping on the cache-off server", UNCACHED_PORT, PING),
]


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Serve the bench newsroom and load it with wrk (run via bench/run.sh, "
        "which prepares the database and the environment; see make bench).",
    )
    parser.add_argument(
        "--duration",
        type=int,
        default=int(os.environ.get("BENCH_DURATION", "10")),
        help="Seconds of load per endpoint (default 10).",
    )
    parser.add_argument(
        "--warmup", type=int, default=3, help="Seconds of warm-up per endpoint (default 3)."
    )
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8).")
    parser.add_argument(
        "--election-night",
        type=int,
        default=int(os.environ.get("BENCH_NIGHT_SECONDS", "120")),
        help="Seconds of each election-night load, without and with imports (default 120; "
        "0 leaves it out).",
    )
    parser.add_argument(
        "--night-readers",
        type=int,
        default=256,
        help="Concurrent readers on election night, half on the contest page and half on "
        "the profile (default 256).",
    )
    parser.add_argument(
        "--sweep-requests",
        type=int,
        default=7,
        help="Timed requests per page in the one-at-a-time sweep of every public page, after "
        "one untimed (default 7).",
    )
    parser.add_argument(
        "--import-every",
        type=int,
        default=10,
        help="Seconds between election-night imports (default 10).",
    )
    args = parser.parse_args()
    LOGS.mkdir(parents=True, exist_ok=True)
    for port in (CACHED_PORT, UNCACHED_PORT):
        # Never load somebody else's server: the machine is shared.
        if port_in_use(port):
            sys.exit(f"Port {port} is already in use: set BENCH_PORT to a free one.")

    servers = [start_server(CACHED_PORT, page_cache=True)]
    servers.append(start_server(UNCACHED_PORT, page_cache=False))
    loads = {}
    load_average = [os.getloadavg()[0]]
    try:
        for port in (CACHED_PORT, UNCACHED_PORT):
            wait_until_up(port, servers)
        for endpoint in ENDPOINTS:
            url = f"http://127.0.0.1:{endpoint.port}{endpoint.path}"
            print(f"== {endpoint.label}: {url}", flush=True)
            wrk(url, args.warmup, connections=2)
            drain(endpoint.port, args.connections)
            loads[endpoint.label] = wrk(url, args.duration, connections=args.connections)
            drain(endpoint.port, args.connections)
            load = loads[endpoint.label]
            print(
                f"   {load.requests_per_second:,.0f} req/s, p50 {load.p50_ms:.1f} ms, "
                f"p99 {load.p99_ms:.1f} ms, {load.errors} errors",
                flush=True,
            )
        print("== every public page, uncached, one request at a time", flush=True)
        pages = sweep(command_json("bench_pages")["pages"], args.sweep_requests)
        night = None
        if args.election_night:
            print(
                f"== election night: {args.night_readers} readers, {args.election_night} s "
                f"without imports, then {args.election_night} s with one every "
                f"{args.import_every} s",
                flush=True,
            )
            night = election_night.run(
                [
                    f"http://127.0.0.1:{CACHED_PORT}{CONTEST}",
                    f"http://127.0.0.1:{CACHED_PORT}{PROFILE}",
                ],
                seconds=args.election_night,
                connections=max(1, args.night_readers // 2),
                every=args.import_every,
                manage=[PY, "manage.py"],
                cwd=ROOT,
                wrk_process=wrk_process,
                parse=parse_wrk,
            )
    finally:
        load_average.append(os.getloadavg()[0])
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=60)
    cache_hits = page_cache_outcomes(LOGS / f"gunicorn-{CACHED_PORT}.log", PROFILE)
    server_ms = {
        endpoint.label: server_median_ms(LOGS / f"gunicorn-{endpoint.port}.log", endpoint.path)
        for endpoint in ENDPOINTS
    }

    print("== 10,000-citation export", flush=True)
    export = command_json("bench_export", "--existing", "--items", "10000")["export"]
    print("== 10,000-row results import", flush=True)
    imported = command_json("bench_import", "--rows", "10000")["import"]
    print("== admin changelist of quotes", flush=True)
    admin = command_json("bench_admin", "--model", "candidates.quote")["admin"]
    print("== provenance report over the bench newsroom", flush=True)
    provenance = command_json("bench_provenance")["provenance"]
    print("== citation basket of 500 items, every format", flush=True)
    basket = command_json("bench_basket", "--items", "500")["basket"]

    report = (
        render(
            args,
            loads,
            server_ms,
            load_average,
            cache_hits,
            export,
            imported,
            admin,
            provenance,
            basket,
        )
        + sweep_report(pages)
        + night_report(night)
    )
    print()
    print(report)
    RESULTS.write_text(report)
    print(f"Written to {RESULTS.relative_to(ROOT)}.")


def start_server(port: int, *, page_cache: bool) -> subprocess.Popen:
    env = dict(os.environ, GUNICORN_BIND=f"127.0.0.1:{port}")
    if not page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    log = open(LOGS / f"gunicorn-{port}.log", "wb")  # noqa: SIM115 (lives with the server)
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "--config", "ballotdesk/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def port_in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_until_up(port: int, servers: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if any(server.poll() is not None for server in servers) or time.monotonic() > deadline:
            sys.exit(f"gunicorn on port {port} did not answer /healthz: see var/bench/.")
        time.sleep(0.5)


def drain(port: int, connections: int) -> None:
    """Wait for requests still queued from the last load, so they do not slow the next one.

    wrk stops sending when its time is up, but requests already accepted by the kernel are
    still served; as many pings as wrk had connections queue behind them and return once
    the workers are free again.
    """
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        list(pool.map(lambda _: ping(port), range(connections)))


def ping(port: int) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{PING}", timeout=120) as answer:
        answer.read()


def wrk_command(url: str, seconds: int, connections: int) -> list[str]:
    return [
        *("wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"),
        # As a browser asks: cached pages without forms are then sent gzipped.
        *("--latency", "-H", "Accept-Encoding: gzip, deflate, br", url),
    ]


def wrk(url: str, seconds: int, *, connections: int) -> Load:
    output = subprocess.run(
        wrk_command(url, seconds, connections), capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


def wrk_process(url: str, seconds: int, connections: int) -> subprocess.Popen:
    """A load running beside others (election night)."""
    return subprocess.Popen(
        wrk_command(url, seconds, connections), stdout=subprocess.PIPE, text=True
    )


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * _UNITS_MS[unit]


def parse_wrk(output: str) -> Load:
    percentile = dict(re.findall(r"^\s+(\d+)%\s+(\S+)\s*$", output, re.MULTILINE))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match[1])
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(group) for group in match.groups())
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=_ms(percentile["50"]),
        p99_ms=_ms(percentile["99"]),
        requests=int(re.search(r"(\d+) requests in", output)[1]),
        errors=errors,
    )


def request_log(log: Path):
    for line in log.read_text(errors="replace").splitlines():
        try:
            yield json.loads(line)
        except ValueError:
            continue


def server_median_ms(log: Path, path: str) -> float | None:
    """Median time the server itself spent on `path` (warm-up included), from its log."""
    path = urllib.parse.urlsplit(path).path
    times = [entry["duration_ms"] for entry in request_log(log) if entry.get("path") == path]
    return statistics.median(times) if times else None


def page_cache_outcomes(log: Path, path: str) -> dict[str, int]:
    """How the cached server answered `path`: hits, misses… from its JSON request log."""
    outcomes: dict[str, int] = {}
    for entry in request_log(log):
        if entry.get("path") == path:
            outcomes[entry.get("cache", "-")] = outcomes.get(entry.get("cache", "-"), 0) + 1
    return outcomes


@dataclass
class Page:
    label: str
    path: str
    status: int
    median_ms: float
    size: int
    content_type: str


#: Every public page uncached within this many times /healthz on the same server (#17).
SWEEP_RATIO = 25
#: No public HTML page over this many bytes at bench scale.
HTML_BYTES = 500 * 1024


def sweep(pages: list[dict], requests: int) -> list[Page]:
    """Each page from the uncached server, one request at a time: one untimed, then the
    median of `requests` (wall time at the client, body read to the end)."""
    measured = []
    for page in pages:
        url = f"http://127.0.0.1:{UNCACHED_PORT}{page['path']}"
        times, status, size, content_type = [], 0, 0, ""
        for attempt in range(requests + 1):
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as answer:
                    body = answer.read()
                    status, content_type = answer.status, answer.headers.get_content_type()
            except urllib.error.HTTPError as error:
                body, status, content_type = error.read(), error.code, ""
            if attempt:
                times.append((time.perf_counter() - started) * 1000)
            size = len(body)
        measured.append(
            Page(
                page["label"],
                page["path"],
                status,
                statistics.median(times),
                size,
                content_type,
            )
        )
        print(f"   {page['path']}: {status}, {measured[-1].median_ms:.1f} ms, {size:,} bytes")
    return measured


def sweep_report(pages: list[Page]) -> str:
    """The table of the sweep and its two goals."""
    health = next(page for page in pages if page.label == "/healthz")
    lines = [
        "",
        "## Every public page, uncached, one request at a time",
        "",
        f"From the cache-off server while nothing else loaded it: the median of the timed "
        f"requests at the client, compared with /healthz ({health.median_ms:.1f} ms) on the "
        "same server. A list's “page 2” that answers 404 is a list of one page.",
        "",
        "| page | address | status | median ms | vs /healthz | bytes |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for page in pages:
        lines.append(
            f"| {page.label} | `{page.path}` | {page.status} | {page.median_ms:.1f} | "
            f"{page.median_ms / health.median_ms:.1f}× | {page.size:,} |"
        )
    answered = [page for page in pages if page.status == 200]
    failed = [
        page
        for page in pages
        if page.status != 200 and not (page.label.endswith(" page 2") and page.status == 404)
    ]
    slowest = max(answered, key=lambda page: page.median_ms)
    html = [page for page in answered if page.content_type == "text/html"]
    largest = max(html, key=lambda page: page.size)
    lines += [
        "",
        "| goal | measured | |",
        "|---|---|---|",
        f"| every public page uncached within {SWEEP_RATIO}× /healthz | slowest "
        f"{slowest.label} {slowest.median_ms / health.median_ms:.1f}×"
        + (f"; {len(failed)} did not answer 200" if failed else "")
        + f" | {met(not failed and slowest.median_ms <= SWEEP_RATIO * health.median_ms)} |",
        f"| no public HTML page over {HTML_BYTES // 1024} KB | largest {largest.label} "
        f"{largest.size / 1024:,.0f} KB | {met(largest.size <= HTML_BYTES)} |",
        "",
    ]
    return "\n".join(lines)


def command_json(*command: str) -> dict:
    output = subprocess.run(
        [PY, "manage.py", *command, "--json"], cwd=ROOT, capture_output=True, text=True
    )
    if output.returncode:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def night_report(night) -> str:
    """The election-night rows and goal (empty when the night was left out)."""
    if night is None:
        return ""
    lines = [
        "",
        "## Election night",
        "",
        "| load | page | req/s | p50 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, loads in (("readers only", night.quiet), ("readers + imports", night.busy)):
        for url, load in loads.items():
            path = urllib.parse.urlsplit(url).path
            lines.append(
                f"| {name} | `{path}` | {load.requests_per_second:,.0f} | {load.p50_ms:.1f} | "
                f"{load.p99_ms:.1f} | {load.errors} |"
            )
    seen = [seconds for seconds in night.visible_after if seconds is not None]
    worst_quiet = max(load.p99_ms for load in night.quiet.values())
    worst_busy = max(load.p99_ms for load in night.busy.values())
    errors = sum(load.errors for load in [*night.quiet.values(), *night.busy.values()])
    ratio = worst_busy / worst_quiet if worst_quiet else float("inf")
    visible = bool(night.visible_after) and len(seen) == len(night.visible_after)
    ok = errors == 0 and ratio <= 5 and visible and max(seen, default=99) <= 10
    lines += [
        "",
        f"{len(night.visible_after)} imports, each {min(night.import_seconds, default=0):.2f}–"
        f"{max(night.import_seconds, default=0):.2f} s; shown on the contest page "
        + (f"{min(seen):.2f}–{max(seen):.2f} s after their commit" if seen else "never")
        + f" ({len(night.visible_after) - len(seen)} never within 30 s).",
        "",
        "| goal | measured | |",
        "|---|---|---|",
        f"| election night: 0 errors, p99 with imports <= 5× without, every import shown "
        f"within 10 s | {errors} errors, p99 {ratio:.1f}×, slowest shown after "
        f"{max(seen, default=float('nan')):.2f} s | {met(ok)} |",
        "",
    ]
    return "\n".join(lines)


def machine() -> str:
    memory = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout.rstrip()
    return f"nproc {os.cpu_count()}\n\n```\n$ free -g\n{memory}\n```"


def commit() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return f"{head} (with uncommitted changes in the shared checkout)" if dirty else head


def _format_ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def render(
    args, loads, server_ms, load_average, cache_hits, export, imported, admin, provenance, basket
) -> str:
    baseline = loads[ENDPOINTS[0].label]
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Commit: {commit()}",
        "- Command: `make bench` (bench/run.sh; wrk "
        f"-t2 -c{args.connections} -d{args.duration}s --timeout 30s --latency per endpoint after a "
        f"{args.warmup} s warm-up)",
        "- Data: 2,000 candidates, 200,000 quotes, 50,000 sources, 5,000 contests, "
        "20,000 results, 222,000 citations (generate_bench_data, seed 2024), all published",
        "- Stack: gunicorn (ballotdesk/gunicorn.conf.py, default workers), DEBUG off, "
        "whitenoise, psycopg pool, Redis cache db 7, PostgreSQL; wrk on the same machine",
        f"- Machine: {machine()}",
        "",
        "## HTTP (one run, side by side)",
        "",
        f"Load average (1 min) of the machine: {load_average[0]:.1f} before the loads, "
        f"{load_average[1]:.1f} after.",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | req/s vs baseline | p50 vs baseline | errors "
        "| server median ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for endpoint in ENDPOINTS:
        load = loads[endpoint.label]
        lines.append(
            f"| {endpoint.label} | {load.requests_per_second:,.0f} | {load.p50_ms:.1f} | "
            f"{load.p99_ms:.1f} | {load.requests_per_second / baseline.requests_per_second:.0%} | "
            f"{load.p50_ms / baseline.p50_ms:.1f}× | {load.errors} | "
            f"{_format_ms(server_ms[endpoint.label])} |"
        )
    hits = ", ".join(f"{count:,} {outcome}" for outcome, count in sorted(cache_hits.items()))
    lines += [
        "",
        "Notes: the baseline is /bench/ping, a view that reads nothing, through every "
        "middleware of the same stack (added only by bench/settings.py). “Uncached” pages "
        f"come from a second, identical gunicorn on port {UNCACHED_PORT} started with "
        "PAGE_CACHE_SECONDS=0, so every request renders from PostgreSQL; the API is never "
        "page-cached. “server median ms” is the time the server itself spent, from its "
        "request log (warm-up included); the rest of the latency is queueing for the CPU. "
        "Both servers ran during the whole load, one loaded at a time, and each "
        "load began after the requests queued by the previous one were served. "
        f"Page cache outcomes of the cached profile (request log): {hits or 'none logged'}.",
        "",
        "## Desk operations",
        "",
        "| operation | time | peak Python memory | notes |",
        "|---|---:|---:|---|",
    ]
    for row in export:
        lines.append(
            f"| export of {row['items']:,} citations, {row['format']} | {row['seconds']:.2f} s | "
            f"{row['peak_bytes'] / 2**20:.1f} MiB | {row['bytes'] / 2**20:.1f} MiB streamed; "
            f"{row['peak_bytes_tenth'] / 2**20:.1f} MiB peak for {row['items'] // 10:,} |"
        )
    lines += [
        f"| results import, {imported['rows']:,} rows (--apply, rolled back) | "
        f"{imported['seconds']:.2f} s | – | peak RSS {imported['peak_rss_bytes'] / 2**20:.0f} "
        f"MiB, +{imported['rss_growth_bytes'] / 2**20:.0f} MiB during the import; "
        f"{imported['changed']:,} results changed |",
        f"| admin changelist of quotes ({admin['rows']:,} rows) | "
        f"{admin['seconds'] * 1000:.0f} ms | – | {admin['queries']} queries |",
        f"| provenance report over the bench newsroom ({provenance['items']:,} public items, "
        f"{provenance['citations']:,} citations) | {provenance['seconds']:.2f} s | "
        f"{provenance['peak_bytes'] / 2**20:.1f} MiB | "
        f"{provenance['checks_per_second']:,.0f} checks per second "
        f"({provenance['checks']:,} checks), {provenance['queries']} queries |",
    ]
    for row in basket:
        lines.append(
            f"| citation basket of {row['items']} items, {row['format']} | "
            f"{row['seconds']:.2f} s | – | {row['bytes']:,} bytes; {row['queries']} queries "
            f"({row['queries_at_tenth']} for {row['items'] // 10}) |"
        )

    cached = loads[ENDPOINTS[1].label]
    uncached = loads[ENDPOINTS[2].label]
    contest = loads[ENDPOINTS[3].label]
    search = loads[ENDPOINTS[4].label]
    api = loads[ENDPOINTS[5].label]
    basket_seconds = max(row["seconds"] for row in basket)
    basket_flat = all(row["queries"] == row["queries_at_tenth"] for row in basket)
    # A load with failed requests measured nothing it can be trusted for.
    clean = {label: load.errors == 0 and load.requests > 0 for label, load in loads.items()}
    clean_baseline = clean[ENDPOINTS[0].label]
    export_seconds = max(row["seconds"] for row in export)
    flat = all(row["peak_bytes"] <= 1.5 * row["peak_bytes_tenth"] for row in export)
    rps = baseline.requests_per_second
    goals = [
        (
            "cached profile >= 90% of baseline throughput",
            f"{cached.requests_per_second / rps:.0%}",
            clean_baseline
            and clean[ENDPOINTS[1].label]
            and cached.requests_per_second >= 0.9 * rps,
        ),
        (
            "uncached profile >= 20% of baseline throughput",
            f"{uncached.requests_per_second / rps:.0%}",
            clean_baseline
            and clean[ENDPOINTS[2].label]
            and uncached.requests_per_second >= 0.2 * rps,
        ),
        (
            "uncached contest page >= 25% of baseline throughput",
            f"{contest.requests_per_second / rps:.0%}",
            clean_baseline
            and clean[ENDPOINTS[3].label]
            and contest.requests_per_second >= 0.25 * rps,
        ),
        (
            "search p50 within 10× baseline p50",
            f"{search.p50_ms / baseline.p50_ms:.1f}×",
            clean_baseline and clean[ENDPOINTS[4].label] and search.p50_ms <= 10 * baseline.p50_ms,
        ),
        (
            "API quotes list >= 25% of baseline throughput",
            f"{api.requests_per_second / rps:.0%}",
            clean_baseline and clean[ENDPOINTS[5].label] and api.requests_per_second >= 0.25 * rps,
        ),
        (
            "500-item citation basket under 1 s in every format, queries not growing with it",
            f"slowest format {basket_seconds:.2f} s; queries "
            + ("the same at 50 and 500" if basket_flat else "grow with the basket"),
            basket_seconds < 1 and basket_flat,
        ),
        (
            "10,000-citation export under 2 s with flat memory (peak at 10,000 <= 1.5× "
            "peak at 1,000)",
            f"slowest format {export_seconds:.2f} s; "
            + ", ".join(
                f"{row['format']} {row['peak_bytes'] / row['peak_bytes_tenth']:.2f}×"
                for row in export
            ),
            export_seconds < 2 and flat,
        ),
        (
            "results import of 10,000 rows applied within 10 s",
            f"{imported['seconds']:.2f} s",
            imported["rows"] >= 10_000 and imported["seconds"] <= 10,
        ),
        (
            "admin changelist under 12 queries",
            f"{admin['queries']} queries",
            admin["queries"] < 12,
        ),
    ]
    lines += ["", "## Goals", "", "| goal | measured | |", "|---|---|---|"]
    lines += [f"| {goal} | {value} | {met(ok)} |" for goal, value, ok in goals]
    lines += [
        "",
        "Absolute numbers are noisy: the machine is shared and wrk runs on the same cores "
        "as the servers, PostgreSQL and Redis; the ratios, measured side by side in one run, "
        "are what the goals compare. A goal over a load with errors (wrk timeouts or non-2xx "
        "answers) counts as not met.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
