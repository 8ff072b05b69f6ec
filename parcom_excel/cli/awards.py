"""`parcom record-awards BOOK [--decision NO --date D]`: the awards decided, into `Khen thưởng đã
nhận`. Without --decision and --date, the decision is the one the book's settings name (as the
button Ghi khen thưởng reads it)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..problems import EXIT_OK, ParcomError
from .app import guarded
from .options import check_book, lang_option


@click.command("record-awards")
@click.argument("book", type=click.Path(path_type=Path, readable=False))
@click.option(
    "--decision", help="The decision's number (default: the book's setting, as the button reads it)."
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]),
    help="Its date (default: the book's setting).",
)
@click.option(
    "--award",
    type=click.Choice(["gk", "bk"]),
    help="gk: certificate; bk: merit (default: with --decision, gk; else the book's setting).",
)
@lang_option
@guarded
def command(book: Path, decision: str | None, day: datetime | None, award: str | None, lang: str) -> int:
    """Record the awards of a decision in BOOK, so the next evaluation counts nothing twice."""
    from ..awards import decision_in_settings, record_awards, recorded_text

    check_book(book, "record-awards")
    if (decision is None) != (day is None):
        raise ParcomError("awards_decision_half", given="--decision" if decision is not None else "--date")
    if decision is not None and day is not None:
        number, decided, kind = decision, day.date(), award or "gk"
    else:
        found = decision_in_settings(book)
        if found.missing:
            missing = found.missing_labels(lang)
            raise ParcomError(
                "awards_no_decision_settings", file=book.name, sheet=found.sheet, missing=missing
            )
        number, decided, kind = found.number, found.decided, award or found.award
    done = record_awards(book, number, decided, award=kind, lang=lang)
    click.echo(recorded_text(done, lang))
    return EXIT_OK
