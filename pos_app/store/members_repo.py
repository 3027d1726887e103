"""Members, their spend history and their coupons."""

import datetime as dt

from sqlalchemy import Connection, bindparam, func, insert, select, update

from loyalty_core.member import Member

from .engine import statements
from .schema import coupons, members, spend

# What a Member is made of, in the order _row_to_member reads it.
_MEMBER_COLUMNS = (
    members.c.member_code, members.c.phone, members.c.name, members.c.birthday, members.c.consent_terms,
    members.c.consent_marketing, members.c.tier_code, members.c.enrolled_at, members.c.home_store,
    members.c.referrer_code, members.c.status, members.c.merged_into, members.c.birth_month, members.c.reduced,
)  # fmt: skip

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
_SELECT_MEMBER = "SELECT " + ", ".join(c.name for c in _MEMBER_COLUMNS) + " FROM members"
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


def _row_to_member(row) -> Member:
    """A row of _MEMBER_COLUMNS (a plain tuple or a SQLAlchemy row) -> Member."""
    (code, phone, name, birthday, terms, marketing, tier, enrolled_at, home_store, referrer, status, merged_into,
     birth_month, reduced) = row  # fmt: skip
    return Member(
        member_code=code,
        phone=phone,
        name=name,
        birthday=dt.date.fromisoformat(birthday) if birthday else None,
        consent_terms=bool(terms),
        consent_marketing=bool(marketing),
        tier_code=tier,
        enrolled_at=dt.datetime.fromisoformat(enrolled_at),
        home_store=home_store,
        referrer_code=referrer,
        status=status,
        merged_into=merged_into,
        birth_month=birth_month,
        reduced=bool(reduced),
    )


def _member_values(m: Member, phone_hash: str | None) -> dict:
    values = {
        "member_code": m.member_code,
        "phone": m.phone,
        "name": m.name,
        "name_key": m.name.casefold(),
        "birthday": m.birthday.isoformat() if m.birthday else None,
        "consent_terms": int(m.consent_terms),
        "consent_marketing": int(m.consent_marketing),
        "tier_code": m.tier_code,
        "enrolled_at": m.enrolled_at.isoformat(),
        "home_store": m.home_store,
        "referrer_code": m.referrer_code,
        "status": m.status,
        "merged_into": m.merged_into,
        "birth_month": m.birthday_month,
        "reduced": int(m.reduced),
    }
    if phone_hash is not None:  # a reduced member edited without a new phone keeps its hash
        values["phone_hash"] = phone_hash
    return values


class MemberRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    def add(self, member: Member, phone_hash: str) -> None:
        self.conn.execute(insert(members).values(**_member_values(member, phone_hash), purchases=0))

    def save(self, member: Member, phone_hash: str | None = None) -> None:
        values = _member_values(member, phone_hash)
        self.conn.execute(update(members).where(members.c.member_code == member.member_code).values(**values))

    def get(self, code: str) -> Member | None:
        row = self.db.execute(_BY_CODE_SQL, (code,)).fetchone()
        return _row_to_member(row) if row else None

    def by_phone_hash(self, phone_hash: str) -> Member | None:
        row = self.db.execute(_BY_PHONE_HASH_SQL, (phone_hash,)).fetchone()
        return _row_to_member(row) if row else None

    def by_name_prefix(self, prefix: str, limit: int) -> list[Member]:
        key = prefix.casefold()
        # A range on the index instead of LIKE: no wildcard escaping, and it stays an index seek.
        rows = self.conn.execute(
            select(*_MEMBER_COLUMNS)
            .where(members.c.name_key >= key, members.c.name_key < key + "\U0010ffff")
            .order_by(members.c.name_key)
            .limit(limit)
        )
        return [_row_to_member(r) for r in rows]

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
