"""Election night in `make bench`: many readers on one contest page and one profile while a
results import lands every few seconds.

Two loads of the same length on the page-cached server, one after the other: readers only,
then readers while `bench_live_import` commits an update of the contest every `every`
seconds. After each import the contest page is fetched until it shows the new figures: how
long that took is the import's *visible after*. The goal compares the p99 latencies of the
two loads (measured side by side in one run).
"""

import json
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field


@dataclass
class Night:
    quiet: dict = field(default_factory=dict)
    busy: dict = field(default_factory=dict)
    #: Seconds from each import's commit to the page showing it (None: never seen).
    visible_after: list = field(default_factory=list)
    import_seconds: list = field(default_factory=list)


def _loads(urls, seconds, connections, wrk_process, parse) -> dict:
    processes = {url: wrk_process(url, seconds, connections) for url in urls}
    return {url: parse(process.communicate()[0]) for url, process in processes.items()}


def shows(page: str, votes: dict) -> bool:
    """Whether a contest page's HTML shows every one of these vote counts (a table cell)."""
    return all(f">{count}<" in page or f">{count:,}<" in page for count in votes.values())


def _shows(url: str, votes: dict) -> bool:
    with urllib.request.urlopen(url, timeout=10) as response:
        return shows(response.read().decode(), votes)


def _imports(night, stop, *, every: int, manage, cwd, contest_url: str):
    step = 0
    while not stop.wait(every if step else 1):
        step += 1
        output = subprocess.run(
            [*manage, "bench_live_import", "--step", str(7 + step)],
            capture_output=True,
            text=True,
            check=True,
            cwd=cwd,
        ).stdout
        done = json.loads(output.strip().splitlines()[-1])["import"]
        committed = time.monotonic()
        night.import_seconds.append(done["seconds"])
        seen = None
        while time.monotonic() - committed < 30:
            if _shows(contest_url, done["votes"]):
                seen = time.monotonic() - committed
                break
            time.sleep(0.1)
        night.visible_after.append(seen)


def run(urls, *, seconds, connections, every, manage, cwd, wrk_process, parse) -> Night:
    """`urls`: the contest page first. `wrk_process(url, seconds, connections)` starts a
    load and `parse` reads its output."""
    night = Night()
    night.quiet = _loads(urls, seconds, connections, wrk_process, parse)
    stop = threading.Event()
    importer = threading.Thread(
        target=_imports,
        args=(night, stop),
        kwargs={"every": every, "manage": manage, "cwd": cwd, "contest_url": urls[0]},
    )
    importer.start()
    try:
        night.busy = _loads(urls, seconds, connections, wrk_process, parse)
    finally:
        stop.set()
        importer.join()
    return night
