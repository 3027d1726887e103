"""`python tests/cli/full_disk.py ARGS...` runs `pos-app ARGS...` on a "full disk": SQLite may not
grow the till's database by a single page (PRAGMA max_page_count), so the first write that needs
space fails with SQLITE_FULL, exactly as it does when the disk is full."""

import sys

from sqlalchemy import event
from sqlalchemy.engine import Engine

from pos_app.cli import main


@event.listens_for(Engine, "connect")
def _no_room_to_grow(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    pages = cur.execute("PRAGMA page_count").fetchone()[0]
    cur.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")
    cur.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
