"""One rule set per unit of work: a rule set the sync thread publishes in the middle of a sale never
mixes into it, and the event records the version that priced it."""

import datetime as dt
import json

from loyalty_core import ledger, pricing
from loyalty_core.pricing import CartLine
from loyalty_core.rules import RuleSet

from .support import default_rules_dict

TEA = [CartLine("TEA-500", "grocery", 12000, 2)]


def _newer_rules(app) -> RuleSet:
    """What HQ might publish next: lots expire after 6 months instead of 12, a bigger sign-up bonus."""
    doc = {**default_rules_dict(), "version": app.ctx.rules.version + 1, "expiry_months": 6,
           "signup_bonus_points": 500}  # fmt: skip
    return RuleSet.from_dict(doc)


def _outbox_event(app, event_type: str) -> dict:
    return next(e for e in app.pos.pending_events() if e["type"] == event_type)


def test_a_rule_set_published_while_a_sale_is_being_priced_does_not_mix_into_that_sale(app, clock, monkeypatch):
    member = app.pos.enroll(phone="0912000301", name="王小明", consent_terms=True)
    old, new = app.ctx.rules, _newer_rules(app)
    real_quote = pricing.quote

    def quote_then_sync_publishes(*args, **kwargs):
        result = real_quote(*args, **kwargs)
        app.ctx.rules = new  # the sync thread applies HQ's new rule set right now, mid-sale
        return result

    monkeypatch.setattr(pricing, "quote", quote_then_sync_publishes)

    receipt = app.pos.confirm_sale(member.member_code, TEA)

    event = _outbox_event(app, "sale.confirmed")
    assert event["rules_version"] == old.version
    earn = next(e for e in event["payload"]["ledger"] if e["kind"] == ledger.EARN)
    assert earn["points"] == receipt.points_earned
    assert earn["expires_on"] == ledger.lot_expiry(clock.today(), old.expiry_months).isoformat()
    assert app.ctx.rules is new  # the next unit of work takes the new one


def test_the_next_unit_of_work_uses_and_records_the_new_rule_set(app, clock):
    app.ctx.rules = _newer_rules(app)

    member = app.pos.enroll(phone="0912000302", name="陳美", consent_terms=True)

    event = _outbox_event(app, "member.enrolled")
    assert event["rules_version"] == app.ctx.rules.version
    assert member.balance == 500
    assert event["payload"]["ledger"][0]["expires_on"] == ledger.lot_expiry(clock.today(), 6).isoformat()


def test_an_enrollment_started_before_a_publish_keeps_the_old_bonus_and_version(app, clock, monkeypatch):
    old, new = app.ctx.rules, _newer_rules(app)
    real_add = app.uow

    def uow_while_sync_publishes(*args, **kwargs):  # the publish lands after the use case has started
        uow = real_add(*args, **kwargs)
        app.ctx.rules = new
        return uow

    monkeypatch.setattr(app.pos, "_uow", uow_while_sync_publishes)

    member = app.pos.enroll(phone="0912000303", name="林一", consent_terms=True)

    event = json.loads(json.dumps(_outbox_event(app, "member.enrolled")))
    assert event["rules_version"] == old.version
    assert member.balance == old.signup_bonus_points
    assert dt.date.fromisoformat(event["payload"]["ledger"][0]["expires_on"]) == ledger.lot_expiry(
        clock.today(), old.expiry_months
    )
