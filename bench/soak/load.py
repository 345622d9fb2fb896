"""A small load generator: N reader threads fetching pages for a bounded time.

Every request is recorded with its start and end time (time.monotonic()), its status or the
error that ended it, and optionally what a page check said of its body, so a report can
show where in time the failures fell: inside a fault window or outside it.
"""

import http.client
import itertools
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Sample:
    started: float
    ended: float
    path: str
    status: int | None  # None: no HTTP answer (refused, reset, timed out)
    error: str = ""
    verdict: str = ""  # what the page check said, "" when there is none
    #: Whether the page came marked as a stale copy (`max-age=0`: served while another
    #: request renders its replacement, ballotdesk.page_cache), None when unknown.
    stale_copy: bool | None = None


@dataclass
class Window:
    """A stretch of time when a fault is expected to show, e.g. a PostgreSQL restart."""

    name: str
    opened: float
    closed: float | None = None

    def overlaps(self, sample: Sample, grace: float = 0.0) -> bool:
        closed = self.closed if self.closed is not None else float("inf")
        return sample.started <= closed + grace and sample.ended >= self.opened


@dataclass
class Run:
    started: float
    ended: float = 0.0
    samples: list[Sample] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)

    def open_window(self, name: str) -> Window:
        window = Window(name, time.monotonic())
        self.windows.append(window)
        return window

    def after_windows(self, sample: Sample, grace: float = 0.0) -> bool:
        """Whether the request started after every fault window had closed (plus `grace`)."""
        closed = [window.closed for window in self.windows]
        return bool(closed) and None not in closed and sample.started > max(closed) + grace

    def counts(self, samples=None) -> Counter:
        samples = self.samples if samples is None else samples
        counts = Counter(requests=len(samples))
        for sample in samples:
            if sample.status is None:
                counts["errors"] += 1
            else:
                counts[f"{sample.status // 100}xx"] += 1
        return counts

    def failures(self) -> list[Sample]:
        """Requests answered 5xx or not answered at all."""
        return [s for s in self.samples if s.status is None or s.status >= 500]

    def split(self, grace: float = 0.0) -> tuple[list[Sample], list[Sample]]:
        """Samples overlapping any window (plus `grace` seconds after it), and the rest."""
        inside, outside = [], []
        for sample in self.samples:
            overlapping = any(window.overlaps(sample, grace) for window in self.windows)
            (inside if overlapping else outside).append(sample)
        return inside, outside

    def report(self, title: str, grace: float = 0.0) -> str:
        seconds = self.ended - self.started
        durations = sorted(s.ended - s.started for s in self.samples if s.status is not None)
        latency = ""
        if durations:
            p50 = durations[len(durations) // 2]
            p99 = durations[min(len(durations) - 1, int(len(durations) * 0.99))]
            latency = f", p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"
        lines = [f"{title}: {len(self.samples)} requests in {seconds:.1f} s{latency}"]
        lines.append(f"  all: {format_counts(self.counts())}")
        for window in self.windows:
            closed = window.closed if window.closed is not None else self.ended
            lines.append(
                f"  window {window.name}: {window.opened - self.started:.2f} s to "
                f"{closed - self.started:.2f} s ({closed - window.opened:.2f} s)"
            )
        if self.windows:
            inside, outside = self.split(grace)
            lines.append(f"  inside windows (+{grace:.1f} s): {format_counts(self.counts(inside))}")
            lines.append(f"  outside windows: {format_counts(self.counts(outside))}")
        statuses = Counter(s.status for s in self.failures() if s.status is not None)
        if statuses:
            lines.append(f"  5xx by status: {dict(sorted(statuses.items()))}")
        errors = Counter(s.error for s in self.samples if s.error)
        for error, count in errors.most_common(5):
            lines.append(f"  error {error}: {count}")
        for sample in self.failures()[:3]:
            lines.append(
                f"  e.g. {sample.path} at {sample.started - self.started:.2f} s: "
                f"{sample.status or sample.error}"
            )
        return "\n".join(lines)


def format_counts(counts: Counter) -> str:
    keys = ["requests", "2xx", "3xx", "4xx", "5xx", "errors"]
    return ", ".join(f"{key} {counts.get(key, 0)}" for key in keys)


def read_pages(
    base_url: str,
    paths: list[str],
    *,
    readers: int,
    seconds: float,
    check=None,
    during=None,
    after_windows: int = 0,
    after_grace: float = 0.0,
    timeout: float = 60.0,
) -> Run:
    """Fetch `paths` round-robin from `readers` threads for `seconds`.

    `check(path, body) -> str` judges a 200 page (its answer is kept as the verdict);
    `during(run)` runs in the calling thread while the readers work (the fault or the
    import), and the readers stop `seconds` after the start or when it returns, whichever
    is later. With `after_windows=N` they go on until N requests started after the last
    fault window closed (plus `after_grace`) have been answered, for at most `timeout`
    seconds more: on a busy machine a fixed duration can end before any request shows
    the recovery.
    """
    address = urlsplit(base_url)
    run = Run(started=time.monotonic())
    stop = threading.Event()
    lock = threading.Lock()
    numbers = itertools.count()

    def reader(index: int) -> None:
        connection = None
        position = index
        while not stop.is_set():
            path = paths[position % len(paths)].format(n=next(numbers))
            position += 1
            started = time.monotonic()
            status, error, verdict, stale_copy = None, "", "", None
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(
                        address.hostname, address.port, timeout=timeout
                    )
                connection.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = connection.getresponse()
                body = response.read()
                status = response.status
                stale_copy = "max-age=0" in (response.getheader("Cache-Control") or "")
                if response.will_close:
                    connection.close()
                    connection = None
                if check and status == 200:
                    verdict = check(path, body.decode())
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
                if connection is not None:
                    connection.close()
                    connection = None
                time.sleep(0.05)  # a refused connection would otherwise spin
            with lock:
                run.samples.append(
                    Sample(started, time.monotonic(), path, status, error, verdict, stale_copy)
                )
        if connection is not None:
            connection.close()

    threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(readers)]
    for thread in threads:
        thread.start()
    try:
        if during is not None:
            during(run)
        remaining = run.started + seconds - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)
        deadline = time.monotonic() + timeout
        while after_windows and time.monotonic() < deadline:
            with lock:
                answered = sum(run.after_windows(sample, after_grace) for sample in run.samples)
            if answered >= after_windows:
                break
            time.sleep(0.1)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout + 5)
        run.ended = time.monotonic()
    run.samples.sort(key=lambda sample: sample.started)
    return run
