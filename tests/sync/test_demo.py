"""Demo mode: a local HQ, a registered till and demo data, the same across restarts."""

import sqlalchemy as sa

from pos_app.bootstrap import build_app
from pos_app.demo import start_demo


def test_demo_mode_starts_a_local_hq_with_demo_members_and_is_the_same_after_a_restart(tmp_path, caplog):
    handle = start_demo(tmp_path / "demo")
    try:
        app = build_app(tmp_path / "demo")
        try:
            assert app.config.demo and app.config.hq_url == handle.url
            assert app.cashiers.login("1001", "1234").role == "cashier"
            assert app.cashiers.verify_supervisor("9001", "9999").is_supervisor
            tiers = sorted(app.pos.find_member(phone).tier for phone in ("0912345678", "0922333444", "0933444555"))
            assert tiers == ["basic", "gold", "silver"]
            assert app.pos.find_member("0912345678").name == "王*明"  # HQ has it: the till keeps it masked
            summary = app.sync.run_once()
            assert summary["pending"] == 0 and app.sync.status()["online"]
            hq = sa.create_engine(f"sqlite:///{tmp_path / 'demo' / 'hq.sqlite3'}")
            with hq.connect() as conn:
                members = conn.execute(sa.text("SELECT count(*) FROM members")).scalar()
                events = conn.execute(sa.text("SELECT count(*) FROM events")).scalar()
                keys = conn.execute(sa.text("SELECT key_id, terminal_id FROM store_keys")).all()
            # the demo registers the key as the terminal's own, so the till's first sync finds it "unchanged"
            assert members == 6 and [tuple(k) for k in keys] == [(app.ctx.signer.key_id, app.config.terminal_id)]
            assert not [r for r in caplog.records if r.levelname == "ERROR"], caplog.text
        finally:
            app.close()
    finally:
        handle.stop()

    again = start_demo(tmp_path / "demo")
    try:
        assert (again.url, again.token) == (handle.url, handle.token)
        app = build_app(tmp_path / "demo")
        try:
            app.sync.run_once()
            assert app.pos.find_member("0922333444").tier == "silver"
        finally:
            app.close()
        with hq.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM members")).scalar() == 6
            assert conn.execute(sa.text("SELECT count(*) FROM events")).scalar() == events
        hq.dispose()
    finally:
        again.stop()
