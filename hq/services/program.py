"""The program as marketing runs it: draft the next rules version, compare, simulate, publish, roll back.

A draft holds tiers, promotions and the risk holds' numbers (hq/services/risk.py); it becomes a whole rules document (the one in force with the
draft's tiers, promotions and risk numbers, version = newest + 1) when it is checked or published, so everything else
the tills need (trust policy, privacy notices, redemption value) is carried over untouched. Publishing goes
through `hq.storage.rules.publish` (versions only increase; the feed tells the tills). A rollback publishes the
version before the one in force again, as a new higher version. Every step is audited in its transaction;
a refused step raises before anything is written.
"""

import datetime as dt
import json
from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services.operators import audit
from hq.services.operators.roles import ADMIN, MARKETING, Operator
from hq.services.reports.period import business_day, chain_zone
from hq.storage import rules as published
from hq.storage.schema import audit_log, program_drafts, rules
from loyalty_core.errors import DomainError
from loyalty_core.rules import RuleSet

from . import program_checks as checks
from .program_diff import Change, diff
from .program_sim import Simulation, simulate

EDITORS = (ADMIN, MARKETING)
DRAFT, PUBLISHED = "draft", "published"


class DraftRefused(Exception):
    """The draft text has problems (translated catalog keys with values); nothing was saved."""

    def __init__(self, problems: checks.Problems) -> None:
        super().__init__("draft refused")
        self.problems = problems


@dataclass(frozen=True)
class Draft:
    draft_id: int
    base_version: int
    content: dict  # {"tiers": [...], "promotions": [...]}
    created_by: str
    updated_at: object

    @property
    def text(self) -> str:
        return json.dumps(self.content, ensure_ascii=False, indent=2)


def may_edit(operator: Operator) -> bool:
    return operator.policy.writes and operator.role in EDITORS


def _require_editor(operator: Operator) -> None:
    if not may_edit(operator):
        raise DomainError("forbidden", "Only admin and marketing edit the program")


# -- reading -------------------------------------------------------------------------------------


def in_force(conn: Connection) -> dict:
    return published.current_document(conn)


def newest_version(conn: Connection) -> int:
    return int(conn.execute(sa.select(sa.func.max(rules.c.version))).scalar() or 0)


def current_draft(conn: Connection) -> Draft | None:
    d = program_drafts.c
    row = conn.execute(sa.select(program_drafts).where(d.status == DRAFT).order_by(d.draft_id.desc()).limit(1)).first()
    if row is None:
        return None
    return Draft(row.draft_id, row.base_version, json.loads(row.document), row.created_by, row.updated_at)


def editor_text(conn: Connection) -> str:
    """What the editor starts from: the open draft, else the tiers, promotions and risk numbers in force."""
    draft = current_draft(conn)
    if draft is not None:
        return draft.text
    doc = in_force(conn)
    content = {"tiers": doc["tiers"], "promotions": doc.get("promotions", []), "risk": risk_in_force(doc)}
    return json.dumps(content, ensure_ascii=False, indent=2)


def risk_in_force(document: dict) -> dict:
    """Every risk number as the core reads it (a version published without "risk" holds at the defaults)."""
    return asdict(RuleSet.from_dict(document).risk)


def history(conn: Connection, limit: int = 100) -> list[dict]:
    """Published versions, newest first, with who published them from the console (if anyone did)."""
    r, a = rules.c, audit_log.c
    versions = conn.execute(sa.select(r.version, r.published_at).order_by(r.version.desc()).limit(limit)).all()
    who = {row.target: (row.username, row.action) for row in conn.execute(
        sa.select(a.target, a.username, a.action).where(a.action.in_(("program.publish", "program.rollback"))))}  # fmt: skip
    return [{"version": v.version, "published_at": v.published_at,
             "by": who.get(f"rules/v{v.version}", (None, None))[0],
             "action": who.get(f"rules/v{v.version}", (None, None))[1]} for v in versions]  # fmt: skip


def diff_draft(conn: Connection) -> list[Change]:
    draft = current_draft(conn)
    return [] if draft is None else diff(in_force(conn), draft.content)


