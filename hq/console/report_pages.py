"""The dashboard, the summary CSV and the RFM pages."""

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import Response

from hq.services.operators import audit
from hq.services.reports import queries
from hq.services.reports import rfm as rfm_
from hq.services.reports.period import Period, period
from hq.services.reports.summary import FIELDS
from hq.storage import db
from loyalty_core.personal_data import mask_phone

from . import charts
from .scope import store_for
from .web import SECURITY_HEADERS, Page, domain, render

router = APIRouter()
DEFAULT_DAYS = 30


def _period(ctx) -> Period:
    q = ctx.request.query_params
    today = queries.today(ctx.engine, ctx.now)
    start = q.get("from") or (today - dt.timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    end = q.get("to") or today.isoformat()
    store = store_for(ctx.operator, q.get("store"))
    with domain():
        return period(start, end, store)


def _stores(ctx) -> list[dict]:
    from hq.services.admin import list_stores

    with db.read(ctx.engine) as conn:
        rows = list_stores(conn)
    return [s for s in rows if ctx.operator.sees_store(s["store_id"])]


@router.get("/")
def dashboard_page(ctx: Page):
    p = _period(ctx)
    with domain():
        d = queries.dashboard(ctx.engine, ctx.now, p.start.isoformat(), p.end.isoformat(), p.store)
    cohorts = [c for c in d["cohorts"] if c["members"]]  # a month nobody joined has no retention to show
    span = max((len(c["retention_bp"]) for c in cohorts), default=0)
    months = [charts.month_label(ctx, i) for i in range(span)]
    chart = charts.cohort_svg(cohorts, months, ctx.t, ctx.fmt)
    return render(ctx, "dashboard.html", s=d["summary"], p=p, stores=_stores(ctx), chart=chart, months=months,
                  active30=d["active30"], active90=d["active90"], cohorts=cohorts, health=d["health"])  # fmt: skip


@router.get("/summary.csv")
def summary_csv(ctx: Page):
    p = _period(ctx)
    figures = queries.summary(ctx.engine, ctx.now, p.start.isoformat(), p.end.isoformat(), p.store)
    return csv_response(queries.to_csv([figures], FIELDS), f"summary_{p.start}_{p.end}.csv")


def csv_response(text: str, filename: str) -> Response:
    headers = {**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'}
    # a BOM so spreadsheet programs read the Chinese names as UTF-8
    return Response("\ufeff" + text, media_type="text/csv; charset=utf-8", headers=headers)


def _rfm(ctx):
    q = ctx.request.query_params
    store = store_for(ctx.operator, q.get("store"))
    with domain():
        at, scored = queries.rfm_at(ctx.engine, ctx.now, q.get("at"), store)
    return at, store, scored


@router.get("/rfm")
def rfm_page(ctx: Page):
    at, store, scored = _rfm(ctx)
    churn = rfm_.churn_risk(scored)
    return render(ctx, "rfm.html", at=at, store=store, segments=rfm_.segments(scored), churn=churn,
                  stores=_stores(ctx))  # fmt: skip


def _segment(ctx, segment: str, consent_only: bool):
    with domain():
        queries.check_segment(segment)
    at, store, scored = _rfm(ctx)
    with db.read(ctx.engine) as conn:
        rows = rfm_.members_of(conn, scored, segment, consent_only)
    if not ctx.operator.policy.full_phone:
        for r in rows:
            r["phone"] = mask_phone(r["phone"])
    return at, store, rows


@router.get("/rfm/{segment}.csv")
def segment_csv(ctx: Page, segment: str):
    """Only members with current marketing consent; phones masked unless the role may see them."""
    at, store, rows = _segment(ctx, segment, consent_only=True)
    db.write(ctx.engine, lambda conn: audit.record(conn, ctx.now, ctx.operator.username, "segment.export", segment,
                                                   None, {"at": at, "store": store, "members": len(rows)}))
    columns = ("member_code", "name", "phone", "tier", "home_store", "recency_days", "frequency", "spend_cents",
               "segment")  # fmt: skip
    return csv_response(queries.to_csv(rows, columns), f"segment_{segment}_{at}.csv")


@router.get("/rfm/{segment}")
def segment_page(ctx: Page, segment: str):
    at, store, rows = _segment(ctx, segment, consent_only=False)
    return render(ctx, "segment.html", at=at, store=store, segment=segment, rows=rows[:500], total=len(rows))


