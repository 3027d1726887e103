"""Mounts the console on the HQ app: pages under /console/, assets under /console/static/."""

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from . import (
    admin_pages,
    auth_pages,
    campaign_pages,
    member_pages,
    operator_pages,
    program_pages,
    report_pages,
    review_pages,
    web,
)


def mount(app: FastAPI) -> None:
    web.install(app)
    # review_pages before admin_pages: its /review/... paths must not be taken by /review/{code}/clear
    for module in (auth_pages, report_pages, member_pages, review_pages, operator_pages, admin_pages, program_pages,
                   campaign_pages):  # fmt: skip
        app.include_router(module.router, prefix=web.PREFIX, include_in_schema=False)
    app.mount(f"{web.PREFIX}/static", StaticFiles(directory=web.HERE / "static"), name="console-static")
