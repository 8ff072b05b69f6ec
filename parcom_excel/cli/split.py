"""`parcom split MASTER -o DIR`: one workbook per unit, for the unit to fill and send back."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_OK
from .app import guarded
from .options import check_book, lang_option


@click.command("split")
@click.argument("master", type=click.Path(path_type=Path, readable=False))
@click.option(
    "-o",
    "--output",
    "folder",
    required=True,
    type=click.Path(path_type=Path, readable=False),
    help="Folder for the copies.",
)
@click.option(
    "--units", "units", multiple=True, help="Only these units (codes); repeat the option for several."
)
@click.option(
    "--year", type=click.IntRange(2000, 2100), default=None, help="The round's year (default: the period)."
)
@click.option("--half", type=click.Choice(["1", "2"]), default=None, help="A half-year round: 1 or 2.")
@click.option("--force", is_flag=True, help="Overwrite copies already in the folder.")
@lang_option
@guarded
def command(
    master: Path,
    folder: Path,
    units: tuple[str, ...],
    year: int | None,
    half: str | None,
    force: bool,
    lang: str,
) -> int:
    """Write one workbook per unit of MASTER, prefilled with the unit's own rows."""
    from ..i18n import render
    from ..split import split

    check_book(master, "split")
    units_list = [u for part in units for u in part.replace(",", " ").split()]
    result = split(
        master,
        folder,
        units=units_list or None,
        year=year,
        half=int(half) if half else None,
        lang=lang,
        force=force,
    )
    files = [path.name for _, path in result.files]
    click.echo(
        render(
            "split.written",
            lang,
            count=len(files),
            round=result.round.label(lang),
            folder=folder,
            files=files,
        )
    )
    for note in result.notes:  # units whose copies would have shared one file name
        click.echo(note)
    return EXIT_OK
