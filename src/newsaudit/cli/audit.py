"""`newsaudit audit SOURCE`: audit one article and print the report (terminal, JSON, Markdown,
HTML, CSV of claims or ClaimReview JSON-LD)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..errors import UsageError
from ..model import Report
from ..pipeline import Auditor
from ..render.claimreview import render_claimreview
from ..render.csv import render_csv
from ..render.html import render_html
from ..render.json import render_json
from ..render.markdown import render_markdown
from ..render.terminal import render_plain, render_terminal
from ..settings import Settings, load_settings

FORMATS = ("terminal", "json", "md", "html", "csv", "claimreview")


def _settings(allow_private: bool | None, timeout: float | None, max_bytes: int | None) -> Settings:
    overrides: dict[str, Any] = {
        "allow_private": allow_private,
        "fetch_timeout": timeout,
        "max_input_bytes": max_bytes,
    }
    settings = load_settings(overrides)
    if settings.fetch_timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if settings.max_input_bytes <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    return settings


def _write(text: str, output: Path) -> None:
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the report ({exc.strerror or exc})") from None


def _emit(report: Report, fmt: str, output: Path | None, spacy_model: str) -> None:
    if fmt == "json":
        text = render_json(report, spacy_model=spacy_model) + "\n"
    elif fmt == "md":
        text = render_markdown(report)
    elif fmt == "html":
        text = render_html(report)
    elif fmt == "csv":
        text = render_csv(report)
    elif fmt == "claimreview":
        text = render_claimreview(report) + "\n"
    elif output is not None:
        text = render_plain(report)
    else:
        render_terminal(report, Console(highlight=False))
        return
    if output is None:
        click.echo(text, nl=False)
    else:
        _write(text, output)


@click.command("audit")
@click.argument("source")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format  [default: terminal]",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (= --format json).")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, writable=True),
    help="Write the report to FILE instead of standard output (terminal format as plain text).",
)
@click.option(
    "--allow-private/--no-allow-private",
    default=None,
    help="Allow URLs that resolve to private or loopback addresses (setting allow_private).",
)
@click.option(
    "--timeout",
    type=float,
    default=None,
    metavar="SECONDS",
    help="Seconds to wait for a URL (setting fetch_timeout).",
)
@click.option(
    "--max-bytes",
    type=int,
    default=None,
    metavar="BYTES",
    help="Largest input accepted, in bytes (setting max_input_bytes).",
)
@click.option(
    "--db",
    "db",
    metavar="FILE",
    default=None,
    help="Check each claim against the corpus in this store (see `newsaudit corpus add`) "
    "and keep the audit there.",
)
def audit_command(
    source: str,
    fmt: str | None,
    as_json: bool,
    output: Path | None,
    allow_private: bool | None,
    timeout: float | None,
    max_bytes: int | None,
    db: str | None,
) -> None:
    """Audit SOURCE: a file (text or HTML), - for standard input, or an http(s) URL.

    With --db, each check-worthy claim is checked against the corpus kept in that store
    (supported, contradicted, conflicting or not found, with the quoted passages), and the
    audit is saved there.
    """
    if as_json and fmt not in (None, "json"):
        raise UsageError(f"--json and --format {fmt} disagree; give one of them")
    chosen = "json" if as_json else (fmt or "terminal")
    settings = _settings(allow_private, timeout, max_bytes)
    if db is None:
        report = Auditor(settings).audit(source)
    else:
        report = _audit_with_store(settings, source, db)
    _emit(report, chosen, output, settings.spacy_model)


def _audit_with_store(settings: Settings, source: str, db: str) -> Report:
    """Audit against the store's corpus and keep the audit in the store."""
    from ..factcheck import open_fact_checker
    from ..render.json import report_to_dict
    from ..store import Store

    with Store.open(db, create=False) as store:
        with Progress(
            TextColumn("embedding new passages"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as bar:
            task = bar.add_task("embed", total=None)
            checker = open_fact_checker(settings, store, progress=lambda n: bar.advance(task, n))
        report = Auditor(settings, checker=checker).audit(source)
        store.save_audit(report_to_dict(report, settings.spacy_model), source)
    return report
