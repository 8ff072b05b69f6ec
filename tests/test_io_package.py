"""Writing our sheets into the user's workbook at the package level, and the renderer behind it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from python_calamine import CalamineWorkbook

from parcom_excel.io import opc
from parcom_excel.io.package import owned_sheets, write_outputs
from parcom_excel.model import Cell, Chart, OutputSheet
from parcom_excel.problems import ParcomError
from tests.helpers_rich import (
    NS_MAIN,
    NS_R,
    add_calc_chain,
    blank_book,
    build_big_workbook,
    build_cfb,
    build_rich_workbook,
    check_preserved,
    protect_structure,
    read_parts,
    rewrite_zip,
    sheet_parts,
)

# openpyxl, used here only to read results back, warns about the x14 parts it cannot keep.
pytestmark = pytest.mark.filterwarnings("ignore:.*extension is not supported:UserWarning")

UNITS, LOG = "KQ Tập thể", "Nhật ký"
FORMULA_TEXT = '=HYPERLINK("http://x","y")'


def make_outputs(units: str = UNITS, n: int = 3) -> list[OutputSheet]:
    rows: list[list[Cell | None]] = [
        [Cell("Kết quả xét tập thể", "title")],
        [Cell("Đơn vị", "header"), Cell("Tỉ lệ", "header"), Cell("Ngày", "header"), Cell("Nguồn", "header")],
    ]
    for i in range(n):
        rows.append(
            [
                Cell(f"Đơn vị {i + 1}"),
                Cell((i + 1) / (n + 1), "pct"),
                Cell(date(2024, 1, 15 + i), "date"),
                Cell(f"Dữ liệu!A{i + 2}", "link", link=f"'Dữ liệu'!A{i + 2}"),
            ]
        )
    rows.append([Cell(FORMULA_TEXT), Cell("+84 912"), Cell("@home"), Cell("-5 điểm")])
    chart = Chart("Tỉ lệ đạt", categories=(2, 1 + n, 0), series=[(1, 1, 2, 1)], last_row=1 + n, anchor=(0, 6))
    units_sheet = OutputSheet(
        key="units_result",
        name=units,
        rows=rows,
        widths={0: 28, 3: 16},
        heights={0: 24},
        freeze=(2, 0),
        merges=[(0, 0, 0, 3)],
        autofilter=(1, 0, 1 + n, 3),
        landscape=True,
        repeat_rows=(1, 1),
        chart=chart,
        tab_color="#1F4E78",
    )
    log = OutputSheet(
        key="log",
        name=LOG,
        rows=[
            [Cell("Thời gian", "header"), Cell("Kết quả", "header")],
            [Cell(datetime(2024, 5, 1, 8, 30), "datetime"), Cell("Đạt")],
        ],
    )
    return [units_sheet, log]


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return build_rich_workbook(tmp_path / "book.xlsx")


def _sheet_xml(path: Path, name: str) -> bytes:
    parts = read_parts(path)
    return parts[sheet_parts(parts)[name]]


# ---------------------------------------------------------------- preservation over runs


def test_two_runs_keep_every_user_part_and_replace_ours(rich: Path) -> None:
    original = read_parts(rich)
    assert write_outputs(rich, make_outputs()) == []
    first = read_parts(rich)
    check_preserved(original, first, [UNITS, LOG])
    assert list(sheet_parts(first)) == ["Dữ liệu", "Danh mục", UNITS, LOG]

    assert write_outputs(rich, make_outputs(n=5)) == []
    second = read_parts(rich)
    check_preserved(original, second, [UNITS, LOG], replaced=True)
    assert list(sheet_parts(second)) == ["Dữ liệu", "Danh mục", UNITS, LOG]  # replaced, not duplicated
    assert sorted(second) == sorted(first)  # same part names again
    assert second["xl/styles.xml"] == first["xl/styles.xml"]  # styles do not grow on re-run
    assert owned_sheets(rich) == {"units_result": UNITS, "log": LOG}
    rows = CalamineWorkbook.from_path(str(rich)).get_sheet_by_name(UNITS).to_python()
    assert [r[0] for r in rows[2:7]] == [f"Đơn vị {i}" for i in range(1, 6)]


def test_styles_are_merged_not_copied(rich: Path) -> None:
    before = etree.fromstring(read_parts(rich)["xl/styles.xml"])
    write_outputs(rich, make_outputs())
    after = etree.fromstring(read_parts(rich)["xl/styles.xml"])
    xfs_before = len(before.find(f"{{{NS_MAIN}}}cellXfs"))
    xfs = after.find(f"{{{NS_MAIN}}}cellXfs")
    assert int(xfs.get("count")) == len(xfs) > xfs_before
    fmts = {f.get("formatCode"): int(f.get("numFmtId")) for f in after.find(f"{{{NS_MAIN}}}numFmts")}
    assert fmts["dd/mm/yyyy"] >= 164 and fmts['#,##0.00 "₫"'] >= 164  # the user's own format kept
    assert len(set(fmts.values())) == len(fmts)
    # every style id our sheet uses exists in the user's styles.xml
    used = {int(s) for s in re.findall(rb' s="(\d+)"', _sheet_xml(rich, UNITS))}
    assert used and max(used) < len(xfs)


def test_values_reopen_in_openpyxl_and_calamine(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    book = openpyxl.load_workbook(rich)
    ws = book[UNITS]
    assert ws["A1"].value == "Kết quả xét tập thể"
    assert ws["A3"].value == "Đơn vị 1"
    assert ws["B3"].value == pytest.approx(0.25) and ws["B3"].number_format == "0%"
    assert ws["C3"].value == datetime(2024, 1, 15)
    assert ws["A6"].value == FORMULA_TEXT and ws["A6"].data_type == "s"
    assert ws["A6"].quotePrefix and ws["B6"].quotePrefix and ws["C6"].quotePrefix and ws["D6"].quotePrefix
    assert ws.freeze_panes == "A3"
    assert "A1:D1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.auto_filter.ref == "A2:D5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$2:$2"
    assert book[LOG]["A2"].value == datetime(2024, 5, 1, 8, 30)
    assert book["Dữ liệu"]["A2"].value == "DV01"  # the user's data

    cal = CalamineWorkbook.from_path(str(rich))
    assert cal.sheet_names == ["Dữ liệu", "Danh mục", UNITS, LOG]
    rows = cal.get_sheet_by_name(UNITS).to_python()
    assert rows[2][:3] == ["Đơn vị 1", 0.25, date(2024, 1, 15)]
    assert rows[5] == [FORMULA_TEXT, "+84 912", "@home", "-5 điểm"]
    # the user's cached formula results are still there
    assert cal.get_sheet_by_name("Dữ liệu").to_python()[1][4] == 3.0


def test_formula_looking_text_stays_text(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    xml = _sheet_xml(rich, UNITS)
    assert b"<f>" not in xml and b"<f " not in xml
    cell = re.search(rb'<c r="A6"[^>]*>.*?</c>', xml).group(0)
    assert b't="inlineStr"' in cell and b"HYPERLINK" in cell
    assert b"sharedStrings" not in read_parts(rich)["xl/worksheets/_rels/sheet1.xml.rels"]


def test_links_point_inside_the_workbook(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    ws = openpyxl.load_workbook(rich)[UNITS]
    assert ws["D3"].hyperlink.location == "'Dữ liệu'!A2"
    assert ws["D3"].hyperlink.target is None  # no relationship, no external target
    xml = _sheet_xml(rich, UNITS)
    assert b"r:id" not in re.search(rb"<hyperlinks>.*?</hyperlinks>", xml).group(0)


def test_our_sheets_are_never_selected(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    assert b"tabSelected" not in _sheet_xml(rich, UNITS)
    assert b"tabSelected" not in _sheet_xml(rich, LOG)


def test_print_titles_get_the_position_of_our_sheet(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    book = etree.fromstring(read_parts(rich)["xl/workbook.xml"])
    names = {(d.get("name"), d.get("localSheetId")): d.text for d in book.iter(f"{{{NS_MAIN}}}definedName")}
    assert names[("_xlnm.Print_Titles", "2")] == f"'{UNITS}'!$2:$2"
    assert names[("Cuc_bo", "0")] == "'Dữ liệu'!$A$1"  # the user's sheet-scoped name did not move
    assert names[("_parcom_units_result", None)] == f"'{UNITS}'!$A$1"
    markers = [d for d in book.iter(f"{{{NS_MAIN}}}definedName") if d.get("name").startswith("_parcom_")]
    assert all(d.get("hidden") == "1" for d in markers)


def test_sheet_ids_and_relationship_ids_are_new(rich: Path) -> None:
    write_outputs(rich, make_outputs())
    parts = read_parts(rich)
    book = etree.fromstring(parts["xl/workbook.xml"])
    ids = [int(s.get("sheetId")) for s in book.iter(f"{{{NS_MAIN}}}sheet")]
    assert ids == [1, 2, 3, 4]
    rids = [s.get(f"{{{NS_R}}}id") for s in book.iter(f"{{{NS_MAIN}}}sheet")]
    assert len(set(rids)) == 4
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    assert len({r.get("Id") for r in rels}) == len(rels)


def test_user_sheet_with_our_name_is_left_alone(tmp_path: Path) -> None:
    path = build_rich_workbook(tmp_path / "book.xlsx", user_sheet=UNITS)
    original = read_parts(path)
    problems = write_outputs(path, make_outputs())
    assert [(p.code, p.severity, p.value, p.params) for p in problems] == [
        ("sheet_name_taken", "warning", UNITS, {"other": f"{UNITS} (2)"})
    ]
    first = read_parts(path)
    check_preserved(original, first, [f"{UNITS} (2)", LOG])
    assert first[sheet_parts(first)[UNITS]] == original[sheet_parts(original)[UNITS]]
    assert "(2)" in problems[0].message("vi") and UNITS in problems[0].message("en")

    problems = write_outputs(path, make_outputs())
    second = read_parts(path)
    assert [p.params["other"] for p in problems] == [f"{UNITS} (2)"]  # no "(3)"
    assert list(sheet_parts(second)) == ["Dữ liệu", "Danh mục", UNITS, f"{UNITS} (2)", LOG]
    check_preserved(original, second, [f"{UNITS} (2)", LOG], replaced=True)


def test_sheet_renamed_by_the_user_keeps_its_name(rich: Path) -> None:
    write_outputs(rich, make_outputs())

    def rename(parts: dict[str, bytes]) -> None:  # what Excel does on a rename
        parts["xl/workbook.xml"] = (
            parts["xl/workbook.xml"]
            .replace(f'name="{UNITS}"'.encode(), b'name="Cu"')
            .replace(f"'{UNITS}'!".encode(), b"Cu!")
        )

    rewrite_zip(rich, rename)
    assert owned_sheets(rich)["units_result"] == "Cu"
    write_outputs(rich, make_outputs(n=5))
    # replaced in place and under the user's name, which the user's formulas may use
    assert list(sheet_parts(read_parts(rich))) == ["Dữ liệu", "Danh mục", "Cu", LOG]
    assert owned_sheets(rich)["units_result"] == "Cu"
    rows = CalamineWorkbook.from_path(str(rich)).get_sheet_by_name("Cu").to_python()
    assert rows[6][0] == "Đơn vị 5"


def test_a_sheet_under_its_other_language_name_takes_the_new_one(rich: Path) -> None:
    english = make_outputs(units="Collective results")
    for out in english:
        out.names = (UNITS, "Collective results")
    write_outputs(rich, english)
    vietnamese = make_outputs()
    for out in vietnamese:
        out.names = (UNITS, "Collective results")
    write_outputs(rich, vietnamese)
    assert list(sheet_parts(read_parts(rich))) == ["Dữ liệu", "Danh mục", UNITS, LOG]


def test_links_between_our_sheets_follow_a_rename(tmp_path: Path) -> None:
    path = build_rich_workbook(tmp_path / "book.xlsx", user_sheet=LOG)
    outs = make_outputs()
    outs[0].rows.append([Cell("Xem nhật ký", "link", link=f"'{LOG}'!A1")])
    write_outputs(path, outs)
    ws = openpyxl.load_workbook(path)[UNITS]
    assert ws.cell(row=len(outs[0].rows), column=1).hyperlink.location == f"'{LOG} (2)'!A1"


def test_part_shared_with_a_user_sheet_survives_replacement(rich: Path) -> None:
    original = read_parts(rich)
    write_outputs(rich, make_outputs())
    first = read_parts(rich)
    ours = sheet_parts(first)[UNITS]
    drawing_rels = next(n for n in first if n.startswith("xl/drawings/_rels/") and n not in original)

    def share_image(parts: dict[str, bytes]) -> None:  # the user pasted their picture on our sheet
        parts[drawing_rels] = parts[drawing_rels].replace(
            b"</Relationships>",
            b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/image" Target="../media/image1.png"/></Relationships>',
        )

    rewrite_zip(rich, share_image)
    write_outputs(rich, make_outputs())
    second = read_parts(rich)
    assert second["xl/media/image1.png"] == original["xl/media/image1.png"]
    assert sheet_parts(second)[UNITS] == ours  # same part name, replaced in place
    assert b"image1.png" not in second[drawing_rels]  # our new drawing does not use it
    check_preserved(original, second, [UNITS, LOG], replaced=True)


def test_calc_chain_kept_when_appending_dropped_when_replacing(rich: Path) -> None:
    rewrite_zip(rich, add_calc_chain)
    original = read_parts(rich)
    write_outputs(rich, make_outputs())
    first = read_parts(rich)
    assert first["xl/calcChain.xml"] == original["xl/calcChain.xml"]
    check_preserved(original, first, [UNITS, LOG])
    write_outputs(rich, make_outputs())
    second = read_parts(rich)
    assert "xl/calcChain.xml" not in second
    assert b"calcChain" not in second["[Content_Types].xml"]
    assert b"calcChain" not in second["xl/_rels/workbook.xml.rels"]
    check_preserved(original, second, [UNITS, LOG], replaced=True)


def test_xlsm_keeps_its_macros(tmp_path: Path) -> None:
    vba = build_cfb({"dir": b"fake vba project " * 50})
    path = build_rich_workbook(tmp_path / "book.xlsm", vba=vba)
    original = read_parts(path)
    write_outputs(path, make_outputs())
    write_outputs(path, make_outputs())
    result = read_parts(path)
    assert result["xl/vbaProject.bin"] == original["xl/vbaProject.bin"]
    types = etree.fromstring(result["[Content_Types].xml"])
    kinds = {n.get("PartName"): n.get("ContentType") for n in types if n.get("PartName")}
    assert kinds["/xl/workbook.xml"] == "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    check_preserved(original, result, [UNITS, LOG], replaced=True)
    assert openpyxl.load_workbook(path, keep_vba=True)[UNITS]["A3"].value == "Đơn vị 1"


def test_date_1904_workbook_gets_right_dates(tmp_path: Path) -> None:
    path = build_rich_workbook(tmp_path / "book.xlsx", date_1904=True)
    write_outputs(path, make_outputs())
    assert openpyxl.load_workbook(path)[UNITS]["C3"].value == datetime(2024, 1, 15)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(UNITS).to_python()
    assert rows[2][2] == date(2024, 1, 15)
    serial = re.search(rb'<c r="C3"[^>]*><v>(\d+)</v>', _sheet_xml(path, UNITS)).group(1)
    assert int(serial) == 45306 - 1462


def test_structure_protected_workbook_is_refused(rich: Path) -> None:
    rewrite_zip(rich, protect_structure)
    before = rich.read_bytes()
    with pytest.raises(ParcomError) as err:
        write_outputs(rich, make_outputs())
    assert err.value.code == "structure_protected" and rich.name in err.value.message("vi")
    assert rich.read_bytes() == before


# ---------------------------------------------------------------- saving safely


def test_lock_file_refuses_in_place_but_not_a_copy(rich: Path, tmp_path: Path) -> None:
    before = rich.read_bytes()
    for lock in ("~$book.xlsx", "~$ok.xlsx"):
        (tmp_path / lock).write_bytes(b"owner")
        with pytest.raises(ParcomError) as err:
            write_outputs(rich, make_outputs())
        assert err.value.code == "locked_by_excel"
        assert err.value.params["lock"] == lock and "book.xlsx" in err.value.message("en")
        assert rich.read_bytes() == before
        (tmp_path / lock).unlink()
    (tmp_path / "~$book.xlsx").write_bytes(b"owner")
    copy = tmp_path / "out" / "result.xlsx"
    copy.parent.mkdir()
    write_outputs(rich, make_outputs(), copy)
    assert rich.read_bytes() == before  # the source is untouched
    assert list(sheet_parts(read_parts(copy)))[-2:] == [UNITS, LOG]


def test_failure_half_way_leaves_original_and_no_temp_file(rich: Path, monkeypatch) -> None:
    before = rich.read_bytes()
    calls = {"n": 0}
    real = opc.ZipOut.copy

    def failing_copy(self, source, info):  # the disk fills up after a few parts
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        return real(self, source, info)

    monkeypatch.setattr(opc.ZipOut, "copy", failing_copy)
    with pytest.raises(ParcomError) as err:
        write_outputs(rich, make_outputs())
    assert err.value.code == "not_writable" and "the disk is full" in err.value.message("en")
    assert rich.read_bytes() == before
    assert sorted(p.name for p in rich.parent.iterdir()) == ["book.xlsx"]


def test_process_killed_before_replace_leaves_original(rich: Path) -> None:
    before = rich.read_bytes()
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from tests.test_io_package import make_outputs\n"
        "from parcom_excel.io.package import write_outputs\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "write_outputs(Path(sys.argv[1]), make_outputs())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(rich), str(Path(__file__).parents[1])],
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    assert rich.read_bytes() == before
    leftovers = [p.name for p in rich.parent.iterdir() if p.name != "book.xlsx"]
    assert all(name.startswith(".book.") and name.endswith(".parcom-tmp") for name in leftovers)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_file_mode_is_kept(rich: Path) -> None:
    os.chmod(rich, 0o640)
    write_outputs(rich, make_outputs())
    assert rich.stat().st_mode & 0o777 == 0o640


def test_xls_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(build_cfb({"Workbook": b"\x09\x08\x10\x00" + b"\0" * 16}))
    with pytest.raises(ParcomError) as err:
        write_outputs(path, make_outputs())
    assert err.value.code == "xls_read_only"


def test_large_user_workbook_is_streamed(tmp_path: Path) -> None:
    path = build_big_workbook(tmp_path / "big.xlsx")
    sheet = read_parts(path)["xl/worksheets/sheet1.xml"]
    start = time.perf_counter()
    write_outputs(path, make_outputs())
    elapsed = time.perf_counter() - start
    with zipfile.ZipFile(path) as zf:
        assert zf.read("xl/worksheets/sheet1.xml") == sheet
    assert elapsed < 3.0, f"{elapsed:.2f} s"  # measured ~0.3 s; generous for slow CI machines


# ---------------------------------------------------------------- the renderer


def test_cells_are_deterministic_and_clean(tmp_path: Path) -> None:
    outs = make_outputs()
    outs[1].rows.append(
        [
            Cell("a\x00b\x07c\r\nd"),
            Cell("_x0041_ literal"),
            Cell("<r><t>x</t></r>"),
            Cell("x" * 40_000),
            Cell(float("nan")),
            Cell("😀" * 20_000),
            Cell("  edges kept  "),
            Cell('a & b < c > "d"'),
        ]
    )
    a, b = blank_book(tmp_path / "a.xlsx"), tmp_path / "b.xlsx"
    shutil.copy(a, b)
    write_outputs(a, outs)
    write_outputs(b, outs)
    assert a.read_bytes() == b.read_bytes()
    row = openpyxl.load_workbook(a)[LOG]["A3":"H3"][0]
    assert row[0].value == "abc\nd"
    # row[1]: openpyxl does not undo the _xHHHH_ escape in inline strings; calamine (below) does,
    # as Excel does.
    assert row[2].value == "<r><t>x</t></r>"
    assert len(row[3].value) == 32_767
    assert row[4].value is None
    assert len(row[5].value.encode("utf-16-le")) // 2 == 32_766  # no half surrogate pair
    assert row[6].value == "  edges kept  "
    assert row[7].value == 'a & b < c > "d"'
    cal = CalamineWorkbook.from_path(str(a)).get_sheet_by_name(LOG).to_python()
    assert cal[2][:3] == ["abc\nd", "_x0041_ literal", "<r><t>x</t></r>"]
    assert cal[2][6:8] == ["  edges kept  ", 'a & b < c > "d"']


def test_values_of_every_kind_read_back(tmp_path: Path) -> None:
    from decimal import Decimal

    import numpy as np

    values = [
        7,
        -2.5,
        True,
        False,
        Decimal("1.25"),
        np.int64(12),
        np.float64(0.5),
        float("inf"),
        date(1900, 2, 28),
        date(1900, 3, 1),
        date(1899, 1, 1),
        datetime(2024, 5, 1, 8, 30, 15),
        10**20,
    ]
    out = OutputSheet(key="log", name=LOG, rows=[[Cell(v) for v in values]])
    path = blank_book(tmp_path / "a.xlsx")
    write_outputs(path, [out])
    ws = openpyxl.load_workbook(path)[LOG]
    got = [c.value for c in ws[1]]
    assert got[:7] == [7, -2.5, True, False, 1.25, 12, 0.5]
    assert got[7] is None  # not finite: left blank
    assert got[8] == datetime(1900, 2, 28) and got[9] == datetime(1900, 3, 1)
    assert got[10] == "01/01/1899"  # before Excel's first day: text
    assert got[11] == datetime(2024, 5, 1, 8, 30, 15) and ws["L1"].number_format == "dd/mm/yyyy hh:mm:ss"
    assert got[12] == 10**20
    assert ws.max_row == 1 and ws.max_column == len(values)


def test_merged_ranges_carry_the_top_cells_style(tmp_path: Path) -> None:
    rows: list[list[Cell | None]] = [
        [Cell("Tiêu đề", "doc_header"), None, None],
        [None, None, None, Cell("x")],
    ]
    out = OutputSheet(key="log", name=LOG, rows=rows, merges=[(0, 0, 1, 2), (0, 1, 0, 1), (1, 1, 1, 3)])
    path = blank_book(tmp_path / "a.xlsx")
    write_outputs(path, [out])
    ws = openpyxl.load_workbook(path)[LOG]
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:C2"]  # single-cell and overlapping left out
    assert ws["A1"].value == "Tiêu đề" and ws["A1"].border.left.style == "thin"
    assert ws["D2"].value == "x"
    # openpyxl redraws merged cells itself, so look at the file: every cell of the range is there
    # with the top cell's style, as Excel writes it, so borders show across the whole range.
    styles = dict(re.findall(rb'<c r="([A-Z]+\d+)" s="(\d+)"', _sheet_xml(path, LOG)))
    assert {ref: styles.get(ref) for ref in (b"B1", b"C1", b"A2", b"B2", b"C2")} == dict.fromkeys(
        (b"B1", b"C1", b"A2", b"B2", b"C2"), styles[b"A1"]
    )


def test_a_workbook_without_styles_gets_ours(tmp_path: Path) -> None:
    path = blank_book(tmp_path / "a.xlsx")

    def drop_styles(parts: dict[str, bytes]) -> None:
        del parts["xl/styles.xml"]
        parts["xl/_rels/workbook.xml.rels"] = re.sub(
            rb"<Relationship [^>]*styles[^>]*/>", b"", parts["xl/_rels/workbook.xml.rels"]
        )
        parts["[Content_Types].xml"] = re.sub(
            rb'<Override PartName="/xl/styles.xml"[^>]*/>', b"", parts["[Content_Types].xml"]
        )

    rewrite_zip(path, drop_styles)
    assert "xl/styles.xml" not in read_parts(path)
    write_outputs(path, make_outputs())
    ws = openpyxl.load_workbook(path)[UNITS]
    assert ws["A2"].font.b and ws["A2"].fill.fgColor.rgb == "FFDDEBF7"
    assert ws["B3"].number_format == "0%"


def test_sheet_settings_and_chart(tmp_path: Path) -> None:
    path = blank_book(tmp_path / "a.xlsx")
    write_outputs(path, make_outputs())
    parts = read_parts(path)
    sheet = parts[sheet_parts(parts)[UNITS]]
    for piece in (
        b'<tabColor rgb="FF1F4E78"/>',
        b'fitToPage="1"',
        b'paperSize="9"',
        b'orientation="landscape"',
        b'state="frozen"',
        b'<mergeCell ref="A1:D1"/>',
        b'<autoFilter ref="A2:D5"/>',
        b'<dimension ref="A1:D6"/>',
        b'<row r="1" ht="24" customHeight="1">',
    ):
        assert piece in sheet, piece
    chart = next(data for name, data in parts.items() if name.startswith("xl/charts/chart"))
    assert b'<c:barDir val="bar"/>' in chart and b'formatCode="0%"' in chart
    assert f"'{UNITS}'!$A$3:$A$5".encode() in chart and f"'{UNITS}'!$B$2".encode() in chart


def test_copy_to_dest_keeps_source(rich: Path, tmp_path: Path) -> None:
    before = rich.read_bytes()
    dest = tmp_path / "copy.xlsx"
    shutil.copy(rich, tmp_path / "unrelated.bin")
    write_outputs(rich, make_outputs(), dest)
    assert rich.read_bytes() == before
    check_preserved(read_parts(rich), read_parts(dest), [UNITS, LOG])


def test_awkward_outputs_still_make_a_valid_workbook(rich: Path) -> None:
    outs = [
        OutputSheet("empty", "Trống", []),
        OutputSheet(
            "no_series", "TRỐNG", [[None, Cell(None, "header")]], chart=Chart("t", (0, 0, 0), [], 0, (0, 0))
        ),
        OutputSheet("bad_name", "Kết quả [2024]: A/B?" + "x" * 30, [[Cell(1, "int")]]),
        OutputSheet(
            "overlap", "Gộp", [[Cell("a"), Cell("b")]], merges=[(0, 0, 1, 1), (1, 1, 2, 2), (3, 3, 3, 3)]
        ),
    ]
    assert write_outputs(rich, outs) == []  # our own names colliding is not the user's business
    names = list(sheet_parts(read_parts(rich)))[2:]
    assert names == ["Trống", "TRỐNG (2)", "Kết quả _2024__ A_B_xxxxxxxxxxx", "Gộp"]
    assert len(names[2]) == 31
    book = openpyxl.load_workbook(rich)
    assert book["Gộp"]["A1"].value == "a" and [str(r) for r in book["Gộp"].merged_cells.ranges] == ["A1:B2"]
    assert CalamineWorkbook.from_path(str(rich)).get_sheet_by_name(names[2]).to_python() == [[1.0]]
