"""Validation on real workbooks: each bad cell reported once, with its exact sheet, cell and code."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from parcom_excel.problems import ParcomError
from tests.workbooks import department, find, run_cli, write_book

ROOT = Path(__file__).resolve().parents[1]


def problems_of(path: Path, **kw):
    result = run(FileAdapter(path), write=False, errors_only=True, **kw)
    return [(p.code, p.severity, p.sheet, p.cell) for p in result.problems]


def row_of(data, key, **match):
    return 2 + data[key].index(find(data[key], **match))


def test_clean_department_has_no_problem(tmp_path):
    assert problems_of(write_book(tmp_path / "ok.xlsx", department())) == []


def test_bad_cells_point_at_their_cells(tmp_path):
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "Tốt lắm"
    find(data["ratings"], staff_id="CB01", year=2024)["year"] = "2O24"
    find(data["results"], unit_id="VP", year=2022)["tasks_assigned"] = "mười"
    find(data["results"], unit_id="TT", year=2022)["advisory_docs"] = -1
    find(data["staff"], staff_id="CB03")["joined"] = "31/02/2024"
    find(data["staff"], staff_id="CB04")["full_name"] = None
    find(data["staff"], staff_id="CB02")["unit_id"] = "XX"
    find(data["initiatives"], initiative_id="SK02")["authors"] = "CB03; CB99"
    data["discipline"].append({"decision_date": date(2023, 1, 5), "form": "Khiển trách"})
    path = write_book(tmp_path / "bad.xlsx", data)
    got = problems_of(path)
    r = lambda key, **m: row_of(data, key, **m)  # noqa: E731
    expected = {
        ("bad_choice", "error", "Đánh giá cá nhân", f"C{r('ratings', staff_id='CB02', year=2023)}"),
        (
            "not_year",
            "error",
            "Đánh giá cá nhân",
            f"A{2 + data['ratings'].index(find(data['ratings'], year='2O24'))}",
        ),
        ("not_integer", "error", "Kết quả đơn vị", f"C{r('results', unit_id='VP', year=2022)}"),
        ("below_min", "error", "Kết quả đơn vị", f"E{r('results', unit_id='TT', year=2022)}"),
        ("not_date", "error", "Cán bộ", f"G{r('staff', staff_id='CB03')}"),
        ("required", "error", "Cán bộ", f"B{r('staff', staff_id='CB04')}"),
        ("unknown_ref", "error", "Cán bộ", f"C{r('staff', staff_id='CB02')}"),
        ("unknown_ref", "error", "Sáng kiến", f"E{r('initiatives', initiative_id='SK02')}"),
        ("discipline_no_target", "error", "Kỷ luật", "C2"),
    }
    assert expected <= set(got)
    # one message per cell: the bad year is not also reported as "required" or as a duplicate
    cells = [(sheet, cell) for _, _, sheet, cell in got]
    assert len(cells) == len(set(cells))


def test_cross_sheet_checks(tmp_path):
    data = department()
    data["staff"].append(dict(find(data["staff"], staff_id="CB01"), full_name="Người trùng mã"))
    find(data["staff"], staff_id="CB02").update(joined=date(2024, 5, 1), left=date(2023, 1, 1))
    find(data["results"], unit_id="VP", year=2025).update(tasks_on_time=11)
    data["ratings"].append({"year": 2019, "staff_id": "CB01", "rating": "HTTNV"})
    data["discipline"].append({"decision_date": date(2024, 4, 1), "form": "Cảnh cáo", "staff_id": "CB03"})
    path = write_book(tmp_path / "cross.xlsx", data)
    got = set(problems_of(path))
    assert ("duplicate_key", "error", "Cán bộ", f"A{len(data['staff']) + 1}") in got
    assert ("left_before_joined", "error", "Cán bộ", f"H{row_of(data, 'staff', staff_id='CB02')}") in got
    assert (
        "done_gt_assigned",
        "error",
        "Kết quả đơn vị",
        f"D{row_of(data, 'results', unit_id='VP', year=2025)}",
    ) in got
    assert ("rows_outside_period", "warning", "Đánh giá cá nhân", f"A{len(data['ratings']) + 1}") in got
    assert (
        "rating_with_discipline",
        "warning",
        "Đánh giá cá nhân",
        f"C{row_of(data, 'ratings', staff_id='CB03', year=2024)}",
    ) in got


def test_settings_problems(tmp_path):
    path = write_book(
        tmp_path / "s.xlsx",
        department(),
        {
            "from_year": 2026,
            "to_year": 2024,
            "gk_collectives_min": 3,
            "order_individuals": "Số sáng kiến; Tuổi đời",
        },
    )
    codes = {c for c, *_ in problems_of(path)}
    assert {"period_reversed", "quota_min_gt_max", "unknown_tiebreak"} <= codes


def test_unusable_setting_value_names_its_cell(tmp_path):
    path = write_book(tmp_path / "s.xlsx", department(), {"tt1_min_pct": "một trăm"})
    got = [
        p for p in run(FileAdapter(path), write=False, errors_only=True).problems if p.code == "bad_setting"
    ]
    assert len(got) == 1 and got[0].sheet == "Cấu hình" and got[0].cell.startswith("B")
    assert "TT1" in got[0].message("vi")


def test_messy_layout_is_read_by_header_text(tmp_path):
    data = department()
    path = write_book(tmp_path / "messy.xlsx", data, header_row=4, first_col=3)
    book = openpyxl.load_workbook(path)
    ws = book["Cán bộ"]
    for cell in ws[4]:  # headers typed in NFD, upper case, with stray spaces
        if isinstance(cell.value, str):
            cell.value = "  " + unicodedata.normalize("NFD", cell.value.upper()) + " "
    ws.insert_rows(6)  # a blank row inside the data
    ws.cell(4, 20, "Ghi chú riêng")  # an extra column of the user's
    book.save(path)
    adapter = FileAdapter(path)
    assert problems_of(path) == []
    from parcom_excel.reader import read_inputs

    staff = read_inputs(adapter).tables["staff"]
    assert staff.header_row == 4 and staff.columns["staff_id"] == "C"
    assert staff.rows == [5, 7, 8, 9]
    assert "Ghi chú riêng" in staff.extra


def test_nfd_and_old_tone_values_are_understood(tmp_path):
    data = department()
    for r in data["ratings"]:
        r["rating"] = unicodedata.normalize("NFD", "Hoàn thành tốt nhiệm vụ")
    find(data["units"], unit_id="VP")["unit_kind"] = "phòng chuyên môn"
    result = run(FileAdapter(write_book(tmp_path / "nfd.xlsx", data)), write=False)
    assert result.status == "evaluated"
    assert all(unicodedata.is_normalized("NFC", p.name) for p in result.evaluation.people)


def test_legacy_font_text_is_reported_not_garbled(tmp_path):
    data = department()
    find(data["staff"], staff_id="CB02")["full_name"] = "TrÇn ThÞ B×nh"  # TCVN3 bytes seen as Latin-1
    find(data["units"], unit_id="TT")["unit_name"] = "Trung taâm ÖÙng duïng"  # VNI
    got = set(problems_of(write_book(tmp_path / "legacy.xlsx", data)))
    assert ("legacy_font", "warning", "Cán bộ", f"B{row_of(data, 'staff', staff_id='CB02')}") in got
    assert ("legacy_font", "warning", "Đơn vị", "B3") in got


def test_text_in_a_legacy_font_is_reported_by_its_font(tmp_path):
    from openpyxl.styles import Font

    data = department()
    path = write_book(tmp_path / "font.xlsx", data)
    book = openpyxl.load_workbook(path)
    cell = book["Cán bộ"]["E3"]  # "Chuyên viên" looks fine but the clerk typed it in .VnTime
    cell.value = "Chuyen vien"
    cell.font = Font(name=".VnTime")
    book["Cán bộ"]["E2"].font = Font(name="Times New Roman")
    book.save(path)
    got = set(problems_of(path))
    assert ("legacy_font", "warning", "Cán bộ", "E3") in got
    assert ("legacy_font", "warning", "Cán bộ", "E2") not in got


def test_formula_without_cached_value_is_a_warning(tmp_path):
    path = write_book(tmp_path / "f.xlsx", department())
    book = openpyxl.load_workbook(path)
    book["Kết quả đơn vị"]["E2"] = "=1+1"  # openpyxl writes no cached value
    book.save(path)
    assert ("formula_no_value", "warning", "Kết quả đơn vị", "E2") in set(problems_of(path))


def test_english_workbook_reads(tmp_path):
    data = department()
    path = write_book(tmp_path / "en.xlsx", data, lang="en")
    result = run(FileAdapter(path), write=False, lang="en")
    assert result.status == "evaluated"


@pytest.mark.parametrize(
    ("edit", "code", "words"),
    [
        (lambda b: b.remove(b["Sáng kiến"]), "missing_sheet", ["Sáng kiến"]),
        (lambda b: b["Cán bộ"].delete_cols(4), "missing_column", ["Đối tượng", "Cán bộ"]),
        (lambda b: b["Cán bộ"].cell(1, 9, "Họ và tên"), "duplicate_header", ["Họ và tên", "B1", "I1"]),
        (lambda b: b["Đơn vị"].merge_cells("A1:B1"), "merged_header", ["A1:B1"]),
        (lambda b: b["Đơn vị"].delete_rows(1), "no_header", ["Đơn vị", "Mã đơn vị"]),
    ],
)
def test_unusable_structure_is_one_sentence(tmp_path, edit, code, words):
    path = write_book(tmp_path / "book.xlsx", department())
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    with pytest.raises(ParcomError) as info:
        run(FileAdapter(path), write=False)
    assert info.value.code == code
    message = info.value.message("vi")
    assert "book.xlsx" in message and all(w in message for w in words)


def test_validate_command_exit_codes_and_json(tmp_path):
    good = write_book(tmp_path / "good.xlsx", department())
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "Tốt lắm"
    bad = write_book(tmp_path / "bad.xlsx", data)
    before = bad.read_bytes()
    ok = run_cli("validate", good)
    assert ok.returncode == 0, ok.stderr
    assert "0 lỗi" in ok.stdout
    failed = run_cli("validate", bad, "--format", "json")
    assert failed.returncode == 1
    report = json.loads(failed.stdout)
    assert report["errors"] == 1 and report["problems"][0]["cell"].startswith("C")
    assert "Tốt lắm" in report["problems"][0]["message"]
    assert bad.read_bytes() == before  # validate without --write-errors changes nothing
    english = run_cli("validate", bad, "--lang", "en")
    # English sentences, the workbook's own names: its column "Xếp loại" and the values its
    # dropdown offers, not English labels that exist nowhere in this Vietnamese workbook
    assert "is not a valid Xếp loại: choose one of Hoàn thành xuất sắc nhiệm vụ" in english.stdout
    assert "1 error, 0 warnings." in english.stdout


@pytest.mark.parametrize("content", [b"", b"hello, this is text", b"PK\x03\x04broken"])
def test_validate_refuses_unusable_files_in_one_sentence(tmp_path, content):
    path = tmp_path / "hong.xlsx"
    path.write_bytes(content)
    done = run_cli("validate", path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "hong.xlsx" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_missing_file_is_one_sentence(tmp_path):
    done = run_cli("evaluate", tmp_path / "khong_co.xlsx")
    assert done.returncode == 2 and "khong_co.xlsx" in done.stderr and "Traceback" not in done.stderr


CORPUS = ROOT.parent / "shared" / "corpus" / "excel-made"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared/corpus/excel-made is not beside the repository")
def test_every_real_workbook_of_the_corpus_gets_a_clear_answer(tmp_path):
    from click.testing import CliRunner

    from parcom_excel.cli import cli

    for source in sorted(CORPUS.glob("*.xls*")):
        path = tmp_path / source.name
        path.write_bytes(source.read_bytes())
        done = CliRunner().invoke(cli, ["validate", str(path)])
        assert done.exit_code == 2, (source.name, done.output)
        assert done.exception is None or isinstance(done.exception, SystemExit)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and source.name in lines[0], (source.name, done.stderr)


def test_a_large_clean_workbook_yields_no_problem(tmp_path):
    import xlsxwriter

    from parcom_excel import contract as C
    from tests.workbooks import setting_value

    path = tmp_path / "lon.xlsx"
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = book.add_worksheet("Cấu hình")
    ws.write_row(0, 0, ["Tham số", "Giá trị"])
    for r, s in enumerate(C.SETTINGS, 1):
        ws.write_row(r, 0, [s.vi, setting_value(s, s.default)])
    units = [f"DV{i:03d}" for i in range(60)]
    staff = [(f"CB{i:05d}", units[i % len(units)]) for i in range(6000)]
    sheets = {
        "Đơn vị": [[u, f"Phòng số {i}", "Phòng chuyên môn"] for i, u in enumerate(units)],
        "Cán bộ": [[s, f"Nguyễn Văn {s}", u, "Công chức"] for s, u in staff],
        "Đánh giá cá nhân": [[y, s, "HTTNV"] for s, _ in staff for y in range(2022, 2026)],
        "Kết quả đơn vị": [
            [y, u, 3, 3, 1, "Đạt", "Đạt", "Hoàn thành"] for u in units for y in range(2022, 2026)
        ],
        "Sáng kiến": [[f"SK{i}", f"Sáng kiến {i}", 2023, "Cơ sở", staff[i * 7][0]] for i in range(300)],
        "Kỷ luật": [],
    }
    for sheet in C.DATA_SHEETS:
        ws = book.add_worksheet(sheet.vi)
        ws.write_row(0, 0, [c.vi for c in sheet.columns])
        for r, row in enumerate(sheets.get(sheet.vi, []), 1):
            ws.write_row(r, 0, row)
    book.close()
    assert problems_of(path) == []


def test_an_empty_workbook_is_one_sentence(tmp_path):
    path = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(path)
    done = run_cli("validate", path)
    assert (
        done.returncode == 2
        and "trong.xlsx" in done.stderr
        and "không có sheet nào có dữ liệu" in done.stderr
    )


def test_json_problems_carry_codes_and_one_language(tmp_path):
    # A Vietnamese workbook, messages in English: the hint is English (a catalog fact, not a
    # Vietnamese phrase stored in the problem), the setting's name is the one in the workbook.
    book = write_book(tmp_path / "book.xlsx", department(), {"from_year": "hai nghìn"})
    done = run_cli("validate", book, "--format", "json", "--lang", "en")
    assert done.returncode == 1, done.stderr
    problem = next(p for p in json.loads(done.stdout)["problems"] if p["code"] == "bad_setting")
    assert problem["params"]["hint"] == {"code": "hint.whole_number", "params": {}}
    assert "enter a whole number" in problem["message"] and "hãy nhập" not in problem["message"]
    assert "Từ năm" in problem["message"]
