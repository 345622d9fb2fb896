"""The bench tools are installed only by bench/settings.py, so these tests run with its
INSTALLED_APPS (the rest of the production settings are the same)."""

import pytest

from bench import settings as bench_settings


@pytest.fixture(autouse=True)
def bench_installed(settings):
    settings.INSTALLED_APPS = bench_settings.INSTALLED_APPS
