"""`parcom batch`: evaluate every workbook of a folder, each in its own worker process.

One process per file (spawned, so the same code path runs on Linux and Windows): a file that
is damaged, huge or crashes its worker — even by `os._exit` or a segfault — is reported for
that file alone while the others go on. Workers return plain data, never raise; the parent
prints progress, a summary table, writes `parcom_batch.csv` / `parcom_batch.json` and exits
0 (all evaluated or skipped), 1 (some had data errors) or 2 (some could not be used or crashed).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .i18n import render
from .problems import EXIT_DATA, EXIT_OK, EXIT_UNUSABLE, ParcomError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
SUMMARY_NAME = "parcom_batch"
# How workers start: "fork" (Linux, when the parent runs no other thread: the parent imports the
# pipeline once and every worker starts in milliseconds) or "spawn" (a fresh interpreter per file,
# the only way on Windows and macOS). Set to "spawn" to run the Windows path on Linux.
START_ENV = "PARCOM_BATCH_START"
# What a worker needs, imported once by the parent before forking.
_PRELOAD = (
    "parcom_excel.core",
    "parcom_excel.validate",
    "parcom_excel.rules.evaluate",
    "parcom_excel.outputs",
    "parcom_excel.io.files",
    "parcom_excel.io.package",
    "parcom_excel.io.render",
    "parcom_excel.io.sheetxml",
    "parcom_excel.i18n",
    "python_calamine",
    "xlsxwriter",
    "lxml.etree",
)

EVALUATED, DATA_ERRORS, UNCHANGED, SKIPPED, UNUSABLE, CRASHED = (
    "evaluated",
    "data_errors",
    "unchanged",
    "skipped",
    "unusable",
    "crashed",
)
OUTCOMES = (EVALUATED, DATA_ERRORS, UNCHANGED, SKIPPED, UNUSABLE, CRASHED)  # labels: batch.outcome.<code>
OUTCOME_EXIT = {
    EVALUATED: EXIT_OK,
    UNCHANGED: EXIT_OK,
    SKIPPED: EXIT_OK,
    DATA_ERRORS: EXIT_DATA,
    UNUSABLE: EXIT_UNUSABLE,
    CRASHED: EXIT_UNUSABLE,
}


def outcome_label(outcome: str, lang: str) -> str:
    return render(f"batch.outcome.{outcome}", lang)


# ---------------------------------------------------------------- finding the workbooks


def is_lock_or_temp(name: str) -> bool:
    """Excel's owner files (~$x.xlsx), LibreOffice/our temp files (.~x), hidden and *.tmp files."""
    lowered = name.lower()
    return name.startswith(("~$", ".")) or lowered.endswith((".tmp", ".parcom-tmp"))


def find_workbooks(folder: Path, recursive: bool, exclude: Path | None = None) -> list[Path]:
    """Every file with a workbook suffix, lock and temp files included (they are reported skipped)."""
    found: list[Path] = []
    excluded = exclude.resolve() if exclude is not None else None
    if recursive:
        for root, dirs, files in os.walk(folder):
            here = Path(root)
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".") and (excluded is None or (here / d).resolve() != excluded)
            )
            found += [here / f for f in files if f.lower().endswith(WORKBOOK_SUFFIXES)]
    else:
        found = [p for p in folder.iterdir() if p.is_file() and p.name.lower().endswith(WORKBOOK_SUFFIXES)]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix().casefold())


# ---------------------------------------------------------------- the worker


def _empty_row(rel: str) -> dict[str, Any]:
    return {
        "file": rel,
        "outcome": UNUSABLE,
        "errors": 0,
        "warnings": 0,
        "nominations": None,
        "seconds": 0.0,
        "message": "",
        "output": None,
        "period": "",
        "fingerprint": "",
    }


def _last_logged(log_rows: list[list[Any]]) -> list[Any] | None:
    """The last run logged in a workbook's own log sheet (a row holding a fingerprint)."""
    from .outputs import log_value

    for row in reversed(log_rows):
        fingerprint = log_value(row, "fingerprint")
        if isinstance(fingerprint, str) and fingerprint.strip():
            return row
    return None


