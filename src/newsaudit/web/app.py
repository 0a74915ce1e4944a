"""The web app factory: `create_app(settings)` -> a FastAPI app over the same Python API.

    create_app(settings, store_path=None, token=None, auditor=None)

- settings     the validated Settings (size limit, fetching, models)
- store_path   a SQLite store for history, corpus and evidence; without one, the last
               audits are kept in memory and the corpus pages answer 503
- token        required for every write when given (`newsaudit serve` insists on one
               when it listens beyond loopback)
- auditor      an Auditor already loaded, used as it is (tests share one); else one is made
               on the first audit, checking claims against the store's corpus when it has one
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..ingest import Fetcher
from ..pipeline import Auditor
from ..render.html import make_environment, report_templates
from ..settings import Settings
from . import api, pages
from .auditing import AuditRunner
from .failures import install_error_handlers
from .security import ENVELOPE_BYTES, GuardMiddleware
from .state import AppState, AuditLog, MemoryAuditLog, StoreAccess, StoreAuditLog

WEB_DIR = Path(__file__).resolve().parent

DESCRIPTION = (
    "Audit news articles over HTTP: the same reports as `newsaudit audit --json` "
    '(newsaudit.report/2). Errors are always `{"error": {"code", "message"}}`.'
)


def create_app(
    settings: Settings,
    store_path: str | Path | None = None,
    token: str | None = None,
    auditor: Auditor | None = None,
    fetcher: Fetcher | None = None,
) -> FastAPI:
    """The newsaudit web app and HTTP API."""
    store = StoreAccess(str(store_path)) if store_path else None
    audit_log: AuditLog = StoreAuditLog(store) if store else MemoryAuditLog()
    runner = AuditRunner(settings, audit_log, store, fetcher, auditor)
    state = AppState(
        settings=settings,
        token=token or None,
        audit_log=audit_log,
        runner=runner,
        store=store,
        fetcher=fetcher,
    )
    app = FastAPI(
        title="newsaudit",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN: /api lists the routes
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.newsaudit = state
    app.state.templates = make_environment(
        jinja2.ChoiceLoader(
            [jinja2.PackageLoader("newsaudit.web", "templates"), report_templates()]
        )
    )
    app.add_middleware(GuardMiddleware, max_body=settings.max_input_bytes + ENVELOPE_BYTES)
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app
