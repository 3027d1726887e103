"""Bootstrapping a new store PC from a snapshot, and the nightly reconciliation digests."""

from loyalty_core.ledger import Entry
from loyalty_core.reconcile import BucketHasher, bucket_of
from tests.hq.hq_helpers import auth
from tests.support.events import Till


def _enroll_many(hq, n):
    till = Till()
    events = [till.enroll() for _ in range(n)]
    codes = [e["payload"]["member"]["member_code"] for e in events]
    sales = [till.sale(code, paid=100 * i) for i, code in enumerate(codes, start=1)]  # earns i points
    assert set(hq.statuses(events + sales)) == {"applied"}
    return codes


def test_snapshot_pages_cover_every_member_once_and_carry_the_feed_position(hq):
    codes = _enroll_many(hq, 25)
    token, after, seen, positions = hq.terminal(), "", [], []
    while True:
        page = hq.client.get(f"/api/v1/sync/snapshot?after={after}&limit=10", headers=auth(token)).json()
        seen += page["members"]
        positions.append(page["feed_seq"])
        if not page["more"]:
            break
        after = page["next"]
    assert [m["member_code"] for m in seen] == sorted(codes)
    assert set(positions) == {hq.scalar("SELECT max(seq) FROM feed")}
    for m in seen:
        assert m["balance"] == sum(e["points"] for e in m["ledger"]) == 100 + codes.index(m["member_code"]) + 1
        assert m["member"]["status"] == "active" and "lots" not in m  # the till rebuilds lots from the ledger
        assert [Entry.from_dict(e).to_dict() for e in m["ledger"]] == m["ledger"]  # the same shape on both databases


def test_the_first_snapshot_page_carries_the_rules_and_store_keys(hq):
    first = hq.client.get("/api/v1/sync/snapshot", headers=auth(hq.terminal())).json()
    assert first["rules"]["version"] == 1 and first["store_keys"] == []
    assert first["members"] == [] and first["more"] is False and first["next"] is None


def test_bucket_digests_match_the_domain_hasher_over_authoritative_balances(hq):
    codes = _enroll_many(hq, 40)
    expected = BucketHasher()
    for i, code in enumerate(codes, start=1):
        expected.add(code, 100 + i)
    body = hq.client.get("/api/v1/reconcile/buckets", headers=auth(hq.terminal())).json()
    assert body["buckets"] == {str(n): d for n, d in expected.digests().items()}


def test_a_bucket_lists_the_balances_of_its_members(hq):
    codes = _enroll_many(hq, 10)
    n = bucket_of(codes[3])
    body = hq.client.get(f"/api/v1/reconcile/bucket/{n}", headers=auth(hq.terminal())).json()
    assert body["members"][codes[3]] == 104
    assert all(bucket_of(code) == n for code in body["members"])
    assert hq.client.get("/api/v1/reconcile/bucket/1024", headers=auth(hq.terminal())).status_code == 422


def test_the_cached_balance_always_equals_the_sum_of_the_ledger(hq):
    _enroll_many(hq, 10)
    drift = hq.scalar(
        "SELECT count(*) FROM members m WHERE m.balance != "
        "(SELECT coalesce(sum(points), 0) FROM ledger l WHERE l.member_code = m.member_code)"
    )
    assert drift == 0
