"""Two saves of the same item at the same moment, each in its own request, thread and
database connection: the second waits for the first (the row lock taken by the form's
check, and the model's conditional update behind it) and is then refused with the first
editor's changes. PostgreSQL only: SQLite has no row locks, and test_locking_edges covers
the model's guard there."""

import threading
import time

import pytest
from django.db import connection

from newsroom.editorial.admin import locking as editorial_forms
from newsroom.editorial.publishing import Status
from tests.support import factories
from tests.support.editors import form_errors, log_in, open_change_form, save

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are a PostgreSQL matter"
    ),
]


def test_simultaneous_saves_one_wins_the_other_is_refused(django_user_model, monkeypatch):
    alice = log_in(django_user_model, "alice", "Alice Archer")
    bob = log_in(django_user_model, "bob", "Bob Baker")
    candidate = factories.CandidateFactory(occupation="Investor", status=Status.DRAFT)
    _, alice_data = open_change_form(alice, candidate)
    _, bob_data = open_change_form(bob, candidate)
    alice_data["occupation"] = "Entrepreneur"
    bob_data["occupation"] = "Banker"

    real_check = editorial_forms.VersionedModelForm.check_version
    alice_checked = threading.Event()

    def check_then_dawdle(form, loaded):
        real_check(form, loaded)
        if threading.current_thread().name == "alice":
            # Alice holds the row lock while she is slow to write; Bob's check waits.
            alice_checked.set()
            time.sleep(1)

    monkeypatch.setattr(editorial_forms.VersionedModelForm, "check_version", check_then_dawdle)
    responses = {}

    def submit(name, client, data):
        try:
            if name == "bob":
                alice_checked.wait(10)
            responses[name] = save(client, candidate, data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=("alice", alice, alice_data), name="alice"),
        threading.Thread(target=submit, args=("bob", bob, bob_data), name="bob"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert responses["alice"].status_code == 302
    assert responses["bob"].status_code == 200
    assert "occupation: Investor → Entrepreneur" in form_errors(responses["bob"])[0]
    candidate.refresh_from_db()
    assert (candidate.occupation, candidate.version) == ("Entrepreneur", 2)
