"""Latgale DI dashboard: everything that is not UI.

Data contract, loading, boundary join, re-aggregation across the 2021 reform and metrics live
here so that pages stay thin and the logic is testable without Streamlit.
"""

__version__ = "0.1.0"