def _logged_in(path: Path) -> list[Any] | None:
    """The last logged run of another workbook (the copy an earlier --out run wrote)."""
    from .io.files import FileAdapter

    try:
        adapter = FileAdapter(path)
        owned = adapter.owned()
        if "log" not in owned:
            return None
        values = adapter.grid(owned["log"]).values[1:]
    except ParcomError:
        return None
    return _last_logged([row for row in values if any(v is not None for v in row)])


def _count(row: list[Any], column: str) -> int:
    from .outputs import log_value

    value = log_value(row, column)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _unchanged(row: dict[str, Any], previous: list[Any], current: str, lang: str) -> dict[str, Any]:
    """The summary row of a skipped workbook, with the counts its last run logged."""
    from .outputs import log_value

    errors = _count(previous, "errors")
    row.update(
        outcome=UNCHANGED,
        fingerprint=current,
        errors=errors,
        warnings=_count(previous, "warnings"),
        nominations=None
        if errors
        else _count(previous, "nominated_units") + _count(previous, "nominated_people"),
        period=str(log_value(previous, "period") or ""),
        message=render("unchanged_since", lang, when=previous[0], fingerprint=current),
    )
    return row


def evaluate_one(task: dict[str, Any]) -> dict[str, Any]:
    """Evaluate one workbook as `task` says; return plain data for the summary, never raise.

    task: path, rel (name in the summary), dest (copy to write, or None for in place), lang,
    changed_only.
    """
    lang = task.get("lang", "vi")
    path = Path(task["path"])
    row = _empty_row(task["rel"])
    started = time.monotonic()
    try:
        from .core import EVALUATED as RUN_EVALUATED
        from .core import fingerprint_inputs, run
        from .io.files import FileAdapter
        from .outputs import log_value
        from .reader import read_inputs

        dest = Path(task["dest"]) if task.get("dest") else None
        adapter = FileAdapter(path, dest, lock=True)
        if task.get("changed_only"):
            inputs = read_inputs(adapter)
            current = fingerprint_inputs(inputs, None, None)[:16]
            if dest is None:
                previous = _last_logged(inputs.log_rows)
            else:
                previous = _logged_in(dest) if dest.exists() else None
            if previous is not None and str(log_value(previous, "fingerprint")).strip()[:16] == current:
                return _unchanged(row, previous, current, lang)
        result = run(adapter, lang=lang, write=False)
        counts = result.counts()
        row.update(
            errors=counts["errors"],
            warnings=counts["warnings"],
            period=result.period,
            fingerprint=result.fingerprint[:16],
        )
        if result.evaluation is not None:
            row["nominations"] = counts["nominated_units"] + counts["nominated_people"]
        if not adapter.writable:
            raise adapter.xls_refusal()
        if dest is not None:
            dest.parent.mkdir(parents=True, exist_ok=True)
        adapter.write(result.outputs)
        row["output"] = str(dest or path)
        row["outcome"] = EVALUATED if result.status == RUN_EVALUATED else DATA_ERRORS
        if row["outcome"] == DATA_ERRORS:
            from .contract import output_name

            sheet = output_name("errors", lang)
            first = min(result.errors, key=_problem_order)
            where = f" {first.where()}:" if first.where() else ""
            row["message"] = render("batch.data_errors", lang, count=len(result.errors), sheet=sheet)
            row["message"] += where + " " + first.message(lang)
    except ParcomError as exc:
        if exc.code == "locked_by_excel":  # batch copies with --out, not -o
            exc.code = "locked_by_excel_batch"
        row.update(outcome=UNUSABLE, message=exc.message(lang))
    except MemoryError:
        row.update(outcome=CRASHED, message=render("unexpected", lang, file=path.name, detail="MemoryError"))
    except Exception as exc:  # the last net: one sentence for this file, the others go on
        row.update(
            outcome=CRASHED,
            message=render("unexpected", lang, file=path.name, detail=f"{type(exc).__name__}: {exc}"),
        )
    finally:
        from .io.safety import release_locks

        release_locks()
    row["seconds"] = round(time.monotonic() - started, 2)
    return row


