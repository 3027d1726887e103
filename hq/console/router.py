"""Mounts the console on the HQ app: pages under /console/, assets under /console/static/."""

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from . import admin_pages, auth_pages, member_pages, operator_pages, report_pages, review_pages, web


def mount(app: FastAPI) -> None:
    web.install(app)
    for module in (auth_pages, report_pages, member_pages, review_pages, operator_pages, admin_pages):
        app.include_router(module.router, prefix=web.PREFIX, include_in_schema=False)
    app.mount(f"{web.PREFIX}/static", StaticFiles(directory=web.HERE / "static"), name="console-static")
