"""Shared fixtures: the seed newsroom, the canonical example world, logged-in clients (a
superuser, one person per role, and Alice and Bob, two editors at two browsers); the
browser of the browser tests (Debian's Chromium through Playwright, one per test); the
Hypothesis profiles of the property-based tests. The helpers behind them live in
tests/support/."""

import itertools
import json
import os
from pathlib import Path

import hypothesis
import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

SEED_APPS = ["newsroom", "candidates", "results"]
CHROMIUM = "/usr/bin/chromium"

# `make test` draws the same examples on every run, so a red run means the code changed;
# `make fuzz` (HYPOTHESIS_PROFILE=fuzz) explores with a fresh random seed and many more
# examples (FUZZ_EXAMPLES). What it finds becomes a named regression test with the exact
# request, so the deterministic run keeps it covered.
hypothesis.settings.register_profile(
    "deterministic", derandomize=True, database=None, max_examples=30, deadline=None
)
hypothesis.settings.register_profile(
    "fuzz",
    derandomize=False,
    database=None,
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "500")),
    deadline=None,
    print_blob=True,
)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "deterministic")
hypothesis.settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_configure(config):
    """A fast password hasher: Django's PBKDF2 takes about half a second per hash by design,
    paid by every test that creates a user. The tests are not about hash strength."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _slow_rank(item) -> int:
    if item.get_closest_marker("soak"):
        return 0
    if item.get_closest_marker("browser"):
        return 1
    db = item.get_closest_marker("django_db")
    return 2 if db and db.kwargs.get("transaction") else 3


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The tests that take seconds each (their own production stack, a browser, real
    transactions) go first, in their collected order, so xdist's workers start on them and
    finish together instead of one worker running a long test alone at the end."""
    items.sort(key=_slow_rank)


def pytest_report_header(config):
    changed = hypothesis.settings.default.show_changed()
    return f"hypothesis profile: {HYPOTHESIS_PROFILE} ({changed})"


