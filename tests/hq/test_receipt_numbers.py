"""Receipt numbers from a till must have the form the till makes (R-<store>-<terminal>-<6 to 12 digits>):
anything else is rejected alone, stores nothing and is never a server error."""

from loyalty_core import ids
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till

NOT_RECEIPTS = [
    "R-S001-T01-<img src=x onerror=alert(1)>",
    "R-S001-T01-12345",  # five digits: the till pads to six
    "R-S001-T01-0000012345678",  # thirteen
    "R-S001-T01-000001x",
    "R-S001-T01-０００００１",  # full-width digits are digits to Python, not to a receipt
    "R-S001-T01-=HYPERLINK(1)",
    "R-S002-T01-000001",  # another store's number
]


def sale_numbered(till: Till, code: str, receipt_no: str) -> dict:
    event = till.sale(code)
    event["payload"]["receipt_no"] = receipt_no
    return event


def test_a_sale_whose_receipt_number_is_not_the_tills_form_is_rejected_and_nothing_is_stored(hq):
    till = Till()
    code = enrolled(hq, till)
    before, sales = hq.counts(), hq.scalar("SELECT count(*) FROM sales")
    events = [sale_numbered(till, code, r) for r in NOT_RECEIPTS]
    assert hq.statuses(events) == ["rejected:invalid_payload"] * len(NOT_RECEIPTS)
    assert hq.counts()["ledger"] == before["ledger"] and hq.counts()["spend"] == before["spend"]
    assert hq.scalar("SELECT count(*) FROM sales") == sales
    assert hq.member(code)["balance"] == 100
    seven_digits = sale_numbered(till, code, "R-S001-T01-1000000")  # the millionth sale still counts
    assert hq.statuses([seven_digits]) == ["applied"]
    assert hq.scalar("SELECT receipt_no FROM sales") == "R-S001-T01-1000000"


def test_a_return_naming_something_that_is_not_a_receipt_number_is_rejected_as_such(hq):
    till = Till()
    code = enrolled(hq, till)
    before = hq.counts()
    bad = till.give_back(code, receipt_no="R-<img src=x>", line_qty={"0": 1}, take_back=0, give_back=500)
    assert hq.statuses([bad]) == ["rejected:invalid_payload"]
    assert hq.counts() == before and hq.member(code)["balance"] == 100


def test_the_check_accepts_exactly_what_the_till_makes():
    made = ids.receipt_no("S-01", "T_1", 7)
    assert made == "R-S-01-T_1-000007"
    assert ids.is_receipt_no(made) and ids.is_receipt_no(made, "S-01", "T_1")
    assert not ids.is_receipt_no(made, "S-01", "T_2") and not ids.is_receipt_no(None)
    assert not [r for r in NOT_RECEIPTS[:-1] if ids.is_receipt_no(r) or ids.is_receipt_no(r, "S001", "T01")]
