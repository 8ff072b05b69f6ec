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
    from .. import contract as C
    from ..awards import record_awards
    from ..i18n import render

    check_book(book, "record-awards")
    done = record_awards(book, decision, day.date(), award=award, lang=lang)
    facts = {"decision": done.decision, "file": book.name}
    if done.added:
        names = [f"{a.name} ({a.id})" for a in done.added]
        sheet = C.PAST_AWARDS.name(lang)
        award_name = C.AWARD_KIND.get(award)
        click.echo(
            render(
                "awards.added",
                lang,
                count=len(names),
                date=done.decided,
                award=award_name,
                sheet=sheet,
                names=names,
                **facts,
            )
        )
    else:
        click.echo(render("awards.nothing", lang, count=len(done.already), **facts))
    return EXIT_OK
