"""`make soak`: the load and fault scenarios of bench/soak/ at full length.

Builds a throwaway production stack (its own PostgreSQL cluster, redis-server and two
gunicorn processes on free ports; the machine's PostgreSQL and Redis are never touched),
then runs, printing the counts of each:

1. a change published through one app process, read through the other;
2. 64 readers while results imports run round after round (no 5xx, one batch per page,
   every imported row held afterwards);
3. Redis stopped and started under load (no 5xx);
4. PostgreSQL restarted under load (failures only during the restarts, recovery without
   restarting the app).

The report is also written to test-artifacts/soak.txt. Exits 1 if any scenario failed.
"""

import argparse
import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.soak import scenarios, world  # noqa: E402
from bench.soak.stack import Stack  # noqa: E402

REPORT = PROJECT / "test-artifacts" / "soak.txt"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds",
        type=float,
        default=float(os.environ.get("SOAK_SECONDS", 120)),
        help="how long each load scenario runs (default: SOAK_SECONDS or 120)",
    )
    parser.add_argument("--readers", type=int, default=64, help="readers during the import")
    parser.add_argument(
        "--fault-readers", type=int, default=16, help="readers during the restarts (16)"
    )
    parser.add_argument(
        "--contests",
        type=int,
        default=world.CONTESTS,
        help=f"contests of {world.CANDIDATES} candidates in each import file ({world.CONTESTS})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", 3)),
        help="gunicorn workers per app process (default: WEB_CONCURRENCY or 3)",
    )
    parser.add_argument(
        "--every",
        type=float,
        default=40,
        help="one PostgreSQL restart and one Redis stop per this many seconds (40)",
    )
    return parser.parse_args()


def main() -> int:
    options = arguments()
    REPORT.parent.mkdir(exist_ok=True)
    lines = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    faults = max(1, int(options.seconds // options.every))
    say(
        f"soak: {options.seconds:.0f} s per scenario, {options.readers} readers during imports, "
        f"{faults} restart(s) of PostgreSQL and stop(s) of Redis"
    )
    started = time.monotonic()
    failed = 0
    with Stack(contests=options.contests, workers=options.workers, log=say) as stack:
        runs = [
            lambda: scenarios.change_seen_across_processes(stack, changes=5),
            lambda: scenarios.import_under_load(
                stack, seconds=options.seconds, readers=options.readers
            ),
            lambda: scenarios.redis_stop_under_load(
                stack, seconds=options.seconds, readers=options.fault_readers, stops=faults
            ),
            lambda: scenarios.postgres_restart_under_load(
                stack, seconds=options.seconds, readers=options.fault_readers, restarts=faults
            ),
        ]
        for run in runs:
            scenario_started = time.monotonic()
            outcome = run()
            failed += bool(outcome.problems)
            say(f"{outcome.text()}\n  ({time.monotonic() - scenario_started:.1f} s)")
    say(
        f"soak: {len(runs) - failed}/{len(runs)} scenarios held, "
        f"{time.monotonic() - started:.0f} s in all"
    )
    REPORT.write_text("\n".join(lines) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
