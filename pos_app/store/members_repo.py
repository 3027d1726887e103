"""Members, their spend history and their coupons.

Plain SQL through the unit of work's handle (engine.statements), every statement: finding the member
for a scanned card and confirming a sale run here, and sqlite3 keeps each string prepared where
SQLAlchemy would spend more per call than SQLite takes to run the query.
"""

import datetime as dt

from sqlalchemy import Connection

from loyalty_core.member import Member

from .engine import statements
from .rows import MEMBER_COLUMNS, member_from_row, member_values

_SELECT_MEMBER = "SELECT " + ", ".join(MEMBER_COLUMNS) + " FROM members"
_BY_CODE_SQL = _SELECT_MEMBER + " WHERE member_code = ?"
# By the keyed hash of the phone (pos_app/privacy.py): the till keeps no other members' phones.
_BY_PHONE_HASH_SQL = _SELECT_MEMBER + " WHERE phone_hash = ? ORDER BY status, enrolled_at LIMIT 1"  # active first
# A range on the index instead of LIKE: no wildcard escaping, and it stays an index seek.
_BY_NAME_PREFIX_SQL = _SELECT_MEMBER + " WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?"
_PURCHASES_SQL = "SELECT purchases FROM members WHERE member_code = ?"
_COUNT_PURCHASE_SQL = "UPDATE members SET purchases = purchases + 1 WHERE member_code = ?"
_SET_TIER_SQL = "UPDATE members SET tier_code = ? WHERE member_code = ?"
_COUNT_SQL = "SELECT count(*) FROM members"
# enrolled_at starts with the date: a prefix range on ix_members_store_enrolled (the same rows as
# substr(enrolled_at, 1, 10) = date, without reading every member).
_ENROLLED_ON_SQL = "SELECT count(*) FROM members WHERE home_store = ? AND enrolled_at >= ? AND enrolled_at < ?"
_ALL_CODES_SQL = "SELECT member_code FROM members"
# A sale needs the points balance (the sum of the ledger) and the qualifying spend: one statement.
_STANDING_SQL = (
    "SELECT (SELECT coalesce(sum(points), 0) FROM ledger WHERE member_code = :code),"
    " (SELECT coalesce(sum(cents), 0) FROM spend WHERE member_code = :code AND on_date >= :since)"
)
_ADD_SPEND_SQL = "INSERT INTO spend (member_code, on_date, cents, ref) VALUES (?, ?, ?, ?)"
_SPEND_SINCE_SQL = "SELECT coalesce(sum(cents), 0) FROM spend WHERE member_code = ? AND on_date >= ?"
_ADD_COUPON_SQL = "INSERT INTO coupons (coupon_id, code, member_code) VALUES (?, ?, ?)"
_HAS_COUPON_SQL = "SELECT 1 FROM coupons WHERE coupon_id = ?"
_COUPON_USED_REF_SQL = "SELECT used_ref FROM coupons WHERE coupon_id = ?"
_USE_COUPON_SQL = "UPDATE coupons SET used_ref = ?, used_at = ? WHERE coupon_id = ?"
_AVAILABLE_COUPONS_SQL = "SELECT code FROM coupons WHERE member_code = ? AND used_ref IS NULL"
_AFTER_EVERY_KEY = "\U0010ffff"  # key + this: the end of a prefix range


class MemberRepository:
    def __init__(self, conn: Connection) -> None:
        self.db = statements(conn)

    def add(self, member: Member, phone_hash: str) -> None:
        values = {**member_values(member, phone_hash), "purchases": 0}
        names = ", ".join(values)
        self.db.execute(f"INSERT INTO members ({names}) VALUES ({', '.join(':' + n for n in values)})", values)

    def save(self, member: Member, phone_hash: str | None = None) -> None:
        values = member_values(member, phone_hash)
        changes = ", ".join(f"{n} = :{n}" for n in values if n != "member_code")
        self.db.execute(f"UPDATE members SET {changes} WHERE member_code = :member_code", values)

    def get(self, code: str) -> Member | None:
        row = self.db.execute(_BY_CODE_SQL, (code,)).fetchone()
        return member_from_row(row) if row else None

    def by_phone_hash(self, phone_hash: str) -> Member | None:
        row = self.db.execute(_BY_PHONE_HASH_SQL, (phone_hash,)).fetchone()
        return member_from_row(row) if row else None

    def by_name_prefix(self, prefix: str, limit: int) -> list[Member]:
        key = prefix.casefold()
        rows = self.db.execute(_BY_NAME_PREFIX_SQL, (key, key + _AFTER_EVERY_KEY, limit))
        return [member_from_row(r) for r in rows]

    def purchases(self, code: str) -> int:
        row = self.db.execute(_PURCHASES_SQL, (code,)).fetchone()
        if row is None:
            raise LookupError(f"no member {code}")
        return int(row[0])

    def count_purchase(self, code: str) -> None:
        self.db.execute(_COUNT_PURCHASE_SQL, (code,))

    def set_tier(self, code: str, tier_code: str) -> None:
        self.db.execute(_SET_TIER_SQL, (tier_code, code))

    def count(self) -> int:
        return int(self.db.execute(_COUNT_SQL).fetchone()[0])

    def enrolled_on(self, iso_date: str, store_id: str) -> int:
        return int(self.db.execute(_ENROLLED_ON_SQL, (store_id, iso_date, iso_date + _AFTER_EVERY_KEY)).fetchone()[0])

    def all_codes(self) -> list[str]:
        return [code for (code,) in self.db.execute(_ALL_CODES_SQL)]

    # spend --------------------------------------------------------------

    def add_spend(self, code: str, day: dt.date, cents: int, ref: str) -> None:
        self.db.execute(_ADD_SPEND_SQL, (code, day.isoformat(), cents, ref))

    def spend_since(self, code: str, since: dt.date) -> int:
        return int(self.db.execute(_SPEND_SINCE_SQL, (code, since.isoformat())).fetchone()[0])

    def standing(self, code: str, spend_since: dt.date) -> tuple[int, int]:
        """(points balance, spend in cents since that day): LedgerRepository.balance and spend_since at once."""
        balance, spent = self.db.execute(_STANDING_SQL, {"code": code, "since": spend_since.isoformat()}).fetchone()
        return int(balance), int(spent)

    # coupons ------------------------------------------------------------

    def add_coupon(self, coupon_id: str, code: str, member_code: str | None) -> None:
        self.db.execute(_ADD_COUPON_SQL, (coupon_id, code, member_code))

    def has_coupon(self, coupon_id: str) -> bool:
        return self.db.execute(_HAS_COUPON_SQL, (coupon_id,)).fetchone() is not None

    def coupon_used(self, coupon_id: str) -> bool:
        row = self.db.execute(_COUPON_USED_REF_SQL, (coupon_id,)).fetchone()
        return bool(row and row[0])

    def use_coupon(self, coupon_id: str, code: str, member_code: str, ref: str, at: dt.datetime) -> None:
        if not self.has_coupon(coupon_id):
            self.add_coupon(coupon_id, code, member_code)
        self.db.execute(_USE_COUPON_SQL, (ref, at.isoformat(), coupon_id))

    def available_coupons(self, member_code: str) -> list[str]:
        return [code for (code,) in self.db.execute(_AVAILABLE_COUPONS_SQL, (member_code,))]
