"""Ghi khen thưởng: `parcom record-awards` on the calling book, the decision's number, date and
award read from its settings (`Cấu hình`), since the ribbon has no place to type them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import contract as C
from ..button import LANG
from ..i18n import render
from ..problems import ParcomError
from ..values import date_or_none
from . import run_step

BUTTON = render("ribbon.awards.button", LANG)
KEYS = ("award_decision_no", "award_decision_date", "award_decision_kind")


def decision(master: Path) -> tuple[str, Any, str]:
    """The decision to record, from the book's settings; one sentence naming what is missing."""
    from ..merge import read_book
    from ..text import clean

    book = read_book(master, master.name)
    number, day, kind = (book.settings.get(key, (None, ""))[0] for key in KEYS)
    number = clean(str(number or ""))
    day = date_or_none(day)
    kind = C.AWARD_KIND.parse(clean(str(kind))) if kind not in (None, "") else "gk"
    found = zip(KEYS, (number, day, kind), strict=True)
    missing = [f"“{C.SETTINGS_BY_KEY[k].label(LANG)}”" for k, v in found if not v]
    if missing:
        raise ParcomError("button_no_decision", file=master.name, sheet=book.settings_sheet, missing=missing)
    return number, day, kind


def step(book: Any, master: Path) -> tuple[str, str, bool]:
    from ..awards import record_awards, recorded_text

    number, day, kind = decision(master)
    done = record_awards(master, number, day, award=kind, lang=LANG)
    return recorded_text(done, LANG), "info", bool(done.added)


def main() -> None:
    """The ribbon button Ghi khen thưởng (add-in file parcom_excel.buttons.awards.xlam)."""
    run_step(step, BUTTON, in_place=True)
