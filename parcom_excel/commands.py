"""`parcom validate` and `parcom evaluate`: the file adapter plus the shared core."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli import EXIT_DATA, EXIT_OK, guarded, lang_option
from .problems import ParcomError, Problem


def format_problem(p: Problem, lang: str) -> str:
    severity = (
        ("LỖI" if p.is_error else "cảnh báo") if lang == "vi" else ("ERROR" if p.is_error else "warning")
    )
    where = p.where()
    return f"{severity:9} {where + '  ' if where else ''}{p.message(lang)}"


def print_problems(problems: list[Problem], lang: str, limit: int = 200) -> None:
    from .problems import sort_key

    ordered = sorted(problems, key=sort_key)
    for p in ordered[:limit]:
        click.echo(format_problem(p, lang))
    if len(ordered) > limit:
        rest = len(ordered) - limit
        click.echo(
            f"... và {rest} vấn đề khác (xem sheet Lỗi dữ liệu)"
            if lang == "vi"
            else f"... and {rest} more (see the errors sheet)"
        )


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

    adapter = FileAdapter(book)
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
        n_err, n_warn = len(result.errors), len(result.warnings)
        click.echo(
            f"{book.name}: {n_err} lỗi, {n_warn} cảnh báo."
            if lang == "vi"
            else f"{book.name}: {n_err} errors, {n_warn} warnings."
        )
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
    help="Pre-fill the Hội đồng sheet with the list's candidates (rows and votes typed are kept).",
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

    _check_year(from_year, "--from-year")
    _check_year(to_year, "--to-year")
    if output is not None and output.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParcomError("bad_option", detail=f"-o {output} (.xlsx)")
    adapter = FileAdapter(book, output)
    if output is not None and adapter.kind == "xlsm" and output.suffix.lower() != ".xlsm":
        raise ParcomError(
            "bad_option",
            detail=f"-o {output}: {book.name} có macro, tệp ghi ra phải có đuôi .xlsm"
            if lang == "vi"
            else f"-o {output}: {book.name} has macros, the copy must end in .xlsm",
        )
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
        target = output or book
        click.echo(f"Đã ghi kết quả vào {target}." if lang == "vi" else f"Results written to {target}.")
    return EXIT_DATA if result.errors else EXIT_OK
