"""`newsaudit serve`: the web app and HTTP API on this machine (loopback unless told).

Listening beyond loopback needs a token: every write (audit, add sources) must carry it,
so that nobody else on the network can use the server to fetch URLs or fill the store.
"""

from __future__ import annotations

import errno
import socket

import click

from ..errors import StoreError, UsageError
from ..settings import load_settings
from ..store import db_path
from ..web.security import is_loopback

TOKEN_VARIABLE = "NEWSAUDIT_TOKEN"


def _check_port(host: str, port: int) -> None:
    """Fail early, in one line, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise UsageError(
                    f"port {port} on {host} is in use; pick another with --port"
                ) from None
            raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="TCP port."
)
@click.option(
    "--db",
    "db_option",
    default=None,
    metavar="PATH",
    help="The store: history, corpus and evidence (setting db; created if missing).",
)
@click.option(
    "--token",
    default=None,
    envvar=TOKEN_VARIABLE,
    show_envvar=True,
    help="Token every write must carry (Authorization: Bearer T, or the form's token field); "
    "required with a non-loopback --host. Prefer the environment variable: options show in ps.",
)
@click.option(
    "--allow-private/--no-allow-private",
    default=None,
    help="Allow audits of URLs that resolve to private or loopback addresses.",
)
def serve_command(
    host: str, port: int, db_option: str | None, token: str | None, allow_private: bool | None
) -> None:
    """Serve the web app and the HTTP API (pages at /, API at /api, OpenAPI at /openapi.json)."""
    if not is_loopback(host) and not token:
        raise UsageError(
            f"--host {host} is not a loopback address: give --token T (or set "
            f"{TOKEN_VARIABLE}) so that only holders of the token can audit and add sources"
        )
    settings = load_settings({"allow_private": allow_private})
    path = db_path(settings, db_option)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{path.parent}: cannot create the store's folder ({exc.strerror})"
        ) from None
    _check_port(host, port)

    import uvicorn  # imported here: the other commands do not need the server

    from ..web.app import create_app

    app = create_app(settings, store_path=path, token=token)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsaudit: serving http://{shown}:{port}/ (store {path}); Ctrl-C stops", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        limit_concurrency=128,
        timeout_keep_alive=5,
    )
