"""Tổng hợp: `parcom merge FOLDER --into MASTER` on the calling book, reading the folder of the
copies the units sent back, beside the master."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..button import LANG
from ..i18n import render
from ..problems import ParcomError
from . import run_step

BUTTON = render("ribbon.collect.button", LANG)


def folder_for(master: Path) -> Path:
    """Where the office puts the copies the units sent back: a folder beside the master.

    Not the folder Tách sổ đơn vị writes: the blank copies in there would count as received.
    """
    return master.with_name(render("button.returned_folder", LANG, stem=master.stem))


def step(book: Any, master: Path) -> tuple[str, str, bool]:
    from ..collect import collect, collect_text

    folder = folder_for(master)
    if not folder.is_dir():
        raise ParcomError("button_no_returned", folder=str(folder))
    result = collect(master, [folder])
    return collect_text(result, LANG), "critical" if result.errors else "info", result.written


def main() -> None:
    """The ribbon button Tổng hợp (add-in file parcom_excel.buttons.collect.xlam)."""
    run_step(step, BUTTON, in_place=True)
