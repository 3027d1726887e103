#!/usr/bin/env bash
# Starts the till on its embedded defaults: local SQLite, a local HQ, demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
exec .venv/bin/pos-app --demo "$@"
