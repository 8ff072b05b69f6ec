"""Draft the dossier of a workbook file (what `parcom documents` does, without the command line).

The book is evaluated (never changed) for the period of its last evaluation unless one is given
(`period.py`); with `final`, nothing is written while a seat of the list is undecided, and the
answer names what the council still has to decide (for scheduled runs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n import render
from ..problems import EXIT_DATA, EXIT_OK
from .context import pending_decisions
from .dossier import default_folder, write_dossier
from .period import dossier_period


@dataclass(frozen=True)
class Drafted:
    """What the console shows, and the exit code (0 written, 1 data errors or not final)."""

    code: int
    text: str


def draft_book(
    book: Path,
    output: Path | None = None,
    *,
    lang: str = "vi",
    templates: Path | None = None,
    pdf: bool = False,
    from_year: int | None = None,
    to_year: int | None = None,
    final: bool = False,
) -> Drafted:
    from ..core import run
    from ..io.files import FileAdapter
    from ..report import problem_lines

    adapter = FileAdapter(book)
    period = dossier_period(adapter, from_year, to_year)
    note = [period.note.render(lang)] if period.note else []
    result = run(adapter, lang=lang, write=False, from_year=period.from_year, to_year=period.to_year)
    if result.errors:
        lines = [render("docs_data_errors", lang, file=book.name, count=len(result.errors))]
        return Drafted(EXIT_DATA, "\n".join(lines + problem_lines(result.errors, lang, limit=50)))
    if final:
        pending = pending_decisions(result.evaluation, lang)
        if pending:
            lines = [render("docs_not_final", lang, file=book.name, count=len(pending))]
            return Drafted(EXIT_DATA, "\n".join(note + lines + [f"  - {line}" for line in pending]))
    done = write_dossier(
        result.evaluation, output or default_folder(book), lang=lang, templates=templates, pdf=pdf
    )
    return Drafted(EXIT_OK, "\n".join([*note, done.summary(lang)]))
