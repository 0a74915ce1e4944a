#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/web/, marker "browser").
# Non-interactive and safe to rerun: does nothing when /usr/bin/chromium is already there.
# Playwright drives this system browser; it never downloads browsers of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser.sh: apt-get not found; install Chromium at /usr/bin/chromium by hand" \
       "(the browser tests skip without it)" >&2
  exit 0
fi
run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "install_browser.sh: need root (or sudo) to apt-get install chromium;" \
         "the browser tests will skip" >&2
    return 1
  fi
}
export DEBIAN_FRONTEND=noninteractive
if ! { run_as_root apt-get update -qq \
       && run_as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
  # A machine without the package archive still runs every other test.
  echo "install_browser.sh: could not install chromium; the browser tests will skip" >&2
fi
