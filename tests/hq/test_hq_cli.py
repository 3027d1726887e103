"""`pos-hq`: admin commands answer JSON on stdout, errors as JSON on stderr with a non-zero exit."""

import json

from hq.cli import main
from loyalty_core.signing import Signer, b64
from tests.hq.hq_helpers import auth
from tests.support.events import Till


def run(db_url, capsys, *argv):
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    if code == 0:
        return json.loads(out)
    return code, json.loads(err)


def test_terminal_add_prints_a_token_once_that_can_push_and_revoke_stops_it(hq, capsys):
    run(hq.url, capsys, "store", "add", "S009", "--name", "Harbour")
    made = run(hq.url, capsys, "terminal", "add", "S009", "T01")
    assert made["token"].startswith("hqt_")
    assert hq.scalar("SELECT count(*) FROM terminals WHERE token_hash = :t", t=made["token"]) == 0
    till = Till("S009", "T01")
    assert hq.push([till.enroll()], till, token=made["token"]).status_code == 200
    assert run(hq.url, capsys, "terminal", "add", "S009", "T01") == (1, {
        "error": "terminal_exists", "message": "Terminal S009/T01 exists; use --rotate for a new token"})  # fmt: skip
    run(hq.url, capsys, "terminal", "revoke", "S009", "T01")
    assert hq.push([], till, token=made["token"]).status_code == 401


def test_channel_add_and_revoke(hq, capsys):
    made = run(hq.url, capsys, "channel", "add", "webshop")
    assert made["token"].startswith("hqc_")
    assert hq.client.get("/api/v1/members/M2222222222", headers=auth(made["token"])).status_code == 404
    run(hq.url, capsys, "channel", "revoke", "webshop")
    assert hq.client.get("/api/v1/members/M2222222222", headers=auth(made["token"])).status_code == 401


def test_member_show_reports_the_authoritative_balance_tier_spend_flags_and_merges(hq, capsys):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    # 100 sign-up + 6,000 earned, then silver: -10,000 redeemed + 232 earned (offline stores spent the same points).
    silver = till.sale(code, paid=20_000, redeem=10_000, tier="silver")
    assert hq.statuses([enroll, till.sale(code, paid=600_000), silver]) == ["applied"] * 3
    shown = run(hq.url, capsys, "member", "show", code)
    assert {k: shown[k] for k in ("balance", "tier", "spend_cents", "flags", "merged_from")} == {
        "balance": -3_668, "tier": "silver", "spend_cents": 619_400, "flags": ["overdraft"], "merged_from": None}  # fmt: skip
    by_phone = run(hq.url, capsys, "member", "show", enroll["payload"]["member"]["phone"])
    assert by_phone["member_code"] == code
    assert run(hq.url, capsys, "member", "show", "M2222222222")[1]["error"] == "unknown_member"



def test_expire_writes_explicit_entries_for_due_lots_once(hq, capsys):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    january, june = Till(at="2025-01-10T10:00:00+08:00"), Till(at="2025-06-01T10:00:00+08:00")
    old = [january.sale(code, paid=10_000), june.sale(code, paid=5_000)]  # lots of 100 and 50 points
    assert hq.statuses([enroll, *old, till.sale(code, redeem=100)]) == ["applied"] * 4
    # Oldest expiry first: the redemption used the whole January lot, the June lot is left.
    assert run(hq.url, capsys, "expire", "--at", "2026-02-01")["entries"] == 0
    first = run(hq.url, capsys, "expire", "--at", "2026-07-01")
    assert (first["entries"], first["points"]) == (1, 50)
    assert run(hq.url, capsys, "expire", "--at", "2026-07-01")["entries"] == 0
    assert hq.member(code)["balance"] == 100 + 100 + 50 + 100 - 100 - 50
    expired = [c["data"] for c in hq.pull_all() if c["kind"] == "ledger" and c["data"]["kind"] == "expire"]
    assert [(e["points"], e["expires_on"]) for e in expired] == [(-50, "2026-06-30")]



def test_tier_review_moves_down_at_most_one_tier_and_only_once_a_year(hq, capsys):
    hq.clock.set("2025-06-01")
    till = Till(at="2025-06-01T10:00:00+08:00")
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    hq.statuses([enroll, till.sale(code, paid=2_000_000)])
    assert hq.member(code)["tier"] == "gold"
    review = run(hq.url, capsys, "tiers", "review", "--at", "2026-06-15")
    assert (review["reviewed"], review["down"]) == (1, 1)
    assert hq.member(code)["tier"] == "silver"  # no spend at all, but only one step down
    assert run(hq.url, capsys, "tiers", "review", "--at", "2026-07-01")["reviewed"] == 0
    run(hq.url, capsys, "tiers", "review", "--at", "2027-06-15")
    assert hq.member(code)["tier"] == "basic"


