"""Build contract-shaped workbooks for tests, the way a clerk would type them (openpyxl, plain ranges)."""

from __future__ import annotations

import copy
import functools
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from parcom_excel import contract as C
from parcom_excel.adapter import Grid
from parcom_excel.model import OutputSheet


def setting_value(setting: C.Setting, value: Any, lang: str = "vi") -> Any:
    """Codes become the labels a user picks from the dropdown; anything else is written as given."""
    if setting.type == "enum" and value in {c.code for c in C.ENUMS[setting.enum].choices}:
        return C.ENUMS[setting.enum].get(value).label(lang)
    return value


def book_sheets(
    data: dict[str, list[dict[str, Any]]],
    settings: dict[str, Any] | None = None,
    lang: str = "vi",
    header_row: int = 1,
    first_col: int = 1,
) -> dict[str, list[list[Any]]]:
    """One grid per contract sheet, as a clerk would type it; `data` rows use column keys."""
    rows = [[C.SETTINGS_SHEET.column("name").label(lang), C.SETTINGS_SHEET.column("value").label(lang)]]
    values = settings or {}
    for setting in C.SETTINGS:
        if values.get(setting.key, "") is None:
            continue  # a test that removes a setting
        rows.append(
            [setting.label(lang), setting_value(setting, values.get(setting.key, setting.default), lang)]
        )
    sheets = {C.SETTINGS_SHEET.name(lang): rows}
    pad = [None] * (first_col - 1)
    for sheet in C.DATA_SHEETS:
        columns = list(sheet.columns)
        grid: list[list[Any]] = [[] for _ in range(header_row - 1)]
        grid.append(pad + [column.label(lang) for column in columns])
        grid += [pad + [record.get(column.key) for column in columns] for record in data.get(sheet.key, [])]
        sheets[sheet.name(lang)] = grid
    return sheets


def write_book(
    path: Path,
    data: dict[str, list[dict[str, Any]]],
    settings: dict[str, Any] | None = None,
    lang: str = "vi",
    header_row: int = 1,
    first_col: int = 1,
) -> Path:
    """`book_sheets` saved as a real .xlsx (openpyxl), dates formatted as a clerk types them."""
    return save_sheets(path, book_sheets(data, settings, lang, header_row, first_col))


