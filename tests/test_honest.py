"""Issue #11, "honest results": every situation built as a real workbook, and what the tool then
says (console, errors sheet, log, exit code) checked against the data of that workbook."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.cli import COMMANDS
from parcom_excel.cli import run_cli as parcom
from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from tests.workbooks import ROOT, department, find, run_cli, variant, write_book

VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"


def setting_cell(key: str) -> str:
    """Where write_book puts a setting's value: one row per setting, after the header."""
    return f"B{2 + [s.key for s in C.SETTINGS].index(key)}"


def evaluated(path: Path, **kw):
    return run(FileAdapter(path), write=False, **kw)


def codes(result, code: str):
    return [p for p in result.problems if p.code == code]


def errors_sheet(path: Path, name: str = "Lỗi dữ liệu") -> list[tuple]:
    return list(openpyxl.load_workbook(path, read_only=True)[name].iter_rows(values_only=True))


def book_view(path: Path) -> tuple[str, list[str]]:
    """(name of the sheet the workbook opens on, names of the sheets marked selected)."""
    from xml.etree import ElementTree as ET

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as zf:
        workbook = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheets = workbook.find(f"{main}sheets")
        active = int(workbook.find(f"{main}bookViews/{main}workbookView").get("activeTab", "0"))
        names, selected = [], []
        for sheet in sheets:
            names.append(sheet.get("name"))
            part = "xl/" + targets[sheet.get(rel)].lstrip("/").removeprefix("xl/")
            if b'tabSelected="1"' in zf.read(part)[:4096]:
                selected.append(sheet.get("name"))
    return names[active], selected


# ---------------------------------------------------------------- 2: held back by missing data


def test_a_missing_row_of_an_otherwise_eligible_candidate_is_a_warning_naming_it(tmp_path):
    data = department()
    data["ratings"] = [r for r in data["ratings"] if not (r["staff_id"] == "CB04" and r["year"] == 2024)]
    data["results"] = [r for r in data["results"] if not (r["unit_id"] == "VP" and r["year"] == 2023)]
    result = evaluated(write_book(tmp_path / "thieu.xlsx", data))

    assert result.exit_code == 0
    (row,) = codes(result, "held_back_result")
    assert (row.sheet, row.cell, row.value) == ("Đơn vị", "A2", "VP")
    assert row.params["criteria"] == ["TT1", "TT2", "TT4"] and row.params["year"] == 2023
    assert row.params["rows_sheet"] == "Kết quả đơn vị"
    (rating,) = codes(result, "held_back_rating")
    assert (rating.value, rating.params["year"], rating.params["person_id"]) == ("TT", 2024, "CB04")
    (own,) = codes(result, "held_back_own_rating")
    assert (own.sheet, own.cell, own.value, own.params["year"]) == ("Cán bộ", "A5", "CB04", 2024)
    assert own.message("vi") == (
        'Phạm Thị Dung (CB04) chưa được xét khen thưởng vì thiếu dữ liệu CN2 năm 2024: sheet "Đánh giá cá nhân" '
        "không có xếp loại năm 2024 của người này; hãy thêm dòng đó rồi đánh giá lại."
    )
    summary = result.summary_text("vi")
    assert (
        "- 3 tập thể, cá nhân không trượt tiêu chí nào nhưng thiếu dữ liệu nên chưa được xét khen thưởng: "
        "Văn phòng Sở (VP): TT1, TT2, TT4; Trung tâm Ứng dụng tiến bộ KH&CN (TT): TT6; Phạm Thị Dung (CB04): CN2."
    ) in summary
    # every warning is accounted for: the 3 held-back ones stand behind that one line
    total = int(re.search(r"^(\d+) cảnh báo\.$", summary, re.M).group(1))
    rest = re.search(r"^- (\d+) cảnh báo về dữ liệu", summary, re.M)
    listed = [line for line in summary.splitlines() if line.startswith("- ")]
    assert total == 3 + (len(listed) - 1 - bool(rest)) + (int(rest.group(1)) if rest else 0)
    english = result.summary_text("en")
    assert "- 3 candidates fail no criterion but lack data, so are not considered for an award:" in english
    assert "no data for TT1, TT2, TT4 in 2023" in row.message("en")


def test_one_candidate_held_back_is_said_in_the_singular(tmp_path):
    data = department()
    data["results"] = [r for r in data["results"] if not (r["unit_id"] == "VP" and r["year"] == 2023)]
    english = evaluated(write_book(tmp_path / "one.xlsx", data)).summary_text("en")
    assert "- 1 candidate fails no criterion but lacks data, so is not considered for an award: " in english


