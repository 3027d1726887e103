"""Keeps phone numbers out of uvicorn's access log (and any log line that quotes a request line).

Look-ups by phone go in a POST body (`/members/lookup`), but a client may still put one in a path
or a query string; the filter replaces every run of 7 or more digits (with the separators people
type) by "[redacted]" before the line is written. Member codes, cursors and bucket numbers are
shorter or start with a letter, so they stay readable.
"""

import logging
import re

_DIGITS = re.compile(r"(?:\+|%2B)?\d(?:[\d\-.]|%20){6,}\d")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return _DIGITS.sub(REDACTED, text)


class RedactPhones(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """Once per process: on uvicorn's access and error loggers (idempotent)."""
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactPhones) for f in logger.filters):
            logger.addFilter(RedactPhones())
