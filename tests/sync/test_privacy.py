"""Privacy against a real HQ: a till keeps the minimum about members, in owner-only files, and no
copy of a phone, a name or a birthday is left behind (docs/PRIVACY.md)."""

import json
import logging
import stat
import threading
import time
from pathlib import Path

import pytest
import requests
import uvicorn

from hq.api.access_log import RedactPhones
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from pos_app import privacy
from tests.sync.sync_harness import outbox_counts, settle

PHONE = "0912000111"  # as typed at the counter
PHONE_E164 = "+886912000111"  # as HQ and an enrolling till store it
DIGITS = "912000111"  # in every stored form (national, E.164): what a byte scan looks for
NAME = "林雅婷"
BIRTHDAY = "1990-03-04"


def enroll_at(till, phone=PHONE, name=NAME, birthday=BIRTHDAY):
    return till.pos.enroll(phone=phone, name=name, birthday=birthday, consent_terms=True)


def every_file(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}


def files_holding(data_dir: Path, *needles: str) -> dict[str, list[str]]:
    """Which files contain which of the texts (as UTF-8 bytes, the way SQLite and JSON store them)."""
    found = {}
    for name, data in every_file(data_dir).items():
        hits = [n for n in needles if n.encode("utf-8") in data]
        if hits:
            found[name] = hits
    return found


def test_after_a_bootstrap_the_other_stores_files_hold_no_phone_name_or_birthday_and_phone_lookup_works(
    hq_factory, till_factory, clock
):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    member = enroll_at(a)
    settle([a], hq)

    b = till_factory(hq, "S002", "T01", clock=clock)
    b.sync.run_once()

    assert files_holding(b.data_dir, DIGITS, NAME, BIRTHDAY) == {}  # database, WAL, config, keys: while open
    with b.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT phone, name, birthday, birth_month, reduced FROM members WHERE member_code = ?",
            (member.member_code,),
        ).one()
    assert tuple(row) == ("0912***111", "林*婷", None, 3, 1)
    assert b.pos.find_member("0912-000-111").member_code == member.member_code
    b.close()
    assert files_holding(b.data_dir, DIGITS, NAME, BIRTHDAY) == {}  # and after the last connection closed


