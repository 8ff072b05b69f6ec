"""Ghi khen thưởng: `parcom record-awards` on the calling book, the decision's number, date and
award read from its settings (`Cấu hình`), since the ribbon has no place to type them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..awards import DECISION_SETTINGS, decision_in_settings
from ..button import LANG
from ..i18n import render
from ..problems import ParcomError
from . import run_step

BUTTON = render("ribbon.awards.button", LANG)
KEYS = DECISION_SETTINGS


def decision(master: Path) -> tuple[str, Any, str]:
    """The decision to record, from the book's settings; one sentence naming what is missing."""
    found = decision_in_settings(master)
    if found.missing:
        missing = found.missing_labels(LANG)
        raise ParcomError("button_no_decision", file=master.name, sheet=found.sheet, missing=missing)
    return found.number, found.decided, found.award


def step(book: Any, master: Path) -> tuple[str, str, bool]:
    from ..awards import record_awards, recorded_text

    number, day, kind = decision(master)
    done = record_awards(master, number, day, award=kind, lang=LANG)
    return recorded_text(done, LANG), "info", bool(done.added)


def main() -> None:
    """The ribbon button Ghi khen thưởng (add-in file parcom_excel.buttons.awards.xlam)."""
    run_step(step, BUTTON, in_place=True)
