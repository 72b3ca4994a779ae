#!/usr/bin/env bash
# Create .venv (if needed) and install the pinned packages. Usage: scripts/setup.sh [dev]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
requirements=requirements.txt
[ "${1:-}" = "dev" ] && requirements=requirements-dev.txt
# Re-install only when the requirements changed since the last successful install.
stamp=".venv/.installed-$(sha256sum "$requirements" requirements.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
# Test tools from the npm registry (axe-core for the accessibility checks), installed here and never
# fetched while the tests run; again only when the lock file changed.
if [ "${1:-}" = "dev" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "scripts/setup.sh: npm is needed for the browser tests' axe-core (apt install npm)" >&2
    exit 1
  fi
  npm_stamp="tests/browser/node_modules/.installed-$(sha256sum tests/browser/package-lock.json | cut -c1-16)"
  if [ ! -f "$npm_stamp" ]; then
    npm ci --prefix tests/browser --no-audit --no-fund --silent
    touch "$npm_stamp"
  fi
fi
