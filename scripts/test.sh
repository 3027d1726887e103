#!/usr/bin/env bash
# Runs every test: the loyalty core, HQ (on SQLite and PostgreSQL), sync, and the UI offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# HQ's tests also run on PostgreSQL (127.0.0.1:5432, user postgres, database test).
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi

export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check loyalty_core sqlite_setup pos_app hq tests bench
.venv/bin/mypy  # what it checks, and how strictly: [tool.mypy] in pyproject.toml
# Both cores (pytest-xdist); PYTEST_WORKERS=0 runs in this one process (a debugger, print-debugging).
exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist worksteal "$@"
