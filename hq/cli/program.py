"""`pos-hq rules draft|diff|simulate|publish|rollback`: the console's program steps from HQ's shell, as JSON."""

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy.engine import Engine

from hq.console import i18n
from hq.services import program
from hq.services.operators.roles import Operator
from hq.storage import db
from loyalty_core.errors import DomainError


def run(engine: Engine, action: str, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    try:
        return _STEPS[action](engine, operator, now, file)
    except program.DraftRefused as refused:
        problems = [i18n.translate("en", key, **values) for key, values in refused.problems.items]
        raise DomainError("invalid_draft", " ".join(problems)) from None


def _draft(engine: Engine, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    if file is None:
        raise DomainError("invalid_rules", "Give the file that holds the draft's tiers and promotions")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise DomainError("invalid_rules", f"Cannot read {file}: {exc}") from None
    draft = db.write(engine, lambda conn: program.save_draft(conn, operator, text, now))
    return {"draft": draft.draft_id, "base_version": draft.base_version}


def _diff(engine: Engine, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    with db.read(engine) as conn:
        return {"changes": [dataclasses.asdict(c) for c in program.diff_draft(conn)]}


def _simulate(engine: Engine, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    return db.write(engine, lambda conn: program.simulate_draft(conn, operator, now)).to_dict()


def _publish(engine: Engine, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    return {"published": db.write(engine, lambda conn: program.publish_draft(conn, operator, now))}


def _rollback(engine: Engine, operator: Operator, now: dt.datetime, file: Path | None) -> dict:
    return {"published": db.write(engine, lambda conn: program.rollback(conn, operator, now))}


_STEPS = {"draft": _draft, "diff": _diff, "simulate": _simulate, "publish": _publish, "rollback": _rollback}
