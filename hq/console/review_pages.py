"""The review queues beyond held adjustments: overdrafts (annotate, recover, write off), HQ's corrections
of till figures and the tills' nightly reconciliation runs (acknowledge), terminals (clock skew, rejections).

Use cases live in hq/services; these handlers only check the role, the form and the store scope.
"""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from hq.services.operators import actions
from hq.services.reports import queries
from hq.storage import db
from loyalty_core.money import parse_amount

from ..services import corrections, overdrafts, reconcile_reports, risk_queue, terminal_review
from .scope import require, store_for
from .web import PREFIX, Form, Page, PageError, domain, render

router = APIRouter()
WRITERS = ("admin", "finance", "store_manager")
MAX_ID = 40


def _store(ctx) -> str | None:
    asked = ctx.request.query_params.get("store") or None
    if asked is not None and (len(asked) > MAX_ID or not asked.isprintable()):
        raise PageError(400, "error.generic")
    return store_for(ctx.operator, asked)


@router.get("/review/overdrafts")
def overdrafts_page(ctx: Page):
    store = _store(ctx)
    with db.read(ctx.engine) as conn:
        rows = overdrafts.waiting(conn, ctx.operator, store)
        closed = overdrafts.history(conn, ctx.operator, store)
    done = ctx.request.query_params.get("done")
    message = ctx.t(f"rq.{done}") if done in OVERDRAFT_ACTIONS else None
    return render(ctx, "review_overdrafts.html", rows=rows, closed=closed, store=store or "", message=message,
                  can_write=ctx.operator.policy.writes and ctx.operator.role in WRITERS)  # fmt: skip


OVERDRAFT_ACTIONS = ("annotated", "recovered", "written_off")


@router.post("/review/overdrafts/{code}/{action}")
def overdraft_action(ctx: Form, code: str, action: str):
    require(ctx.operator.policy.writes and ctx.operator.role in WRITERS)
    if action not in ("annotate", "recover", "write-off"):
        raise PageError(404, "error.generic")
    if len(code) > MAX_ID:
        raise PageError(404, "error.unknown_member")
    form = ctx.request.state.form
    today = queries.today(ctx.engine, ctx.now)
    with domain():
        note = actions.check_reason(form.get("note"))
        if action == "annotate":
            db.write(ctx.engine, lambda conn: overdrafts.annotate(conn, ctx.operator, code, note, ctx.now))
        elif action == "recover":
            collected = str(form.get("collected") or "").strip()
            cents = 0 if collected in ("", "0") else parse_amount(collected)
            db.write(ctx.engine, lambda conn: overdrafts.recover(conn, ctx.operator, code, note, cents, ctx.now, today))
        else:
            db.write(ctx.engine, lambda conn: overdrafts.write_off(conn, ctx.operator, code, note, ctx.now, today))
    done = {"annotate": "annotated", "recover": "recovered", "write-off": "written_off"}[action]
    return RedirectResponse(f"{PREFIX}/review/overdrafts?done={done}", status_code=303)


@router.get("/review/corrections")
def corrections_page(ctx: Page):
    store = _store(ctx)
    include_done = ctx.request.query_params.get("all") == "1"
    with db.read(ctx.engine) as conn:
        rows = corrections.waiting(conn, ctx.operator, store, include_done)
    message = ctx.t("rq.acknowledged") if ctx.request.query_params.get("done") == "acknowledged" else None
    return render(ctx, "review_corrections.html", rows=rows, store=store or "", message=message,
                  include_done=include_done,
                  can_write=ctx.operator.policy.writes and ctx.operator.role in corrections.REVIEWERS)  # fmt: skip


@router.post("/review/corrections/{correction_id}/acknowledge")
def acknowledge_correction(ctx: Form, correction_id: str):
    require(ctx.operator.policy.writes and ctx.operator.role in corrections.REVIEWERS)
    if not correction_id.isdigit() or len(correction_id) > 18:
        raise PageError(404, "error.unknown_correction")
    with domain():
        note = actions.check_reason(ctx.request.state.form.get("note"))
        db.write(ctx.engine, lambda conn: corrections.acknowledge(conn, ctx.operator, int(correction_id), note, ctx.now))
    return RedirectResponse(f"{PREFIX}/review/corrections?done=acknowledged", status_code=303)


