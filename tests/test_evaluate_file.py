"""`parcom evaluate` end to end on files: outputs, idempotence, stale results, literal text, locks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.workbooks import department, find, run_cli, write_book

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ["Lỗi dữ liệu", "KQ Tập thể", "KQ Cá nhân", "Đề nghị khen thưởng", "Tổng quan", "Nhật ký"]


def cli(*args):
    return run_cli(*args)


def values(path: Path, sheet: str, skip_stamp: bool = True) -> list[tuple]:
    ws = openpyxl.load_workbook(path, read_only=True)[sheet]
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    if skip_stamp:  # the line with the run's time
        rows = [
            r
            for r in rows
            if not (r and isinstance(r[0], str) and r[0].startswith(("Kết quả tính lúc", "Hưng Yên,")))
        ]
        rows = [
            tuple(v for v in r if not (isinstance(v, str) and v.startswith("Hưng Yên, ngày"))) for r in rows
        ]
    return rows


def test_evaluate_in_place_twice_is_idempotent(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department())
    first = cli("evaluate", book)
    assert first.returncode == 0, first.stderr
    names = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert names[-6:] == OUTPUTS
    snapshot = {s: values(book, s) for s in OUTPUTS if s != "Nhật ký"}
    second = cli("evaluate", book)
    assert second.returncode == 0, second.stderr
    assert openpyxl.load_workbook(book, read_only=True).sheetnames == names
    assert {s: values(book, s) for s in snapshot} == snapshot
    log = values(book, "Nhật ký", skip_stamp=False)
    assert len(log) == 3 and log[1][3] == log[2][3]  # header + two runs, same input fingerprint
    assert log[2][-1] == "Đã đánh giá"


def test_outputs_reopen_in_calamine_with_the_results(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department())
    out = tmp_path / "ket_qua.xlsx"
    assert cli("evaluate", book, "-o", out).returncode == 0
    wb = CalamineWorkbook.from_path(str(out))
    rows = wb.get_sheet_by_name("KQ Cá nhân").to_python()
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")
    ids = {r[1] for r in rows[header + 1 :]}
    assert ids == {"CB01", "CB02", "CB03", "CB04"}
    assert "Đề nghị khen thưởng" in wb.sheet_names


def test_data_errors_replace_earlier_results_with_a_notice(tmp_path):
    data = department()
    book = write_book(tmp_path / "so.xlsx", data)
    assert cli("evaluate", book).returncode == 0
    # the clerk now types a bad rating in the input sheet
    wb = openpyxl.load_workbook(book)
    ws = wb["Đánh giá cá nhân"]
    ws["C2"] = "Tốt lắm"
    wb.save(book)
    done = cli("evaluate", book)
    assert done.returncode == 1
    assert "Tốt lắm" in done.stdout
    sheets = openpyxl.load_workbook(book, read_only=True)
    assert sheets.sheetnames[-6:] == OUTPUTS
    for name in ("KQ Tập thể", "KQ Cá nhân", "Đề nghị khen thưởng", "Tổng quan"):
        assert values(book, name)[0][0].startswith("KẾT QUẢ CŨ ĐÃ BỊ XÓA")
    errors = values(book, "Lỗi dữ liệu")
    assert any(r[3] == "C2" and "Tốt lắm" in (r[5] or "") for r in errors if len(r) > 5)


def test_error_rows_link_to_their_cells(tmp_path):
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "Tốt lắm"
    book = write_book(tmp_path / "so.xlsx", data)
    assert cli("validate", book, "--write-errors").returncode == 1
    ws = openpyxl.load_workbook(book)["Lỗi dữ liệu"]
    links = [c.hyperlink.location for row in ws.iter_rows() for c in row if c.hyperlink]
    assert any(
        link
        and link.endswith(
            "!C" + str(2 + data["ratings"].index(find(data["ratings"], staff_id="CB02", year=2023)))
        )
        and "Đánh giá cá nhân" in link
        for link in links
    )


def test_names_that_look_like_formulas_stay_text(tmp_path):
    data = department()
    find(data["staff"], staff_id="CB02")["full_name"] = '=HYPERLINK("http://x.example","bấm")'
    find(data["units"], unit_id="VP")["unit_name"] = "+cmd|' /C calc'!A0"
    book = write_book(tmp_path / "so.xlsx", data)
    # openpyxl would store those as formulas: make them text cells the way Excel keeps them
    wb = openpyxl.load_workbook(book)
    for ws, cell in ((wb["Cán bộ"], "B3"), (wb["Đơn vị"], "B2")):
        ws[cell].data_type = "s"
    wb.save(book)
    out = tmp_path / "ket_qua.xlsx"
    done = cli("evaluate", book, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name)
                assert b"<f>HYPERLINK" not in xml and b"<f>cmd" not in xml
    ws = openpyxl.load_workbook(out)["KQ Cá nhân"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_lock_file_refuses_in_place_but_allows_a_copy(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department())
    (tmp_path / "~$so.xlsx").write_bytes(b"\x00" * 165)
    before = book.read_bytes()
    done = cli("evaluate", book)
    assert done.returncode == 2 and "đang mở trong Excel" in done.stderr and "Traceback" not in done.stderr
    assert book.read_bytes() == before
    assert cli("evaluate", book, "-o", tmp_path / "copy.xlsx").returncode == 0


def test_english_option(tmp_path):
    book = write_book(tmp_path / "en.xlsx", department(), lang="en")
    out = tmp_path / "out.xlsx"
    done = cli("evaluate", book, "-o", out, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Collectives:" in done.stdout
    names = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert {"Collective results", "Individual results", "Nominations", "Dashboard", "Run log"} <= set(names)


@pytest.mark.parametrize("args", [["--from-year", "1800"], ["-o", "ket_qua.csv"], ["--bogus"]])
def test_unusable_options_exit_2(tmp_path, args):
    book = write_book(tmp_path / "so.xlsx", department())
    done = cli("evaluate", book, *args)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_period_from_the_command_line(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department())
    out = tmp_path / "o.xlsx"
    done = cli("evaluate", book, "-o", out, "--from-year", "2022", "--to-year", "2023")
    assert done.returncode == 0 and "2022–2023" in done.stdout
    log = values(out, "Nhật ký", skip_stamp=False)
    assert log[-1][2] == "2022–2023"


def test_validate_says_when_results_are_out_of_date(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department())
    assert cli("evaluate", book).returncode == 0
    assert "không còn đúng" not in cli("validate", book).stdout
    wb = openpyxl.load_workbook(book)
    wb["Kết quả đơn vị"]["E2"] = 7
    wb.save(book)
    done = cli("validate", book)
    assert done.returncode == 0 and "không còn đúng" in done.stdout


def test_the_program_ends_with_its_whole_report_and_exit_code(tmp_path):
    """`parcom` ends with os._exit after flushing (cli.main): nothing written may be cut off."""
    import json
    import subprocess
    import sys

    book = write_book(tmp_path / "so.xlsx", department())
    # `python cli.py` itself, in a new interpreter (the other tests fork theirs, see run_cli)
    done = run_cli("evaluate", book, "-o", tmp_path / "out.xlsx", "--format", "json", fresh=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # the whole document arrived
    assert report["status"] == "evaluated" and report["counts"]["staff"] == len(department()["staff"])
    assert (
        len(report["nominations"])
        == report["counts"]["nominated_units"] + report["counts"]["nominated_people"]
    )
    assert (tmp_path / "out.xlsx").is_file()

    broken = write_book(tmp_path / "loi.xlsx", department() | {"units": []})
    assert cli("evaluate", broken).returncode == 1
    assert cli("evaluate", tmp_path / "missing.xlsx").returncode == 2
    assert cli("evaluate").returncode == 2  # click's own usage error

    # a reader that stops early (`parcom … | head -1`): no traceback, the exit code stays ours
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "evaluate", str(book)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err
    assert proc.returncode == 0


def test_the_summary_accounts_for_every_warning(tmp_path):
    import re

    out = tmp_path / "kq.xlsx"
    done = cli("evaluate", ROOT / "workbook" / "parcom_sample.xlsx", "-o", out)
    assert done.returncode == 0, done.stderr
    total = int(re.search(r"^(\d+) cảnh báo\.$", done.stdout, re.M).group(1))
    listed = [line for line in done.stdout.splitlines() if line.startswith("- ")]
    rest = re.search(r'^- (\d+) cảnh báo về dữ liệu: xem sheet "Lỗi dữ liệu"\.$', done.stdout, re.M)
    assert rest is not None  # the sample has a data warning (an initiative outside the period)
    held = re.search(
        r"^- (\d+) tập thể, cá nhân không trượt tiêu chí nào nhưng thiếu dữ liệu", done.stdout, re.M
    )
    assert held is not None  # the sample: TTTT lacks its 2023 result row (TT1, TT2, TT4)
    rows = openpyxl.load_workbook(out, read_only=True)["Lỗi dữ liệu"].iter_rows(values_only=True)
    held_rows = [
        r for r in rows if r[1] == "Cảnh báo" and "chưa được xét khen thưởng vì thiếu dữ liệu" in r[5]
    ]
    assert len(held_rows) >= int(held.group(1))  # one warning per missing row, one line per candidate
    assert len(listed) - 2 + len(held_rows) + int(rest.group(1)) == total
