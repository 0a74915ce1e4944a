"""newsaudit: audit a news article's claims, sources, hedging, headline and outlet."""

from __future__ import annotations

from .errors import FetchError, IngestError, ModelError, NewsauditError, StoreError, UsageError
from .model import (
    Article,
    Attribution,
    Claim,
    Entity,
    HeadlineCheck,
    HeadlineReason,
    Hedge,
    Outlet,
    OutletSignal,
    Quantity,
    Report,
    Span,
)
from .pipeline import Auditor, audit, audit_text
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Auditor",
    "Claim",
    "Entity",
    "FetchError",
    "HeadlineCheck",
    "HeadlineReason",
    "Hedge",
    "IngestError",
    "ModelError",
    "NewsauditError",
    "Outlet",
    "OutletSignal",
    "Quantity",
    "Report",
    "Settings",
    "Span",
    "StoreError",
    "UsageError",
    "__version__",
    "audit",
    "audit_text",
    "load_settings",
]
