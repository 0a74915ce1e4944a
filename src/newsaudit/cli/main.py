"""The `newsaudit` command: a thin layer over the Python API.

Each command group lives in its own module and is registered here with `cli.add_command`.
`main` is the only place where errors become text: one line on stderr and an exit code
(1 for a runtime error, 2 for a usage error), never a traceback unless NEWSAUDIT_DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from .. import __version__
from ..errors import NewsauditError
from . import benchmarks, train_checkworthy  # noqa: F401  (register eval/train subcommands)
from .audit import audit_command
from .batch import batch_command
from .corpus import corpus_group
from .eval_attribution import eval_attribution  # noqa: F401  (registers `eval attribution`)
from .evaluate import eval_group
from .search import search_command
from .serve import serve_command
from .stories import stories_command
from .train import train_group
from .train_attribution import train_attribution  # noqa: F401  (registers `train attribution`)

PROG = "newsaudit"
DEBUG_VARIABLE = "NEWSAUDIT_DEBUG"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=PROG)
def cli() -> None:
    """Audit news articles: claims, sources, hedging, headline against body, outlet."""


cli.add_command(audit_command)
cli.add_command(corpus_group)
cli.add_command(search_command)
cli.add_command(batch_command)
cli.add_command(stories_command)
cli.add_command(train_group)
cli.add_command(eval_group)
cli.add_command(serve_command)


def _fail(message: str, code: int) -> NoReturn:
    """Print one line on stderr and exit with `code`."""
    click.echo(f"{PROG}: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def _usage_message(exc: click.UsageError) -> str:
    message = exc.format_message()
    if exc.ctx is not None:
        message += f" (see '{exc.ctx.command_path} --help')"
    return message


def _debug() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "").strip().lower() not in {"", "0", "false", "no"}


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning every failure into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except NewsauditError as exc:
        if _debug():
            raise
        _fail(str(exc), exc.exit_code)
    except click.UsageError as exc:
        _fail(_usage_message(exc), exc.exit_code)
    except click.ClickException as exc:
        _fail(exc.format_message(), exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(f"{PROG}: aborted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`newsaudit audit x | head`): stop quietly, as cat does.
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # the last line of defence: one line, no traceback
        if _debug():
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc}; "
            f"rerun with {DEBUG_VARIABLE}=1 to see the traceback",
            1,
        )
