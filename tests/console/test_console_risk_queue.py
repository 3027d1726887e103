"""The risk queue: a referral farm HQ flagged waits for an operator; a store manager sees and decides their
own store's flags only; confirming one (with a note, audited) cancels the referrer's pending bonuses."""

import datetime as dt
import json

from hq.services import referrals
from tests.console.console_helpers import post
from tests.support.clock import TUESDAY

PAGE = "/console/review/risk"


def farm(chain, store: str, referees: int = 4) -> str:
    """A referrer and `referees` first purchases naming them, on one day (the default limit is 3)."""
    referrer = chain.member(store, "Ann Chen")
    till, events = chain.tills[store], []
    for _ in range(referees):
        enrolled = till.enroll(referrer=referrer)
        events += [enrolled, till.sale(enrolled["payload"]["member"]["member_code"], 10_000)]
    assert set(chain.push(store, *events)) == {"applied"}
    return referrer


def flag_id(chain, member: str) -> int:
    return chain.scalar("SELECT id FROM risk_flags WHERE kind = 'referral_farm' AND member_code = :m", m=member)


def test_a_store_manager_confirms_a_referral_farm_and_its_pending_bonuses_are_never_booked(chain, as_role):
    mine, theirs = farm(chain, "S001"), farm(chain, "S002")
    evidence = json.loads(chain.scalar("SELECT evidence FROM risk_flags WHERE id = :i", i=flag_id(chain, mine)))
    assert (evidence["count"], evidence["limit"], len(evidence["referees"])) == (4, 3, 4)
    cleared = TUESDAY.date() + dt.timedelta(days=30)
    assert referrals.release(chain.engine, cleared, chain.clock())["booked"] == 0  # open flags: bonuses wait

    manager = as_role("mgr1")
    manager.cookies.set("hq_lang", "en")
    page = manager.get(PAGE).text
    assert f'data-flag="{flag_id(chain, mine)}"' in page and "Referral farm" in page and "4 referral bonuses pending" in page
    assert f'data-flag="{flag_id(chain, theirs)}"' not in page  # another store's flag
    other = post(manager, PAGE, f"{PAGE}/{flag_id(chain, theirs)}", {"decision": "confirm", "note": "farm"})
    assert other.status_code == 404
    no_note = post(manager, PAGE, f"{PAGE}/{flag_id(chain, mine)}", {"decision": "confirm", "note": ""})
    assert no_note.status_code == 400 and "reason" in no_note.text.lower()
    forged = manager.post(f"{PAGE}/{flag_id(chain, mine)}", data={"decision": "confirm", "note": "farm"},
                          follow_redirects=False)  # fmt: skip
    assert forged.status_code in (400, 403)
    assert chain.scalar("SELECT count(*) FROM risk_flags WHERE status <> 'open'") == 0

    done = post(manager, PAGE, f"{PAGE}/{flag_id(chain, mine)}", {"decision": "confirm", "note": "one phone, 4 names"})
    assert done.status_code == 303
    row = chain.scalar("SELECT status || '/' || decided_by || '/' || note FROM risk_flags WHERE id = :i",
                       i=flag_id(chain, mine))  # fmt: skip
    assert row == "confirmed/mgr1/one phone, 4 names"
    why = "SELECT count(*) FROM pending_referrals WHERE referrer_code = :m AND status = 'cancelled' AND why = :w"
    assert chain.scalar(why, m=mine, w="referral_farm") == 4
    audited = json.loads(chain.scalar("SELECT after FROM audit_log WHERE action = 'risk.confirm'"))
    assert audited == {"status": "confirmed", "note": "one phone, 4 names", "referrals_cancelled": 4}
    again = post(manager, PAGE, f"{PAGE}/{flag_id(chain, mine)}", {"decision": "dismiss", "note": "oops"})
    assert again.status_code == 400

    admin = as_role("admin")
    dismissed = post(admin, PAGE, f"{PAGE}/{flag_id(chain, theirs)}", {"decision": "dismiss", "note": "a club"})
    assert dismissed.status_code == 303
    assert referrals.release(chain.engine, cleared, chain.clock())["booked"] == 4  # the dismissed farm's
    assert chain.balance(theirs) == 100 + 4 * 200 and chain.balance(mine) == 100
    assert "risk-confirm" not in as_role("aud").get(PAGE).text  # an auditor reads, never decides
