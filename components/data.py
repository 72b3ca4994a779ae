"""Cached access to the dataset and its indicator tables (loaded once per server process)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from latgale_di import dataset, indicators
from latgale_di.dataset import Dataset


@st.cache_resource(show_spinner=False)
def load_dataset() -> Dataset:
    # cache_resource: the frames are shared read-only by every session, not copied per call.
    return dataset.load()


@st.cache_resource(show_spinner=False)
def indicator_table(vintage: str) -> pd.DataFrame:
    """All years' indicators for one vintage; filtering a cached frame is cheap, computing is not."""
    return indicators.compute(load_dataset(), vintage=vintage)

