"""`parcom merge` on real unit workbooks: union by key, sources, conflicts, determinism, a valid master."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from parcom_excel.cli.evaluate import command as evaluate_command
from parcom_excel.cli.merge import command as merge_command
from tests.workbooks import department, find, write_book

DATA_SHEETS = ("Đơn vị", "Cán bộ", "Đánh giá cá nhân", "Kết quả đơn vị", "Sáng kiến", "Kỷ luật")


def split(data: dict[str, list[dict[str, Any]]]) -> tuple[dict, dict]:
    """The sample department as two units would send it: each its own unit, staff, ratings, results."""
    vp = {s["staff_id"] for s in data["staff"] if s["unit_id"] == "VP"}
    a = {
        "units": [u for u in data["units"] if u["unit_id"] == "VP"],
        "staff": [s for s in data["staff"] if s["staff_id"] in vp],
        "ratings": [r for r in data["ratings"] if r["staff_id"] in vp],
        "results": [r for r in data["results"] if r["unit_id"] == "VP"],
        "initiatives": [data["initiatives"][0]],
        "discipline": [],
    }
    b = {
        "units": [u for u in data["units"] if u["unit_id"] == "TT"],
        "staff": [s for s in data["staff"] if s["staff_id"] not in vp],
        "ratings": [r for r in data["ratings"] if r["staff_id"] not in vp],
        "results": [r for r in data["results"] if r["unit_id"] == "TT"],
        # SK01 (owned by VP, with a TT-less author list) is sent by both units: an identical duplicate
        "initiatives": [dict(i) for i in data["initiatives"]],
        "discipline": [],
    }
    return a, b


def merge(*args: Any) -> Any:
    return CliRunner().invoke(merge_command, [str(a) for a in args], catch_exceptions=False)


def sheet_rows(path: Path, name: str) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def records(path: Path, name: str) -> dict[str, dict[str, Any]]:
    """First column -> {header: value} of a data sheet."""
    rows = sheet_rows(path, name)
    return {str(r[0]): dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[0] != ""}


def contents(path: Path, names=(*DATA_SHEETS, "Cấu hình")) -> dict[str, list[list[Any]]]:
    return {name: sheet_rows(path, name) for name in names}


def test_union_with_sources_and_identical_rows_once(tmp_path):
    a, b = split(department())
    book_a = write_book(tmp_path / "don_vi_A.xlsx", a)
    book_b = write_book(tmp_path / "don_vi_B.xlsx", b)
    before = book_a.read_bytes(), book_b.read_bytes()
    master = tmp_path / "tong_hop.xlsx"

    done = merge(book_a, book_b, "-o", master)

    assert done.exit_code == 0, done.output
    assert (book_a.read_bytes(), book_b.read_bytes()) == before
    assert "Cấu hình lấy từ don_vi_A.xlsx" in done.output
    units = records(master, "Đơn vị")
    assert set(units) == {"VP", "TT"}
    assert units["VP"]["Nguồn"] == "don_vi_A.xlsx" and units["TT"]["Nguồn"] == "don_vi_B.xlsx"
    staff = records(master, "Cán bộ")
    assert list(staff) == ["CB01", "CB02", "CB03", "CB04"]  # sorted by the key
    assert staff["CB03"]["Họ và tên"] == "Lê Văn Cường" and staff["CB03"]["Nguồn"] == "don_vi_B.xlsx"
    assert len(sheet_rows(master, "Đánh giá cá nhân")) == 1 + 16
    assert len(sheet_rows(master, "Kết quả đơn vị")) == 1 + 8
    initiatives = records(master, "Sáng kiến")
    assert list(initiatives) == ["SK01", "SK02"]
    assert initiatives["SK01"]["Nguồn"] == "don_vi_A.xlsx; don_vi_B.xlsx"
    assert "Sáng kiến: 2 dòng (đọc 3 dòng; 1 dòng trùng giống hệt" in done.output
    # a proper template: every data sheet is an Excel table whose last column is Nguồn, with dropdowns
    book = openpyxl.load_workbook(master)
    table = book["Cán bộ"].tables["CanBo"]
    assert table.ref == "A1:K5" and table.tableColumns[-1].name == "Nguồn"
    assert book["Đánh giá cá nhân"].data_validations.dataValidation
    assert "Lỗi dữ liệu" not in book.sheetnames

    evaluated = CliRunner().invoke(evaluate_command, [str(master)], catch_exceptions=False)
    assert evaluated.exit_code == 0, evaluated.output
    assert "Tập thể: 2/2 đủ tiêu chuẩn; cá nhân: 4/4 đủ tiêu chuẩn" in evaluated.output


def test_conflicting_record_is_reported_with_both_files_and_cells(tmp_path):
    a, b = split(department())
    b["staff"].append(dict(find(a["staff"], staff_id="CB02"), full_name="Trần Thị Bính"))  # B's row 4
    book_a = write_book(tmp_path / "don_vi_A.xlsx", a)
    book_b = write_book(tmp_path / "don_vi_B.xlsx", b)
    master = tmp_path / "tong_hop.xlsx"

    done = merge(book_a, book_b, "-o", master)

    assert done.exit_code == 1, done.output
    assert "don_vi_A.xlsx 'Cán bộ'!B3" in done.output and "don_vi_B.xlsx 'Cán bộ'!B4" in done.output
    assert "Trần Thị Bính" in done.output and "CB02" in done.output
    staff = records(master, "Cán bộ")
    assert staff["CB02"]["Họ và tên"] == "Trần Thị Bình"  # the first source's row is kept...
    assert staff["CB02"]["Nguồn"].startswith("don_vi_A.xlsx — XUNG ĐỘT")  # ...and marked
    assert "don_vi_B.xlsx 'Cán bộ'!B4" in staff["CB02"]["Nguồn"]
    assert len(staff) == 4
    errors = sheet_rows(master, "Lỗi dữ liệu")
    listed = [r for r in errors if r and r[0] == 1.0]
    assert listed, errors
    row = listed[0]
    assert row[2] == "Cán bộ" and row[3] == "B3" and row[4] == "CB02"  # the cell in the master
    assert "don_vi_A.xlsx 'Cán bộ'!B3" in row[5] and "don_vi_B.xlsx 'Cán bộ'!B4" in row[5]
    # until the clerk resolves it, the conflict is a data error of the master (issue #11 item 4)
    evaluated = CliRunner().invoke(evaluate_command, [str(master)], catch_exceptions=False)
    assert evaluated.exit_code == 1, evaluated.output
    errors = [r for r in sheet_rows(master, "Lỗi dữ liệu") if r and r[1] == "Lỗi"]
    assert len(errors) == 1, errors
    source = list(records(master, "Cán bộ")["CB02"]).index("Nguồn")
    cell = f"{openpyxl.utils.get_column_letter(source + 1)}3"
    assert errors[0][2:4] == ["Cán bộ", cell]
    assert "XUNG ĐỘT" in errors[0][4] and "xóa phần" in errors[0][5] and "parcom merge" in errors[0][5]
    # resolved: the clerk keeps the row and deletes the conflict note; the master evaluates
    book = openpyxl.load_workbook(master)
    book["Cán bộ"][cell].value = "don_vi_A.xlsx; don_vi_B.xlsx"
    book.save(master)
    evaluated = CliRunner().invoke(evaluate_command, [str(master)], catch_exceptions=False)
    assert evaluated.exit_code == 0, evaluated.output


def test_merging_twice_gives_the_same_master(tmp_path):
    a, b = split(department())
    b["staff"].append(dict(find(a["staff"], staff_id="CB01"), position="Phó Chánh Văn phòng"))
    book_a = write_book(tmp_path / "a.xlsx", a, {"from_year": 2022, "to_year": 2024})
    book_b = write_book(tmp_path / "b.xlsx", b)
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"

    assert merge(book_a, book_b, "-o", one).exit_code == 1
    assert merge(book_a, book_b, "-o", two).exit_code == 1
    assert contents(one) == contents(two)
    errors_one, errors_two = sheet_rows(one, "Lỗi dữ liệu"), sheet_rows(two, "Lỗi dữ liệu")
    assert errors_one[2:] == errors_two[2:] and len(errors_one) > 4  # row 2 names the file
    # folding the same books into that master again changes none of its data either
    three = tmp_path / "three.xlsx"
    again = merge(book_a, book_b, "--into", one, "-o", three)
    assert again.exit_code == 1
    assert contents(three) == contents(one)


def test_into_keeps_the_existing_masters_settings_and_rows_first(tmp_path):
    a, b = split(department())
    existing = write_book(
        tmp_path / "tong_hop_2023.xlsx",
        {"units": a["units"], "staff": [dict(find(a["staff"], staff_id="CB02"), full_name="Trần T. Bình")]},
        {"from_year": 2023, "to_year": 2023},
    )
    book_a = write_book(tmp_path / "don_vi_A.xlsx", a, {"from_year": 2022, "to_year": 2025})
    book_b = write_book(tmp_path / "don_vi_B.xlsx", b)
    master = tmp_path / "tong_hop.xlsx"

    done = merge(book_a, book_b, "--into", existing, "-o", master)

    assert done.exit_code == 1, done.output  # A's CB02 differs from the existing master's
    assert "Cấu hình lấy từ tong_hop_2023.xlsx (tệp tổng hợp có sẵn (--into))" in done.output
    assert "tong_hop_2023.xlsx 'Cán bộ'!B2" in done.output and "don_vi_A.xlsx 'Cán bộ'!B3" in done.output
    settings = {r[0]: r[1] for r in sheet_rows(master, "Cấu hình")}
    assert settings["Từ năm"] == 2023 and settings["Đến năm"] == 2023
    assert "Từ năm" in done.output and "cảnh báo" in done.output  # A's other period is pointed out
    staff = records(master, "Cán bộ")
    assert staff["CB02"]["Họ và tên"] == "Trần T. Bình"
    assert staff["CB01"]["Nguồn"] == "don_vi_A.xlsx" and set(staff) == {"CB01", "CB02", "CB03", "CB04"}
    assert records(master, "Đơn vị")["VP"]["Nguồn"] == "tong_hop_2023.xlsx; don_vi_A.xlsx"


def test_invalid_values_are_carried_over_as_typed(tmp_path):
    a, b = split(department())
    find(b["ratings"], staff_id="CB03", year=2023)["rating"] = "Tốt lắm"
    book_a = write_book(tmp_path / "a.xlsx", a, {"min_level": "Cấp thôn", "agency": ""})
    typed = openpyxl.load_workbook(book_a)  # a name that looks like a formula, typed as text
    cell = typed["Cán bộ"]["B3"]
    cell.value = '=HYPERLINK("http://x.invalid","Bình")'
    cell.data_type = "s"
    typed.save(book_a)
    book_b = write_book(tmp_path / "b.xlsx", b)
    master = tmp_path / "m.xlsx"

    assert merge(book_a, book_b, "-o", master).exit_code == 0
    ratings = sheet_rows(master, "Đánh giá cá nhân")
    assert [r[2] for r in ratings if r[1] == "CB03" and r[0] == 2023.0] == ["Tốt lắm"]
    assert records(master, "Cán bộ")["CB02"]["Họ và tên"].startswith("=HYPERLINK")
    # no formula on any sheet a user reads (the hidden dropdown list computes the council's codes)
    wb = openpyxl.load_workbook(master)
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert not [cell for ws in visible for row in ws.iter_rows() for cell in row if cell.data_type == "f"]
    evaluated = CliRunner().invoke(evaluate_command, [str(master)], catch_exceptions=False)
    assert evaluated.exit_code == 1
    assert "Tốt lắm" in evaluated.output
    settings = {r[0]: r[1] for r in sheet_rows(master, "Cấu hình")}  # A's settings, as typed
    assert settings["Cấp công nhận sáng kiến tối thiểu"] == "Cấp thôn" and settings["Cơ quan"] == ""
    assert "Cấp thôn" in evaluated.output


def test_refusals(tmp_path):
    a, b = split(department())
    book_a = write_book(tmp_path / "a.xlsx", a)
    book_b = write_book(tmp_path / "b.xlsx", b)
    master = tmp_path / "m.xlsx"
    master.write_bytes(b"keep me")

    exists = merge(book_a, book_b, "-o", master)
    assert exists.exit_code == 2 and "--force" in exists.output
    assert master.read_bytes() == b"keep me"
    is_input = merge(book_a, book_b, "-o", book_b, "--force")
    assert is_input.exit_code == 2 and "đầu vào" in is_input.output
    into_is_output = merge(book_a, "--into", master, "-o", master, "--force", "--lang", "en")
    assert into_is_output.exit_code == 2 and "one of the inputs" in into_is_output.output
    corrupt = tmp_path / "hong.xlsx"
    corrupt.write_bytes(b"PK\x03\x04 not really")
    unusable = merge(book_a, corrupt, "-o", master, "--force")
    assert unusable.exit_code == 2 and "hong.xlsx" in unusable.output
    assert master.read_bytes() == b"keep me"  # nothing written when a book cannot be used
    forced = merge(book_a, book_b, "-o", master, "--force")
    assert forced.exit_code == 0, forced.output
    assert "Cán bộ" in CalamineWorkbook.from_path(str(master)).sheet_names