def test_rules_publish_adds_a_version_to_the_feed_and_refuses_stale_or_malformed_ones(hq, capsys, tmp_path):
    document = run(hq.url, capsys, "rules", "show")
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({**document, "version": 2, "signup_bonus_points": 150}))
    assert run(hq.url, capsys, "rules", "publish", str(path)) == {"published": 2}
    assert [c["data"]["version"] for c in hq.pull_all() if c["kind"] == "rules"] == [1, 2]
    assert run(hq.url, capsys, "rules", "publish", str(path))[1]["error"] == "stale_rules_version"
    path.write_text(json.dumps({**document, "version": 3, "tiers": []}))
    assert run(hq.url, capsys, "rules", "publish", str(path))[1]["error"] == "invalid_rules"
    path.write_text("{not json")
    assert run(hq.url, capsys, "rules", "publish", str(path))[1]["error"] == "invalid_rules"


def test_store_add_with_a_public_key_publishes_it_to_every_till(hq, capsys):
    key = b64(Signer.generate("S010-1").public_bytes())
    # `--public-key=KEY`: a base64url key begins with "-" one time in 64, and argparse would take it for an option
    added = run(hq.url, capsys, "store", "add", "S010", "--name", "Airport", f"--public-key={key}", "--key-id", "S010-1")
    assert added["store_id"] == "S010", added
    keys = [c["data"] for c in hq.pull_all() if c["kind"] == "store_key"]
    assert keys == [{"key_id": "S010-1", "public_key": key, "store_id": "S010", "revoked_at": None, "source": "store"}]
    assert run(hq.url, capsys, "store", "add", "S011", "--name", "X", "--public-key", "abc", "--key-id", "k")[1][
        "error"] == "invalid_public_key"  # fmt: skip


def test_errors_are_json_on_stderr_with_a_nonzero_exit(hq, capsys):
    assert run(hq.url, capsys, "terminal", "add", "NOPE", "T01") == (1, {
        "error": "unknown_store", "message": "No store 'NOPE'; add it first"})  # fmt: skip
    code, err = run(hq.url, capsys, "expire", "--at", "soon")
    assert (code, err["error"]) == (1, "invalid_date")
    code, err = run(hq.url, capsys, "store")
    assert (code, err["error"]) == (2, "usage")
    code, err = run("sqlite:////nonexistent/dir/hq.db", capsys, "store", "list")
    assert (code, err["error"]) == (1, "internal")


def _register(hq, key_id: str, store: str = "S001", terminal: str = "T01"):
    key = b64(Signer.generate(key_id).public_bytes())
    return hq.client.post("/api/v1/stores/me/keys", json={"key_id": key_id, "public_key": key},
                          headers=auth(hq.terminal(store, terminal)))  # fmt: skip


def _key_rows(hq, terminal: str = "T01") -> dict[str, dict]:
    changes = hq.pull_all(token=hq.terminal("S001", terminal))
    return {c["data"]["key_id"]: c["data"] for c in changes if c["kind"] == "store_key"}


def test_rotate_key_revokes_the_terminals_key_and_lets_it_register_one_new_key(hq, capsys):
    assert _register(hq, "S001-T01-a").status_code == 200

    rotated = run(hq.url, capsys, "terminal", "rotate-key", "S001", "T01")

    assert rotated["revoked_keys"] == ["S001-T01-a"] and rotated["may_register"] is True
    assert _key_rows(hq)["S001-T01-a"]["revoked_at"] is not None  # the tills learn it at their next pull
    assert _register(hq, "S001-T01-b").json()["status"] == "registered"
    assert _register(hq, "S001-T01-c").status_code == 409  # still one key at a time
    snapshot = hq.client.get("/api/v1/sync/snapshot", headers=auth(hq.terminal())).json()
    assert {k["key_id"]: k["revoked_at"] is not None for k in snapshot["store_keys"]} == {
        "S001-T01-a": True, "S001-T01-b": False}  # fmt: skip
    assert run(hq.url, capsys, "terminal", "rotate-key", "S001", "T99")[1]["error"] == "unknown_terminal"


def test_revoking_a_terminal_revokes_its_key_and_lists_the_members_whose_cards_need_reissuing(hq, capsys):
    lost, other = Till("S001", "T01"), Till("S001", "T02")
    assert _register(hq, "S001-T01-a").status_code == 200
    mine = [lost.enroll(), lost.enroll()]
    theirs = other.enroll()
    assert hq.statuses(mine, lost) == ["applied", "applied"] and hq.statuses([theirs], other) == ["applied"]

    revoked = run(hq.url, capsys, "terminal", "revoke", "S001", "T01")

    assert revoked["revoked_keys"] == ["S001-T01-a"]
    assert revoked["members_to_reissue"] == sorted(e["payload"]["member"]["member_code"] for e in mine)
    assert _key_rows(hq, "T02")["S001-T01-a"]["revoked_at"] is not None
    assert hq.scalar("SELECT count(*) FROM store_keys WHERE revoked_at IS NULL") == 0
