"""The live-Excel adapter, exercised through xlwings' own remote engine (no Excel needed).

`xw.Book(json=payload)` is the engine behind xlwings Server / Lite: the Excel client sends the
book as JSON (book name, active sheet, names, every sheet's name, values and used range) and
gets back the actions to run (`book.json()`). The same `XlwingsAdapter` code reads and writes
through it as through desktop Excel. The engine is part of xlwings PRO: it needs
XLWINGS_LICENSE_KEY (a noncommercial key covers our users, see the README section on the xlwings licence); without it
those tests are skipped. The pure helpers are tested without it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from parcom_excel import button
from parcom_excel.addresses import address
from parcom_excel.io import excel
from parcom_excel.io.celltext import MAX_TEXT
from parcom_excel.model import STYLES, Cell, Chart, OutputSheet

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"

needs_key = pytest.mark.skipif(
    not os.environ.get("XLWINGS_LICENSE_KEY"),
    reason="xlwings' remote engine (xw.Book(json=...)) needs XLWINGS_LICENSE_KEY, e.g. a noncommercial key; "
    "see the README section on the xlwings licence",
)


# ---------------------------------------------------------------- pure helpers (no key needed)


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","y")',
        "+84 912 345 678",
        "-5",
        "@SUM(A1)",
        "001",
        "1/2",
        "12,5",
        "50%",
        "1E5",
        "2024-05-01",
        "01/05/2024",
        "10:30",
        "5 Jan",
        "TRUE",
        "false",
        "#N/A",
        "(12)",
        "$5",
    ],
)
def test_text_excel_would_parse_is_quoted(text: str) -> None:
    assert excel.needs_quote(text)
    assert excel.cell_value(text) == "'" + text


@pytest.mark.parametrize(
    "text",
    ["Nguyễn Văn An", "CB01", "12/QĐ-SKHCN", "Quý 1 năm 2024", "Hoàn thành tốt nhiệm vụ", "2 cá nhân", ""],
)
def test_plain_text_is_written_as_is(text: str) -> None:
    assert not excel.needs_quote(text)
    assert excel.cell_value(text) == text


def test_cell_values_keep_types_and_clean_text() -> None:
    when = dt.datetime(2024, 5, 1, 8, 30)
    assert excel.cell_value(None) is None
    assert excel.cell_value(3) == 3 and excel.cell_value(0.25) == 0.25 and excel.cell_value(True) is True
    assert excel.cell_value(when) is when and excel.cell_value(dt.date(2024, 5, 1)) == dt.date(2024, 5, 1)
    assert excel.cell_value("a\x00b\x07c\nd") == "abc\nd"
    long = excel.cell_value("x" * 40000)
    assert len(long) < MAX_TEXT and long.endswith("…")


def test_sheet_values_are_one_padded_rectangle() -> None:
    out = OutputSheet(
        "log",
        "Nhật ký",
        [
            [Cell("Tiêu đề", "title")],
            [Cell("=1+1"), None, Cell(2.0, "int")],
            [],
        ],
    )
    assert excel.sheet_values(out) == [["Tiêu đề", None, None], ["'=1+1", None, 2.0], [None, None, None]]
    assert excel.sheet_values(OutputSheet("log", "Nhật ký", [])) == []


def test_markers_round_trip_and_dead_ones_mark_nothing() -> None:
    for sheet in ("Nhật ký", "KQ Tập thể", "It's mine", "Sheet1"):
        assert excel.parse_marker(excel.marker_name("log"), excel.marker_refers_to(sheet)) == ("log", sheet)
    assert excel.parse_marker("_parcom_log", "=Sheet1!$A$1") == ("log", "Sheet1")
    assert excel.parse_marker("_PARCOM_Log", "='Nhật ký'!$A$1:$B$2") == ("log", "Nhật ký")
    assert excel.parse_marker("_parcom_log", "=#REF!$A$1") is None
    assert excel.parse_marker("_parcom_log", None) is None
    assert excel.parse_marker("'Nhật ký'!_parcom_log", "='Nhật ký'!$A$1") is None  # sheet scope: not ours
    assert excel.parse_marker("Print_Area", "='Nhật ký'!$A$1") is None
    assert excel.parse_marker("_parcom_", "='Nhật ký'!$A$1") is None


def test_unique_sheet_names_follow_excels_rules() -> None:
    assert excel.unique_sheet_name("KQ Tập thể", ["Cán bộ"]) == "KQ Tập thể"
    assert excel.unique_sheet_name("KQ Tập thể", ["kq tập thể"]) == "KQ Tập thể (2)"
    assert excel.unique_sheet_name("KQ Tập thể", ["KQ Tập thể", "KQ Tập thể (2)"]) == "KQ Tập thể (3)"
    long = "Đề nghị khen thưởng tập thể năm 2025"
    name = excel.unique_sheet_name(long, [long[:31]])
    assert len(name) <= 31 and name.endswith(" (2)")


def test_rectangles_cover_exactly_the_cells() -> None:
    cells = (
        {(0, c) for c in range(5)} | {(r, 1) for r in range(1, 9)} | {(4, 3), (5, 3), (4, 4), (5, 4), (9, 9)}
    )
    rects = excel.rectangles(cells)
    covered = [(r, c) for r1, c1, r2, c2 in rects for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
    assert sorted(covered) == sorted(cells)  # no gaps, no overlaps
    assert len(rects) <= 5
    assert excel.rectangles([(r, c) for r in range(100) for c in range(8)]) == [(0, 0, 99, 7)]


def test_every_named_style_maps_to_properties_xlwings_can_set() -> None:
    for name in STYLES:
        props = excel.style_properties(name)
        assert set(props) <= set(excel._SETTERS), name
    assert excel.style_properties("header") == {
        "font_name": "Arial",
        "font_size": 10,
        "bold": True,
        "fill": "#DDEBF7",
        "wrap": True,
        "halign": "center",
        "valign": "center",
        "border": True,
    }
    assert excel.style_properties("pct")["number_format"] == "0%"
    assert excel.style_properties("no such style") == excel.style_properties("text")


def test_style_runs_group_by_property() -> None:
    rows = [[Cell("A", "header"), Cell("B", "header")]] + [
        [Cell(i, "int"), Cell("x", "met")] for i in range(50)
    ]
    runs = {(prop, value): rects for prop, value, rects in excel.style_runs(OutputSheet("k", "K", rows))}
    assert runs[("font_name", "Arial")] == [(0, 0, 50, 1)]
    assert runs[("bold", True)] == [(0, 0, 0, 1)]
    assert runs[("fill", "#C6EFCE")] == [(1, 1, 50, 1)]
    assert runs[("number_format", "0")] == [(1, 0, 50, 0)]


def test_links_address_cells_inside_the_workbook() -> None:
    rows = [[Cell("B7", "link", "'Cán bộ'!B7"), Cell("x")], [Cell(None, "link", "'Đơn vị'!A2")]]
    assert excel.links(OutputSheet("errors", "Lỗi dữ liệu", rows)) == [
        (0, 0, "#'Cán bộ'!B7", "B7"),
        (1, 0, "#'Đơn vị'!A2", "'Đơn vị'!A2"),
    ]


def test_freeze_and_chart_blocks() -> None:
    assert excel.freeze_address(1, 0) == "1:1"
    assert excel.freeze_address(0, 2) == "A:B"
    assert excel.freeze_address(3, 1) == "A1:A3"
    assert excel.freeze_address(0, 0) is None
    chart = Chart(
        "T", categories=(5, 9, 0), series=[(4, c, 5, c) for c in range(1, 4)], last_row=9, anchor=(11, 0)
    )
    assert excel.chart_source(chart) == (4, 0, 9, 3)
    gap = Chart("T", categories=(5, 9, 0), series=[(4, 2, 5, 2)], last_row=9, anchor=(11, 0))
    assert excel.chart_source(gap) is None


def test_ascii_fold_keeps_vietnamese_readable() -> None:
    assert (
        button.ascii_fold("Đánh giá: sổ làm việc không bị thay đổi")
        == "Danh gia: so lam viec khong bi thay doi"
    )


def test_the_button_without_excel_says_one_sentence_and_no_traceback() -> None:
    """What the add-in runs, run where no Excel calls it: a plain line, exit code 1."""
    code = "import parcom_excel; parcom_excel.main()"
    env = {k: v for k, v in os.environ.items() if k != "PARCOM_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].isascii()
    assert "so lam viec khong bi thay doi" in lines[0]


def test_importing_the_package_and_the_layer_stays_light() -> None:
    code = (
        "import sys, parcom_excel, parcom_excel.io.excel, parcom_excel.button\n"
        "heavy = [m for m in ('xlwings', 'pandas', 'pandera', 'openpyxl') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


# ---------------------------------------------------------------- the remote engine (key needed)


def _json_value(value: Any) -> Any:
    """A cell value as the Excel client puts it in the payload: dates as ISO text, numbers as floats."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%dT00:00:00.000Z")
    if isinstance(value, dt.time):
        return dt.datetime.combine(dt.date(1899, 12, 30), value).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return str(value)


