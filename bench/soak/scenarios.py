"""The four load-and-fault scenarios of `make soak`, shared by the pytest version
(tests/soak/test_soak.py, short) and the driver (scripts/soak.py, long).

Each takes a running Stack, does its fault under load and returns an Outcome: the numbers
to print and the problems found (an empty list when the scenario held).
"""

import csv
import datetime
import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import requests

from . import world
from .load import Run, read_pages
from .stack import ADMIN_PASSWORD, ADMIN_USERNAME, Stack

# Each round of imports writes counts ending in its own digit (the seed world's end in 1).
ROUND_MARKERS = (7, 3, 9, 5, 2, 8, 4, 6, 0)
#: How long a page's render may hold its lock (PAGE_CACHE_LOCK_SECONDS, the default, which
#: the stack keeps): the longest a reader is served the stale copy of a page being rendered.
LOCK = 5.0
_RESULTS_TABLE = re.compile(r'<table class="results">(.*?)</table>', re.S)
# The votes cell's figure, inside the span live-results.js updates.
_VOTES_CELL = re.compile(r'</th>\s*<td class="num">(?:<span [^>]*>)?(\d+)')


@dataclass
class Outcome:
    name: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    run: Run | None = None

    def text(self) -> str:
        verdict = "ok" if not self.problems else f"{len(self.problems)} problem(s)"
        body = "\n".join([f"== {self.name}: {verdict}", *self.lines])
        if self.problems:
            body += "\n" + "\n".join(f"  PROBLEM: {problem}" for problem in self.problems[:10])
        return body


def duration(window) -> float:
    return window.closed - window.opened


def contest_path(number: int) -> str:
    return f"/contests/{world.contest_slug(number)}/"


def results_votes(body: str) -> list[int]:
    """The vote counts in a contest page's results table (not its count history)."""
    table = _RESULTS_TABLE.search(body)
    return [int(votes) for votes in _VOTES_CELL.findall(table.group(1))] if table else []


def batch_of(body: str) -> str:
    """Which batch a contest page shows: "marker N" when every count ends in N, else "mixed"."""
    digits = {votes % 10 for votes in results_votes(body)}
    if len(digits) != 1:
        return f"mixed {sorted(digits)}"
    return f"marker {digits.pop()}"


