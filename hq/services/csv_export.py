"""CSV for operators' spreadsheets: every CSV HQ exports (console pages, the report API) is written here.

A text cell that starts with = + - @, a tab or a carriage return is a formula to Excel, LibreOffice and Google
Sheets: a member who enrolls as `=HYPERLINK(...)` or `-2+3+cmd|...` would run or leak something on the computer
of the operator who opens the export (CSV injection). Such a cell is written with a leading single quote, which a
spreadsheet shows as text. Only text is touched: numbers stay numbers (a negative balance is written -50).
"""

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """What csv.writer gets for one value: None as empty, formula-looking text neutralised, the rest as is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
