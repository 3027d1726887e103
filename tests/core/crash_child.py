"""Crash-test helper: confirms sales against a till until it is killed.

    python crash_child.py DATA_DIR MEMBER_CODE

Prints READY once the till is built, then one receipt number per line, written
and flushed only after `confirm_sale` has returned (i.e. after the commit). The
parent test kills this process with SIGKILL at random moments and then checks
that every receipt printed here is in the database, whole.
"""

import sys
from pathlib import Path


def main() -> None:
    data_dir, member_code = Path(sys.argv[1]), sys.argv[2]

    from loyalty_core.pricing import CartLine
    from pos_app import bootstrap

    app = bootstrap.build_app(data_dir)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    i = 0
    while True:
        i += 1
        lines = [CartLine("SHIRT-1", "apparel", 1_000 + (i * 37) % 5_000, 1 + i % 3)]
        if i % 4 == 0:
            lines.append(CartLine("HAT-1", "apparel", 990, 1))
        redeem = 100 if i % 5 == 0 else 0  # some sales also spend points
        receipt = app.pos.confirm_sale(member_code, lines, redeem_points=redeem)
        out.write(receipt.receipt_no + "\n")
        out.flush()


if __name__ == "__main__":
    main()
