"""HQ migration 0003: every stored phone becomes E.164, read in its home store's country."""

import os
import uuid

import pytest
import sqlalchemy as sa
from alembic import command

from hq.storage import db, migrate

PG_ADMIN_URL = os.environ.get("HQ_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

_MEMBER = ("INSERT INTO members (member_code, phone, name, consent_terms, consent_marketing, tier, enrolled_at, "
           "home_store, status, balance, flags, bucket, created_at) VALUES (:c, :p, 'A', true, false, 'basic', "
           "'2026-01-01T10:00:00+08:00', :s, 'active', 0, '', 0, :t)")  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old-hq.sqlite3'}"
        return
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"hq_mig_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL unreachable ({str(exc.orig).strip()[:80]})")
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_phones_stored_before_become_e164_in_their_stores_country(empty_db_url, clock):
    engine = db.make_engine(empty_db_url)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001")
        conn.execute(sa.text("INSERT INTO stores (store_id, name, created_at) VALUES ('S001', 'Taipei', :t)"),
                     {"t": clock()})  # fmt: skip
        for code, phone in (("M0000000001", "0922333444"), ("M0000000002", "+886922333444"),
                            ("M0000000003", "12345678")):  # fmt: skip
            conn.execute(sa.text(_MEMBER), {"c": code, "p": phone, "s": "S001", "t": clock()})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        stored = dict(conn.execute(sa.text("SELECT member_code, phone FROM members")).all())
        country = conn.execute(sa.text("SELECT country FROM stores WHERE store_id = 'S001'")).scalar()
    engine.dispose()
    assert country == "TW"
    assert stored == {"M0000000001": "+886922333444", "M0000000002": "+886922333444", "M0000000003": "12345678"}
