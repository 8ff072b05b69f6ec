"""`parcom record-awards BOOK --decision NO --date D`: the awards decided, into `Khen thưởng đã nhận`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..problems import EXIT_OK
from .app import guarded
from .options import check_book, lang_option


@click.command("record-awards")
@click.argument("book", type=click.Path(path_type=Path, readable=False))
@click.option("--decision", required=True, help="The decision's number.")
@click.option("--date", "day", required=True, type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y"]), help="Its date.")
@click.option(
    "--award",
    type=click.Choice(["gk", "bk"]),
    default="gk",
    show_default=True,
    help="gk: certificate; bk: merit.",
)
@lang_option
@guarded
def command(book: Path, decision: str, day: datetime, award: str, lang: str) -> int:
    """Record the awards of a decision in BOOK, so the next evaluation counts nothing twice."""
    from ..awards import record_awards, recorded_text

    check_book(book, "record-awards")
    done = record_awards(book, decision, day.date(), award=award, lang=lang)
    click.echo(recorded_text(done, lang))
    return EXIT_OK
