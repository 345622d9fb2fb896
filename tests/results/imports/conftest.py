"""The seed newsroom plus the wire source the import files cite, and helpers to run them."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from results.models import Contest
from tests.support.factories import SourceFactory

FILES = Path(__file__).parent / "files"
CAUCUS = "2024-american-samoa-democratic-caucuses"
WIRE_URL = "https://results.example.org/as-democratic-caucus"


@pytest.fixture
def results_desk(seed_newsroom):
    """The seed newsroom, with the source the import files name by URL."""
    return SourceFactory(url=WIRE_URL, headline="American Samoa caucus count")


@pytest.fixture
def caucus(results_desk):
    return Contest.objects.get(slug=CAUCUS)


def run_import(name: str, *args: str) -> tuple[str, str]:
    """Runs `import_results` on a test file; returns (stdout, stderr), raising CommandError."""
    out, err = StringIO(), StringIO()
    call_command("import_results", str(FILES / name), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failed_import(name: str, *args: str) -> list[str]:
    """The problem lines of an import that must fail."""
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_results", str(FILES / name), *args, stdout=StringIO(), stderr=err)
    return err.getvalue().splitlines()