def import_file(round_number: int, marker: int, contests) -> str:
    """A results file for every soak contest, all counts ending in `marker`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["contest", "candidate", "votes", "reporting_percent", "as_of", "source_url"])
    # The clock's time: whatever ran before, an import never rolls a count back.
    as_of = datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()
    for number in contests:
        for position in range(world.CANDIDATES):
            writer.writerow(
                [
                    world.contest_slug(number),
                    world.candidate_slug(number, position),
                    world.votes(number, position, round_number, marker),
                    min(100, 10 * round_number),
                    as_of,
                    world.SOURCE_URL,
                ]
            )
    return out.getvalue()


def held_votes(stack: Stack) -> dict[tuple[str, str], int]:
    rows = stack.postgres.query(
        "SELECT c.slug, p.slug, r.votes FROM results_result r "
        "JOIN results_contest c ON c.id = r.contest_id "
        "JOIN candidates_candidate p ON p.id = r.candidate_id "
        "WHERE c.slug LIKE 'soak-contest-%%'"
    )
    return {(contest, candidate): votes for contest, candidate, votes in rows}


def import_batches(stack: Stack) -> int:
    return stack.postgres.query("SELECT count(*) FROM results_importbatch")[0][0]


def import_under_load(stack: Stack, *, seconds: float, readers: int = 64) -> Outcome:
    """64 readers on the contest pages while `import_results --apply` runs, round after
    round: no 5xx, every page shows one batch, every imported row is held afterwards."""
    outcome = Outcome("results import under load")
    paths = [contest_path(number) for number in range(stack.contests)]
    paths += ["/", "/contests/", "/candidates/"]
    before = {
        path: batch_of(requests.get(stack.apps["a"].url + path, timeout=30).text)
        for path in paths
        if path.startswith("/contests/soak-")
    }
    imports = []  # (window, the batch it writes, its file)
    batches_before = import_batches(stack)

    def check(path, body):
        return batch_of(body) if path in before else ""

    def run_imports(run):
        time.sleep(min(1.0, seconds / 10))
        # Round after round while the readers read; at least one, never past the end.
        while not imports or time.monotonic() + duration(imports[-1][0]) < run.started + seconds:
            round_number = len(imports) + 1
            marker = ROUND_MARKERS[(round_number - 1) % len(ROUND_MARKERS)]
            path = stack.folder / f"round-{round_number}.csv"
            path.write_text(import_file(round_number, marker, range(stack.contests)))
            window = run.open_window(f"import {round_number}")
            stack.manage("import_results", str(path), "--apply")
            window.closed = time.monotonic()
            imports.append((window, f"marker {marker}", path))
        # Readers go on for a while after the last import, to read what it wrote.
        time.sleep(max(0.0, 2.0 - max(0.0, run.started + seconds - time.monotonic())))

    def committed_before(sample) -> list:
        """The imports committed before the request began, (window, batch, file) each."""
        return [done for done in imports if done[0].closed < sample.started]

    def since_commit(sample) -> float:
        """Seconds from the last commit before the request to the request."""
        committed = committed_before(sample)
        return sample.started - committed[-1][0].closed if committed else float("inf")

    def allowed(sample) -> set[str]:
        """The batch committed last before the request, or one committing during it."""
        committed = [batch for _, batch, _ in committed_before(sample)]
        during = [
            batch
            for window, batch, _ in imports
            if window.closed >= sample.started and window.opened < sample.ended
        ]
        return {committed[-1] if committed else before[sample.path], *during}

    run = read_pages(
        stack.apps["a"].url,
        paths,
        readers=readers,
        seconds=seconds,
        check=check,
        during=run_imports,
        after_windows=readers // 4,
    )
    outcome.run = run
    outcome.lines.append(run.report("readers"))
    for number, (window, batch, _) in enumerate(imports, start=1):
        outcome.lines.append(
            f"  import {number}: {stack.contests * world.CANDIDATES} rows, counts ending in "
            f"{batch[7:]}, {duration(window):.2f} s"
        )
    pages = [sample for sample in run.samples if sample.verdict]
    by_batch = Counter(sample.verdict for sample in pages)
    mixed = [sample for sample in pages if not sample.verdict.startswith("marker ")]
    older = [
        sample
        for sample in pages
        if sample.verdict.startswith("marker ") and sample.verdict not in allowed(sample)
    ]
    # No stampede (ballotdesk.page_cache): right after a commit, while one request renders
    # a page's new copy, the others get the copy it replaces, marked stale (max-age=0, so
    # no cache in front keeps it). An older batch is wrong when it comes marked fresh, or
    # later than a render could take.
    copies = [sample for sample in older if sample.stale_copy and since_commit(sample) < LOCK]
    stale = [sample for sample in older if sample not in copies]
    outcome.lines.append(f"  contest pages by batch: {dict(sorted(by_batch.items()))}")
    outcome.lines.append(
        f"  contest pages mixing batches: {len(mixed)}; showing a batch older than the one "
        f"committed before the request: {len(stale)} (and {len(copies)} stale copies, "
        f"marked so, served within {LOCK:.0f} s of a commit while the page rendered anew)"
    )

    if run.failures():
        outcome.problems.append(f"{len(run.failures())} requests failed or answered 5xx")
    if mixed:
        outcome.problems.append(f"{len(mixed)} contest pages mixed batches: {mixed[0].verdict}")
    if stale:
        first = stale[0]
        outcome.problems.append(
            f"{len(stale)} contest pages were stale, e.g. {first.path} at "
            f"{first.started - run.started:.2f} s showed {first.verdict}"
        )
    if not any(sample.started > imports[0][0].closed for sample in pages):
        outcome.problems.append("no contest page was read after the first import")

    # Every row of the last file is held, and every reader sees it on the next request.
    last_round = len(imports)
    _, last_batch, last_path = imports[-1]
    held = held_votes(stack)
    rows = list(csv.DictReader(io.StringIO(last_path.read_text())))
    missing = [
        row for row in rows if held.get((row["contest"], row["candidate"])) != int(row["votes"])
    ]
    if missing:
        outcome.problems.append(f"{len(missing)} of {len(rows)} imported rows are not held")
    recorded = import_batches(stack) - batches_before
    if recorded != len(imports):
        outcome.problems.append(f"{len(imports)} imports applied, {recorded} batches recorded")
    behind = []
    for app in stack.apps.values():
        for number in range(stack.contests):
            body = requests.get(app.url + contest_path(number), timeout=10).text
            if batch_of(body) != last_batch:
                behind.append(f"{app.name}{contest_path(number)}: {batch_of(body)}")
    if behind:
        outcome.problems.append(f"pages not showing the last import: {behind[:5]}")
    outcome.lines.append(
        f"  afterwards: {recorded} import batches recorded; "
        f"{len(rows) - len(missing)}/{len(rows)} rows of import {last_round} held; "
        f"{2 * stack.contests - len(behind)}/{2 * stack.contests} pages on both apps show them"
    )
    return outcome


# Cached pages and pages the cache cannot answer: a search for new words each time (only the
# parameters a page reads make its cache key, so `?n=` alone would be the cached page), and
# /healthz.
FAULT_PATHS = [
    "/",
    "/contests/",
    contest_path(0),
    "/search/?q=palmer+{n}",
    "/healthz",
    contest_path(1),
    "/search/?q=caucus+{n}",
    "/candidates/",
]


def at_fractions(run, seconds: float, count: int, length: float):
    """Sleep until each of `count` evenly spread moments of the run, centred on a window
    of `length` seconds, and yield the window's number."""
    for number in range(count):
        moment = run.started + seconds * (number + 0.5) / count - length / 2
        time.sleep(max(0.0, moment - time.monotonic()))
        yield number + 1


