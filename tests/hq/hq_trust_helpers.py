"""Small steps the trust tests share."""

import sqlalchemy as sa

from hq.storage import db
from tests.support.events import Till


def enrolled(hq, till: Till, **kwargs) -> str:
    """A member enrolled at `till` and applied at HQ (100 sign-up points); their code."""
    enroll = till.enroll(**kwargs)
    assert hq.statuses([enroll], till) == ["applied"]
    return enroll["payload"]["member"]["member_code"]


def ledger_ids(hq, code: str) -> list[str]:
    with db.read(hq.engine) as conn:
        rows = conn.execute(sa.text("SELECT entry_id FROM ledger WHERE member_code = :c ORDER BY id"), {"c": code}).all()
    return [r[0] for r in rows]
