"""The bench app and its commands exist only under bench/settings.py."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from ballotdesk import settings as production_settings
from bench import settings as bench_settings

BENCH_COMMANDS = ["generate_bench_data", "bench_export", "bench_import", "bench_admin"]


def test_production_settings_do_not_install_the_bench():
    assert "bench" not in production_settings.INSTALLED_APPS
    assert production_settings.ROOT_URLCONF == "ballotdesk.urls"


def test_bench_settings_are_production_plus_the_bench_app():
    assert [*production_settings.INSTALLED_APPS, "bench"] == bench_settings.INSTALLED_APPS
    assert bench_settings.ROOT_URLCONF == "bench.urls"
    assert "bench" in settings.INSTALLED_APPS  # tests/bench/conftest.py


@pytest.mark.parametrize(
    ("settings_module", "known"), [("ballotdesk.settings", False), ("bench.settings", True)]
)
def test_bench_commands_are_known_only_under_bench_settings(settings_module, known):
    listed = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    ).stdout.split()

    assert {name in listed for name in BENCH_COMMANDS} == {known}
