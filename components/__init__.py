"""Streamlit building blocks shared by the pages (no data logic here: see latgale_di)."""
