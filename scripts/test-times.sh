#!/usr/bin/env bash
# Where the test suite's time goes: the whole suite (or the folders given), with seconds per folder
# (all workers added up) and the 25 slowest set-ups, calls and tear-downs.
#   ./scripts/test-times.sh                  # everything
#   ./scripts/test-times.sh tests/ui tests/core
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/test.sh --folder-times --durations=25 "$@"
