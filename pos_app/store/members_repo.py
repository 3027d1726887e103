"""Members, their spend history and their coupons."""

import datetime as dt

from sqlalchemy import Connection, bindparam, func, insert, select, update

from loyalty_core.member import Member

from .engine import statements
from .rows import MEMBER_COLUMNS, member_from_row, member_values
from .schema import coupons, members, spend

# The statements a look-up or a sale runs, built once: building `select(...).where(...)` on every
# call costs SQLAlchemy more than SQLite takes to run the query (bound values go in at execute).
_PURCHASES = select(members.c.purchases).where(members.c.member_code == bindparam("code"))
_SET_TIER = update(members).where(members.c.member_code == bindparam("code")).values(tier_code=bindparam("tier"))
_SPEND_SINCE = select(func.coalesce(func.sum(spend.c.cents), 0)).where(
    spend.c.member_code == bindparam("code"), spend.c.on_date >= bindparam("since")
)
_COUPON_USED_REF = select(coupons.c.used_ref).where(coupons.c.coupon_id == bindparam("id"))
_AVAILABLE_COUPONS = select(coupons.c.code).where(
    coupons.c.member_code == bindparam("code"), coupons.c.used_ref.is_(None)
)

# Finding the member for a scanned card and confirming a sale: plain SQL on the DB-API connection
# (engine.statements), the same transaction without SQLAlchemy's overhead per statement.
_SELECT_MEMBER = "SELECT " + ", ".join(MEMBER_COLUMNS) + " FROM members"
_BY_CODE_SQL = _SELECT_MEMBER + " WHERE member_code = ?"
# By the keyed hash of the phone (pos_app/privacy.py): the till keeps no other members' phones.
_BY_PHONE_HASH_SQL = _SELECT_MEMBER + " WHERE phone_hash = ? ORDER BY status, enrolled_at LIMIT 1"  # active first
# A sale needs the points balance (the sum of the ledger) and the qualifying spend: one statement.
_STANDING_SQL = (
    "SELECT (SELECT coalesce(sum(points), 0) FROM ledger WHERE member_code = :code),"
    " (SELECT coalesce(sum(cents), 0) FROM spend WHERE member_code = :code AND on_date >= :since)"
)
_ADD_SPEND_SQL = "INSERT INTO spend (member_code, on_date, cents, ref) VALUES (?, ?, ?, ?)"
_COUNT_PURCHASE_SQL = "UPDATE members SET purchases = purchases + 1 WHERE member_code = ?"


class MemberRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    def add(self, member: Member, phone_hash: str) -> None:
        self.conn.execute(insert(members).values(**member_values(member, phone_hash), purchases=0))

    def save(self, member: Member, phone_hash: str | None = None) -> None:
        values = member_values(member, phone_hash)
        self.conn.execute(update(members).where(members.c.member_code == member.member_code).values(**values))

    def get(self, code: str) -> Member | None:
        row = self.db.execute(_BY_CODE_SQL, (code,)).fetchone()
        return member_from_row(row) if row else None

    def by_phone_hash(self, phone_hash: str) -> Member | None:
        row = self.db.execute(_BY_PHONE_HASH_SQL, (phone_hash,)).fetchone()
        return member_from_row(row) if row else None

    def by_name_prefix(self, prefix: str, limit: int) -> list[Member]:
        key = prefix.casefold()
        # A range on the index instead of LIKE: no wildcard escaping, and it stays an index seek.
        rows = self.conn.execute(
            select(*(members.c[name] for name in MEMBER_COLUMNS))
            .where(members.c.name_key >= key, members.c.name_key < key + "\U0010ffff")
            .order_by(members.c.name_key)
            .limit(limit)
        )
        return [member_from_row(r) for r in rows]

    def purchases(self, code: str) -> int:
        return self.conn.execute(_PURCHASES, {"code": code}).scalar_one()

    def count_purchase(self, code: str) -> None:
        self.db.execute(_COUNT_PURCHASE_SQL, (code,))

    def set_tier(self, code: str, tier_code: str) -> None:
        self.conn.execute(_SET_TIER, {"code": code, "tier": tier_code})

    def count(self) -> int:
        return self.conn.execute(select(func.count()).select_from(members)).scalar_one()

    def enrolled_on(self, iso_date: str, store_id: str) -> int:
        # enrolled_at starts with the date: a prefix range on ix_members_store_enrolled (the same rows
        # as substr(enrolled_at, 1, 10) = date, without reading every member).
        return self.conn.execute(
            select(func.count()).where(
                members.c.home_store == store_id,
                members.c.enrolled_at >= iso_date,
                members.c.enrolled_at < iso_date + "\U0010ffff",
            )
        ).scalar_one()

    def all_codes(self) -> list[str]:
        return list(self.conn.execute(select(members.c.member_code)).scalars())

    # spend --------------------------------------------------------------

    def add_spend(self, code: str, day: dt.date, cents: int, ref: str) -> None:
        self.db.execute(_ADD_SPEND_SQL, (code, day.isoformat(), cents, ref))

    def spend_since(self, code: str, since: dt.date) -> int:
        return int(self.conn.execute(_SPEND_SINCE, {"code": code, "since": since.isoformat()}).scalar_one())

    def standing(self, code: str, spend_since: dt.date) -> tuple[int, int]:
        """(points balance, spend in cents since that day): LedgerRepository.balance and spend_since at once."""
        balance, spent = self.db.execute(_STANDING_SQL, {"code": code, "since": spend_since.isoformat()}).fetchone()
        return int(balance), int(spent)

    # coupons ------------------------------------------------------------

    def add_coupon(self, coupon_id: str, code: str, member_code: str | None) -> None:
        self.conn.execute(insert(coupons).values(coupon_id=coupon_id, code=code, member_code=member_code))

    def has_coupon(self, coupon_id: str) -> bool:
        return (
            self.conn.execute(select(coupons.c.coupon_id).where(coupons.c.coupon_id == coupon_id)).first() is not None
        )

    def coupon_used(self, coupon_id: str) -> bool:
        row = self.conn.execute(_COUPON_USED_REF, {"id": coupon_id}).first()
        return bool(row and row.used_ref)

    def use_coupon(self, coupon_id: str, code: str, member_code: str, ref: str, at: dt.datetime) -> None:
        if not self.has_coupon(coupon_id):
            self.add_coupon(coupon_id, code, member_code)
        self.conn.execute(
            update(coupons).where(coupons.c.coupon_id == coupon_id).values(used_ref=ref, used_at=at.isoformat())
        )

    def available_coupons(self, member_code: str) -> list[str]:
        return list(self.conn.execute(_AVAILABLE_COUPONS, {"code": member_code}).scalars())
