"""The program's diff (pure) and simulation (known sales pushed through the real sync API -> exact extra
points and cents), on SQLite and PostgreSQL."""

import copy
import dataclasses
import datetime as dt
import json

from hq.services.program_checks import Problems, check_draft, full_document
from hq.services.program_diff import Change, diff, shown
from hq.services.program_sim import points_value_cents, simulate
from hq.storage import db, migrate
from loyalty_core.rules import RedeemPolicy, RuleSet
from tests.console.program_helpers import db_file, default_program, program_pg, with_basic_earn  # noqa: F401
from tests.support.clock import TUESDAY


def rules_with(draft: dict, version: int = 2) -> RuleSet:
    """The default rules document with the draft's tiers and promotions, parsed by the shared core."""
    document = json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8"))
    return RuleSet.from_dict(full_document(document, draft, version))


# -- diff ----------------------------------------------------------------------------------------


def test_an_unchanged_draft_has_no_differences_and_writing_a_default_out_is_no_change():
    draft = default_program()
    draft["tiers"][0]["discount_bp"] = 0  # the default, written out
    assert diff(default_program(), draft) == []


def test_a_changed_field_is_listed_with_its_before_and_after():
    assert diff(default_program(), with_basic_earn(1500)) == [Change("tier", "basic", "earn_permille", 1000, 1500,
                                                                     "changed")]  # fmt: skip


def test_added_and_removed_promotions_are_listed_field_by_field():
    draft = with_basic_earn(1000, category_bonus=10)
    draft["promotions"] = [p for p in draft["promotions"] if p["id"] != "referral"]
    changes = [(c.section, c.key, c.field, c.kind) for c in diff(default_program(), draft)]
    assert ("promotion", "general-bonus", "category", "added") in changes
    assert ("promotion", "general-bonus", "points_per_unit", "added") in changes
    assert ("promotion", "referral", "points", "removed") in changes
    assert ("promotion", "referral", "kind", "removed") in changes
    assert all(c[3] in ("added", "removed") for c in changes)


def test_values_are_shown_as_plain_text():
    assert (shown(None), shown(True), shown({"zh_TW": "銀卡", "en": "Silver"}), shown(1200)) == (
        "—", "true", "en: Silver; zh_TW: 銀卡", "1200")  # fmt: skip


def test_overlapping_tiers_and_a_multiplier_below_x1_are_named_problems():
    draft = copy.deepcopy(default_program())
    draft["tiers"][2]["threshold_cents"] = draft["tiers"][1]["threshold_cents"]
    draft["promotions"][0]["multiplier_permille"] = -1
    problems = Problems()
    check_draft(draft, problems)
    assert [key for key, _ in problems.items] == ["program.err.tier_overlap", "program.err.promo_multiplier"]


# -- simulation ----------------------------------------------------------------------------------


def test_a_draft_is_priced_on_the_last_30_days_of_sales_to_the_exact_point_and_cent(chain, clock):
    code = chain.member("S001")
    chain.buy("S001", code, 40_000)  # 31 days before "today": outside the window
    clock.set(TUESDAY + dt.timedelta(days=31))
    chain.buy("S001", code, 10_000)  # 100 points in force; 150 at x1.5, +10 for its one "general" unit
    chain.buy("S001", code, 33_333, redeem=100)  # paid 33,333: 333 in force; 499 at x1.5, +10
    today = (TUESDAY + dt.timedelta(days=31)).date()
    with db.read(chain.engine) as conn:
        result = simulate(conn, rules_with(default_program(), 1), rules_with(with_basic_earn(1500, 10)), today)
    assert (result.sales, result.skipped, result.first_day) == (2, 0, today - dt.timedelta(days=29))
    assert (result.points_in_force, result.points_draft) == (100 + 333, 160 + 509)
    assert (result.extra_points, result.cost_cents) == (236, 236)


def test_the_cost_is_the_points_at_the_redemption_value_rounded_toward_zero():
    half = dataclasses.replace(rules_with(default_program()), redeem=RedeemPolicy(100, 50, 5000))
    assert [points_value_cents(half, p) for p in (236, 1, -3, 0)] == [118, 0, -1, 0]


# -- the CLI -------------------------------------------------------------------------------------


def test_the_cli_drafts_diffs_simulates_publishes_and_rolls_back(chain, db_file, tmp_path, capsys):  # noqa: F811
    from hq.cli import main as hq_cli

    def run(*argv: str) -> dict:
        assert hq_cli(["--db", db_file, "rules", *argv, "--operator", "ops"]) == 0
        return json.loads(capsys.readouterr().out)

    code = chain.member("S001")
    chain.buy("S001", code, 10_000)
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(with_basic_earn(1500)), encoding="utf-8")
    assert run("draft", str(draft))["draft"] == 1
    assert run("diff")["changes"] == [{"section": "tier", "key": "basic", "field": "earn_permille", "before": 1000,
                                       "after": 1500, "kind": "changed"}]  # fmt: skip
    assert (run("simulate")["extra_points"], run("simulate")["cost_cents"]) == (50, 50)
    assert run("publish") == {"published": 2}
    assert run("rollback") == {"published": 3}
    draft.write_text('{"tiers": [', encoding="utf-8")
    assert hq_cli(["--db", db_file, "rules", "draft", str(draft)]) != 0
    assert "malformed" in capsys.readouterr().err