def postgres_restart_under_load(
    stack: Stack,
    *,
    seconds: float,
    readers: int = 16,
    restarts: int = 1,
    down: float = 2.0,
    grace: float = 1.0,
) -> Outcome:
    """PostgreSQL stopped and started again while readers read: failures only in requests
    overlapping a restart (plus `grace` seconds), every later request answered, the same
    app processes throughout."""
    outcome = Outcome("PostgreSQL restart under load")
    pids = {name: app.pid for name, app in stack.apps.items()}

    def restart(run):
        for number in at_fractions(run, seconds, restarts, down):
            window = run.open_window(f"postgres restart {number}")
            stack.postgres.stop()
            time.sleep(down)
            stack.postgres.start()
            window.closed = time.monotonic()

    run = read_pages(
        stack.apps["a"].url,
        FAULT_PATHS,
        readers=readers,
        seconds=seconds,
        during=restart,
        after_windows=readers,
        after_grace=grace,
    )
    outcome.run = run
    outcome.lines.append(run.report("readers", grace=grace))
    _inside, outside = run.split(grace)
    late = [sample for sample in outside if sample.status is None or sample.status >= 500]
    if late:
        outcome.problems.append(
            f"{len(late)} failures outside the restart windows, first at "
            f"{late[0].started - run.started:.2f} s: {late[0].status or late[0].error} "
            f"{late[0].path}"
        )
    server_errors = [sample for sample in run.samples if sample.status == 500]
    if server_errors:
        outcome.problems.append(
            f"{len(server_errors)} answers were 500; a database outage should answer 503"
        )
    after = [sample for sample in run.samples if run.after_windows(sample, grace)]
    if not after:
        outcome.problems.append("no request was made after the last restart")
    for name, app in stack.apps.items():
        if app.pid != pids[name]:
            outcome.problems.append(f"app {name} was restarted ({pids[name]} -> {app.pid})")
    health = requests.get(stack.apps["a"].url + "/healthz", timeout=10)
    if health.status_code != 200:
        outcome.problems.append(f"/healthz answered {health.status_code} after the restart")
    outcome.lines.append(
        f"  after the last window: {run.counts(after)['2xx']}/{len(after)} answered 2xx; "
        f"/healthz {health.status_code}; app processes unchanged: "
        f"{all(app.pid == pids[name] for name, app in stack.apps.items())}"
    )
    return outcome


