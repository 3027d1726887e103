"""At the till, one phone is one member whatever the format it is typed in."""

import pytest
from sqlalchemy import text

from loyalty_core.errors import DomainError
from pos_app import bootstrap, config
from pos_app.store import migrate
from pos_app.store.engine import make_engine

from .support import query


def count_members(app) -> int:
    return query(app, "SELECT count(*) AS n FROM members")[0][0]


def test_a_member_enrolled_as_e164_is_found_by_the_ways_people_write_the_number(pos):
    member = pos.enroll(phone="+886922333444", name="王小明", consent_terms=True)
    assert member.phone == "+886922333444"
    for typed in ("0922333444", "0922-333-444", "+886 922 333 444", "0922 333 444"):
        assert pos.find_member(typed).member_code == member.member_code, typed


def test_the_same_phone_in_another_format_cannot_enroll_a_second_member(app, pos):
    first = pos.enroll(phone="+886922333444", name="王小明", consent_terms=True)
    before = count_members(app)
    with pytest.raises(DomainError) as info:
        pos.enroll(phone="0922-333-444", name="Someone Else", consent_terms=True)
    assert info.value.code == "phone_taken" and info.value.params["member_code"] == first.member_code
    assert count_members(app) == before


def test_a_profile_edit_to_another_members_phone_in_another_format_is_refused(app, pos):
    pos.enroll(phone="0922333444", name="Alice", consent_terms=True)
    bob = pos.enroll(phone="0933444555", name="Bob", consent_terms=True)
    with pytest.raises(DomainError) as info:
        pos.update_member(bob.member_code, {"phone": "+886 922 333 444"}, "9001")
    assert info.value.code == "phone_taken"
    assert pos.find_member(bob.member_code).phone == "+886933444555"


def test_12345678_cannot_enroll_and_nothing_is_written(app, pos):
    before = count_members(app)
    with pytest.raises(DomainError) as info:
        pos.enroll(phone="12345678", name="Alice", consent_terms=True)
    assert info.value.code == "invalid_phone"
    assert count_members(app) == before
    assert query(app, "SELECT count(*) AS n FROM outbox")[0][0] == 0


def test_a_hong_kong_store_reads_eight_digits_as_a_hong_kong_mobile(tmp_path, clock):
    path = tmp_path / "hk"
    config.init_terminal(path, "HK01", "T01", country="HK")
    app = bootstrap.build_app(path, clock=clock)
    try:
        member = app.pos.enroll(phone="6123 4567", name="陳大文", consent_terms=True)
        assert member.phone == "+85261234567"
        assert app.pos.find_member("+852 6123-4567").member_code == member.member_code
    finally:
        app.close()


def test_the_migration_turns_phones_stored_as_typed_into_e164(tmp_path):
    engine = make_engine(tmp_path / "old.sqlite3")
    migrate.upgrade(engine, "0004")
    rows = [("M0000000001", "0922333444"), ("M0000000002", "+886933444555"), ("M0000000003", "0223456789"),
            ("M0000000004", "12345678")]  # fmt: skip
    with engine.begin() as conn:
        for code, phone in rows:
            conn.execute(text(
                "INSERT INTO members (member_code, phone, name, name_key, consent_terms, consent_marketing, "
                "tier_code, enrolled_at, home_store, status, purchases) VALUES (:c, :p, 'A', 'a', 1, 0, 'basic', "
                "'2026-01-01T10:00:00+08:00', 'S001', 'active', 0)"), {"c": code, "p": phone})  # fmt: skip
    migrate.upgrade(engine, phone_region="TW")
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT member_code, phone FROM members")).all())
    engine.dispose()
    assert stored == {
        "M0000000001": "+886922333444",
        "M0000000002": "+886933444555",
        "M0000000003": "+886223456789",  # a landline is still a phone: found by it, never enrolled anew
        "M0000000004": "12345678",  # not a number at all: kept, not lost
    }
