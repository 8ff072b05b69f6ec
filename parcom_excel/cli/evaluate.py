"""`parcom evaluate BOOK`: criteria, ranking, nomination list, dashboard and log, written back."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..problems import EXIT_DATA, EXIT_OK, ParcomError
from .app import guarded
from .options import book_argument, check_book, check_years, format_option, lang_option, period_options


def _check_output(output: Path | None, has_macros: bool, book: Path, lang: str) -> None:
    from ..i18n import render

    if output is None:
        return
    if has_macros and output.suffix.lower() != ".xlsm":
        detail = render("console_copy_needs_xlsm", lang, output=output, file=book.name)
        raise ParcomError("bad_option", detail=detail)
    if not output.parent.exists():
        try:
            output.parent.mkdir(parents=True)
        except OSError as exc:
            from ..io.safety import os_reason

            raise ParcomError("not_writable", file=str(output), detail=os_reason(exc)) from exc


@click.command("evaluate")
@book_argument()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    help="Write the results into a copy at this path; BOOK stays as it is.",
)
@period_options
@format_option
@click.option(
    "--council-sheet",
    is_flag=True,
    default=False,
    help="Pre-fill the council's sheet with the list's candidates (rows and votes typed are kept).",
)
@lang_option
@guarded
def command(
    book: Path,
    output: Path | None,
    from_year: int | None,
    to_year: int | None,
    fmt: str,
    council_sheet: bool,
    lang: str,
) -> int:
    """Evaluate BOOK: criteria, ranking within quotas, nomination list, dashboard, log."""
    from ..core import run
    from ..io.files import FileAdapter
    from ..report import evaluation_text, to_json

    check_book(book, "evaluate")
    check_years(from_year, to_year)
    if output is not None and output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParcomError("bad_option", detail=f"-o {output} (.xlsx)")
    adapter = FileAdapter(book, output, lock=True)
    _check_output(output, adapter.has_macros, book, lang)
    result = run(adapter, lang=lang, from_year=from_year, to_year=to_year, council_sheet=council_sheet)
    if fmt == "json":
        where = {"file": str(book), "output": str(output or book)}
        click.echo(json.dumps(to_json(result, lang, **where), ensure_ascii=False, indent=2))
    else:
        click.echo(evaluation_text(result, output or book, lang))
    return EXIT_DATA if result.errors else EXIT_OK