def test_missing_data_of_a_candidate_failing_another_criterion_is_not_a_held_back_warning(tmp_path):
    data = department()
    data["ratings"] = [r for r in data["ratings"] if not (r["staff_id"] == "CB04" and r["year"] == 2024)]
    # CB04 is disciplined: CN3 (and TT5 of the centre) not met, so the missing rating changes nothing
    data["discipline"] = [{"decision_date": date(2023, 3, 1), "form": "Khiển trách", "staff_id": "CB04"}]
    result = evaluated(write_book(tmp_path / "kl.xlsx", data))
    assert [p for p in result.problems if p.code.startswith("held_back_")] == []
    assert "thiếu dữ liệu nên chưa được xét" not in result.summary_text("vi")


def test_an_unknown_replicability_names_the_initiative_and_column(tmp_path):
    path = write_book(tmp_path / "nr.xlsx", department(), {"cn1_need_replicable": "Y"})
    result = evaluated(path, lang="en")
    found = {(p.value, p.params["initiative"]) for p in codes(result, "held_back_replicable")}
    assert found == {("CB01", "SK01"), ("CB02", "SK01"), ("CB03", "SK02"), ("CB04", "SK02")}
    message = codes(result, "held_back_replicable")[0].message("en")
    assert 'has no "Có thể nhân rộng" value' in message  # the column as this Vietnamese book has it


# ---------------------------------------------------------------- 3: impossible and empty periods


def test_a_reversed_period_on_the_command_line_is_refused_in_one_sentence(tmp_path):
    path = write_book(tmp_path / "p.xlsx", department())
    before = path.read_bytes()
    done = run_cli("evaluate", path, "--from-year", "2025", "--to-year", "2022")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "Kỳ xét không dùng được cho p.xlsx: từ năm 2025 (--from-year) lớn hơn đến năm 2022 (--to-year); "
        "hãy sửa --from-year hoặc --to-year để từ năm không lớn hơn đến năm."
    ]
    assert path.read_bytes() == before
    # one end from the command, the other from the settings: the settings cell is named
    done = run_cli("evaluate", path, "--from-year", "2026")
    assert done.returncode == 2 and f"đến năm 2025 (Cấu hình!{setting_cell('to_year')})" in done.stderr
    assert path.read_bytes() == before


def test_a_reversed_period_in_the_settings_is_a_data_error_at_its_cell(tmp_path):
    path = write_book(tmp_path / "p.xlsx", department(), {"from_year": 2025, "to_year": 2022})
    done = run_cli("evaluate", path)
    assert done.returncode == 1
    rows = [r for r in errors_sheet(path) if r[1] == "Lỗi"]
    assert [(r[2], r[3]) for r in rows] == [("Cấu hình", setting_cell("from_year"))]
    assert "không có năm nào để xét" in rows[0][5]


def test_a_period_without_any_data_says_so_on_the_first_line(tmp_path):
    path = write_book(tmp_path / "p.xlsx", department())
    done = run_cli("evaluate", path, "--from-year", "2030", "--to-year", "2031", "-o", tmp_path / "out.xlsx")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith(
        'Kỳ xét 2030–2031 không có xếp loại, kết quả đơn vị hay sáng kiến nào (sheet "Đánh giá cá nhân", '
        '"Kết quả đơn vị", "Sáng kiến")'
    )
    # a period with data has no such warning (the clean department has no problem at all)
    assert evaluated(path, errors_only=True).problems == []


# ---------------------------------------------------------------- 5: rows outside the period


def test_rows_outside_the_period_are_one_warning_per_sheet(tmp_path):
    path = write_book(tmp_path / "sk.xlsx", department())
    result = evaluated(path, from_year=2022, to_year=2023, errors_only=True)
    found = {p.sheet: p for p in codes(result, "rows_outside_period")}
    assert set(found) == {"Đánh giá cá nhân", "Kết quả đơn vị", "Sáng kiến"}
    ratings = found["Đánh giá cá nhân"]
    assert (ratings.cell, ratings.params["count"], ratings.params["years"]) == ("A10", 8, [2024, 2025])
    assert ratings.message("vi") == (
        "8 dòng có năm ngoài kỳ xét 2022–2023 (năm 2024, 2025; ô A10, A11, A12, …) nên không được tính."
    )
    assert found["Kết quả đơn vị"].params["count"] == 4
    assert found["Sáng kiến"].message("en") == (
        "1 row dated outside the period 2022–2023 (years 2024; cells C3) is not counted."
    )
    assert len(result.problems) == 3  # the data's only warnings: no line per row


# ---------------------------------------------------------------- 4: merge conflicts


