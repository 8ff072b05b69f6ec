"""Options shared by several commands (sqlite-utils' habit: one decorator, one wording)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..problems import ParcomError
from .state import LANGS, current_lang

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=current_lang,
    show_default=False,
    help="Language of messages and written sheets (default vi, or PARCOM_LANG).",
)

format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def period_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--from-year / --to-year: the period evaluated, over the settings' own."""
    func = click.option(
        "--to-year", type=int, default=None, help="Last year of the period (overrides the settings)."
    )(func)
    return click.option(
        "--from-year", type=int, default=None, help="First year of the period (overrides the settings)."
    )(func)


def check_years(from_year: int | None, to_year: int | None) -> None:
    for value, option in ((from_year, "--from-year"), (to_year, "--to-year")):
        if value is not None and not 2000 <= value <= 2100:
            raise ParcomError("bad_option", detail=f"{option} {value} (2000–2100)")


def check_book(book: Path, command: str) -> None:
    """A folder is not a workbook: say so, and name the command that takes a folder."""
    if book.is_dir():
        raise ParcomError("book_is_folder", file=str(book), command=command)


def book_argument(name: str = "book") -> Callable[..., Any]:
    return click.argument(name, type=click.Path(path_type=Path, readable=False))
