"""Reading a results file: UTF-8 CSV or JSON, into rows of text cells keyed by column.

Nothing here touches the database. Every problem names the row (the header is row 1 of a CSV
file; the first object is row 1 of a JSON array) and, where it can, the column.
"""

import csv
import difflib
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

#: Every column a results file may have, in the order the documentation gives them.
COLUMNS = (
    "contest",
    "candidate",
    "votes",
    "share",
    "delegates",
    "reporting_percent",
    "as_of",
    "source_url",
)
REQUIRED_COLUMNS = ("contest", "candidate", "as_of", "source_url")

#: Excel's "CSV UTF-8" starts the file with this mark; it is read and dropped.
UTF8_BOM = b"\xef\xbb\xbf"
#: Marks of encodings the desk does not read.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Characters no cell may hold: control characters other than tab and newline (PostgreSQL
#: refuses NUL in text, and none of them belongs in a figure, a slug or a URL).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file, a row or a cell; any problem stops the whole import."""

    row: int | None
    column: str | None
    message: str

    @property
    def where(self) -> str:
        if self.row is None:
            return "file"
        return f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"

    def __str__(self):
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Row:
    number: int
    cells: dict[str, str]


@dataclass
class ResultsFile:
    filename: str
    content: bytes
    format: str = ""
    text: str = ""
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def read_results_file(content: bytes, *, filename: str) -> ResultsFile:
    """The rows of a CSV or JSON results file, with every problem found in reading it."""
    file = ResultsFile(filename=filename, content=content, format=_format(content, filename))
    if content.startswith(UTF16_BOMS):
        file.problems.append(
            Problem(
                1 if file.format == "csv" else None,
                None,
                "the file starts with a UTF-16 byte-order mark (BOM). Save it as UTF-8.",
            )
        )
        return file
    content = content.removeprefix(UTF8_BOM)
    undecodable = _undecodable_lines(content)
    if undecodable and b"\x00" in content:
        file.problems.append(
            Problem(None, None, "the file is binary, not CSV or JSON text. Export it as CSV.")
        )
        return file
    if undecodable:
        file.problems.extend(
            Problem(
                line if file.format == "csv" else None,
                None,
                f"{'' if file.format == 'csv' else f'line {line}: '}the file is not UTF-8: "
                f"byte 0x{byte:02X} cannot be read. Save the file as UTF-8.",
            )
            for line, byte in undecodable
        )
        return file
    file.text = content.decode("utf-8")
    if not file.text.strip():
        file.problems.append(Problem(None, None, "the file is empty."))
    elif file.format == "json":
        _read_json(file)
    else:
        _read_csv(file)
    return file


def _format(content: bytes, filename: str) -> str:
    name = filename.lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    start = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if start in (b"[", b"{") else "csv"


def _undecodable_lines(content: bytes) -> list[tuple[int, int]]:
    found = []
    for number, line in enumerate(content.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            found.append((number, line[error.start]))
    return found


def unknown_column_message(name: str) -> str:
    message = f"unknown column. The columns are: {', '.join(COLUMNS)}."
    close = difflib.get_close_matches(name, COLUMNS, n=1)
    if close:
        message += f" Did you mean “{close[0]}”?"
    return message


def excerpt(text: str, limit: int = 60) -> str:
    """`text` as a message quotes it: a 100,000-digit cell is not echoed back whole."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def cell_problem(number: int, column: str, cell: str) -> Problem | None:
    """A cell holding a control character, named by its code point."""
    found = CONTROL_CHARACTERS.search(cell)
    if found is None:
        return None
    return Problem(
        number,
        column,
        f"holds the control character U+{ord(found.group()):04X}, which no cell may hold.",
    )


def _read_csv(file: ResultsFile) -> None:
    reader = csv.reader(io.StringIO(file.text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        file.problems.append(Problem(reader.line_num, None, f"the CSV cannot be read: {error}."))
        return
    header = [name.strip().lower() for name in records[0]]
    for name in header:
        if name not in COLUMNS:
            file.problems.append(Problem(1, name or "(empty)", unknown_column_message(name)))
        elif header.count(name) > 1:
            file.problems.append(Problem(1, name, "appears twice in the header."))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            file.problems.append(
                Problem(1, name, f"missing. Every file needs {', '.join(REQUIRED_COLUMNS)}.")
            )
    if file.problems:
        return
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            file.problems.append(
                Problem(number, None, f"has {len(record)} cells; the header has {len(header)}.")
            )
            continue
        cells = dict.fromkeys(COLUMNS, "")
        cells.update(zip(header, (cell.strip() for cell in record), strict=True))
        problems = [cell_problem(number, column, cell) for column, cell in cells.items()]
        if any(problems):
            file.problems.extend(problem for problem in problems if problem)
            continue
        file.rows.append(Row(number, cells))
    if not file.rows and not file.problems:
        file.problems.append(Problem(None, None, "the file has a header but no rows."))


def _read_json(file: ResultsFile) -> None:
    try:
        # Numbers stay Decimal: int() refuses more than 4,300 digits, and planning reports
        # a figure too large on its row and column.
        data = json.loads(file.text, parse_float=Decimal, parse_int=Decimal)
    except RecursionError:
        file.problems.append(
            Problem(None, None, "the JSON is nested too deeply; rows are objects in one array.")
        )
        return
    except json.JSONDecodeError as error:
        file.problems.append(
            Problem(
                None,
                None,
                f"the JSON cannot be read: {error.msg} "
                f"(line {error.lineno}, column {error.colno}).",
            )
        )
        return
    if not isinstance(data, list):
        file.problems.append(
            Problem(None, None, "the JSON must be an array of objects, one per result row.")
        )
        return
    if not data:
        file.problems.append(Problem(None, None, "the JSON array has no rows."))
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            file.problems.append(
                Problem(number, None, "is not an object with the columns as keys.")
            )
            continue
        cells = dict.fromkeys(COLUMNS, "")
        problems = []
        for key, value in item.items():
            if key not in COLUMNS:
                problems.append(Problem(number, key, unknown_column_message(key)))
            elif value is None:
                continue
            elif isinstance(value, bool) or not isinstance(value, str | Decimal):
                problems.append(Problem(number, key, "must be a number, a string or null."))
            else:
                cells[key] = str(value).strip()
                problems.append(cell_problem(number, key, cells[key]))
        problems = [problem for problem in problems if problem]
        problems.extend(
            Problem(number, key, "missing.") for key in REQUIRED_COLUMNS if key not in item
        )
        file.problems.extend(problems)
        if not problems:
            file.rows.append(Row(number, cells))