def redis_stop_under_load(
    stack: Stack, *, seconds: float, readers: int = 16, stops: int = 1, away: float = 0.0
) -> Outcome:
    """Redis stopped while readers read, then started again: every page still answered,
    from the database while Redis is away."""
    outcome = Outcome("Redis stopped under load")
    away = away or seconds * 0.4 / stops

    def stop_redis(run):
        for number in at_fractions(run, seconds, stops, away):
            window = run.open_window(f"redis away {number}")
            stack.redis.stop()
            time.sleep(away)
            stack.redis.start()
            window.closed = time.monotonic()

    run = read_pages(
        stack.apps["a"].url, FAULT_PATHS, readers=readers, seconds=seconds, during=stop_redis
    )
    outcome.run = run
    outcome.lines.append(run.report("readers"))
    answered_away = [
        sample
        for sample in run.samples
        if sample.status == 200 and any(w.opened <= sample.started <= w.closed for w in run.windows)
    ]
    outcome.lines.append(f"  asked while Redis was away and answered 200: {len(answered_away)}")
    if run.failures():
        outcome.problems.append(f"{len(run.failures())} requests failed or answered 5xx")
    if not answered_away:
        outcome.problems.append("no page was served while Redis was away")
    return outcome


def desk_import(base_url: str, filename: str, content: str) -> str:
    """Log in to the desk of one app process and apply a results file through the upload."""
    with requests.Session() as session:
        login = f"{base_url}/admin/login/"
        session.get(login, timeout=10).raise_for_status()
        answer = session.post(
            login,
            data={
                "username": ADMIN_USERNAME,
                "password": ADMIN_PASSWORD,
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
                "next": "/desk/results/import/",
            },
            timeout=10,
        )
        answer.raise_for_status()
        assert answer.url.endswith("/desk/results/import/"), f"login refused: {answer.url}"
        preview = session.post(
            answer.url,
            data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
            files={"file": (filename, content.encode(), "text/csv")},
            timeout=30,
        )
        preview.raise_for_status()
        hidden = dict(re.findall(r'name="(payload|fingerprint)" value="([^"]*)"', preview.text))
        assert set(hidden) == {"payload", "fingerprint"}, "the preview offers no Apply"
        applied = session.post(
            answer.url,
            data={"csrfmiddlewaretoken": session.cookies["csrftoken"], **hidden},
            timeout=60,
        )
        applied.raise_for_status()
        message = re.search(r"Applied [^<]*", applied.text)
        assert message, "the desk did not confirm the import"
        return message.group(0)


def change_seen_across_processes(stack: Stack, *, changes: int = 3) -> Outcome:
    """A change published through app "a" shows on app "b" at the very next request, and
    the other way round, although each had the page in the shared cache."""
    outcome = Outcome("two app processes sharing PostgreSQL and Redis")
    seen = 0
    for change in range(changes):
        writer, reader = ("a", "b") if change % 2 == 0 else ("b", "a")
        page = stack.apps[reader].url + contest_path(stack.contests - 1)
        for app in stack.apps.values():  # both processes have the page cached now
            requests.get(app.url + contest_path(stack.contests - 1), timeout=10)
        before = batch_of(requests.get(page, timeout=10).text)
        marker = ROUND_MARKERS[change % len(ROUND_MARKERS)]
        content = import_file(500 + change, marker, contests=[stack.contests - 1])
        message = desk_import(stack.apps[writer].url, f"desk-{change}.csv", content)
        after = batch_of(requests.get(page, timeout=10).text)
        ok = after == f"marker {marker}"
        seen += ok
        outcome.lines.append(
            f"  published through {writer} ({message}); {reader} showed {before}, "
            f"then {after} on the next request"
        )
        if not ok:
            outcome.problems.append(
                f"{reader} still showed {after} after the change through {writer}"
            )
    outcome.lines.insert(0, f"  {seen}/{changes} changes visible on the other process at once")
    return outcome
