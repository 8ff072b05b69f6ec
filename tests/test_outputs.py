"""Output sheets at their limits, written into a workbook and read back."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from parcom_excel.io.package import write_outputs
from parcom_excel.model import Cell, OutputSheet
from parcom_excel.outputs import errors_sheet
from parcom_excel.problems import ERROR, WARNING, Problem
from tests.helpers_rich import blank_book


def test_errors_beyond_the_sheet_are_counted_not_lost(tmp_path: Path) -> None:
    problems = [
        Problem("required", WARNING, "Cán bộ", f"C{i}", None, {"column": "Họ tên"}) for i in range(2, 22)
    ]
    problems.append(Problem("required", ERROR, "Cán bộ", "B99", None, {"column": "Mã"}))
    sheet = errors_sheet(problems, "vi", None, "book.xlsx", max_rows=12)
    path = blank_book(tmp_path / "book.xlsx")
    write_outputs(path, [sheet])
    ws = openpyxl.load_workbook(path)[sheet.name]
    assert ws.max_row == 12
    assert ws["D5"].value == "B99"  # errors first: the one error is listed
    last = ws.cell(row=12, column=6).value
    assert last.startswith("… và 14 lỗi, cảnh báo khác") and "Đánh giá lại" in last
    assert ws.auto_filter.ref == "A4:F11"


def test_nothing_is_written_past_the_last_row_of_a_worksheet(tmp_path: Path) -> None:
    limit = 1_048_576
    rows: list[list[Cell | None]] = [[] for _ in range(limit + 2)]
    rows[0] = [Cell("đầu")]
    rows[limit - 1] = [Cell("cuối"), Cell(1)]
    rows[limit] = [Cell("quá")]
    path = blank_book(tmp_path / "book.xlsx")
    write_outputs(path, [OutputSheet("log", "Nhật ký", rows, merges=[(limit, 0, limit, 2)])])
    ws = openpyxl.load_workbook(path, read_only=True)["Nhật ký"]
    assert ws.max_row == limit
    last = next(ws.iter_rows(min_row=limit, max_row=limit, values_only=True))
    assert last == ("cuối", 1)
