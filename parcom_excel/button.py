"""The Evaluate button of the classic add-in: the calling workbook, the shared core, one alert.

The add-in's VBA runs `import parcom_excel; parcom_excel.main()` in a fresh Python; `main` takes
the calling workbook (`xw.Book.caller()`), wraps it in the xlwings adapter (`io/excel.py`) and runs
the same pipeline as the command line. Everything the user sees is one message box in Vietnamese,
never a traceback. xlwings is imported inside functions only, so `import parcom_excel` stays light.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from typing import Any

from .i18n import render
from .io.excel import XlwingsAdapter, activate
from .problems import ParcomError

LANG = "vi"
TITLE = render("excel.alert_title", LANG)


def main() -> None:
    """The ribbon button: evaluate the calling workbook and say how it went in one message box."""
    book = None
    try:
        import xlwings as xw

        book = xw.Book.caller()
    except Exception as exc:  # no Excel calling: one sentence, never a traceback
        if os.environ.get("PARCOM_DEBUG"):
            raise
        _alert(None, render("excel_unexpected", LANG, detail=_describe(exc)), "critical")
        return  # (_alert without a book ends the process with exit code 1)
    text, mode = evaluate_book(book, draft_dossier)
    _alert(book, text, mode)


def evaluate_book(book: Any, dossier: Any) -> tuple[str, str]:
    """The one evaluation of a book open in Excel, for the classic button and for Lite: the core
    through the xlwings adapter, the sheet needed next opened, and what to say ("info" or
    "critical"), never a traceback. `dossier(book, evaluation)` drafts the Word documents when
    the settings ask for them and returns its sentence."""
    adapter: XlwingsAdapter | None = None
    try:
        from .core import run

        adapter = XlwingsAdapter(book)
        result = run(adapter, lang=LANG)
        activate(book, result.next_sheet)
        text = result.summary_text(LANG)
        if result.evaluation is not None and result.evaluation.world.settings.documents_on_evaluate == "Y":
            text += "\n\n" + dossier(book, result.evaluation)
        return text, "info" if result.exit_code == 0 else "critical"
    except ParcomError as exc:
        return exc.message(LANG), "critical"
    except Exception as exc:  # the last net: one sentence, never a traceback
        if os.environ.get("PARCOM_DEBUG"):
            raise
        code = "excel_write_failed" if adapter is not None and adapter.write_started else "excel_unexpected"
        return render(code, LANG, detail=_describe(exc)), "critical"


def draft_dossier(book: Any, evaluation: Any) -> str:
    """The button's dossier ("Soạn hồ sơ khi bấm Đánh giá" = Có): the Word documents go into a
    folder beside the workbook, named after it; the alert says where, or in one sentence why not."""
    from pathlib import Path

    from .documents.dossier import default_folder, write_dossier

    try:
        full = Path(book.fullname)
    except Exception:
        full = None
    if full is None or not full.is_absolute() or not full.parent.is_dir():
        return render("docs_unsaved_book", LANG)
    try:
        return write_dossier(evaluation, default_folder(full), lang=LANG).summary(LANG)
    except ParcomError as exc:
        return exc.message(LANG)


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _alert(book: Any, text: str, mode: str) -> None:
    """Excel's message box; if even that fails, one plain line on stderr and exit code 1.

    RunPython shows stderr in its own error box when Python exits with a non-zero code. That box
    reads the text as ANSI, so the fallback drops the diacritics rather than show mojibake.
    """
    if book is not None:
        try:
            book.app.alert(text, title=TITLE, mode=mode)
            return
        except Exception:
            pass
    try:
        sys.stderr.write(ascii_fold(text) + "\n")
        sys.stderr.flush()
    except Exception:
        pass
    raise SystemExit(1)


def ascii_fold(text: str) -> str:
    """Vietnamese without diacritics ("Đánh giá" -> "Danh gia"), readable in any code page."""
    text = text.replace("\u0111", "d").replace("\u0110", "D")  # đ, Đ have no decomposition
    decomposed = unicodedata.normalize("NFD", text)
    return (
        "".join(ch for ch in decomposed if not unicodedata.combining(ch)).encode("ascii", "replace").decode()
    )