def _problem_order(problem: Any) -> tuple:
    from .problems import sort_key

    return sort_key(problem)


def _child(conn: Any, task: dict[str, Any]) -> None:
    """Entry point of a worker process: evaluate, send the row, exit."""
    with contextlib.suppress(OSError):  # stdout belongs to the parent's summary table
        os.dup2(2, 1)
    sys.stdout = sys.stderr
    with contextlib.suppress(ValueError, AttributeError):  # Ctrl-C is the parent's: it stops us
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        conn.send(evaluate_one(task))
    finally:
        conn.close()


# ---------------------------------------------------------------- the pool


@dataclass
class _Running:
    task: dict[str, Any]
    process: Any
    conn: Any
    started: float = field(default_factory=time.monotonic)


def run_tasks(
    tasks: list[dict[str, Any]], jobs: int, timeout: float | None = None
) -> Iterator[dict[str, Any]]:
    """Run each task in its own process, at most `jobs` at a time; yield rows as they finish."""
    from multiprocessing.connection import wait

    ctx = start_context()
    pending = list(reversed(tasks))
    running: dict[Any, _Running] = {}
    try:
        while pending or running:
            while pending and len(running) < jobs:
                task = pending.pop()
                reader, writer = ctx.Pipe(duplex=False)
                process = ctx.Process(
                    target=_child,
                    args=(writer, task),
                    daemon=True,
                    name=f"parcom-batch-{Path(task['path']).name}",
                )
                process.start()
                writer.close()  # only the child holds the sending end: EOF when it dies
                running[reader] = _Running(task, process, reader)
            ready = wait(list(running), timeout=0.5)
            for reader in ready:
                job = running.pop(reader)
                try:
                    row = reader.recv()
                except (EOFError, OSError):
                    row = None
                reader.close()
                job.process.join(10)
                if row is None:
                    _clear_after(job)
                    row = _crashed(job, job.process.exitcode)
                row["seconds"] = round(time.monotonic() - job.started, 2)
                yield row
            if timeout:
                now = time.monotonic()
                for reader, job in list(running.items()):
                    if now - job.started > timeout:
                        running.pop(reader)
                        _stop(job.process)
                        _clear_after(job)
                        reader.close()
                        row = _crashed(job, None, timeout=timeout)
                        row["seconds"] = round(now - job.started, 2)
                        yield row
    finally:
        for job in running.values():
            _stop(job.process)
            job.conn.close()


def preload() -> None:
    """Import what a run needs and do pandera's first-use work, so that processes forked
    afterwards start ready (a third of a department book's time in a worker went on such work)."""
    import importlib

    for module in _PRELOAD:
        importlib.import_module(module)
    from .validate import warm_up

    warm_up()


def start_context() -> Any:
    """The multiprocessing context workers start from (see START_ENV)."""
    import threading

    wanted = os.environ.get(START_ENV, "")
    forkable = (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )
    if wanted != "spawn" and forkable:
        preload()
        import gc

        gc.freeze()  # what is loaded now is shared with the workers: their GC leaves it alone
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _clear_after(job: _Running) -> None:
    """What a worker stopped mid-write left beside its workbook: its temp file and lock."""
    from .io.safety import clear_leftovers

    with contextlib.suppress(OSError):
        clear_leftovers(Path(job.task.get("dest") or job.task["path"]), job.process.pid)


def _stop(process: Any) -> None:
    if process.is_alive():
        process.terminate()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)


def _crashed(job: _Running, exitcode: int | None, timeout: float | None = None) -> dict[str, Any]:

    lang = job.task.get("lang", "vi")
    name = Path(job.task["path"]).name
    row = _empty_row(job.task["rel"])
    row["outcome"] = CRASHED
    if timeout is not None:
        row["message"] = render("worker_timeout", lang, file=name, seconds=f"{timeout:g}")
    else:
        code = "?" if exitcode is None else str(exitcode)
        row["message"] = render("worker_crashed", lang, file=name, exit_status=code)
    return row


