"""Tách sổ đơn vị: `parcom split` on the calling book, into a folder beside it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..button import LANG
from ..i18n import render
from ..problems import ParcomError
from . import run_step

BUTTON = render("ribbon.split.button", LANG)


def folder_for(master: Path) -> Path:
    """Where the button writes the units' copies: a folder beside the master, named after it."""
    return master.with_name(render("button.split_folder", LANG, stem=master.stem))


def step(book: Any, master: Path) -> tuple[str, str, bool]:
    from ..split import split

    folder = folder_for(master)
    try:
        result = split(master, folder, lang=LANG)
    except ParcomError as exc:
        if exc.code == "exists":  # the button never overwrites: the folder may hold returned copies
            raise ParcomError(
                "button_copies_exist", file=Path(exc.file or "").name, folder=str(folder)
            ) from exc
        raise
    files = [path.name for _, path in result.files]
    label = result.round.label(LANG)
    text = render("split.written", LANG, count=len(files), round=label, folder=folder, files=files)
    return text, "info", True


def main() -> None:
    """The ribbon button Tách sổ đơn vị (add-in file parcom_excel.buttons.split.xlam)."""
    run_step(step, BUTTON, in_place=False)
