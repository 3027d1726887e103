"""What an audit entry changed, in a few lines an operator reads: display only.

The stored `before` / `after` JSON is what the hash chain covers (hq/services/audit_chain.py) and is never
rewritten; this module only decides how an entry is SHOWN. A rules publish / rollback / draft shows the tier
and promotion fields that changed (hq/services/program_diff.py) instead of two whole documents; anything else
shows the top-level fields whose value differs. Text is shown as text (no \\uXXXX escapes), long values cut.
"""

import json
from dataclasses import dataclass

from hq.services import program_diff

MAX_LINES = 8
MAX_VALUE = 120
_PROGRAM_KEYS = ("tiers", "promotions")


@dataclass(frozen=True)
class Line:
    field: str
    before: str | None  # None: the field was not there
    after: str | None


@dataclass(frozen=True)
class Summary:
    lines: tuple[Line, ...]
    more: int  # changed fields left out past MAX_LINES
    versions: tuple[object, object] | None = None  # a rules version's number before -> after


def shown(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def summarize(action: str, before: object, after: object) -> Summary:
    if action.startswith("program.") and _is_program(before, after):
        return _program(before if isinstance(before, dict) else {}, after if isinstance(after, dict) else {})
    return _cut(_fields(before, after))


def _is_program(*documents: object) -> bool:
    return any(isinstance(d, dict) and any(k in d for k in _PROGRAM_KEYS) for d in documents)


def _program(before: dict, after: dict) -> Summary:
    changes = program_diff.diff(before, after)
    lines = [Line(f"{c.section} {c.key} · {c.field}", None if c.kind == "added" else program_diff.shown(c.before),
                  None if c.kind == "removed" else program_diff.shown(c.after)) for c in changes]  # fmt: skip
    rest = {k: v for k, v in after.items() if k not in (*_PROGRAM_KEYS, "version")}
    earlier = {k: v for k, v in before.items() if k not in (*_PROGRAM_KEYS, "version")}
    lines += _fields(earlier, rest)
    versions = (before.get("version"), after.get("version")) if "version" in after or "version" in before else None
    summary = _cut(lines)
    return Summary(summary.lines, summary.more, versions)


def _fields(before: object, after: object) -> list[Line]:
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before is None and after is None:
            return []
        return [Line("", None if before is None else shown(before), None if after is None else shown(after))]
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    keys = [k for k in sorted({*old, *new}) if old.get(k, _MISSING) != new.get(k, _MISSING)]
    # A field only `before` names is context (what the entry was about: a held adjustment's points), not a
    # removal: callers record what they changed after, and not always what stayed.
    return [Line(str(k), shown(old[k]) if k in old and k in new else None, shown(new[k] if k in new else old[k]))
            for k in keys]  # fmt: skip


def _cut(lines: list[Line]) -> Summary:
    return Summary(tuple(lines[:MAX_LINES]), max(0, len(lines) - MAX_LINES))


def as_text(summary: Summary) -> str:
    """One line per change, for the CSV export."""
    parts = [f"version {summary.versions[0]} -> {summary.versions[1]}"] if summary.versions else []
    for line in summary.lines:
        parts.append(f"{line.field + ': ' if line.field else ''}{line.before or '—'} -> {line.after or '—'}")
    if summary.more:
        parts.append(f"+{summary.more} more")
    return "\n".join(parts)


_MISSING = object()
