"""HQ installs without the till's stack, and the loyalty core needs neither app's."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = """
import importlib.abc, sys

class Blocked(importlib.abc.MetaPathFinder):
    def __init__(self, names):
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(name + " is blocked in this test", name=name)
        return None

sys.meta_path.insert(0, Blocked(BLOCKED))
"""


def _run(blocked: set[str], code: str) -> subprocess.CompletedProcess:
    script = f"BLOCKED = {sorted(blocked)!r}\n" + BLOCKER + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_hq_imports_and_builds_its_app_with_pyside6_and_pos_app_unimportable(tmp_path):
    done = _run({"PySide6", "pos_app", "qrcode", "pyzbar", "PIL", "requests"}, f"""
        import hq.app, hq.cli
        app = hq.app.create_app("sqlite:///{tmp_path / 'hq.sqlite3'}")
        print("ok", "PySide6" in sys.modules, "pos_app" in sys.modules)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["ok", "False", "False"]


def test_the_loyalty_core_imports_neither_qt_sqlalchemy_fastapi_nor_requests():
    done = _run({"PySide6", "sqlalchemy", "fastapi", "requests", "pos_app", "hq"}, """
        import pkgutil, importlib, loyalty_core
        names = [m.name for m in pkgutil.iter_modules(loyalty_core.__path__)]
        for name in names:
            importlib.import_module(f"loyalty_core.{name}")
        print(len(names), "purchase" in names)
    """)
    assert done.returncode == 0, done.stderr
    count, has_purchase = done.stdout.split()
    assert int(count) >= 15 and has_purchase == "True"