def save_sheets(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, grid in sheets.items():
        ws = book.create_sheet(name)
        for r, row in enumerate(grid, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    cell = ws.cell(r, c, value)
                    if isinstance(value, date):
                        cell.number_format = "dd/mm/yyyy"
    book.save(path)
    return path


class MemoryBook:
    """A workbook held in memory behind the adapter interface, so the rules' cases run without
    files; `written` holds the output sheets the core would write."""

    def __init__(self, sheets: dict[str, list[list[Any]]], label: str = "book.xlsx") -> None:
        self.sheets = sheets
        self.label = label
        self.written: dict[str, OutputSheet] = {}

    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def grid(self, name: str) -> Grid:
        rows = self.sheets[name]
        width = max((len(r) for r in rows), default=0)
        return Grid(name, [list(r) + [None] * (width - len(r)) for r in rows])

    writable = True
    has_macros = False

    def owned(self) -> dict[str, str]:
        return {}

    def write(self, outputs: list[OutputSheet]) -> list[Any]:
        self.written = {sheet.key: sheet for sheet in outputs}
        return []


YEARS = range(2022, 2026)


def department() -> dict[str, list[dict[str, Any]]]:
    """A small department where everyone meets every criterion (tests then break one thing)."""
    units = [
        {"unit_id": "VP", "unit_name": "Văn phòng Sở", "unit_kind": "Phòng chuyên môn"},
        {
            "unit_id": "TT",
            "unit_name": "Trung tâm Ứng dụng tiến bộ KH&CN",
            "unit_kind": "Đơn vị trực thuộc Sở",
        },
    ]
    staff = [
        {
            "staff_id": "CB01",
            "full_name": "Nguyễn Văn An",
            "unit_id": "VP",
            "staff_kind": "Công chức",
            "position": "Chánh Văn phòng",
            "leader": "Có",
        },
        {
            "staff_id": "CB02",
            "full_name": "Trần Thị Bình",
            "unit_id": "VP",
            "staff_kind": "Công chức",
            "position": "Chuyên viên",
            "leader": "Không",
        },
        {
            "staff_id": "CB03",
            "full_name": "Lê Văn Cường",
            "unit_id": "TT",
            "staff_kind": "Viên chức",
            "position": "Giám đốc Trung tâm",
            "leader": "Có",
        },
        {
            "staff_id": "CB04",
            "full_name": "Phạm Thị Dung",
            "unit_id": "TT",
            "staff_kind": "Người lao động",
            "position": "Kế toán",
            "leader": "Không",
        },
    ]
    ratings = [{"year": y, "staff_id": s["staff_id"], "rating": "HTTNV"} for y in YEARS for s in staff]
    results = [
        {
            "year": y,
            "unit_id": u["unit_id"],
            "tasks_assigned": 10,
            "tasks_on_time": 10,
            "advisory_docs": 2,
            "socio_targets": "Đạt",
            "budget": "Đạt",
            "programmes": "Hoàn thành",
        }
        for y in YEARS
        for u in units
    ]
    initiatives = [
        {
            "initiative_id": "SK01",
            "title": "Số hóa hồ sơ một cửa",
            "year": 2023,
            "level": "Cơ sở",
            "authors": "CB01; CB02",
            "unit_id": "VP",
            "decision_no": "12/QĐ-SKHCN",
            "decision_date": date(2023, 6, 1),
        },
        {
            "initiative_id": "SK02",
            "title": "Ký số văn bản đi",
            "year": 2024,
            "level": "Cơ sở",
            "authors": "CB03, CB04",
            "decision_no": "30/QĐ-SKHCN",
            "decision_date": date(2024, 5, 2),
        },
    ]
    return {
        "units": units,
        "staff": staff,
        "ratings": ratings,
        "results": results,
        "initiatives": initiatives,
        "discipline": [],
    }


def variant(**changes: Any) -> dict[str, list[dict[str, Any]]]:
    data = copy.deepcopy(department())
    for key, rows in changes.items():
        data[key] = rows
    return data


def find(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    return next(r for r in rows if all(r.get(k) == v for k, v in match.items()))


ROOT = Path(__file__).resolve().parents[1]


def run_cli(
    *args: Any, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: int = 180, fresh: bool = False
) -> subprocess.CompletedProcess[str]:
    """`parcom ARGS` in a process of its own, as a user or a scheduler starts it: its own exit
    code, streams, working folder, environment and lock files.

    The process is forked from the test's interpreter, which has the package imported already
    (the second that a new `python cli.py` spends importing pandas and pandera), and runs the
    same `cli.main` as `python cli.py`. `fresh=True` (or a system without fork) starts
    `python cli.py` itself."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("PARCOM_DEBUG", None)
    argv = [str(ROOT / "cli.py"), *map(str, args)]
    if fresh or not hasattr(os, "fork"):
        return subprocess.run(
            [sys.executable, *argv],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            env=full_env,
        )
    return forked_cli(argv, cwd, full_env, timeout)[0]


def _ended_in_time(pid: int, timeout: float) -> bool:
    """Whether child `pid` ends within `timeout` seconds (it is left to be reaped)."""
    import select
    import time

    try:
        watch = os.pidfd_open(pid)  # Linux 5.3+: readable once the child has ended
    except (AttributeError, OSError):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
            time.sleep(0.01)
        return False
    try:
        return bool(select.select([watch], [], [], timeout)[0])
    finally:
        os.close(watch)


@functools.cache
def _preloaded() -> None:
    """In the parent, once: each forked child starts with the package imported."""
    from parcom_excel import batch

    batch.preload()


def forked_cli(
    argv: list[str], cwd: Path, env: dict[str, str], timeout: float, address_space: int | None = None
) -> tuple[subprocess.CompletedProcess[str], int]:
    """(what `python ARGV` did, its peak resident memory in bytes), run in a child forked from
    this interpreter with `address_space` bytes at most (the RLIMIT_AS cap), when given."""
    import resource
    import tempfile

    from parcom_excel import cli

    _preloaded()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        pid = os.fork()
        if pid == 0:  # the child: set up as a new process would be, run, never return
            code = 1
            try:
                import faulthandler

                faulthandler.disable()  # pytest's, writing to the parent's stream
                if address_space:
                    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
                null = os.open(os.devnull, os.O_RDONLY)
                for fd, target in ((0, null), (1, out.fileno()), (2, err.fileno())):
                    os.dup2(target, fd)
                os.chdir(cwd)
                os.environ.clear()
                os.environ.update(env)
                tempfile.tempdir = None  # TMPDIR is read again, as at a start
                sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)
                sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
                sys.stderr = sys.__stderr__ = open(
                    2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False
                )
                sys.argv = argv
                cli.main()  # ends the process with os._exit
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except BaseException:  # what Python prints for an uncaught exception
                import traceback

                os.write(2, traceback.format_exc().encode())
            finally:
                for stream in (sys.stdout, sys.stderr):
                    try:
                        stream.flush()
                    except BaseException:
                        pass
                os._exit(code)
        if not _ended_in_time(pid, timeout):
            os.kill(pid, 9)
            os.wait4(pid, 0)
            raise subprocess.TimeoutExpired(argv, timeout)
        _, status, usage = os.wait4(pid, 0)
        texts = []
        for stream in (out, err):
            stream.seek(0)
            texts.append(stream.read().decode("utf-8").replace("\r\n", "\n"))
    done = subprocess.CompletedProcess([sys.executable, *argv], os.waitstatus_to_exitcode(status), *texts)
    return done, usage.ru_maxrss * 1024
