"""A member HQ closed (erased): what this till held about them goes, in the same transaction as the
feed row that said so. The ledger stays (amounts, no personal data); the keyed phone hash stays so
that typing the phone says "membership closed" rather than offering to enroll a stranger.

Rewritten rows are zeroed in their pages (`secure_delete`); the engine empties the WAL after the pull.
"""

import json

from sqlalchemy import Connection

from ..privacy import scrub_event
from .engine import statements

CLOSED = "closed"


def erase_local(conn: Connection, codes: list[str]) -> int:
    if not codes:
        return 0
    db = statements(conn)  # refused, as every statement is, once the unit of work has finished
    marks = ",".join("?" * len(codes))
    db.execute(f"UPDATE members SET phone = '', name = '', name_key = '', birthday = NULL, birth_month = NULL,"
               f" consent_marketing = 0 WHERE member_code IN ({marks})", codes)  # fmt: skip
    receipts = db.execute(f"SELECT sale_id, body FROM sales WHERE member_code IN ({marks})", codes).fetchall()
    db.executemany("UPDATE sales SET body = ? WHERE sale_id = ?",
                   [(json.dumps({**json.loads(b), "member_name": ""}, ensure_ascii=False), s) for s, b in receipts])
    db.execute(f"UPDATE audit SET details = '{{\"erased\": true}}' WHERE action = 'member.update'"
               f" AND subject IN ({marks})", codes)  # fmt: skip
    wanted = set(codes)
    events = db.execute("SELECT seq, body FROM outbox WHERE type IN ('member.enrolled', 'member.updated')").fetchall()
    scrubbed = []
    for seq, body in events:
        event = json.loads(body)
        p = event.get("payload") or {}
        if (p.get("member_code") or (p.get("member") or {}).get("member_code")) in wanted:
            scrubbed.append((json.dumps(scrub_event(event), ensure_ascii=False), seq))
    db.executemany("UPDATE outbox SET body = ? WHERE seq = ?", scrubbed)
    return len(codes)
