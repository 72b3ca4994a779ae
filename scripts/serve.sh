#!/usr/bin/env bash
# The exact command the Docker image runs (and CI, in tests/ops/test_hosting.py): the dashboard through
# serve.py, which is app.py plus the /healthz readiness route (Streamlit's st.App), listening on
# $HOST:$PORT. Configuration comes from the environment (DATABASE_URL, LATGALE_DI_*; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-python}" -m streamlit run serve.py \
  --server.address "${HOST:-0.0.0.0}" --server.port "${PORT:-8501}" --server.headless true \
  --browser.gatherUsageStats false --server.fileWatcherType none "$@"
