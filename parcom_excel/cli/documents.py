"""`parcom documents BOOK -o DIR`: evaluate the workbook, then draft the dossier from it."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import EXIT_DATA, EXIT_OK
from .app import guarded
from .options import lang_option


@click.command("documents")
@click.argument("book", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the documents (default: a folder beside BOOK named after it, BOOK_ho_so).",
)
@click.option("--pdf", is_flag=True, help="Also convert each document to PDF (needs LibreOffice).")
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the office's own Word templates (overrides the setting).",
)
@lang_option
@guarded
def command(book: Path, output: Path | None, pdf: bool, templates: Path | None, lang: str) -> int:
    """Evaluate BOOK (without changing it) and draft the Word documents of the dossier."""
    from ..core import run
    from ..documents.dossier import default_folder, write_dossier
    from ..i18n import render
    from ..io.files import FileAdapter
    from ..report import problem_lines

    result = run(FileAdapter(book), lang=lang, write=False)
    if result.errors:
        click.echo(render("docs_data_errors", lang, file=book.name, count=len(result.errors)))
        click.echo("\n".join(problem_lines(result.errors, lang, limit=50)))
        return EXIT_DATA
    folder = output or default_folder(book)
    done = write_dossier(result.evaluation, folder, lang=lang, templates=templates, pdf=pdf)
    click.echo(done.summary(lang))
    return EXIT_OK