@pytest.mark.parametrize(
    ("header", "note"),
    [("Nguồn", "a.xlsx — XUNG ĐỘT: Họ và tên khác ở b.xlsx 'Cán bộ'!B3"), ("Source", "a.xlsx — CONFLICT: x")],
)
def test_a_row_still_marked_as_a_conflict_is_a_data_error_at_its_source_cell(tmp_path, header, note):
    path = write_book(tmp_path / "master.xlsx", department())
    book = openpyxl.load_workbook(path)
    ws = book["Cán bộ"]
    column = ws.max_column + 1
    ws.cell(1, column, header)
    ws.cell(2, column, "a.xlsx; b.xlsx")  # merged from two books, no conflict
    ws.cell(3, column, note)
    book.save(path)
    result = evaluated(path)
    assert result.exit_code == 1
    (error,) = result.errors
    assert (error.code, error.sheet, error.cell, error.value) == (
        "merge_conflict_unresolved",
        "Cán bộ",
        f"{openpyxl.utils.get_column_letter(column)}3",
        note,
    )


# ---------------------------------------------------------------- 6: what an error run says and writes


def test_an_error_run_says_it_wrote_the_error_list_and_logs_real_counts(tmp_path):
    path = write_book(tmp_path / "e.xlsx", department())
    assert run_cli("evaluate", path).returncode == 0
    book = openpyxl.load_workbook(path)
    book["Đánh giá cá nhân"]["C3"] = "Tốt lắm"
    book.save(path)
    done = run_cli("evaluate", path)
    assert done.returncode == 1
    assert "Đã ghi kết quả" not in done.stdout
    assert (
        f'Đã ghi danh sách lỗi vào sheet "Lỗi dữ liệu" của {path}; không có kết quả đánh giá nào được ghi. '
        'Các sheet kết quả cũ ("KQ Tập thể", "KQ Cá nhân", "Đề nghị khen thưởng", "Tổng quan") '
        "đã được thay bằng thông báo kết quả cũ đã bị xóa."
    ) in done.stdout
    rows = errors_sheet(path)
    text = " ".join(str(v) for row in rows for v in row if v)
    assert "Kết quả tính lúc" not in text and "Danh sách lỗi lập lúc" in text
    log = list(openpyxl.load_workbook(path, read_only=True)["Nhật ký"].iter_rows(values_only=True))
    header, last = log[0], log[-1]
    entry = dict(zip(header, last, strict=False))
    assert (entry["Đơn vị"], entry["Cán bộ"], entry["Lỗi"]) == (2, 4, 1)
    assert entry["Tập thể đủ tiêu chuẩn"] is None and entry["Cá nhân đề nghị"] is None  # not 0
    assert book_view(path)[0] == "Lỗi dữ liệu"


# ---------------------------------------------------------------- 8: a folder; the sheet opened next


def test_a_folder_given_to_evaluate_says_it_is_a_folder_and_names_batch(tmp_path):
    (tmp_path / "so").mkdir()
    for command in ("evaluate", "validate"):
        done = run_cli(command, tmp_path / "so")
        assert done.returncode == 2
        assert f"{tmp_path / 'so'} là một thư mục, không phải một sổ làm việc" in done.stderr
        assert f"parcom batch {tmp_path / 'so'} --out" in done.stderr


def test_the_workbook_opens_on_the_nomination_list_with_the_users_parts_intact(tmp_path):
    path = write_book(tmp_path / "v.xlsx", department())
    book = openpyxl.load_workbook(path)  # the clerk last worked on the staff sheet
    book.active = book.sheetnames.index("Cán bộ")
    book["Cán bộ"].sheet_view.tabSelected = True
    book.save(path)
    with zipfile.ZipFile(path) as zf:
        before = {name: zf.read(name) for name in zf.namelist()}
    out = tmp_path / "out.xlsx"
    assert run_cli("evaluate", path, "-o", out).returncode == 0
    assert book_view(out) == ("Đề nghị khen thưởng", ["Đề nghị khen thưởng"])
    with zipfile.ZipFile(out) as zf:
        after = {name: zf.read(name) for name in zf.namelist()}
    first = "xl/worksheets/sheet3.xml"  # Cán bộ, the sheet that was selected
    assert b'tabSelected="1"' in before[first]
    assert after[first] == re.sub(rb'\stabSelected="(?:1|true)"', b"", before[first], count=1)
    for name in before:
        if name.startswith("xl/worksheets/sheet") and name != first:
            assert after[name] == before[name], name
    assert run_cli("evaluate", out).returncode == 0  # again in place: still one selected tab
    assert book_view(out) == ("Đề nghị khen thưởng", ["Đề nghị khen thưởng"])
    if VALIDATOR.exists():  # the output adds no finding to those of the input (openpyxl's own)
        findings = {}
        for book in (path, out):
            checked = subprocess.run([str(VALIDATOR), str(book)], capture_output=True, text=True, timeout=300)
            if checked.returncode == 3:
                pytest.skip(f"OOXML validator unavailable: {checked.stderr.strip()[:200]}")
            findings[book] = {line.strip() for line in checked.stdout.splitlines()[1:] if line.strip()}
        assert findings[out] <= findings[path], findings[out] - findings[path]


