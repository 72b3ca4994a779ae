#!/usr/bin/env bash
# Set up and run the dashboard with its embedded default data on http://127.0.0.1:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py \
  --server.address 127.0.0.1 --server.port "${PORT:-8501}" --server.headless true \
  --browser.gatherUsageStats false "$@"
