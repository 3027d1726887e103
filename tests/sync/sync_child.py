"""A till syncing in its own process, so a test can SIGKILL it at the worst moment.

    python sync_child.py DATA_DIR [--batch N] [--page N] [--snapshot-page N] [--delay SECONDS]

Prints one line per commit it is about to make ("push 200", "page 5400",
"snapshot 300"), sleeping `--delay` inside the open transaction, then
"done {json}" once nothing is waiting and the feed is caught up.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from pos_app.bootstrap import build_app
from pos_app.sync.engine import SyncError


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--page", type=int, default=1000)
    parser.add_argument("--snapshot-page", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    app = build_app(args.data_dir)
    engine = app.sync
    engine.pusher.batch_size = args.batch
    engine.puller.page_size = args.page
    engine.puller.snapshot_page = args.snapshot_page

    def before_commit(kind: str, n: int) -> None:
        print(f"{kind} {n}", flush=True)
        time.sleep(args.delay)

    engine.pusher._before_commit = engine.puller._before_commit = before_commit
    while True:
        try:
            summary = engine.run_once()
        except SyncError as exc:
            print(f"retry {exc}", flush=True)
            time.sleep(0.1)
            continue
        if summary["pending"] == 0:
            print("done " + json.dumps(summary), flush=True)
            return 0


if __name__ == "__main__":
    sys.exit(main())
