"""`parcom merge BOOKS… -o MASTER`: the units' workbooks into one master."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_DATA, EXIT_OK
from .app import guarded
from .options import lang_option


@click.command("merge")
@click.argument("books", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "master",
    required=True,
    type=click.Path(path_type=Path),
    metavar="MASTER",
    help="The master workbook to write (a new .xlsx).",
)
@click.option(
    "--into",
    "into",
    type=click.Path(path_type=Path),
    default=None,
    metavar="EXISTING",
    help="An existing master: its rows come first and its settings are used.",
)
@click.option("--force", is_flag=True, help="Overwrite MASTER if it exists.")
@lang_option
@guarded
def command(books: tuple[Path, ...], master: Path, into: Path | None, force: bool, lang: str) -> int:
    """Merge the units' workbooks BOOKS (same template) into a new master workbook."""
    from ..merge import merge_books, merge_text

    result = merge_books(list(books), master, into=into, force=force, lang=lang)
    click.echo(merge_text(result, lang))
    return EXIT_DATA if result.errors else EXIT_OK
