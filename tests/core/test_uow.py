"""The unit of work: durable by default; only re-fetchable bootstrap pages may commit without fsync."""

from sqlalchemy import text

from pos_app.store import migrate
from pos_app.store.engine import make_engine
from pos_app.store.uow import SqlUnitOfWork

FULL, NORMAL = 2, 1  # PRAGMA synchronous values


def synchronous(uow: SqlUnitOfWork) -> int:
    return uow.sync.conn.exec_driver_sql("PRAGMA synchronous").scalar()


def test_every_unit_of_work_commits_with_full_sync_unless_told_otherwise(tmp_path):
    engine = make_engine(tmp_path / "pos.sqlite3")
    migrate.upgrade(engine)
    with SqlUnitOfWork(engine) as uow:
        assert synchronous(uow) == FULL


def test_a_non_durable_unit_of_work_writes_and_hands_the_connection_back_at_full_sync(tmp_path):
    engine = make_engine(tmp_path / "pos.sqlite3")
    migrate.upgrade(engine)
    with SqlUnitOfWork(engine, durable=False) as uow:
        assert synchronous(uow) == NORMAL
        uow.sync.set_json("probe", {"n": 1})
        uow.commit()
        uow.sync.conn.exec_driver_sql("PRAGMA cache_size = -2000")  # a statement after commit opens a transaction
    with SqlUnitOfWork(engine) as uow:  # the pool hands out the same connection again
        assert synchronous(uow) == FULL
        assert uow.sync.get_json("probe") == {"n": 1}
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
