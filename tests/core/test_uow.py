"""The unit of work: durable by default; only re-fetchable bootstrap pages may commit without fsync;
finished once committed or rolled back."""

import pytest
from sqlalchemy import text

from loyalty_core import personal_data
from loyalty_core.member import new_member
from pos_app.store import erasure, migrate
from pos_app.store.engine import UnitOfWorkFinished, make_engine
from pos_app.store.uow import SqlUnitOfWork
from tests.support.clock import NOW

FULL, NORMAL = 2, 1  # PRAGMA synchronous values


def synchronous(uow: SqlUnitOfWork) -> int:
    return uow.sync.conn.exec_driver_sql("PRAGMA synchronous").scalar()


def cache_kb(uow: SqlUnitOfWork) -> int:
    return -uow.sync.conn.exec_driver_sql("PRAGMA cache_size").scalar()


def test_every_unit_of_work_commits_with_full_sync_unless_told_otherwise(tmp_path):
    engine = make_engine(tmp_path / "pos.sqlite3")
    migrate.upgrade(engine)
    with SqlUnitOfWork(engine) as uow:
        assert synchronous(uow) == FULL


def test_a_non_durable_unit_of_work_writes_and_hands_the_connection_back_at_full_sync(tmp_path):
    engine = make_engine(tmp_path / "pos.sqlite3")
    migrate.upgrade(engine)
    with SqlUnitOfWork(engine, durable=False) as uow:
        assert synchronous(uow) == NORMAL and cache_kb(uow) == 64 * 1024  # a bootstrap's bulk mode
        uow.sync.set_json("probe", {"n": 1})
        uow.commit()
    with SqlUnitOfWork(engine) as uow:  # the pool hands out the same connection again
        assert synchronous(uow) == FULL and cache_kb(uow) == 2_000
        assert uow.sync.get_json("probe") == {"n": 1}
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.fixture
def store(tmp_path):
    engine = make_engine(tmp_path / "pos.sqlite3")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


def _enroll(engine, code: str = "M23456789AB") -> str:
    with SqlUnitOfWork(engine) as uow:
        member = new_member(member_code=code, phone="0912345678", name="Alice", birthday=None, consent_terms=True,
                            consent_marketing=False, tier_code="basic", home_store="S001", now=NOW)  # fmt: skip
        uow.members.add(member, personal_data.phone_hash(personal_data.new_key(), member.phone))
        uow.commit()
    return code


def _purchases(engine, code: str) -> int:
    with SqlUnitOfWork(engine, read_only=True) as uow:
        return uow.members.purchases(code)


def test_a_plain_sql_write_after_commit_raises_and_leaves_nothing(store):
    code = _enroll(store)
    with SqlUnitOfWork(store) as uow:
        uow.members.count_purchase(code)
        uow.commit()
        with pytest.raises(UnitOfWorkFinished):
            uow.members.count_purchase(code)  # the confirm path's plain-SQL handle
    assert _purchases(store, code) == 1


def test_a_sqlalchemy_write_after_commit_raises_and_leaves_nothing(store):
    code = _enroll(store)
    with SqlUnitOfWork(store) as uow:
        uow.sync.set_tier(code, "silver")  # the sync repository speaks SQLAlchemy
        uow.commit()
        with pytest.raises(UnitOfWorkFinished):
            uow.sync.set_tier(code, "diamond")
    with SqlUnitOfWork(store, read_only=True) as uow:
        assert uow.members.get(code).tier_code == "silver"


def test_erasing_a_member_after_commit_raises_and_leaves_the_member_as_they_were(store):
    code = _enroll(store)
    with SqlUnitOfWork(store) as uow:
        uow.commit()
        with pytest.raises(UnitOfWorkFinished):
            erasure.erase_local(uow.sync.conn, [code])  # plain SQL too, through the same handle
    with SqlUnitOfWork(store, read_only=True) as uow:
        assert uow.members.get(code).name == "Alice"


def test_a_statement_after_rollback_raises_and_the_rolled_back_write_is_gone(store):
    code = _enroll(store)
    with SqlUnitOfWork(store) as uow:
        uow.members.count_purchase(code)
        uow.rollback()
        with pytest.raises(UnitOfWorkFinished):
            uow.members.purchases(code)
    assert _purchases(store, code) == 0


def test_the_next_unit_of_work_on_the_same_pooled_connection_works_as_usual(store):
    code = _enroll(store)
    with SqlUnitOfWork(store) as uow:
        uow.commit()
    with SqlUnitOfWork(store) as uow:
        uow.members.count_purchase(code)
        uow.commit()
    with store.connect() as conn:  # a plain connection (reports, tests) is not a finished unit of work either
        assert conn.execute(text("SELECT purchases FROM members")).scalar() == 1