# ---------------------------------------------------------------- 7: the CLI in the user's language


def _all_commands():
    from parcom_excel.cli import cli

    out = []
    for name in COMMANDS:
        command = cli.get_command(None, name)
        out.append(([name], command))
        for sub, child in getattr(command, "commands", {}).items():
            out.append(([name, sub], child))
    return out


def test_every_command_and_option_has_vietnamese_and_english_help():
    from parcom_excel.i18n import CATALOG

    for words, command in _all_commands():
        path = ".".join(words)
        assert f"help.{path}" in CATALOG, path
        for param in command.params:
            if param.param_type_name == "option":
                keys = (f"help.{path}.{param.name}", f"help.*.{param.name}")
                assert any(k in CATALOG for k in keys), f"{path} {param.opts}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_of_parcom_and_each_command_in_the_users_language(capsys, monkeypatch, lang):
    monkeypatch.delenv("PARCOM_LANG", raising=False)
    usage, options = ("Cách dùng:", "Tùy chọn:") if lang == "vi" else ("Usage:", "Options:")
    extra = [] if lang == "vi" else ["--lang", "en"]
    for words in [[], *(w for w, _ in _all_commands())]:
        assert parcom([*words, "--help", *extra]) == 0
        shown = capsys.readouterr().out
        assert shown.startswith(f"{usage} parcom") and options in shown, words
        if lang == "vi":
            assert "Usage" not in shown and "Show this message" not in shown and "[default:" not in shown
    monkeypatch.setenv("PARCOM_LANG", "en")
    assert parcom(["evaluate", "--help"]) == 0
    assert capsys.readouterr().out.startswith("Usage: parcom evaluate [OPTIONS] BOOK")


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["evaluate"],
            'Lệnh "parcom evaluate" còn thiếu TỆP_EXCEL: hãy gõ parcom evaluate TỆP_EXCEL',
            'The command "parcom evaluate" needs BOOK: type parcom evaluate BOOK',
        ),
        (
            ["evaluate", "b.xlsx", "--from-year", "abc"],
            '"abc" không phải số nguyên nên không dùng được cho --from-year: hãy ghi một số nguyên.',
            '"abc" is not a whole number, so it cannot be used for --from-year: give a whole number.',
        ),
        (
            ["evalute", "b.xlsx"],
            'parcom không có lệnh "evalute": các lệnh là init, validate, evaluate',
            'parcom has no command "evalute": the commands are init, validate, evaluate',
        ),
        (
            ["validate", "b.xlsx", "--format", "xml"],
            '"xml" không dùng được cho --format: hãy chọn một trong text, json.',
            '"xml" cannot be used for --format: choose one of text, json.',
        ),
        (
            ["evaluate", "--bogus", "b.xlsx"],
            'Lệnh "parcom evaluate" không có tùy chọn --bogus',
            'The command "parcom evaluate" has no option --bogus',
        ),
    ],
)
def test_usage_errors_are_one_sentence_and_exit_2(capsys, monkeypatch, args, vi, en):
    monkeypatch.delenv("PARCOM_LANG", raising=False)
    for extra, expected in (([], vi), (["--lang", "en"], en)):
        assert parcom([*args, *extra]) == 2
        captured = capsys.readouterr()
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(expected), captured.err
        assert "Usage" not in captured.err and "Try " not in captured.err and captured.out == ""


def test_usage_errors_through_the_program_itself():
    done = run_cli("evaluate", env={"PARCOM_LANG": "en"})
    assert done.returncode == 2
    assert done.stderr.strip() == (
        'The command "parcom evaluate" needs BOOK: type parcom evaluate BOOK (see parcom evaluate --help).'
    )
    assert run_cli("--version").stdout.strip().startswith("parcom phiên bản ")


def test_english_on_a_vietnamese_workbook_names_its_own_sheets_and_columns(tmp_path):
    data = variant()
    find(data["results"], unit_id="VP", year=2022)["tasks_assigned"] = "mười"
    find(data["staff"], staff_id="CB02")["unit_id"] = "XX"
    path = write_book(tmp_path / "vi.xlsx", data)
    done = run_cli("validate", path, "--lang", "en")
    assert done.returncode == 1
    assert "vi.xlsx: 2 errors, 0 warnings." in done.stdout
    assert 'Mã đơn vị "XX" is not in sheet "Đơn vị"' in done.stdout
    assert "enter a whole number for Nhiệm vụ CCHC được giao" in done.stdout
    for translated in ('"Units"', "PAR tasks assigned", "Unit code"):
        assert translated not in done.stdout
