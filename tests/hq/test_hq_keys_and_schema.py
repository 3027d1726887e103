"""Store signing keys over the API, and migrations that match the table definitions."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hq.storage.schema import POSTGRES_ONLY_INDEXES, metadata
from loyalty_core.signing import Signer, b64
from tests.hq.hq_helpers import auth

KEYS = "/api/v1/stores/me/keys"


def _key() -> str:
    return b64(Signer.generate("k").public_bytes())


def _post(hq, key_id: str, public_key: str, store: str = "S001", terminal: str = "T01"):
    return hq.client.post(KEYS, json={"key_id": key_id, "public_key": public_key},
                          headers=auth(hq.terminal(store, terminal)))  # fmt: skip


def _keys(hq) -> list[tuple]:
    with hq.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT key_id, store_id, terminal_id, public_key, revoked_at FROM store_keys "
                                    "ORDER BY key_id")).all()  # fmt: skip
    return [tuple(r) for r in rows]


def test_a_terminal_registers_one_key_once_and_a_second_key_is_409_changing_nothing(hq):
    key = _key()
    first = _post(hq, "S001-k1", key)
    assert first.status_code == 200 and first.json()["status"] == "registered"
    assert _post(hq, "S001-k1", key).json()["status"] == "unchanged"  # a retry after a lost answer
    registered, feed_rows = _keys(hq), hq.counts()["feed"]

    second = _post(hq, "S001-k2", _key())

    assert second.status_code == 409 and second.json()["error"] == "key_already_registered"
    assert _keys(hq) == registered and hq.counts()["feed"] == feed_rows
    assert [c["data"]["key_id"] for c in hq.pull_all() if c["kind"] == "store_key"] == ["S001-k1"]


def test_no_other_terminal_can_take_over_a_registered_key_id(hq):
    key = _key()
    assert _post(hq, "S001-k1", key).status_code == 200
    for store, terminal, public_key in (("S001", "T02", key), ("S002", "T01", key), ("S002", "T01", _key())):
        clash = _post(hq, "S001-k1", public_key, store, terminal)
        assert clash.status_code == 409 and clash.json()["error"] == "key_conflict"
    assert [k[:3] for k in _keys(hq)] == [("S001-k1", "S001", "T01")]


def test_a_key_that_is_not_an_ed25519_public_key_is_refused(hq):
    bad = hq.client.post(KEYS, json={"key_id": "k", "public_key": "A" * 50}, headers=auth(hq.terminal()))
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_public_key"


def test_the_migrated_schema_matches_the_table_definitions(hq):
    engine = sa.create_engine(hq.url)
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_object": lambda obj, name, kind, *_: name not in POSTGRES_ONLY_INDEXES}
        diffs = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    engine.dispose()
    assert diffs == []