# ---------------------------------------------------------------- summary


def summary_columns(lang: str) -> list[str]:
    return [
        render(f"batch.col.{key}", lang) for key in ("file", "outcome", "errors", "nominations", "seconds")
    ]


def _cells(row: dict[str, Any], lang: str) -> list[str]:
    nominations = "" if row["nominations"] is None else str(row["nominations"])
    return [
        row["file"],
        outcome_label(row["outcome"], lang),
        str(row["errors"]),
        nominations,
        f"{row['seconds']:.1f}",
    ]


def summary_table(rows: list[dict[str, Any]], lang: str) -> str:
    head = summary_columns(lang)
    body = [_cells(r, lang) for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *body, strict=False)]
    right = {2, 3, 4}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(head), "  ".join("-" * w for w in widths)]
    out += [line(cells) for cells in body]
    return "\n".join(out)


class SafeCsv:
    """csv.writer whose every cell goes through `csv_cell`."""

    def __init__(self, buffer: Any) -> None:
        self._writer = csv.writer(buffer)

    def writerow(self, row: list[Any]) -> None:
        from .io.celltext import csv_cell

        self._writer.writerow([csv_cell(v) for v in row])


def write_summary(
    folder: Path, rows: list[dict[str, Any]], meta: dict[str, Any], lang: str
) -> tuple[Path, Path]:
    """parcom_batch.csv (UTF-8 with BOM, so Excel shows Vietnamese) and parcom_batch.json, written
    as one unit (the two always tell of one run)."""
    from .io.safety import write_set

    csv_path, json_path = folder / f"{SUMMARY_NAME}.csv", folder / f"{SUMMARY_NAME}.json"
    buffer = io.StringIO()
    writer = SafeCsv(buffer)
    writer.writerow(
        [
            *summary_columns(lang),
            *(render(f"batch.col.{key}", lang) for key in ("code", "warnings", "message", "output")),
        ]
    )
    for row in rows:
        cells = _cells(row, lang)
        cells[4] = f"{row['seconds']:.2f}"
        writer.writerow([*cells, row["outcome"], row["warnings"], row["message"], row["output"] or ""])
    payload = json.dumps({**meta, "files": rows}, ensure_ascii=False, indent=2, default=str) + "\n"
    write_set(
        folder,
        {
            csv_path.name: ("\ufeff" + buffer.getvalue()).encode("utf-8"),
            json_path.name: payload.encode("utf-8"),
        },
    )
    return csv_path, json_path


# ---------------------------------------------------------------- the command


