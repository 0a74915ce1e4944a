"""The `newsaudit` command: a thin layer over the Python API.

Each command group lives in its own module and is registered here.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..errors import NewsauditError
from .audit import audit_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsaudit")
def cli() -> None:
    """Audit news articles: claims, sources, hedging, headline against body, outlet."""


cli.add_command(audit_command)

from .evaluate import eval_group  # noqa: E402
from .train import train_group  # noqa: E402

cli.add_command(train_group)
cli.add_command(eval_group)


def main() -> None:
    """Entry point: run the CLI, turning newsaudit errors into one line and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except NewsauditError as exc:
        click.echo(f"newsaudit: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("newsaudit: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
