"""Structured operations log: one JSON object per line on stderr, one line per event.

Servers write them (the app); the command line writes them only when asked
(``--log-json`` or ``LATGALE_DI_LOG_JSON=1``), so that a person at a terminal sees the answer.
``LATGALE_DI_LOG_JSON=0`` silences them anywhere.

Every line has ``ts`` (UTC, ISO 8601), ``level`` and ``event``, then the event's own fields. The
events and their fields are listed in docs/operations.md. What is never logged: user names,
e-mail addresses, passwords, data values and exception messages (a message can quote a cell of
an imported file). Callers pass only counts, ids, hashes, outcomes and code locations, and
``emit`` drops any field whose name says it is personal, as a second line of defence.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

# Field names that would carry personal data: refused whatever the caller meant.
_PERSONAL = frozenset({"user", "user_name", "username", "name", "email", "e_mail", "password", "author"})
_ROOT = Path(__file__).resolve().parents[2]
_json_lines: bool | None = None  # None: written unless $LATGALE_DI_LOG_JSON is "0"


def use_json_lines(on: bool | None) -> bool | None:
    """Write event lines (True), keep them to the caller (False), or let the environment decide
    (None); returns the previous setting, for the caller to restore."""
    global _json_lines
    previous, _json_lines = _json_lines, on
    return previous


def _writing() -> bool:
    if _json_lines is not None:
        return _json_lines
    return os.environ.get("LATGALE_DI_LOG_JSON", "1") != "0"


def _stream() -> TextIO:
    # Looked up on every call so that a test (or Streamlit) replacing sys.stderr is honoured.
    return sys.stderr


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def emit(event: str, level: str = "info", **fields: Any) -> dict:
    """Write one event line (when lines are written) and return it (the dict, for tests and callers)."""
    record: dict[str, Any] = {"ts": datetime.now(UTC).isoformat(timespec="milliseconds"), "level": level,
                              "event": event}
    record.update({k: _plain(v) for k, v in fields.items() if k.lower() not in _PERSONAL})
    if not _writing():
        return record
    try:
        _stream().write(json.dumps(record, ensure_ascii=False) + "\n")
        _stream().flush()
    except (OSError, ValueError):  # a closed stderr must never break an import or a page
        pass
    return record


def where(exc: BaseException) -> str:
    """The innermost frame of the project's own code that the exception passed, as path:line:function."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(str(_ROOT)) and "/.venv/" not in f.filename]
    chosen = ours or list(frames)
    if not chosen:
        return "unknown"
    frame = chosen[-1]
    try:
        path = os.path.relpath(frame.filename, _ROOT) if frame.filename.startswith(str(_ROOT)) else frame.filename
    except ValueError:
        path = frame.filename
    return f"{path}:{frame.lineno}:{frame.name}"


def error(exc: BaseException, context: str, event: str = "error", **fields: Any) -> dict:
    """An error line: the exception's type and where it happened, never its message."""
    return emit(event, "error", context=context, error_type=type(exc).__name__, where=where(exc), **fields)


def script_error(exc: BaseException) -> None:
    """Streamlit's on_script_error hook: log an uncaught page exception, let Streamlit show it."""
    error(exc, "page_run")
