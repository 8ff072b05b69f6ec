"""`parcom validate` and `parcom evaluate`: the file adapter plus the shared core."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli import EXIT_DATA, EXIT_OK, guarded, lang_option
from .problems import ParcomError, Problem


def format_problem(p: Problem, lang: str) -> str:
    from .i18n import render

    severity = render("console_error" if p.is_error else "console_warning", lang)
    where = p.where()
    return f"{severity:9} {where + '  ' if where else ''}{p.message(lang)}"


def print_problems(problems: list[Problem], lang: str, limit: int = 200) -> None:
    from .problems import sort_key

    ordered = sorted(problems, key=sort_key)
    for p in ordered[:limit]:
        click.echo(format_problem(p, lang))
    if len(ordered) > limit:
        from . import contract as C
        from .i18n import render

        sheet = C.output_name("errors", lang)
        click.echo(render("console_more", lang, count=len(ordered) - limit, sheet=sheet))


def _check_book(book: Path, command: str) -> None:
    """A folder is not a workbook: say so, and name the command that takes a folder."""
    if book.is_dir():
        raise ParcomError("book_is_folder", file=str(book), command=command)


def _check_year(value: int | None, option: str) -> None:
    if value is not None and not 2000 <= value <= 2100:
        raise ParcomError("bad_option", detail=f"{option} {value} (2000–2100)")


@click.command("validate")
@click.argument("book", type=click.Path(path_type=Path))
@click.option("--write-errors", is_flag=True, help="Write the errors sheet into the workbook.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@lang_option
@guarded
def validate_command(book: Path, write_errors: bool, fmt: str, lang: str) -> int:
    """Check BOOK against the template's contract and list every data problem."""
    from .core import run
    from .io.files import FileAdapter

    _check_book(book, "validate")
    adapter = FileAdapter(book, lock=write_errors)
    result = run(adapter, lang=lang, write=write_errors, errors_only=True)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "file": str(book),
                    "errors": len(result.errors),
                    "warnings": len(result.warnings),
                    "problems": [p.to_dict(lang) for p in result.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        from .i18n import render

        counts = {"errors": len(result.errors), "warnings": len(result.warnings)}
        click.echo(render("console_counts", lang, file=book.name, **counts))
        print_problems(result.problems, lang)
    return EXIT_DATA if result.errors else EXIT_OK


@click.command("evaluate")
@click.argument("book", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the results into a copy at this path; BOOK stays as it is.",
)
@click.option(
    "--from-year", type=int, default=None, help="First year of the period (overrides the settings)."
)
@click.option("--to-year", type=int, default=None, help="Last year of the period (overrides the settings).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--council-sheet",
    is_flag=True,
    default=False,
    help="Pre-fill the council's sheet with the list's candidates (rows and votes typed are kept).",
)
@lang_option
@guarded
def evaluate_command(
    book: Path,
    output: Path | None,
    from_year: int | None,
    to_year: int | None,
    fmt: str,
    council_sheet: bool,
    lang: str,
) -> int:
    """Evaluate BOOK: criteria, ranking within quotas, nomination list, dashboard, log."""
    from .core import run
    from .io.files import FileAdapter

    _check_book(book, "evaluate")
    _check_year(from_year, "--from-year")
    _check_year(to_year, "--to-year")
    if output is not None and output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParcomError("bad_option", detail=f"-o {output} (.xlsx)")
    adapter = FileAdapter(book, output, lock=True)
    if output is not None and adapter.has_macros and output.suffix.lower() != ".xlsm":
        from .i18n import render

        detail = render("console_copy_needs_xlsm", lang, output=output, file=book.name)
        raise ParcomError("bad_option", detail=detail)
    if output is not None and not output.parent.exists():
        try:
            output.parent.mkdir(parents=True)
        except OSError as exc:
            raise ParcomError("not_writable", file=str(output), detail=exc.strerror or str(exc)) from exc
    result = run(adapter, lang=lang, from_year=from_year, to_year=to_year, council_sheet=council_sheet)
    if fmt == "json":
        payload = {
            "file": str(book),
            "output": str(output or book),
            "status": result.status,
            "period": result.period,
            "fingerprint": result.fingerprint,
            "counts": result.counts(),
            "problems": [p.to_dict(lang) for p in result.problems],
        }
        if result.evaluation is not None:
            payload["nominations"] = [
                {"kind": c.kind, "id": c.id, "name": c.name, "award": c.award, "rank": c.rank, "tied": c.tied}
                for c in result.evaluation.nominated_units + result.evaluation.nominated_people
            ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(result.summary_text(lang))
        if result.errors:
            print_problems(result.errors, lang, limit=50)
        click.echo(result.written_text(output or book, lang))
    return EXIT_DATA if result.errors else EXIT_OK
