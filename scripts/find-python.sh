#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 (Django 6 needs it), looking on PATH and in pyenv.
# Exits 1 with a clear message when there is none.
set -u
candidates=(python3.14 python3.13 python3.12 python3 python)
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root 2>/dev/null)
  for dir in $(ls -d "$root"/versions/3.* 2>/dev/null | sort -rV); do
    candidates+=("$dir/bin/python3")
  done
fi
for dir in $(ls -d "$HOME"/.pyenv/versions/3.* 2>/dev/null | sort -rV); do
  candidates+=("$dir/bin/python3")
done
for candidate in "${candidates[@]}"; do
  if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "Ballot Desk needs Python 3.12 or newer (Django 6). None was found on PATH or in pyenv." >&2
echo "Install one (e.g. 'pyenv install 3.13') and run the command again." >&2
exit 1