def test_phone_lookup_at_another_store_works_offline_in_every_format_people_type(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    member = enroll_at(a)
    settle([a], hq)
    b = till_factory(hq, "S002", "T01", clock=clock)
    b.sync.run_once()
    hq.stop()  # offline from here on

    for typed in ("0912000111", "0912-000-111", "0912 000 111", "(0912) 000111", "０９１２０００１１１"):
        view = b.pos.find_member(typed)
        assert (view.member_code, view.name, view.masked_phone) == (member.member_code, "林*婷", "0912***111")
    assert b.pos.member_by_phone("0912000112") is None


def test_the_enrolling_till_keeps_the_full_profile_only_until_hq_has_it_then_nothing_is_left_behind(
    hq_factory, till_factory, clock
):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    member = enroll_at(a)
    assert a.pos.find_member(member.member_code).name == NAME  # offline, not pushed yet: the full profile

    settle([a], hq)

    view = a.pos.find_member(PHONE)
    assert (view.member_code, view.name, view.birthday, view.birthday_month) == (
        member.member_code, "林*婷", None, clock().month == 3
    )  # fmt: skip
    with a.engine.connect() as conn:
        [body] = [json.loads(b) for (b,) in conn.exec_driver_sql("SELECT body FROM outbox WHERE type = 'member.enrolled'")]
    assert {k: body["payload"]["member"][k] for k in ("phone", "name", "birthday")} == dict.fromkeys(
        ("phone", "name", "birthday")
    )
    assert files_holding(a.data_dir, DIGITS, NAME, BIRTHDAY) == {}  # not in a free page, not in the WAL
    with a.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    a.close()
    assert files_holding(a.data_dir, DIGITS, NAME, BIRTHDAY) == {}
    assert hq.member(member.member_code).phone == PHONE_E164  # HQ keeps the profile


def test_the_data_folder_is_owner_only_and_every_file_in_it_too(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    enroll_at(a)
    settle([a], hq)

    modes = {str(p.relative_to(a.data_dir)): stat.S_IMODE(p.stat().st_mode) for p in a.data_dir.rglob("*")}
    assert stat.S_IMODE(a.data_dir.stat().st_mode) == 0o700
    assert {"pos.sqlite3", "pos.sqlite3-wal", "pos.sqlite3-shm", "config.json", "secrets/lookup_key.json",
            "secrets/hq_token", "secrets/store_signing.key"} <= set(modes)  # fmt: skip
    assert {name: mode for name, mode in modes.items() if mode != (0o700 if name == "secrets" else 0o600)} == {}


def test_the_till_takes_the_chains_lookup_key_from_hq_and_keeps_it_out_of_its_database(hq_factory, till_factory,
                                                                                         clock):  # fmt: skip
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    assert privacy.load_key(a.data_dir)[2] == "local"  # set up before HQ was reached
    member = enroll_at(a)  # hashed with the till's own key

    a.sync.run_once()

    key_id, key, source = privacy.load_key(a.data_dir)
    assert (key_id, source) == (hq.scalar("SELECT key_id FROM lookup_keys"), "hq")
    assert key not in (a.data_dir / "pos.sqlite3").read_bytes() and key.hex().encode() not in (
        a.data_dir / "pos.sqlite3").read_bytes()  # fmt: skip
    assert a.pos.find_member(PHONE).member_code == member.member_code  # hashed again with the chain's key


@pytest.fixture
def access_log(tmp_path):
    """Uvicorn's access log of the test, as it would be written to a file."""
    path = tmp_path / "access.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    yield path, handler
    handler.close()


def test_hqs_access_log_carries_no_phone_and_a_phone_lookup_goes_in_the_body(hq_factory, clock, access_log):
    from hq.app import create_app

    hq = hq_factory(clock=clock)
    token = (hq.add_store("S001"), hq.add_terminal("S001", "T09"))[1]
    path, handler = access_log
    app = create_app(hq.db_url, clock=clock)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="info", access_log=True))
    logger = logging.getLogger("uvicorn.access")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)
        logger.addHandler(handler)
        url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}/api/v1"
        headers = {"Authorization": f"Bearer {token}"}
        in_path = requests.get(f"{url}/members/0922333444", headers=headers, timeout=5)
        in_query = requests.get(f"{url}/sync/pull?since=0&phone=0922-333-444", headers=headers, timeout=5)
        in_body = requests.post(f"{url}/members/lookup", json={"query": "0922333444"}, headers=headers, timeout=5)
    finally:
        logger.removeHandler(handler)
        server.should_exit = True
        thread.join(10)

    assert (in_path.status_code, in_path.json()["error"]) == (400, "phone_in_path")
    assert in_query.status_code == 200
    assert (in_body.status_code, in_body.json()["error"]) == (404, "unknown_member")
    log = path.read_text(encoding="utf-8")
    assert "GET /api/v1/members/[redacted]" in log and "POST /api/v1/members/lookup" in log
    assert "0922333444" not in log and "0922-333-444" not in log and "333444" not in log
    assert any(isinstance(f, RedactPhones) for f in logger.filters)


# -- consent on record ---------------------------------------------------------------------------


