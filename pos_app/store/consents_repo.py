"""Consents given and withdrawn at this till (loyalty_core/consent.py)."""

from sqlalchemy import Connection, insert, select

from loyalty_core.consent import Consent

from .schema import consents


class ConsentRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, records: list[Consent]) -> None:
        if records:
            self.conn.execute(insert(consents), [{**r.to_dict(), "granted": int(r.granted)} for r in records])

    def history(self, member_code: str) -> list[dict]:
        rows = self.conn.execute(
            select(consents).where(consents.c.member_code == member_code).order_by(consents.c.id)
        )
        out = []
        for r in rows:
            d = r._asdict()
            d.pop("id")
            d["granted"] = bool(d["granted"])
            out.append(d)
        return out
