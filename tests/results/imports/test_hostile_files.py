"""Deep, huge, binary or control-character input in a results file is a problem named by
row and column (or the file), on the upload page and in the command; never a 500."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from newsroom.editorial import roles
from results.models import ImportBatch
from tests.support.editors import client_for

from .conftest import CAUCUS, WIRE_URL

URL = "/desk/results/import/"
HEADER = "contest,candidate,votes,share,delegates,reporting_percent,as_of,source_url\n"
AS_OF = "2024-03-05T22:00:00-11:00"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def csv_row(votes: str = "51", candidate: str = "jason-palmer") -> str:
    return f"{CAUCUS},{candidate},{votes},,,,{AS_OF},{WIRE_URL}\n"


def json_row(votes: str) -> str:
    return (
        f'[{{"contest": "{CAUCUS}", "candidate": "jason-palmer", "votes": {votes}, '
        f'"as_of": "{AS_OF}", "source_url": "{WIRE_URL}"}}]'
    )


#: File name -> (content, the problem the clerk is shown).
HOSTILE = {
    "deep.json": ("[" * 100_000 + "]" * 100_000, "file: the JSON is nested too deeply"),
    "huge_number.json": (
        json_row("9" * 100_000),
        "row 1, column votes: “" + "9" * 59 + "…” is too large to be votes.",
    ),
    "huge_number.csv": (
        HEADER + csv_row("9" * 100_000),
        "row 2, column votes: “" + "9" * 59 + "…” is too large to be votes.",
    ),
    "nul.csv": (
        HEADER + csv_row(candidate="jason-\x00palmer"),
        "row 2, column candidate: holds the control character U+0000, which no cell may hold.",
    ),
    "nul.json": (
        json_row('"5\\u00001"'),
        "row 1, column votes: holds the control character U+0000, which no cell may hold.",
    ),
    "picture.csv": (PNG, "file: the file is binary, not CSV or JSON text. Export it as CSV."),
}


def as_bytes(content) -> bytes:
    return content if isinstance(content, bytes) else content.encode()


@pytest.fixture
def clerk(django_user_model, results_desk):
    return client_for(django_user_model, roles.RESULTS_CLERK)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_upload_shows_the_problem_to_the_clerk(clerk, name):
    content, problem = HOSTILE[name]

    response = clerk.post(URL, {"file": SimpleUploadedFile(name, as_bytes(content))})

    assert response.status_code == 200
    assert f"1 problem in {name}. Nothing was written" in response.text
    assert problem.split(": ", 1)[1] in response.text
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_by_the_command_naming_the_problem(results_desk, tmp_path, name):
    content, problem = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(as_bytes(content))
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_results", str(path), "--apply", stdout=StringIO(), stderr=err)

    assert not ImportBatch.objects.exists()
    assert any(line.startswith(problem) for line in err.getvalue().splitlines())