# -- changing ------------------------------------------------------------------------------------


def _checked(conn: Connection, text: object) -> tuple[dict, dict]:
    """(draft content, whole document as it would be published), or DraftRefused."""
    content, problems = checks.parse_text(text)
    if content is None:
        raise DraftRefused(problems)
    document = checks.full_document(in_force(conn), content, newest_version(conn) + 1)
    if checks.core_check(document, problems) is None:
        raise DraftRefused(problems)
    return content, document


def save_draft(conn: Connection, operator: Operator, text: object, now: dt.datetime) -> Draft:
    _require_editor(operator)
    content, _ = _checked(conn, text)
    before = current_draft(conn)
    values = {"document": json.dumps(content, ensure_ascii=False), "base_version": newest_version(conn),
              "updated_at": now}  # fmt: skip
    if before is None:
        conn.execute(program_drafts.insert().values(status=DRAFT, created_by=operator.username, created_at=now,
                                                    **values))  # fmt: skip
    else:
        conn.execute(program_drafts.update().where(program_drafts.c.draft_id == before.draft_id).values(**values))
    after = current_draft(conn)
    assert after is not None  # written just above, in this transaction
    audit.record(conn, now, operator.username, "program.draft", f"draft/{after.draft_id}",
                 before.content if before else None, content)  # fmt: skip
    return after


def discard_draft(conn: Connection, operator: Operator, now: dt.datetime) -> None:
    _require_editor(operator)
    draft = _open_draft(conn)
    conn.execute(program_drafts.update().where(program_drafts.c.draft_id == draft.draft_id).values(
        status="discarded", updated_at=now))  # fmt: skip
    audit.record(conn, now, operator.username, "program.discard", f"draft/{draft.draft_id}", draft.content, None)


def _open_draft(conn: Connection) -> Draft:
    draft = current_draft(conn)
    if draft is None:
        raise DomainError("no_draft", "There is no draft to work on")
    return draft


def simulate_draft(conn: Connection, operator: Operator, now: dt.datetime) -> Simulation:
    _require_editor(operator)
    draft = _open_draft(conn)
    _, document = _checked(conn, draft.text)
    current = in_force(conn)
    today = business_day(now, chain_zone(current))
    result = simulate(conn, RuleSet.from_dict(current), RuleSet.from_dict(document), today)
    audit.record(conn, now, operator.username, "program.simulate", f"draft/{draft.draft_id}", None, result.to_dict())
    return result


def publish_draft(conn: Connection, operator: Operator, now: dt.datetime) -> int:
    """Publishes the open draft as newest + 1; the tills get it at their next pull."""
    _require_editor(operator)
    draft = _open_draft(conn)
    before = in_force(conn)
    _, document = _checked(conn, draft.text)
    version = published.publish(conn, document, now).version
    conn.execute(program_drafts.update().where(program_drafts.c.draft_id == draft.draft_id).values(
        status=PUBLISHED, published_version=version, updated_at=now))  # fmt: skip
    audit.record(conn, now, operator.username, "program.publish", f"rules/v{version}", _program(before),
                 _program(document))  # fmt: skip
    return version


def rollback(conn: Connection, operator: Operator, now: dt.datetime) -> int:
    """Publishes the version before the one in force again, as a new, higher version."""
    _require_editor(operator)
    newest = newest_version(conn)
    previous = conn.execute(sa.select(rules.c.document).where(rules.c.version < newest)
                            .order_by(rules.c.version.desc()).limit(1)).scalar()  # fmt: skip
    if previous is None:
        raise DomainError("nothing_to_roll_back", "No earlier version to go back to")
    before, document = in_force(conn), {**json.loads(previous), "version": newest + 1}
    version = published.publish(conn, document, now).version
    audit.record(conn, now, operator.username, "program.rollback", f"rules/v{version}", _program(before),
                 _program(document))  # fmt: skip
    return version


def _program(document: dict) -> dict:
    """What the audit log keeps of a version: its number, tiers, promotions and risk numbers."""
    return {"version": document["version"], "tiers": document["tiers"], "promotions": document.get("promotions", []),
            "risk": risk_in_force(document)}  # fmt: skip
