"""Plotly figures as PNG, drawn by kaleido with the system chromium (no downloaded browser).

The first image starts a chromium that is then kept for the process, so later images take a
fraction of a second instead of a couple of seconds; it only starts when someone asks.
"""

from __future__ import annotations

import shutil
import threading

import plotly.graph_objects as go

_lock = threading.Lock()
_server_started = False
# A projector slide: wide, and sharp enough to be pasted into a presentation.
WIDTH_PX, HEIGHT_PX, SCALE = 1600, 900, 1


def available() -> bool:
    """Whether a chromium for kaleido is installed ($BROWSER_PATH or chromium on PATH)."""
    import os

    return bool(os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
                or shutil.which("google-chrome"))


def png(fig: go.Figure, width: int | None = None, height: int | None = None, scale: float = SCALE) -> bytes:
    """The figure as a PNG of ``width`` × ``height`` CSS pixels (default: the figure's own, else 1600 × 900)."""
    global _server_started
    import kaleido

    # Inside Streamlit the default template is "streamlit", whose colours are placeholders that
    # only the browser fills in: an image drawn with it loses fills and patterns.
    fig = go.Figure(fig).update_layout(template="plotly_white")
    width = width or fig.layout.width or WIDTH_PX
    height = height or fig.layout.height or HEIGHT_PX
    # One image at a time: the kept chromium is shared by every session of the server.
    with _lock:
        if not _server_started:
            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True
        return kaleido.calc_fig_sync(fig, opts={"format": "png", "width": width, "height": height,
                                                "scale": scale})


def framed(fig: go.Figure, title: str, footer: str, min_height: int = 600) -> go.Figure:
    """A copy of ``fig`` that stands on its own as a slide: a title saying what it shows, a footer
    with the data version and sources, room for the axis labels and a slide-friendly height."""
    out = go.Figure(fig)
    if not out.layout.title.text:  # a figure's own title (the map's caption) says it best
        out.update_layout(title=dict(text=title, x=0.01, xanchor="left", font=dict(size=22)))
    out.update_layout(
        height=max(int(out.layout.height or 0), min_height),
        margin=dict(l=20, r=20, t=110, b=90),
    )
    out.update_yaxes(automargin=True)
    out.update_xaxes(automargin=True)
    out.add_annotation(text=footer, x=0, y=0, xref="paper", yref="paper", yshift=-78, xanchor="left",
                       yanchor="top", showarrow=False, align="left", font=dict(size=12, color="#444"))
    return out
