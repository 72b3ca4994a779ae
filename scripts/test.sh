#!/usr/bin/env bash
# Set up and run the whole test suite: unit, AppTest and real-browser (Debian chromium) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if ! command -v chromium >/dev/null 2>&1; then
  # Browser tests drive Debian's chromium through Playwright; never a downloaded browser.
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/python -m ruff check .
exec .venv/bin/python -m pytest "$@"
