"""The add-in's step buttons: Tách sổ đơn vị, Tổng hợp, Ghi khen thưởng.

Each button lives in an add-in file of its own named for its module (`addin.ADDINS`), since the
ribbon's VBA imports the module named like the file and calls its `main()`. Every `main` takes
the calling workbook (`xw.Book.caller()`), works on its saved file (`fullname`), runs the same
library function as the command line and says the outcome in one Vietnamese alert.

Collect and record-awards write into the master file itself, which is the book open in Excel.
Excel keeps its open copy in memory and holds the file, so writing under it would either fail or
be lost at the next save. The safe way, used here: when the engine can tell that the book has
no unsaved changes (desktop Excel, `Workbook.Saved`), the button closes it, writes the file and
opens it again; a book with unsaved changes is refused with one sentence and nothing is closed.
Where the engine cannot tell (the remote engine), the book is left open, the library's own check
refuses a file that a desktop Excel has open, and the alert asks to reopen the book once the
file is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..button import LANG, _alert, _describe
from ..i18n import render
from ..problems import ParcomError

# A step: (the calling book, its file) -> (the alert's text, "info" or "critical", file written?)
Step = Callable[[Any, Path], tuple[str, str, bool]]


def saved_file(book: Any, button: str) -> Path:
    """The file under the calling book; a book never saved (no folder of its own) is refused."""
    try:
        full = Path(book.fullname)
    except Exception:
        full = None
    if full is None or not full.is_absolute() or not full.is_file():
        raise ParcomError("button_unsaved", button=button)
    return full


def saved_state(book: Any) -> bool | None:
    """Whether the book has no unsaved changes, if the engine can tell (None when it cannot)."""
    for read in (lambda: book.api.Saved, lambda: book.api.saved.get()):  # Windows, macOS
        try:
            value = read()
        except Exception:
            continue
        if isinstance(value, bool):
            return value
    return None


def run_step(step: Step, button: str, *, in_place: bool) -> None:
    """The button: the calling book's file, the step, one alert (never a traceback)."""
    book = None
    app: Any = None
    try:
        import xlwings as xw

        book = xw.Book.caller()
        app = book.app
        path = saved_file(book, button)
        if in_place:
            text, mode = _in_place(book, path, step, button)
        else:
            text, mode, _ = step(book, path)
        _alert(SimpleNamespace(app=app), text, mode)
    except ParcomError as exc:
        _alert(SimpleNamespace(app=app) if app is not None else None, exc.message(LANG), "critical")
    except Exception as exc:  # the last net: one sentence, never a traceback
        if os.environ.get("PARCOM_DEBUG"):
            raise
        text = render("excel_unexpected", LANG, detail=_describe(exc))
        _alert(SimpleNamespace(app=app) if app is not None else None, text, "critical")


def _in_place(book: Any, path: Path, step: Step, button: str) -> tuple[str, str]:
    """Run a step that writes the book's own file: close the book around it when that is safe."""
    saved = saved_state(book)
    if saved is False:
        raise ParcomError("button_unsaved_changes", file=path.name, button=button)
    app = book.app
    if saved:
        book.close()  # Excel lets the file go (and its lock file) only once the book is closed
    try:
        text, mode, written = step(book, path)
    finally:
        reopened = _reopen(app, path) if saved else False
    if saved:
        note = (
            render("button.reopened", LANG) if reopened else render("button.open_again", LANG, file=str(path))
        )
        return text + "\n\n" + note, mode
    if written:
        return text + "\n\n" + render("button.reopen", LANG, file=path.name), mode
    return text, mode


def _reopen(app: Any, path: Path) -> bool:
    try:
        app.books.open(str(path))
    except Exception:
        return False
    return True