def plan_tasks(
    folder: Path, files: list[Path], out: Path | None, lang: str, changed_only: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Tasks for the workers and the rows of files skipped outright (lock and temp files)."""

    tasks, skipped = [], []
    for path in files:
        rel = path.relative_to(folder).as_posix()
        if is_lock_or_temp(path.name):
            row = _empty_row(rel)
            row.update(outcome=SKIPPED, message=render("skipped_lock_file", lang, file=rel))
            skipped.append(row)
            continue
        dest = str(out / path.relative_to(folder)) if out is not None else None
        tasks.append(
            {"path": str(path), "rel": rel, "dest": dest, "lang": lang, "changed_only": changed_only}
        )
    return tasks, skipped


@dataclass
class BatchRun:
    """A batch as asked for: where to read, where to write, how."""

    folder: Path
    out: Path | None = None
    in_place: bool = False
    jobs: int | None = None
    recursive: bool = False
    changed_only: bool = False
    timeout: float | None = None
    lang: str = "vi"

    def check(self) -> None:
        """Refuse what cannot be run, before any workbook is touched."""
        out, folder = self.out, self.folder
        if out is None and not self.in_place:
            raise ParcomError("batch_no_target")
        if out is not None and self.in_place:
            raise ParcomError("batch_two_targets")
        if not folder.is_dir():
            raise ParcomError("folder_not_found", file=str(folder))
        if self.jobs is not None and self.jobs < 1:
            raise ParcomError("bad_option", detail=f"--jobs {self.jobs} (≥ 1)")
        if self.timeout is not None and self.timeout <= 0:
            raise ParcomError("bad_option", detail=f"--timeout {self.timeout:g} (> 0)")
        if out is not None:
            if out.exists() and not out.is_dir():
                raise ParcomError("bad_option", detail=f"--out {out}")
            if out.resolve() == folder.resolve():
                raise ParcomError("bad_option", detail=f"--out {out} = FOLDER; --in-place")


@dataclass
class BatchReport:
    rows: list[dict[str, Any]]
    meta: dict[str, Any]
    csv_path: Path
    json_path: Path

    @property
    def exit_code(self) -> int:
        return self.meta["exit_code"]


def _exit_code(rows: list[dict[str, Any]]) -> int:
    # An unchanged workbook whose last run found data errors still has them: a nightly monitor
    # must keep seeing exit code 1 until someone fixes the data.
    return max(
        (
            EXIT_DATA if r["outcome"] == UNCHANGED and r.get("errors") else OUTCOME_EXIT[r["outcome"]]
            for r in rows
        ),
        default=EXIT_OK,
    )


def run_batch(
    job: BatchRun,
    on_plan: Callable[[list[Path], list[dict[str, Any]], int], None] = lambda files, skipped, n: None,
    on_row: Callable[[dict[str, Any]], None] = lambda row: None,
) -> BatchReport:
    """Evaluate every workbook of the folder; `on_plan` hears the plan, `on_row` each result."""
    job.check()
    folder, out, lang = job.folder, job.out, job.lang
    started_at = datetime.now().replace(microsecond=0)
    started = time.monotonic()
    files = find_workbooks(folder, job.recursive, exclude=out)
    tasks, skipped = plan_tasks(folder, files, out, lang, job.changed_only)
    rows_by_file: dict[str, dict[str, Any]] = {row["file"]: row for row in skipped}
    on_plan(files, skipped, len(tasks))
    workers = max(1, min(job.jobs or os.cpu_count() or 1, len(tasks) or 1))
    for row in run_tasks(tasks, workers, job.timeout):
        rows_by_file[row["file"]] = row
        on_row(row)
    rows = [rows_by_file[p.relative_to(folder).as_posix()] for p in files]
    target = out if out is not None else folder
    meta = {
        "folder": str(folder),
        "output": str(target),
        "in_place": job.in_place,
        "started": started_at.isoformat(),
        "seconds": round(time.monotonic() - started, 2),
        "jobs": workers,
        "changed_only": job.changed_only,
        "exit_code": _exit_code(rows),
        "counts": {k: sum(r["outcome"] == k for r in rows) for k in OUTCOMES},
    }
    try:
        csv_path, json_path = write_summary(target, rows, meta, lang)
    except OSError as exc:
        raise ParcomError(
            "not_writable", file=str(target / f"{SUMMARY_NAME}.csv"), detail=exc.strerror or str(exc)
        ) from exc
    return BatchReport(rows, meta, csv_path, json_path)


def batch_text(report: BatchReport, lang: str) -> str:
    """The summary table, the files' notes and the closing line the console shows."""
    rows, lines = report.rows, []
    if rows:
        lines.append(summary_table(rows, lang))
        notes = [r for r in rows if r["message"] and r["outcome"] != SKIPPED]
        if notes:
            lines += ["", *(f"{r['file']}: {r['message']}" for r in notes)]
        lines.append("")
    counts = report.meta["counts"]
    facts = {
        "files": len(rows),
        "evaluated": counts[EVALUATED],
        "errors": counts[DATA_ERRORS],
        "skipped": counts[UNCHANGED] + counts[SKIPPED],
        "unusable": counts[UNUSABLE],
        "crashed": counts[CRASHED],
    }
    lines.append(render("batch.summary", lang, csv=report.csv_path, json=report.json_path, **facts))
    return "\n".join(lines)
