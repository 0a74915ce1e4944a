"""`newsaudit audit SOURCE`: audit one article.

PLACEHOLDER: the CLI work replaces it.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from ..pipeline import Auditor


@click.command("audit")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def audit_command(source: str, as_json: bool) -> None:
    """Audit SOURCE: a file (text or HTML), - for standard input, or an http(s) URL."""
    report = Auditor().audit(source)
    click.echo(json.dumps(asdict(report), indent=2, ensure_ascii=False))
