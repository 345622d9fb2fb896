"""The production settings, plus one trivial view as the benchmark's baseline.

Only `make bench` uses this module (DJANGO_SETTINGS_MODULE=bench.settings); the deployed
site never has the baseline view.
"""

from ballotdesk.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
