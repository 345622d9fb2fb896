"""Nothing outside tests/ imports from it: the support package, the example world and the
factories are the tests' own, so the site, its commands, scripts and bench never need the
test dependencies or the test tree."""

import os
import re
from pathlib import Path

from django.conf import settings

SKIPPED = {".venv", "node_modules", "tests", "test-artifacts", ".git"}
IMPORT_OF_TESTS = re.compile(r"^\s*(from\s+tests(\.\S+)?\s+import|import\s+tests\b)", re.MULTILINE)


def python_files_outside_tests():
    for folder, subfolders, files in os.walk(settings.BASE_DIR):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED]
        for name in files:
            if name.endswith(".py"):
                yield Path(folder) / name


def test_no_module_outside_tests_imports_from_tests():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0).strip()}"
        for path in python_files_outside_tests()
        for match in IMPORT_OF_TESTS.finditer(path.read_text())
    ]

    assert offenders == []
