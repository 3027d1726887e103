"""Where the shipped defaults live: the rule set, the demo catalog, translations."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"


def path(name: str) -> Path:
    return ROOT / name


def load_json(name: str) -> dict:
    return json.loads(path(name).read_text(encoding="utf-8"))
