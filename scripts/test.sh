#!/usr/bin/env bash
# Set up and run the whole test suite: unit, AppTest and real-browser (Debian chromium) tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
# Browser tests drive Debian's chromium through Playwright (never a downloaded browser); the
# PNG and PDF exports use it too, and their tests read PDFs back with poppler's pdftotext/pdftoppm.
# Caddy is the reverse proxy of compose.yaml: tests/ops/test_hosting.py runs deploy/Caddyfile with it.
bash scripts/system_packages.sh chromium=chromium pdftotext=poppler-utils caddy=caddy
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy  # files and settings: pyproject.toml [tool.mypy]
.venv/bin/lint-imports  # layer contracts: pyproject.toml [tool.importlinter], docs/architecture.md
exec .venv/bin/python -m pytest "$@"