def hq_cli(hq, capsys, *argv):
    from hq.cli import main

    code = main(["--db", hq.db_url, *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_a_marketing_withdrawal_at_one_till_reaches_hq_and_the_other_store_with_its_consent_history(
    hq_factory, till_factory, clock, capsys
):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    b = till_factory(hq, "S002", "T01", clock=clock)
    member = a.pos.enroll(phone=PHONE, name=NAME, consent_terms=True, consent_marketing=True, actor="1001")
    settle([a, b], hq)
    assert b.pos.find_member(PHONE).consent_marketing is True

    clock.advance(minutes=5)
    a.pos.update_member(member.member_code, {"consent_marketing": False}, actor="1002")
    settle([a, b], hq)

    assert b.pos.find_member(PHONE).consent_marketing is False
    assert hq.member(member.member_code).consent_marketing is False
    shown = hq_cli(hq, capsys, "member", "show", member.member_code)
    history = [(c["kind"], c["granted"], c["notice_version"], c["channel"], c["place"], c["recorded_by"])
               for c in shown["consents"]]  # fmt: skip
    assert history == [
        ("terms", True, 1, "store", "S001/T01", "1001"),
        ("marketing", True, 1, "store", "S001/T01", "1001"),
        ("marketing", False, 1, "store", "S001/T01", "1002"),
    ]
    assert shown["consents"][2]["at"] == clock().isoformat()
    assert [(c["kind"], c["granted"], c["recorded_by"]) for c in a.pos.consents(member.member_code)] == [
        ("terms", True, "1001"), ("marketing", True, "1001"), ("marketing", False, "1002")]  # fmt: skip


def test_marketing_consent_withdrawn_online_or_at_hq_reaches_every_till(hq_factory, till_factory, clock, capsys):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    b = till_factory(hq, "S002", "T01", clock=clock)
    member = a.pos.enroll(phone=PHONE, name=NAME, consent_terms=True, consent_marketing=True, actor="1001")
    settle([a, b], hq)
    channel = hq.add_channel("webshop")
    url = f"{hq.url}/api/v1/online/consent"
    headers = {"Authorization": f"Bearer {channel}"}

    answer = requests.post(url, json={"member_code": member.member_code, "marketing": False}, headers=headers,
                           timeout=5)  # fmt: skip
    settle([a, b], hq)

    assert answer.status_code == 200 and answer.json()["consent_marketing"] is False
    assert [t.pos.find_member(member.member_code).consent_marketing for t in (a, b)] == [False, False]

    hq_cli(hq, capsys, "member", "consent", member.member_code, "--marketing", "yes", "--by", "op-7")
    settle([a, b], hq)
    assert [t.pos.find_member(member.member_code).consent_marketing for t in (a, b)] == [True, True]
    history = [(c["granted"], c["channel"], c["place"], c["recorded_by"])
               for c in hq_cli(hq, capsys, "member", "show", member.member_code)["consents"] if c["kind"] == "marketing"]
    assert history == [(True, "store", "S001/T01", "1001"), (False, "online", "webshop", "member"),
                       (True, "hq", "hq", "op-7")]  # fmt: skip


def test_an_online_consent_request_that_is_malformed_changes_nothing(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    member = a.pos.enroll(phone=PHONE, name=NAME, consent_terms=True, consent_marketing=True)
    settle([a], hq)
    headers = {"Authorization": f"Bearer {hq.add_channel('webshop')}"}
    url = f"{hq.url}/api/v1/online/consent"
    bad = [{"member_code": member.member_code, "marketing": "no"}, {"member_code": member.member_code},
           {"member_code": "' OR 1=1 --", "marketing": False}, {"member_code": "M2222222222", "marketing": False},
           {"member_code": member.member_code, "marketing": False, "extra": 1}]  # fmt: skip
    statuses = [requests.post(url, json=body, headers=headers, timeout=5).status_code for body in bad]
    garbled = requests.post(url, data=b"\xff{", headers={**headers, "Content-Type": "application/json"}, timeout=5)

    assert statuses == [422, 422, 422, 404, 422] and garbled.status_code == 400
    assert hq.member(member.member_code).consent_marketing is True
    assert hq.scalar("SELECT count(*) FROM consents WHERE member_code = :c", c=member.member_code) == 2


# -- member rights at HQ -------------------------------------------------------------------------

TEA = [CartLine("TEA-500", "grocery", 12000, 2)]


def hq_files_holding(hq, *needles: str) -> dict[str, list[str]]:
    """HQ's SQLite database, WAL and shm: which contain which of the texts."""
    db = Path(hq.db_url.removeprefix("sqlite:///"))
    found = {}
    for path in db.parent.glob(db.name + "*"):
        hits = [n for n in needles if n.encode("utf-8") in path.read_bytes()]
        if hits:
            found[path.name] = hits
    return found


def a_member_known_everywhere(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    b = till_factory(hq, "S002", "T01", clock=clock)
    member = a.pos.enroll(phone=PHONE, name=NAME, birthday=BIRTHDAY, consent_terms=True, consent_marketing=True,
                          actor="1001")  # fmt: skip
    a.pos.confirm_sale(member.member_code, TEA)  # the receipt names the member (full profile, not pushed yet)
    a.pos.update_member(member.member_code, {"name": "林雅婷婷"}, actor="1001")  # audited with before/after
    settle([a, b], hq)
    b.pos.confirm_sale(member.member_code, TEA)
    settle([a, b], hq)
    return hq, a, b, member


def test_export_gives_the_member_everything_hq_holds(hq_factory, till_factory, clock, capsys):
    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)

    out = hq_cli(hq, capsys, "member", "export", member.member_code)

    assert (out["profile"]["phone"], out["profile"]["name"], out["profile"]["birthday"]) == (PHONE_E164, "林雅婷婷", BIRTHDAY)
    assert out["profile"]["balance"] == hq.balances()[member.member_code]
    assert [c["kind"] for c in out["consents"]] == ["terms", "marketing"]
    assert {e["entry_id"] for e in out["ledger"]} == {k for k, v in hq.ledger().items() if v[0] == member.member_code}
    assert sum(e["points"] for e in out["ledger"]) == out["profile"]["balance"]
    assert sorted(s["store_id"] for s in out["sales"]) == ["S001", "S002"]
    assert all(s["type"] == "sale.confirmed" and s["paid_cents"] > 0 for s in out["sales"])
    assert out["coupons"] == [] and out["online_orders"] == []


def test_erasure_anonymizes_hq_and_reaches_every_till_which_then_says_the_membership_was_closed(
    hq_factory, till_factory, clock, capsys
):
    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)
    card = a.pos.card_payload(member.member_code)
    balance = hq.balances()[member.member_code]
    entries = {k: v for k, v in hq.ledger().items() if v[0] == member.member_code}

    done = hq_cli(hq, capsys, "member", "erase", member.member_code, "--reason", "member asked at the counter")
    settle([a, b], hq)

    assert done["status"] == "closed" and done["events_scrubbed"] == 2
    row = hq.member(member.member_code)
    assert (row.phone, row.name, row.birthday, row.status) == ("", "", None, "closed")
    assert hq.balances()[member.member_code] == balance  # the accounts keep their amounts
    assert {k: v for k, v in hq.ledger().items() if v[0] == member.member_code} == entries
    bodies = [r.body for r in hq.rows("SELECT body FROM events")] + [r.data for r in hq.rows("SELECT data FROM feed")]
    assert not [b for b in bodies if DIGITS in b or "林雅婷" in b or BIRTHDAY in b]
    if hq.db_url.startswith("sqlite"):
        assert hq_files_holding(hq, DIGITS, "林雅婷", BIRTHDAY) == {}  # database and WAL, byte by byte
        with hq.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    for till in (a, b):
        for query in (card, PHONE, "0912-000-111", member.member_code):
            with pytest.raises(DomainError) as refused:
                till.pos.find_member(query)
            assert refused.value.code == "member_closed"
        assert files_holding(till.data_dir, DIGITS, "林雅婷", BIRTHDAY) == {}


def test_erasure_of_an_unknown_member_or_without_a_reason_changes_nothing(hq_factory, till_factory, clock):
    from hq.cli import main

    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)
    head = hq.feed_head()
    assert main(["--db", hq.db_url, "member", "erase", "M2222222222", "--reason", "x"]) == 1
    assert main(["--db", hq.db_url, "member", "erase", member.member_code, "--reason", "   "]) == 1
    assert main(["--db", hq.db_url, "member", "erase", member.member_code]) == 2
    assert hq.member(member.member_code).phone == PHONE_E164 and hq.feed_head() == head


def test_stop_processing_ends_marketing_and_earning_at_every_till(hq_factory, till_factory, clock, capsys):
    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)
    before = hq.balances()[member.member_code]

    hq_cli(hq, capsys, "member", "stop", member.member_code, "--reason", "member asked by letter")
    settle([a, b], hq)

    for till in (a, b):
        view = till.pos.find_member(PHONE)
        assert (view.status, view.consent_marketing) == ("stopped", False)
        with pytest.raises(DomainError) as refused:
            till.pos.confirm_sale(member.member_code, TEA)
        assert refused.value.code == "member_inactive"
    assert hq.balances()[member.member_code] == before


