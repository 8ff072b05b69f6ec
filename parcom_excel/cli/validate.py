"""`parcom validate BOOK`: the file adapter plus the shared core, errors only."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..problems import EXIT_DATA, EXIT_OK
from .app import guarded
from .options import book_argument, check_book, format_option, lang_option


@click.command("validate")
@book_argument()
@click.option("--write-errors", is_flag=True, help="Write the errors sheet into the workbook.")
@format_option
@lang_option
@guarded
def command(book: Path, write_errors: bool, fmt: str, lang: str) -> int:
    """Check BOOK against the template's contract and list every data problem."""
    from ..core import run
    from ..io.files import FileAdapter
    from ..report import to_json, validation_text

    check_book(book, "validate")
    result = run(FileAdapter(book, lock=write_errors), lang=lang, write=write_errors, errors_only=True)
    if fmt == "json":
        click.echo(json.dumps(to_json(result, lang, file=str(book)), ensure_ascii=False, indent=2))
    else:
        click.echo(validation_text(result, book.name, lang))
    return EXIT_DATA if result.errors else EXIT_OK
