"""`newsaudit stories --db DB`: the same events across outlets, their numbers and copies."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError
from ..settings import load_settings
from ..store import Store, db_path
from ..stories import build_from_store
from ..stories.render import render_html, render_json, render_markdown

FORMATS = ("md", "json", "html")


@click.command("stories")
@click.option("--db", "db_option", default=None, metavar="PATH", help="The store (setting db).")
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True,
    help="Output format.",
)  # fmt: skip
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to FILE instead of standard output.",
)
def stories_command(db_option: str | None, fmt: str, output: Path | None) -> None:
    """Cluster the stored audits into stories across outlets, store them, and report them.

    For each story: its articles, the earliest one and those that copy it, and every
    quantity two or more outlets give (values, who each credits, the spread). Also stores
    per-domain aggregates that later audits' outlet signals can read.
    """
    path = db_path(load_settings(), db_option)
    if not path.is_file():
        raise UsageError(f"{path}: no such store; run `newsaudit batch ... --db {path}` first")
    with Store.open(path) as store:
        result = build_from_store(store)
    render = {"md": render_markdown, "json": render_json, "html": render_html}[fmt]
    text = render(result.articles, result.stories, result.profiles)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write ({exc.strerror or exc})") from None
