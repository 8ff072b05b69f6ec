"""`parcom batch FOLDER`: every workbook of a folder, each in its own worker process."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .app import guarded
from .options import lang_option


class _Progress:
    """Each file's outcome on stderr: a bar on a terminal, a line each otherwise."""

    def __init__(self, folder: Path, lang: str) -> None:
        self.folder, self.lang, self.bar = folder, lang, None

    def plan(self, files: list[Path], skipped: list[dict[str, Any]], tasks: int) -> None:
        from ..batch import outcome_label
        from ..i18n import render

        if not files:
            click.echo(render("batch_empty", self.lang, file=str(self.folder)), err=True)
        for row in skipped:
            click.echo(f"{row['file']}: {outcome_label(row['outcome'], self.lang)}", err=True)
        if tasks and sys.stderr.isatty():
            self.bar = click.progressbar(
                length=tasks,
                label=render("batch.progress", self.lang),
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda r: r["file"] if r else None,
            )
            self.bar.__enter__()

    def row(self, row: dict[str, Any]) -> None:
        from ..batch import outcome_label

        if self.bar is not None:
            self.bar.update(1, row)
        else:
            click.echo(f"{row['file']}: {outcome_label(row['outcome'], self.lang)}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command("batch")
@click.argument("folder", type=click.Path(path_type=Path, readable=False))
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, readable=False),
    default=None,
    help="Write each result as a copy in this folder (same relative path).",
)
@click.option("--in-place", "in_place", is_flag=True, help="Write the results into the workbooks themselves.")
@click.option("--jobs", type=int, default=None, help="Workbooks evaluated at once [default: number of CPUs].")
@click.option("--recursive", is_flag=True, help="Also evaluate the workbooks of subfolders.")
@click.option(
    "--changed-only",
    is_flag=True,
    help="Skip workbooks whose data did not change since their last logged run.",
)
@click.option(
    "--timeout",
    type=float,
    default=None,
    help="Stop a workbook's worker after this many seconds (default: no limit).",
)
@lang_option
@guarded
def command(folder: Path, lang: str, **options: Any) -> int:
    """Evaluate every workbook (.xlsx, .xlsm, .xls) of FOLDER, each in its own process."""
    from ..batch import BatchRun, batch_text, run_batch

    progress = _Progress(folder, lang)
    try:
        report = run_batch(BatchRun(folder, lang=lang, **options), progress.plan, progress.row)
    finally:
        progress.close()
    click.echo(batch_text(report, lang))
    return report.exit_code
