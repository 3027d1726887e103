"""Finding a member by part of a name: PostgreSQL serves it from a trigram index, SQLite still works."""

import sqlalchemy as sa

from hq.services.reports import member360
from hq.storage import db


def _add(conn, code: str, name: str) -> None:
    conn.execute(sa.text("INSERT INTO stores (store_id, name, created_at) SELECT 'S001', 'Store', "
                         "'2026-01-01 00:00:00+00' WHERE NOT EXISTS (SELECT 1 FROM stores WHERE store_id = 'S001')"))
    conn.execute(sa.text(
        "INSERT INTO members (member_code, phone, name, consent_terms, consent_marketing, tier, enrolled_at,"
        " home_store, status, balance, flags, bucket, created_at) VALUES (:c, :p, :n, true, false, 'basic',"
        " '2026-01-01T10:00:00+08:00', 'S001', 'active', 0, '', 1, '2026-01-01 00:00:00+00')"),
        {"c": code, "p": "+8869" + code[-8:], "n": name})


def test_a_part_of_a_name_finds_the_member_on_either_database(db_url):
    engine = db.make_engine(db_url)
    db.write(engine, lambda conn: (_add(conn, "M0000000001", "Chen 123"), _add(conn, "M0000000002", "Lin 456")))
    with db.read(engine) as conn:
        found = member360.search(conn, "en 12", None)
    engine.dispose()
    assert [m["member_code"] for m in found] == ["M0000000001"]


def test_postgresql_has_a_trigram_index_on_member_names_and_sqlite_has_none(db_url):
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            indexes = conn.execute(sa.text("SELECT indexname FROM pg_indexes WHERE tablename = 'members'")).scalars()
        else:
            indexes = conn.execute(sa.text("SELECT name FROM sqlite_master WHERE tbl_name = 'members'")).scalars()
        names = set(indexes)
    engine.dispose()
    assert ("ix_members_name_trgm" in names) == (engine.dialect.name == "postgresql")
