"""HTML → PDF with the system's headless Chromium (no Python PDF library, no network).

Chromium lays out HTML and CSS exactly as the dashboard's users see them and prints it with the
fonts Debian ships, so Latvian letters, "≈" and "≥" come out right. Each run gets its own
temporary folder and browser profile: two exports at once never share state, and nothing is left
behind.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

BROWSER_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
FLAGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
    # The page references nothing external; resolving no host at all makes sure of it.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
_NO_BROWSER = "PDF export needs chromium on PATH or $BROWSER_PATH"


def browser_path() -> str:
    """The browser to print with: ``$BROWSER_PATH``, else the first of ``BROWSER_NAMES`` on PATH."""
    given = os.environ.get("BROWSER_PATH", "").strip()
    if given:
        found = shutil.which(given)
        if found is None:
            raise RuntimeError(f"{_NO_BROWSER} ($BROWSER_PATH={given!r} is not an executable)")
        return found
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(_NO_BROWSER)


def page_count(pdf: bytes) -> int:
    """Number of pages of a PDF as Chromium writes it (page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _kill_group(pid: int) -> None:
    # The browser runs in its own session (its pid is the group id, and it is not reaped yet):
    # this reaches the browser and its helper processes and nothing else.
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def from_html(html: str, timeout_s: float = 60) -> bytes:
    """Print a standalone HTML document to PDF bytes (page size and margins from its ``@page``)."""
    browser = browser_path()
    with tempfile.TemporaryDirectory(prefix="latgale-di-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "page.html"
        target = folder / "page.pdf"
        source.write_text(html, encoding="utf-8")
        command = [browser, *FLAGS, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={target}",
                   source.as_uri()]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            process.communicate()
            raise RuntimeError(f"{browser} did not print the PDF within {timeout_s:g} s") from None
        data = target.read_bytes() if target.exists() else b""
        if process.returncode != 0 or not data.startswith(b"%PDF"):
            tail = stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{browser} could not print the PDF (exit {process.returncode}): {' | '.join(tail)}")
        return data
