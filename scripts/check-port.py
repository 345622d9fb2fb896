"""Stops `make run` early, with the way out, when its port is already taken.

Run as `python scripts/check-port.py HOST PORT`: exit status 0 when runserver could listen
there, 1 (and a message naming a free port to try) when another process holds it.
"""

import socket
import sys


def is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As runserver binds: a port left in TIME_WAIT by the last run counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main(host: str, port: str) -> int:
    host, number = host.strip("[]"), int(port)
    if is_free(host, number):
        return 0
    spare = next((n for n in range(number + 1, number + 50) if is_free(host, n)), number + 1)
    sys.stderr.write(f"Port {number} is in use (another `make run`?). Try: make run PORT={spare}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
