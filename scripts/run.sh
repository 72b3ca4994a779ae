#!/usr/bin/env bash
# Set up and run the dashboard with its embedded default data on http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# PNG and PDF downloads render with chromium; the app runs without it (those buttons say so).
bash scripts/system_packages.sh chromium=chromium || echo "chromium not installed: PNG/PDF downloads are off" >&2
# The same start command as a server (scripts/serve.sh), on loopback only.
HOST=127.0.0.1 PYTHON=.venv/bin/python exec bash scripts/serve.sh "$@"
