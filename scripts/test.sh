#!/usr/bin/env bash
# Install (scripts/install.sh) and run the fast tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/install_browser.sh  # Debian's Chromium for the browser tests (tests/web)
status=0
.venv/bin/python -m pytest -q -m "not slow" "$@" </dev/null || status=$?
if [ "$status" -eq 5 ]; then
  # pytest's "no tests were collected": a selection that matched nothing is not a pass.
  echo "test.sh: no tests were collected" >&2
  exit 1
fi
exit "$status"
