"""Failures as one human line; anything unexpected is logged to a file the dialog names."""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

_log: logging.Logger | None = None


def log_dir() -> Path:
    """The user data folder's logs/ (FACTDESK_LOG_DIR overrides, for tests)."""
    env = os.environ.get("FACTDESK_LOG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("FactDesk", "FactDesk")) / "logs"


def log_path() -> Path:
    return log_dir() / "factdesk.log"


def logger() -> logging.Logger:
    """factdesk.ui's logger, writing to log_path() (re-pointed if that folder changes)."""
    global _log
    if _log is None:
        _log = logging.getLogger("factdesk.ui")
        _log.setLevel(logging.INFO)
        _log.propagate = False
    target = str(log_path())
    if any(getattr(h, "baseFilename", None) == target for h in _log.handlers):
        return _log
    for h in list(_log.handlers):
        _log.removeHandler(h)
        h.close()
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    _log.addHandler(handler)
    return _log


def known_error_types() -> tuple[type[BaseException], ...]:
    """Errors whose message is already one line an analyst can act on."""
    from factdesk.reports import ReportError
    from factdesk.services import ServiceError
    from factdesk.store import StoreError
    from factdesk.text.decoding import DecodingError

    return (StoreError, ServiceError, ReportError, DecodingError)


def describe(exc: BaseException) -> tuple[str, bool]:
    """(one line for the dialog, whether it was unexpected and logged with its traceback)."""
    if isinstance(exc, known_error_types()):
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return line[:1].upper() + line[1:], False
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}", False
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    logger().error("unexpected error\n%s", tb)
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__, True