def test_a_profile_edit_pushed_after_the_erasure_is_rejected_and_brings_nothing_back(
    hq_factory, till_factory, clock, capsys
):
    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)
    b.pos.update_member(member.member_code, {"name": "林雅婷"}, actor="1001")  # not pushed yet
    hq_cli(hq, capsys, "member", "erase", member.member_code, "--reason", "member asked")

    b.sync.run_once()

    row = hq.member(member.member_code)
    assert (row.name, row.phone, row.status) == ("", "", "closed")
    assert outbox_counts(b)["rejected"] == 1
    assert files_holding(b.data_dir, DIGITS, "林雅婷", BIRTHDAY) == {}


def test_neither_the_tills_nor_hqs_logs_carry_a_phone_or_a_name(hq_factory, till_factory, clock, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    hq, a, b, member = a_member_known_everywhere(hq_factory, till_factory, clock)
    b.pos.find_member("0912-000-111")
    with pytest.raises(DomainError):
        b.pos.find_member("0912-000-11x")
    hq_cli(hq, capsys, "member", "erase", member.member_code, "--reason", "member asked")
    settle([a, b], hq)

    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records  # the sync did log (key taken, pushes, pulls)
    assert not [word for word in (PHONE, DIGITS, "000111", "林雅婷", "雅婷", BIRTHDAY) if word in logged]
