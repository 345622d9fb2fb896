"""scripts/ensure-chromium.sh, run against a fake apt-get that records how it was called."""

import os
import stat
import subprocess
from pathlib import Path

from django.conf import settings

SCRIPT = Path(settings.BASE_DIR) / "scripts" / "ensure-chromium.sh"


def executable(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def run_with_fake_apt(tmp_path: Path) -> list[str]:
    """Runs the script with Chromium missing; returns the apt-get command lines it ran."""
    bin_dir, calls, chromium = tmp_path / "bin", tmp_path / "apt-calls", tmp_path / "chromium"
    bin_dir.mkdir()
    # The fake install puts a "chromium" in place, as Debian's package would.
    executable(
        bin_dir / "apt-get",
        f'#!/bin/sh\necho "$*" >> {calls}\n'
        f'case " $* " in *" install "*) printf "#!/bin/sh\\necho Chromium 1\\n" > {chromium}; '
        f"chmod +x {chromium};; esac\n",
    )
    executable(bin_dir / "sudo", '#!/bin/sh\nexec "$@"\n')
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "CHROMIUM": str(chromium)}
    subprocess.run([str(SCRIPT)], env=env, check=True, capture_output=True, timeout=30)
    return calls.read_text().splitlines()


def test_apt_get_waits_for_the_dpkg_lock_instead_of_failing(tmp_path):
    calls = run_with_fake_apt(tmp_path)

    assert [call.split()[2] for call in calls] == ["update", "install"]
    assert all(call.startswith("-o DPkg::Lock::Timeout=600 ") for call in calls)