def read_file(path: Path) -> dict[str, tuple[tuple[int, int], list[list[Any]], bool]]:
    """Sheet -> (0-based start, values of the used range, visible), as python-calamine reads the file."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    found = {}
    for meta in book.sheets_metadata:
        if not str(meta.typ).endswith("WorkSheet"):
            continue
        sheet = book.get_sheet_by_name(meta.name)
        found[meta.name] = (sheet.start or (0, 0), sheet.to_python(), str(meta.visible).endswith(".Visible"))
    return found


def payload(
    path: Path,
    names: list[dict[str, Any]] | None = None,
    extra: dict[str, list[list[Any]]] | None = None,
) -> dict[str, Any]:
    """The JSON the Excel client sends for this workbook (values anchored at A1, plus the used range)."""
    import xlwings as xw

    sheets = []
    content = {name: (start, values) for name, (start, values, _) in read_file(path).items()}
    visible = {name: vis for name, (_, _, vis) in read_file(path).items()}
    for name, values in (extra or {}).items():
        content[name] = ((0, 0), values)
        visible[name] = True
    for name, ((r0, c0), values) in content.items():
        width = c0 + max((len(row) for row in values), default=0)
        rows = [[""] * width for _ in range(r0)]
        for row in values:
            line = [""] * c0 + [_json_value(v) for v in row]
            rows.append(line + [""] * (width - len(line)))
        used = f"{address(r0, c0)}:{address(r0 + len(values) - 1, width - 1)}" if values else None
        sheets.append(
            {
                "name": name,
                "values": rows or [[]],
                "used_range_address": used,
                "visibility": "Visible" if visible[name] else "Hidden",
                "pictures": [],
                "tables": [],
                "charts": [],
                "shapes": [],
                "notes": [],
            }
        )
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
        "names": names or [],
        "sheets": sheets,
    }


def marker(key: str, sheet_index: int, sheet: str) -> dict[str, Any]:
    return {
        "name": excel.marker_name(key),
        "sheet_index": sheet_index,
        "address": "A1",
        "book_scope": True,
        "scope_sheet_name": None,
        "scope_sheet_index": None,
        "refers_to": excel.marker_refers_to(sheet),
    }


def remote_book(data: dict[str, Any]) -> Any:
    import xlwings as xw

    assert "remote" in [e.name for e in xw.engines], "XLWINGS_LICENSE_KEY is set but xlwings rejected it"
    return xw.Book(json=data)


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    """A small workbook typed the way clerks do: data away from A1, dates, NFD text, a hidden sheet."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Cán bộ"
    ws["C3"], ws["D3"], ws["E3"] = "Mã cán bộ", "Họ và tên", "Ngày vào"
    ws["C4"], ws["D4"], ws["E4"] = "CB01", "Nguyễn Văn An", dt.datetime(2020, 3, 2)
    ws["C5"], ws["D5"], ws["E5"] = 7, "Tra\u0300n Thi\u0323 Bi\u0300nh", dt.date(2021, 1, 15)
    ws["E4"].number_format = ws["E5"].number_format = "dd/mm/yyyy"
    ws["F5"] = True
    ws2 = book.create_sheet("Cấu hình")
    ws2.append(["Tham số", "Giá trị"])
    ws2.append(["Từ năm", 2022])
    hidden = book.create_sheet("DanhMuc")
    hidden["A1"] = "Có"
    hidden.sheet_state = "hidden"
    book.create_sheet("Trống")
    path = tmp_path / "tiny.xlsx"
    book.save(path)
    return path


