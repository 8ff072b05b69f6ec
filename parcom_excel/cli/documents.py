"""`parcom documents BOOK -o DIR`: evaluate the workbook, then draft the dossier from it."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_OK
from .app import guarded
from .options import check_years, lang_option, period_options


@click.command("documents")
@click.argument("book", type=click.Path(path_type=Path, readable=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, readable=False),  # a file given: the library says so in one sentence
    default=None,
    help="Folder for the documents (default: a folder beside BOOK named after it, BOOK_ho_so).",
)
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF (needs LibreOffice).")
@click.option(
    "--templates",
    type=click.Path(path_type=Path, readable=False),  # a file given: the library says so in one sentence
    default=None,
    help="Folder of the office's own Word templates (overrides the setting).",
)
@period_options
@click.option(
    "--final",
    is_flag=True,
    help="Write nothing and exit 1, naming what the council has still to decide, unless the list is final.",
)
@click.option("--certificates", is_flag=True, help="Only the certificates of the last recorded decision.")
@click.option("--blanks", is_flag=True, help="Certificates on pre-printed blanks, with a grid page.")
@lang_option
@guarded
def command(
    book: Path,
    output: Path | None,
    pdf: bool,
    templates: Path | None,
    from_year: int | None,
    to_year: int | None,
    final: bool,
    certificates: bool,
    blanks: bool,
    lang: str,
) -> int:
    """Evaluate BOOK (without changing it) and draft the Word documents of the dossier, for the
    period of BOOK's last evaluation unless --from-year/--to-year say otherwise."""
    if certificates or blanks:  # the awards decided and recorded, not the proposal's dossier
        from ..documents.certificates import certificates_text

        click.echo(certificates_text(book, output, blanks, lang, pdf))
        return EXIT_OK
    from ..documents.book import draft_book

    check_years(from_year, to_year)
    done = draft_book(
        book,
        output,
        lang=lang,
        templates=templates,
        pdf=pdf,
        from_year=from_year,
        to_year=to_year,
        final=final,
    )
    click.echo(done.text)
    return done.code
