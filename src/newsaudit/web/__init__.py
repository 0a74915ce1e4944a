"""The web app and HTTP API (`newsaudit serve`): `newsaudit.web.app.create_app(settings)`.

Nothing is imported here, so that the command line can read `web.security` without
loading FastAPI.
"""
