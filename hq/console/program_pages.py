"""/console/program: the rules in force, the draft editor, its diff and simulation, publish and roll back.

Every operator may look; only admin and marketing change anything (hq.services.program checks it again).
A refused draft is shown again with its translated problems and a 400; nothing is saved.
"""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from hq.storage import db

from ..services import program
from ..services.program_diff import shown
from . import i18n
from .scope import require
from .web import PREFIX, Form, Page, SignedIn, domain, render

router = APIRouter()
DONE = ("saved", "published", "rolled_back", "discarded")


def _overview(ctx: SignedIn, status: int = 200, **values: object):
    with db.read(ctx.engine) as conn:
        document = program.in_force(conn)
        draft = program.current_draft(conn)
        changes = program.diff_draft(conn)
        versions = program.history(conn)
    done = ctx.request.query_params.get("done")
    message = ctx.t(f"program.done.{done}") if done in DONE else None
    return render(ctx, "program.html", status=status, document=document, draft=draft, changes=changes, versions=versions,
                  risk=program.risk_in_force(document), shown=shown, message=message, can_edit=program.may_edit(ctx.operator), **values)  # fmt: skip


@router.get("/program")
def program_page(ctx: Page):
    return _overview(ctx)


@router.get("/program/draft")
def draft_page(ctx: Page):
    require(program.may_edit(ctx.operator))
    with db.read(ctx.engine) as conn:
        text = program.editor_text(conn)
    return render(ctx, "program_edit.html", text=text, problems=[])


@router.post("/program/draft")
def save_draft(ctx: Form):
    require(program.may_edit(ctx.operator))
    text = ctx.request.state.form.get("document")
    try:
        with domain():
            db.write(ctx.engine, lambda conn: program.save_draft(conn, ctx.operator, text, ctx.now))
    except program.DraftRefused as refused:
        problems = [ctx.t(key, **values) for key, values in refused.problems.items]
        return render(ctx, "program_edit.html", status=400, text=text if isinstance(text, str) else "",
                      problems=problems)  # fmt: skip
    return RedirectResponse(f"{PREFIX}/program?done=saved#diff", status_code=303)


@router.post("/program/discard")
def discard(ctx: Form):
    with domain():
        db.write(ctx.engine, lambda conn: program.discard_draft(conn, ctx.operator, ctx.now))
    return RedirectResponse(f"{PREFIX}/program?done=discarded", status_code=303)


@router.get("/program/{action}")
def after_post(ctx: Page, action: str):
    """A result page reloaded, or its language switched (a GET of a POST's address): back to the program."""
    lang = ctx.request.query_params.get("lang")
    return RedirectResponse(f"{PREFIX}/program" + (f"?lang={lang}" if lang in i18n.LANGUAGES else ""), 303)


@router.post("/program/simulate")
def simulate(ctx: Form):
    try:
        with domain():
            result = db.write(ctx.engine, lambda conn: program.simulate_draft(conn, ctx.operator, ctx.now))
    except program.DraftRefused:  # the version in force moved under the draft and the two no longer fit
        return _overview(ctx, 400, sim_error=ctx.t("program.err.stale"))
    return _overview(ctx, simulation=result)


@router.post("/program/publish")
def publish(ctx: Form):
    try:
        with domain():
            version = db.write(ctx.engine, lambda conn: program.publish_draft(conn, ctx.operator, ctx.now))
    except program.DraftRefused:
        return _overview(ctx, 400, sim_error=ctx.t("program.err.stale"))
    return RedirectResponse(f"{PREFIX}/program?done=published&v={version}", status_code=303)


@router.post("/program/rollback")
def rollback(ctx: Form):
    with domain():
        version = db.write(ctx.engine, lambda conn: program.rollback(conn, ctx.operator, ctx.now))
    return RedirectResponse(f"{PREFIX}/program?done=rolled_back&v={version}", status_code=303)
