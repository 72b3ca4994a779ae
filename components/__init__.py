"""Streamlit building blocks shared by the pages (no data logic here: see latgale_di)."""

import latgale_di  # noqa: F401  (first: it chooses Arrow's allocator before any page loads pandas)
