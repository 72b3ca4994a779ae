#!/usr/bin/env bash
# The exact command the Docker image runs (and CI, in tests/ops/test_hosting.py): the dashboard, served
# through the st.App app.py defines (with the /healthz readiness route; components/hosting.py), on
# $HOST:$PORT. Configuration comes from the environment (DATABASE_URL, LATGALE_DI_*; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-python}" -m streamlit run app.py \
  --server.address "${HOST:-0.0.0.0}" --server.port "${PORT:-8501}" --server.headless true \
  --browser.gatherUsageStats false --server.fileWatcherType none "$@"
