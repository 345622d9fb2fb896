"""The production settings, plus the bench app and one trivial view as the benchmark's
baseline.

Only `make bench` uses this module (DJANGO_SETTINGS_MODULE=bench.settings); the deployed
site never has the baseline view nor the bench commands (`generate_bench_data`,
`bench_export`, `bench_import`, `bench_admin`, `bench_provenance`).
"""

from ballotdesk.settings import *  # noqa: F403
from ballotdesk.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