@router.get("/review/terminals")
def terminals_page(ctx: Page):
    store = _store(ctx)
    with db.read(ctx.engine) as conn:
        rows = terminal_review.terminals_with_rejections(conn, store)
    return render(ctx, "review_terminals.html", rows=rows, store=store or "", detail=None)


@router.get("/review/terminals/{store_id}/{terminal_id}")
def terminal_page(ctx: Page, store_id: str, terminal_id: str):
    if len(store_id) > MAX_ID or len(terminal_id) > MAX_ID:
        raise PageError(404, "error.unknown_terminal")
    store = store_for(ctx.operator, None)
    if store is not None and store != store_id:
        raise PageError(404, "error.unknown_terminal")  # another store's terminal looks like no terminal
    with db.read(ctx.engine) as conn:
        found = terminal_review.terminal_with_rejections(conn, store_id, terminal_id)
    if found is None:
        raise PageError(404, "error.unknown_terminal")
    row, events = found
    return render(ctx, "review_terminals.html", rows=[row], store=store_id, detail=events)


@router.get("/review/reconciliation")
def reconciliation_page(ctx: Page):
    store = _store(ctx)
    include_done = ctx.request.query_params.get("all") == "1"
    with db.read(ctx.engine) as conn:
        rows = reconcile_reports.waiting(conn, ctx.operator, store, include_done)
        latest = reconcile_reports.last_runs(conn, ctx.operator, store)
    message = ctx.t("rq.acknowledged_run") if ctx.request.query_params.get("done") == "acknowledged" else None
    return render(ctx, "review_reconciliation.html", rows=rows, latest=latest, store=store or "", message=message,
                  include_done=include_done, detail=None,
                  can_write=ctx.operator.policy.writes and ctx.operator.role in reconcile_reports.REVIEWERS)  # fmt: skip


@router.get("/review/reconciliation/{report_id}")
def reconciliation_run_page(ctx: Page, report_id: str):
    with db.read(ctx.engine) as conn, domain():
        run = reconcile_reports.detail(conn, ctx.operator, _report_id(report_id))
    return render(ctx, "review_reconciliation.html", rows=[run], latest=[], store=run["store_id"], message=None,
                  include_done=True, detail=run["members_differing"],
                  can_write=ctx.operator.policy.writes and ctx.operator.role in reconcile_reports.REVIEWERS)  # fmt: skip


@router.post("/review/reconciliation/{report_id}/acknowledge")
def acknowledge_run(ctx: Form, report_id: str):
    require(ctx.operator.policy.writes and ctx.operator.role in reconcile_reports.REVIEWERS)
    run_id = _report_id(report_id)
    with domain():
        note = actions.check_reason(ctx.request.state.form.get("note"))
        db.write(ctx.engine, lambda conn: reconcile_reports.acknowledge(conn, ctx.operator, run_id, note, ctx.now))
    return RedirectResponse(f"{PREFIX}/review/reconciliation?done=acknowledged", status_code=303)


def _report_id(text: str) -> int:
    if not text.isdigit() or len(text) > 18:
        raise PageError(404, "error.unknown_report")
    return int(text)


# -- risk flags (hq.services.velocity, hq.services.risk_queue) -------------------------------------


@router.get("/review/risk")
def risk_page(ctx: Page):
    store = _store(ctx)
    with db.read(ctx.engine) as conn:
        rows = risk_queue.waiting(conn, ctx.operator, store)
    done = ctx.request.query_params.get("done")
    message = ctx.t(f"risk.{done}") if done in ("dismissed", "confirmed") else None
    return render(ctx, "review_risk.html", rows=rows, store=store or "", message=message,
                  can_write=ctx.operator.policy.writes and ctx.operator.role in risk_queue.DECIDERS)  # fmt: skip


@router.post("/review/risk/{flag_id}")
def decide_risk(ctx: Form, flag_id: str):
    """Dismiss or confirm a flag with a note (audited); confirming a referral farm cancels its pending bonuses."""
    require(ctx.operator.policy.writes and ctx.operator.role in risk_queue.DECIDERS)
    form = ctx.request.state.form
    decision = form.get("decision")
    if decision not in ("dismiss", "confirm"):
        raise PageError(400, "error.generic")
    with domain():
        note = actions.check_reason(form.get("note"))
        db.write(ctx.engine, lambda conn: risk_queue.decide(conn, ctx.operator, flag_id, decision == "confirm",
                                                            note, ctx.now))  # fmt: skip
    return RedirectResponse(f"{PREFIX}/review/risk?done={decision}ed", status_code=303)
