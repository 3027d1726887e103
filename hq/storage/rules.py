"""The published loyalty program: versioned documents, newest wins."""

import datetime as dt
import functools
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from loyalty_core.errors import DomainError
from loyalty_core.rules import RuleSet

from . import feed
from .schema import rules


def _current_text(conn: Connection) -> str:
    row = conn.execute(sa.select(rules.c.document).order_by(rules.c.version.desc()).limit(1)).first()
    if row is None:
        raise DomainError("no_rules", "No rule set has been published")
    return row.document


def current_document(conn: Connection) -> dict:
    return json.loads(_current_text(conn))


def current(conn: Connection) -> RuleSet:
    return _parse(_current_text(conn))


@functools.lru_cache(maxsize=8)
def _parse(document: str) -> RuleSet:
    """Every push needs the rules; parsing them once per distinct document is enough."""
    return RuleSet.from_dict(json.loads(document))


def publish(conn: Connection, document: dict, now: dt.datetime) -> RuleSet:
    """Validates the whole document first: a malformed rule set is refused, never half-applied."""
    if not isinstance(document, dict):
        raise DomainError("invalid_rules", "A rule set is a JSON object")
    parsed = RuleSet.from_dict(document)
    newest = conn.execute(sa.select(sa.func.max(rules.c.version))).scalar()
    if newest is not None and parsed.version <= newest:
        raise DomainError("stale_rules_version", f"Version {parsed.version} is not newer than {newest}", current=newest)
    conn.execute(rules.insert().values(version=parsed.version, document=feed.dumps(document), published_at=now))
    feed.append(conn, [(feed.RULES, None, feed.dumps(document))], now)
    return parsed
