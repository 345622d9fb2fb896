"""`make run PORT=… HOST=…`: it serves where asked, and a busy port stops it with the way out."""

import socket
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(settings.BASE_DIR)


def check_port(port: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "check-port.py"), "127.0.0.1", str(port)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_busy_port_stops_make_run_with_the_port_to_try_instead():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]

        checked = check_port(port)

    assert checked.returncode == 1
    assert f"Port {port} is in use (another `make run`?). Try: make run PORT=" in checked.stderr


def test_free_port_lets_make_run_go_on():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    checked = check_port(port)

    assert (checked.returncode, checked.stderr) == (0, "")


def test_make_run_serves_on_the_port_and_host_given():
    planned = subprocess.run(
        ["make", "--dry-run", "run", "PORT=8001", "HOST=0.0.0.0"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout

    assert "check-port.py 0.0.0.0 8001" in planned
    assert "manage.py runserver 0.0.0.0:8001" in planned
