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
    problems = [Problem("legacy_font", WARNING, "Cán bộ", f"C{i}", "Nguyeãn") for i in range(2, 22)]
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


def test_reasons_shared_by_people_judged_alike_keep_each_ones_facts(tmp_path: Path) -> None:
    """Reasons alike are made and rendered once (rules.domain.World.once, outputs.results_sheet);
    each person's text still follows that person's rows, and each links to that person's cell."""
    from parcom_excel.core import run
    from parcom_excel.io.files import FileAdapter
    from tests.workbooks import department, find, write_book

    data = department()
    find(data["ratings"], staff_id="CB03", year=2024)["rating"] = "HTXSNV"  # one year differs
    data["ratings"] = [r for r in data["ratings"] if (r["staff_id"], r["year"]) != ("CB04", 2025)]
    book = write_book(tmp_path / "book.xlsx", data)
    run(FileAdapter(book))
    ws = openpyxl.load_workbook(book)["KQ Cá nhân"]
    header = [c.value for c in ws[4]]
    column = header.index("Lý do CN2")
    rows = {r[1].value: r[column] for r in ws.iter_rows(min_row=5) if r[1].value}
    # the link to the row that decided it stands on the status: LibreOffice does not wrap a cell
    # holding a link, so the reason has a cell of its own
    status = {r[1].value: r[column - 1] for r in ws.iter_rows(min_row=5) if r[1].value}
    assert all(cell.hyperlink is None for cell in rows.values())
    alike = "2022: Hoàn thành tốt nhiệm vụ, 2023: Hoàn thành tốt nhiệm vụ, 2024: Hoàn thành tốt nhiệm vụ"
    assert rows["CB01"].value.startswith(alike) and rows["CB01"].value == rows["CB02"].value
    assert "2024: Hoàn thành xuất sắc nhiệm vụ" in rows["CB03"].value
    assert "2025" in rows["CB04"].value and rows["CB04"].value != rows["CB01"].value  # no 2025 rating
    ratings = [(r["staff_id"], r["year"]) for r in data["ratings"]]
    for staff_id in ("CB01", "CB02", "CB03"):  # each links to its own first rating row
        assert (
            status[staff_id].hyperlink.location
            == f"'Đánh giá cá nhân'!C{ratings.index((staff_id, 2022)) + 2}"
        )
