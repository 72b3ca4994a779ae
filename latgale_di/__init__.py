"""Latgale DI dashboard: everything that is not UI.

Data contract, loading, boundary join, re-aggregation across the 2021 reform and metrics live
here so that pages stay thin and the logic is testable without Streamlit.
"""

import os

__version__ = "0.1.0"

# Arrow's bundled allocator keeps the memory it has freed, which a long-running server pays for
# in resident memory; the C library's allocator gives it back (docs/performance.md, "Memory,
# Streamlit's performance extra …"). Read once, when pyarrow loads, so it is set here, before any
# of this package imports pandas; an operator's own setting wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
