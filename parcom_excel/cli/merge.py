"""`parcom merge BOOKS… -o MASTER`: the units' workbooks into one master; `parcom merge COPIES…
--into MASTER` (no -o): the units' copies made by `parcom split` back into the master itself."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_DATA, EXIT_OK
from .app import guarded
from .options import lang_option


@click.command("merge")
@click.argument("books", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option(
    "-o",
    "--output",
    "master",
    default=None,
    type=click.Path(path_type=Path, readable=False),
    metavar="MASTER",
    help="The master workbook to write (a new .xlsx).",
)
@click.option(
    "--into",
    "into",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    metavar="EXISTING",
    help="An existing master: its rows come first and its settings are used.",
)
@click.option("--force", is_flag=True, help="Overwrite MASTER if it exists.")
@lang_option
@guarded
def command(books: tuple[Path, ...], master: Path | None, into: Path | None, force: bool, lang: str) -> int:
    """Merge the units' workbooks BOOKS (same template) into a new master workbook."""
    from ..problems import ParcomError

    if master is None and into is not None:
        from ..collect import collect, collect_text

        collected = collect(into, list(books))
        click.echo(collect_text(collected, lang))
        return EXIT_DATA if collected.errors else EXIT_OK
    if master is None:
        raise ParcomError("merge_no_output")
    from ..merge import merge_books, merge_text

    result = merge_books(list(books), master, into=into, force=force, lang=lang)
    click.echo(merge_text(result, lang))
    return EXIT_DATA if result.errors else EXIT_OK
