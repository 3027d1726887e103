"""Store signing keys over the API, and migrations that match the table definitions."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hq_helpers import auth

from hq.schema import metadata
from loyalty_core.signing import Signer, b64

KEYS = "/api/v1/stores/me/keys"


def test_a_terminal_registers_its_store_key_once_and_a_different_key_under_that_id_is_refused(hq):
    key = b64(Signer.generate("S001-k1").public_bytes())
    first = hq.client.post(KEYS, json={"key_id": "S001-k1", "public_key": key}, headers=auth(hq.terminal()))
    assert first.status_code == 200 and first.json()["status"] == "registered"
    again = hq.client.post(
        KEYS, json={"key_id": "S001-k1", "public_key": key}, headers=auth(hq.terminal("S001", "T02"))
    )
    assert again.json()["status"] == "unchanged"
    other = b64(Signer.generate("x").public_bytes())
    clash = hq.client.post(KEYS, json={"key_id": "S001-k1", "public_key": other}, headers=auth(hq.terminal("S002")))
    assert clash.status_code == 409 and clash.json()["error"] == "key_conflict"
    assert [c["data"]["key_id"] for c in hq.pull_all() if c["kind"] == "store_key"] == ["S001-k1"]


def test_a_key_that_is_not_an_ed25519_public_key_is_refused(hq):
    bad = hq.client.post(KEYS, json={"key_id": "k", "public_key": "A" * 50}, headers=auth(hq.terminal()))
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_public_key"


def test_the_migrated_schema_matches_the_table_definitions(hq):
    engine = sa.create_engine(hq.url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    assert diffs == []