@pytest.fixture(scope="session")
def seed_newsroom_dump(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seed newsroom, loaded once per session by the real command and dumped to JSON.

    Replaying the dump with loaddata gives each test the same rows (history included)
    several times faster than running the command's validated upserts again.
    """
    path = tmp_path_factory.mktemp("seed") / "seed-newsroom.json"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_newsroom", verbosity=0)
        call_command(
            "dumpdata",
            *SEED_APPS,
            "auth.user",
            natural_foreign=True,
            # Users by username: a test's own users may already hold the dumped ids.
            natural_primary=True,
            output=str(path),
            verbosity=0,
        )
        transaction.set_rollback(True)
    return path


@pytest.fixture
def seed_newsroom(db, seed_newsroom_dump):
    """The newsroom built from the three seed articles, as `make run` loads it."""
    load_rows(seed_newsroom_dump)


def load_rows(path) -> None:
    """What `loaddata` does with the dump, one INSERT per model instead of two queries a row.

    The dump lists models in dependency order; each model's rows are read once the rows they
    name by natural key are in. Rows keep their primary keys (rows dumped by natural key,
    the users, are saved one by one, as loaddata does), the save signals go out as loaddata
    sends them (raw), so caches keyed on content move on, and PostgreSQL's sequences are
    moved past the rows.

    The first load in a session goes through the ORM and keeps, per model, the INSERT it
    made as database values (`_Replay`); the loads after it replay those, which is what
    makes the seed newsroom cheap enough for every test that wants it.
    """
    replay = _REPLAYS.get(path)
    if replay is None:
        _REPLAYS[path] = _Replay.record(path)
    else:
        replay.play()


class _Replay:
    """The dump's rows as the first load inserted them, to insert again.

    Foreign keys to rows whose primary keys differ from load to load are kept as natural
    keys and looked up on each load: the users (loaded by natural key) and rows the dump
    does not hold (content types, which a transactional test's flush creates again under
    new ids on PostgreSQL); automatic dates (auto_now, auto_now_add) are taken afresh, as a
    save would."""

    def __init__(self):
        self.steps = []
        self.models = []

    @classmethod
    def record(cls, path) -> "_Replay":
        replay = cls()
        records = json.loads(path.read_text())
        dumped = {apps.get_model(record["model"]) for record in records}
        natural = {}  # model -> {pk: natural key} of this load
        for label, group in itertools.groupby(records, key=lambda record: record["model"]):
            group = list(group)
            model = apps.get_model(label)
            replay.models.append(model)
            items = list(serializers.deserialize("python", group))
            if any("pk" not in record for record in group):
                for item in items:
                    item.save()
                natural[model] = {item.object.pk: item.object.natural_key() for item in items}
                replay.steps.append(("natural", model, group))
                continue
            rows = [item.object for item in items]
            _send(pre_save, model, rows)
            model.objects.bulk_create(rows)
            _send(post_save, model, rows)
            replay.steps.append(("rows", model, _Rows(model, rows, natural, dumped)))
        _reset_sequences(replay.models)
        return replay

    def play(self) -> None:
        pks = _ExternalKeys()  # model -> {natural key: pk} of this load
        for kind, model, data in self.steps:
            if kind == "natural":
                items = list(serializers.deserialize("python", data))
                for item in items:
                    item.save()
                pks[model] = {item.object.natural_key(): item.object.pk for item in items}
            else:
                data.insert(pks)
        _reset_sequences(self.models)


class _ExternalKeys(dict):
    """{model: {natural key: pk}}: filled by the rows loaded by natural key, and looked up
    in the database for models the dump does not hold."""

    def __missing__(self, model):
        manager = model._default_manager

        class Lookup(dict):
            def __missing__(self, key):
                self[key] = manager.get_by_natural_key(*key).pk
                return self[key]

        self[model] = Lookup()
        return self[model]


class _Rows:
    def __init__(self, model, rows, natural, dumped):
        self.model, self.rows = model, rows
        fields = [f for f in model._meta.local_concrete_fields if not f.generated]
        for f in fields:
            related = f.related_model if f.is_relation else None
            if related and related not in dumped:
                ids = {getattr(obj, f.attname) for obj in rows} - {None}
                known = natural.setdefault(related, {})
                known.update(
                    (row.pk, row.natural_key()) for row in related._base_manager.filter(pk__in=ids)
                )
        self.fields = fields
        self.sql = "INSERT INTO {} ({}) VALUES ({})".format(
            connection.ops.quote_name(model._meta.db_table),
            ", ".join(connection.ops.quote_name(f.column) for f in fields),
            ", ".join(["%s"] * len(fields)),
        )
        self.by_key = {
            i: f.related_model
            for i, f in enumerate(fields)
            if f.is_relation and f.related_model in natural
        }
        self.fresh = [
            i
            for i, f in enumerate(fields)
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        self.values = []
        for obj in rows:
            values = []
            for i, f in enumerate(fields):
                value = getattr(obj, f.attname)
                if i in self.by_key:
                    values.append(natural[self.by_key[i]].get(value))
                else:
                    values.append(f.get_db_prep_save(value, connection))
            self.values.append(values)

    def insert(self, pks) -> None:
        now = timezone.now()
        fresh = {i: self.fields[i].get_db_prep_save(now, connection) for i in self.fresh}
        params = []
        for obj, values in zip(self.rows, self.values, strict=True):
            row = list(values)
            for i, model in self.by_key.items():
                row[i] = None if row[i] is None else pks[model][row[i]]
                # The signals below get the rows as inserted: a flush since the first load
                # gives content types (and other rows outside the dump) new ids.
                setattr(obj, self.fields[i].attname, row[i])
            for i, value in fresh.items():
                row[i] = value
            params.append(row)
        _send(pre_save, self.model, self.rows)
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, params)
        _send(post_save, self.model, self.rows)


_REPLAYS: dict = {}


def _send(signal, model, rows) -> None:
    extra = {"created": True} if signal is post_save else {}
    for obj in rows:
        signal.send(
            sender=model, instance=obj, raw=True, using="default", update_fields=None, **extra
        )


def _reset_sequences(models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def world(db):
    """The canonical example world (tests/support/world.py): one published item of every
    kind a reader can reach."""
    from tests.support.world import build_world

    return build_world()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("editor-in-chief", "", "correct horse 42")


@pytest.fixture
def admin_client_logged_in(client, superuser):
    client.force_login(superuser)
    return client


def role_client(django_user_model, role: str):
    """A logged-in client of someone in `role`'s group (`client.user` is the person)."""
    from tests.support.editors import client_for

    return client_for(django_user_model, role)


@pytest.fixture
def alice(django_user_model):
    """Alice Archer, a superuser at her own browser (`alice.user` is the person)."""
    from tests.support.editors import log_in

    return log_in(django_user_model, "alice", "Alice Archer")


@pytest.fixture
def bob(django_user_model):
    """Bob Baker, a second superuser at another browser."""
    from tests.support.editors import log_in

    return log_in(django_user_model, "bob", "Bob Baker")


@pytest.fixture
def editor(django_user_model):
    return role_client(django_user_model, "Editor")


@pytest.fixture
def reporter(django_user_model):
    return role_client(django_user_model, "Reporter")


@pytest.fixture
def clerk(django_user_model):
    return role_client(django_user_model, "Results clerk")


@pytest.fixture
def browser(monkeypatch):
    """Debian's Chromium, never a downloaded build; `make test` installs it when missing."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django's async-safety check would refuse the
    # ORM calls these tests make beside it. Set for this test only, never the whole run.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run scripts/ensure-chromium.sh"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()
        # The test's ORM calls beside Playwright's event loop opened connections of their own
        # context: close them here, or they outlive the test and the session's DROP DATABASE
        # waits five seconds for them and fails.
        connections.close_all()
