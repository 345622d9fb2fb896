"""Queries and time of an admin changelist, as a logged-in superuser sees it.

The page is fetched through Django's test client (the whole middleware stack, the admin's
own templates), as a superuser that exists only inside a transaction rolled back at the end.
"""

import json
import statistics
import time

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Benchmark an admin changelist page (default: the BENCH_ADMIN_MODEL setting) on the "
        "database as it is: "
        "the number of SQL queries, the rows of the model, and the median time of a few "
        "requests after one warm-up, as a superuser (created and removed again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--model",
            default=settings.BENCH_ADMIN_MODEL,
            help=f"app_label.model of the changelist (default {settings.BENCH_ADMIN_MODEL}, "
            "the BENCH_ADMIN_MODEL setting).",
        )
        parser.add_argument(
            "--repeat", type=int, default=5, help="Timed requests after the warm-up (5)."
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print the measurements as one JSON object instead of a line of text.",
        )

    def handle(self, *args, model: str, repeat: int, **options):
        try:
            model_class = apps.get_model(model)
        except (LookupError, ValueError) as error:
            raise CommandError(f"No model “{model}”: give app_label.model.") from error
        opts = model_class._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        with transaction.atomic():
            user = get_user_model().objects.create_superuser("bench-admin-changelist", "", None)
            client.force_login(user)
            self.fetch(client, url)
            timings, queries = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    self.fetch(client, url)
                    timings.append(time.perf_counter() - started)
                queries.append(len(captured.captured_queries))
            rows = model_class._default_manager.count()
            slowest = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:3]
            transaction.set_rollback(True)
        measured = {
            "url": url,
            "rows": rows,
            "queries": max(queries),
            "seconds": statistics.median(timings),
            "slowest_queries": [
                {"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"][:300]} for q in slowest
            ],
        }
        if options["json"]:
            self.stdout.write(json.dumps({"admin": measured}))
            return
        self.stdout.write(
            f"admin {url}: {rows:,} rows, {measured['queries']} queries, "
            f"median {measured['seconds'] * 1000:.0f} ms of {repeat}"
        )
        for query in measured["slowest_queries"]:
            self.stdout.write(f"  {query['ms']} ms: {query['sql']}")

    def fetch(self, client: Client, url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}.")