def _same(value: Any) -> Any:
    """Calamine gives dates as date; Excel (COM and remote) gives datetime: compare as datetime."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value == "":
        return None
    return value


@needs_key
@pytest.mark.parametrize("which", ["tiny", "sample"])
def test_grid_reads_what_the_file_holds(which: str, tiny: Path) -> None:
    path = tiny if which == "tiny" else SAMPLE
    if not path.is_file():
        pytest.skip("workbook/parcom_sample.xlsx is not generated yet")
    adapter = excel.XlwingsAdapter(remote_book(payload(path)))
    expected = read_file(path)
    assert adapter.sheet_names() == list(expected)
    assert adapter.label == path.name
    for name, ((r0, c0), values, _) in expected.items():
        grid = adapter.grid(name)
        if not values:
            assert grid.values in ([[None]], [[]]) and (grid.top, grid.left) == (1, 1)
            continue
        assert (grid.top, grid.left) == (r0 + 1, c0 + 1), name
        assert grid.values == [[_same(v) for v in row] for row in values], name
    if which == "tiny":
        grid = adapter.grid("Cán bộ")
        assert grid.values[1][2] == dt.datetime(2020, 3, 2) and grid.values[2][0] == 7.0
        assert grid.values[2][1] == "Tra\u0300n Thi\u0323 Bi\u0300nh"  # as typed; the reader normalises


@needs_key
def test_write_adds_marks_and_replaces_only_our_sheets(tiny: Path) -> None:
    data = payload(tiny, extra={"KQ Tập thể": [["của người dùng"]], "Nhật ký": [["lần trước"]]})
    names = [s["name"] for s in data["sheets"]]
    data["names"] = [marker("log", names.index("Nhật ký"), "Nhật ký")]
    book = remote_book(data)
    adapter = excel.XlwingsAdapter(book)
    assert adapter.owned() == {"log": "Nhật ký"}

    results = OutputSheet(
        "units_result",
        "KQ Tập thể",
        [
            [Cell("KẾT QUẢ", "title")],
            [Cell("Mã", "header"), Cell("Tên", "header"), Cell("Ô", "header")],
            [Cell('=HYPERLINK("http://x")', "text"), Cell("001", "text"), Cell("C4", "link", "'Cán bộ'!C4")],
            [Cell(0.5, "pct"), Cell(dt.date(2024, 5, 1), "date"), Cell("ok", "met")],
        ],
        widths={0: 12, 1: 30},
        freeze=(2, 0),
        merges=[(0, 0, 0, 2)],
    )
    log = OutputSheet(
        "log", "Nhật ký", [[Cell("Thời gian", "header")], [Cell(dt.datetime(2025, 1, 2, 9, 0), "datetime")]]
    )
    problems = adapter.write([results, log])

    assert [(p.code, p.value, p.params["other"]) for p in problems] == [
        ("sheet_name_taken", "KQ Tập thể", "KQ Tập thể (2)")
    ]
    assert adapter.skipped == set()
    actions = book.json()["actions"]
    funcs = [a["func"] for a in actions]
    new_index = len(names)  # appended after every existing sheet
    assert [a["args"] for a in actions if a["func"] == "addSheet"] == [[new_index, "KQ Tập thể (2)"]]
    assert [a["args"] for a in actions if a["func"] == "namesAdd"] == [
        ["_parcom_units_result", "='KQ Tập thể (2)'!$A$1"]
    ]
    # our old log sheet is emptied in place; the user's sheet of the same name is untouched
    clears = [a["sheet_position"] for a in actions if a["func"] == "sheetClear"]
    assert clears == [names.index("Nhật ký")]
    user_sheet = names.index("KQ Tập thể")
    assert all(a["sheet_position"] != user_sheet for a in actions)

    writes = [a for a in actions if a["func"] == "setValues"]
    assert [(a["sheet_position"], a["start_row"], a["start_column"]) for a in writes] == [
        (new_index, 0, 0),
        (names.index("Nhật ký"), 0, 0),
    ]
    assert writes[0]["values"] == [
        ["KẾT QUẢ", "", ""],
        ["Mã", "Tên", "Ô"],
        ['\'=HYPERLINK("http://x")', "'001", "C4"],
        [0.5, "2024-05-01", "ok"],
    ]
    assert writes[1]["values"] == [["Thời gian"], ["2025-01-02 09:00:00"]]
    links = [a for a in actions if a["func"] == "addHyperlink"]
    assert [(a["start_row"], a["start_column"], a["args"][:2]) for a in links] == [
        (2, 2, ["#'Cán bộ'!C4", "C4"])
    ]
    assert "rangeMerge" in funcs and "freezePaneAtRange" in funcs and "setColumnWidth" in funcs
    fills = {tuple(a["args"]) for a in actions if a["func"] == "setRangeColor"}
    assert ("#DDEBF7",) in fills and ("#C6EFCE",) in fills
    formats = {a["args"][0] for a in actions if a["func"] == "setNumberFormat"}
    assert {"0%", "dd/mm/yyyy", "dd/mm/yyyy hh:mm:ss"} <= formats
    # the sheet that was active before is active again
    assert [a["args"] for a in actions if a["func"] == "activateSheet"][-1] == [0]


@needs_key
@pytest.mark.parametrize(("current", "renamed"), [("Nhật ký 2025", False), ("Run log", True)])
def test_our_sheet_renamed_by_the_user_keeps_its_name(tiny: Path, current: str, renamed: bool) -> None:
    data = payload(tiny, extra={current: [["lần trước"]]})
    names = [s["name"] for s in data["sheets"]]
    data["names"] = [marker("log", names.index(current), current)]
    book = remote_book(data)
    adapter = excel.XlwingsAdapter(book)
    assert adapter.owned() == {"log": current}
    out = OutputSheet("log", "Nhật ký", [[Cell("x")]], names=("Nhật ký", "Run log"))
    assert adapter.write([out]) == []
    actions = book.json()["actions"]
    renames = [a["args"] for a in actions if a["func"] == "setSheetName"]
    # a user's own name is kept (formulas may point at it); another language's default is not
    assert renames == ([["Nhật ký"]] if renamed else [])
    writes = [a["sheet_position"] for a in actions if a["func"] == "setValues"]
    assert writes == [names.index(current)]


@needs_key
def test_a_marker_naming_an_input_sheet_never_makes_excel_clear_it(tiny: Path) -> None:
    """The same rule as the file adapter (adapter.trusted_marker): a `_parcom_log` name copied or
    tampered onto the user's `Cán bộ` sheet leaves that sheet's cells alone; ours goes beside it."""
    data = payload(tiny)
    names = [s["name"] for s in data["sheets"]]
    data["names"] = [marker("log", names.index("Cán bộ"), "Cán bộ")]
    book = remote_book(data)
    adapter = excel.XlwingsAdapter(book)
    assert adapter.owned() == {}
    problems = adapter.write([OutputSheet("log", "Nhật ký", [[Cell("x")]])])
    assert [(p.code, p.sheet) for p in problems] == [("marker_untrusted", "Cán bộ")]
    actions = book.json()["actions"]
    staff = names.index("Cán bộ")
    touched = [
        a["func"] for a in actions if a.get("sheet_position") == staff and a["func"] != "activateSheet"
    ]
    assert touched == [], touched  # nothing cleared, written or formatted on the user's sheet
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == ["Nhật ký"]
    assert [a["args"][-1] for a in actions if a["func"] == "setNameRefersTo"] == ["='Nhật ký'!$A$1"]


@needs_key
def test_a_stale_marker_is_repointed_not_duplicated(tiny: Path) -> None:
    data = payload(tiny)
    data["names"] = [
        {**marker("log", 0, "Nhật ký"), "refers_to": "=#REF!$A$1", "sheet_index": None, "address": None}
    ]
    book = remote_book(data)
    adapter = excel.XlwingsAdapter(book)
    assert adapter.owned() == {}
    adapter.write([OutputSheet("log", "Nhật ký", [[Cell("x")]])])
    actions = book.json()["actions"]
    assert not [a for a in actions if a["func"] == "namesAdd"]
    assert [a["args"][-1] for a in actions if a["func"] == "setNameRefersTo"] == ["='Nhật ký'!$A$1"]


@needs_key
def test_the_button_evaluates_the_sample_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SAMPLE.is_file():
        pytest.skip("workbook/parcom_sample.xlsx is not generated yet")
    import xlwings as xw

    book = remote_book(payload(SAMPLE))
    book.set_mock_caller()
    try:
        button.main()
    finally:
        del xw.Book._mock_caller
    actions = book.json()["actions"]
    alerts = [a["args"] for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1
    text, title, _, mode, _ = alerts[0]
    assert title == button.TITLE and SAMPLE.name in text and mode in ("info", "critical")
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert "Lỗi dữ liệu" in added and "Nhật ký" in added
    assert {a["args"][0] for a in actions if a["func"] == "namesAdd"} >= {"_parcom_errors", "_parcom_log"}
    activated = [a["args"] for a in actions if a["func"] == "activateSheet"]
    target = "Đề nghị khen thưởng" if mode == "info" else "Lỗi dữ liệu"
    assert activated[-1] == [[s.name for s in book.sheets].index(target)]


@needs_key
def test_the_button_reports_a_failure_in_one_vietnamese_sentence(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    import xlwings as xw

    book = remote_book(payload(tiny))  # no contract sheets: the core refuses it
    book.set_mock_caller()
    try:
        button.main()
    finally:
        del xw.Book._mock_caller
    actions = book.json()["actions"]
    alerts = [a["args"] for a in actions if a["func"] == "alert"]
    assert len(alerts) == 1 and alerts[0][3] == "critical"
    assert "Traceback" not in alerts[0][0] and "\n" not in alerts[0][0]
    assert not [a for a in actions if a["func"] in ("addSheet", "setValues")]
