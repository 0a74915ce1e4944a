"""The web app and HTTP API (`newsaudit serve`): `create_app(settings)` in `app.py`."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
