"""The standard template: written by `build_template`, read back with openpyxl, checked against
the contract; the shipped workbooks; and the `parcom init` command."""

from __future__ import annotations

import math
import re
import subprocess
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import range_boundaries
from python_calamine import CalamineWorkbook

from parcom_excel import contract as c
from parcom_excel.addresses import col_letter
from parcom_excel.cli.init import command as init_command
from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from parcom_excel.merge import merge_books
from parcom_excel.sample import make_sample
from parcom_excel.template import (
    SHIPPED,
    VALIDATION_ROWS,
    build_shipped,
    build_template,
    cell_value,
    list_name,
    setting_value,
)
from tests.workbooks import department, run_cli, write_book

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("template")
    sample = make_sample()
    return {
        "vi": build_template(folder / "vi.xlsx"),
        "en": build_template(folder / "en.xlsx", lang="en"),
        "sample": build_template(folder / "sample.xlsx", sample=sample),
        "sample_en": build_template(folder / "sample_en.xlsx", lang="en", sample=sample),
    }


@pytest.fixture(scope="module")
def wb_vi(books: dict[str, Path]) -> Any:
    return openpyxl.load_workbook(books["vi"])


@pytest.fixture(scope="module")
def wb_sample(books: dict[str, Path]) -> Any:
    return openpyxl.load_workbook(books["sample"])


def expected_sheet_names(lang: str) -> list[str]:
    i = 0 if lang == "vi" else 1
    return [
        c.GUIDE_SHEET[i],
        c.SETTINGS_SHEET.name(lang),
        *(s.name(lang) for s in c.DATA_SHEETS),
        c.LISTS_SHEET[i],
    ]


def validation_at(ws: Any, cell: str) -> Any:
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) <= 1, f"{ws.title}!{cell} has {len(found)} validations"
    return found[0] if found else None


def column_dimension(ws: Any, index: int) -> Any:
    """The <col> entry covering a 0-based column (XlsxWriter groups equal neighbours)."""
    for dim in ws.column_dimensions.values():
        if dim.min <= index + 1 <= dim.max:
            return dim
    raise AssertionError(f"no width for column {index} of {ws.title}")


def resolve_list(wb: Any, formula: str) -> list[Any]:
    """The values a list validation offers, following the defined name to the hidden sheet."""
    name = formula.lstrip("=")
    destinations = list(wb.defined_names[name].destinations)
    assert len(destinations) == 1
    sheet, ref = destinations[0]
    assert wb[sheet].sheet_state == "hidden"
    return [row[0].value for row in wb[sheet][ref.replace("$", "")]]


# ---------------------------------------------------------------- structure
def test_template_opens_with_sheets_in_contract_order(wb_vi: Any) -> None:
    assert wb_vi.sheetnames == expected_sheet_names("vi")
    states = {ws.title: ws.sheet_state for ws in wb_vi.worksheets}
    assert states.pop(c.LISTS_SHEET[0]) == "hidden"
    assert set(states.values()) == {"visible"}
    assert wb_vi.active.title == c.GUIDE_SHEET[0]


@pytest.mark.parametrize("sheet", c.DATA_SHEETS, ids=lambda s: s.key)
def test_data_sheet_headers_table_and_layout(wb_vi: Any, sheet: c.Sheet) -> None:
    ws = wb_vi[sheet.name()]
    assert [cell.value for cell in ws[1]] == [col.vi for col in sheet.columns]
    assert ws.freeze_panes == "A2"
    if sheet.key == "council":  # parcom's own sheet, named by a marker: a plain range Evaluate may pre-fill
        assert not ws.tables
        assert wb_vi.defined_names["_parcom_council"].attr_text == "'Hội đồng'!$A$1"
        return
    (table,) = ws.tables.values()
    assert table.name == sheet.table
    # empty template: the header and one blank row
    assert table.ref == f"A1:{col_letter(len(sheet.columns) - 1)}2"
    assert [col.name for col in table.tableColumns] == [col.vi for col in sheet.columns]
    for i, column in enumerate(sheet.columns):
        assert column_dimension(ws, i).width == pytest.approx(column.width, abs=1)
        header = ws.cell(1, i + 1)
        assert header.font.b and header.font.name in ("Arial", "Times New Roman")
    assert ws.max_row <= 2


@pytest.mark.parametrize("sheet", c.DATA_SHEETS, ids=lambda s: s.key)
def test_validations_follow_column_types(wb_vi: Any, sheet: c.Sheet) -> None:
    ws = wb_vi[sheet.name()]
    for i, column in enumerate(sheet.columns):
        letter = col_letter(i)
        dv = validation_at(ws, f"{letter}2")
        assert dv is validation_at(ws, f"{letter}{VALIDATION_ROWS}"), "validation must reach the last row"
        if column.type in (c.ENUM, c.ENUM_LIST):
            assert dv.type == "list" and dv.formula1 == list_name(column.enum)
            assert resolve_list(wb_vi, dv.formula1) == c.ENUMS[column.enum].labels("vi")
        elif column.type == c.YEAR:
            assert (dv.type, dv.formula1, dv.formula2) == ("whole", "2000", "2100")
        elif column.type == c.INT:
            assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", str(column.min))
        elif column.type == c.DATE:
            assert dv.type == "date"
            assert column_dimension(ws, i).number_format == "dd/mm/yyyy"
        elif (sheet.key, column.key) in CODE_COLUMNS:
            assert (dv.type, dv.errorStyle) == ("list", "warning")  # checked in full below
        else:
            assert dv is None or dv.type is None  # input message only
        if column.vi_doc and dv is not None:
            assert dv.prompt == column.vi_doc


def test_every_enum_column_has_a_dropdown(wb_vi: Any) -> None:
    enum_columns = [(s, col) for s in c.DATA_SHEETS for col in s.columns if col.type == c.ENUM]
    assert enum_columns
    for sheet, column in enum_columns:
        ws = wb_vi[sheet.name()]
        letter = col_letter(sheet.columns.index(column))
        dv = validation_at(ws, f"{letter}3")
        assert resolve_list(wb_vi, dv.formula1) == column.choices.labels("vi"), (sheet.key, column.key)


# ---------------------------------------------------------------- code dropdowns (#24)
# Every code column that names a row of another sheet, and the sheets whose codes it offers.
CODE_COLUMNS = {
    ("staff", "unit_id"): ("units",),
    ("ratings", "staff_id"): ("staff",),
    ("ratings", "unit_id"): ("units",),
    ("results", "unit_id"): ("units",),
    ("initiatives", "authors"): ("staff",),
    ("initiatives", "unit_id"): ("units",),
    ("discipline", "staff_id"): ("staff",),
    ("discipline", "unit_id"): ("units",),
    ("past_awards", "staff_id"): ("staff",),
    ("past_awards", "unit_id"): ("units",),
    ("council", "code"): ("units", "staff"),
}


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A master merged from two units' books: one sends units and staff, the other the rest."""
    folder = tmp_path_factory.mktemp("master")
    data = department()
    people = {key: data[key] for key in ("units", "staff")}
    rest = {key: rows for key, rows in data.items() if key not in people}
    books = [write_book(folder / "a.xlsx", people), write_book(folder / "b.xlsx", rest)]
    merge_books(books, folder / "tong_hop.xlsx")
    return folder / "tong_hop.xlsx"


def table_column(wb: Any, ref: str) -> tuple[str, list[Any]]:
    """The sheet and the cells of a structured reference such as DonVi[Mã đơn vị]."""
    name, header = re.fullmatch(r"(\w+)\[(.+)\]", ref).groups()  # type: ignore[union-attr]
    (ws,) = [ws for ws in wb.worksheets if name in ws.tables]
    table = ws.tables[name]
    min_col, min_row, _, max_row = range_boundaries(table.ref)
    col = min_col + [t.name for t in table.tableColumns].index(header)
    return ws.title, [ws.cell(r, col).value for r in range(min_row + 1, max_row + 1)]


def offered(path: Path, sheet: c.Sheet, column: c.Column) -> tuple[list[str], list[Any]]:
    """What a code column's dropdown offers, read back from the file: its list validation (a
    warning, on every row) names a defined name; that is a table's column, which Excel grows with
    the table, or (the council) an OFFSET over a hidden column of formulas on both tables, whose
    cached values are read as a reader that does not calculate reads them."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet.name()]
    letter = col_letter(sheet.columns.index(column))
    dv = validation_at(ws, f"{letter}2")
    assert dv is validation_at(ws, f"{letter}{VALIDATION_ROWS}")
    assert (dv.type, dv.errorStyle, bool(dv.showDropDown)) == ("list", "warning", False)
    formula = wb.defined_names[dv.formula1].attr_text
    if not formula.startswith("OFFSET("):
        title, values = table_column(wb, formula)
        return [title], values
    found = re.fullmatch(
        r"OFFSET\('?([^'!]+)'?!\$([A-Z]+)\$2,0,0,MAX\(1,ROWS\((\w+\[.+?\])\)\+ROWS\((\w+\[.+?\])\)\),1\)",
        formula,
    )
    assert found, formula
    hidden, letter, *refs = found.groups()
    assert wb[hidden].sheet_state == "hidden"
    sources = [table_column(wb, ref) for ref in refs]
    count = sum(len(values) for _, values in sources)
    column_index = openpyxl.utils.column_index_from_string(letter)
    for row in (2, count + 1, VALIDATION_ROWS):  # each cell reads both tables
        assert all(ref in str(wb[hidden].cell(row, column_index).value) for ref in refs)
    cached = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(hidden).to_python()
    return [title for title, _ in sources], [row[column_index - 1] for row in cached[1 : count + 1]]


def codes_in(path: Path, key: str) -> list[str]:
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(c.SHEETS[key].name()).to_python()
    return [str(row[0]) for row in rows[1:] if row[0] != ""]


@pytest.mark.parametrize("which", ["template", "sample", "master"])
def test_code_columns_offer_the_codes_of_their_source(
    books: dict[str, Path], master: Path, which: str
) -> None:
    path = {"template": books["vi"], "sample": books["sample"], "master": master}[which]
    present = {key: codes_in(path, key) for key in ("units", "staff")}
    assert bool(present["units"] and present["staff"]) == (which != "template")
    for (sheet_key, column_key), sources in CODE_COLUMNS.items():
        sheet = c.SHEETS[sheet_key]
        titles, values = offered(path, sheet, sheet.column(column_key))
        assert titles == [c.SHEETS[key].name() for key in sources], (sheet_key, column_key)
        assert [v for v in values if v] == [code for key in sources for code in present[key]]
    # no other column has a code dropdown
    wb = openpyxl.load_workbook(path)
    for sheet in c.DATA_SHEETS:
        for i, column in enumerate(sheet.columns):
            dv = validation_at(wb[sheet.name()], f"{col_letter(i)}2")
            if dv is not None and dv.type == "list" and (sheet.key, column.key) not in CODE_COLUMNS:
                assert dv.formula1 == list_name(column.enum)


def test_evaluate_adds_no_dropdown_to_a_users_workbook(tmp_path: Path) -> None:
    path = write_book(tmp_path / "so_cua_toi.xlsx", department())
    assert run(FileAdapter(path)).status == "evaluated"
    wb = openpyxl.load_workbook(path)
    for sheet in c.DATA_SHEETS:
        if sheet.name() in wb.sheetnames:
            assert not wb[sheet.name()].data_validations.dataValidation, sheet.key
    assert not [name for name in wb.defined_names if name.startswith("DS_")]


@pytest.mark.parametrize("which", ["vi", "en", "sample"])
def test_alerts_fit_their_style_and_their_cell(books: dict[str, Path], which: str) -> None:
    """A stop alert says what to type; a warning names its buttons as Excel shows them; the
    abbreviation example appears only on the ratings."""
    wb = openpyxl.load_workbook(books[which])
    yes, no = ("Yes", "No") if which == "en" else ("Có (Yes)", "Không (No)")
    styles = set()
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            assert not dv.prompt or len(dv.prompt) <= 255
            if dv.type is None:  # an input message only
                continue
            assert dv.showErrorMessage and dv.errorTitle and len(dv.errorTitle) <= 32
            assert dv.error and len(dv.error) <= 255, dv.error
            style = dv.errorStyle or "stop"
            styles.add(style)
            if style == "warning":
                assert f"{yes} " in dv.error and f"{no} " in dv.error, dv.error
            else:
                assert "(Yes)" not in dv.error and "Click" not in dv.error, dv.error
                assert dv.error.startswith(("Enter", "Pick") if which == "en" else "Hãy"), dv.error
            on_ratings = ws.title == c.RATINGS.name(
                "en" if which == "en" else "vi"
            ) and dv.formula1 == list_name("rating")
            assert ("HTTNV" in dv.error) == on_ratings, (ws.title, dv.error)
    assert styles == {"stop", "warning"}


@pytest.mark.parametrize("name", [c.GUIDE_SHEET[0], c.SETTINGS_SHEET.name()])
def test_rows_hold_their_wrapped_text(wb_sample: Any, name: str) -> None:
    """LibreOffice prints a row without a stored height at one line: every cell whose text
    cannot fit on one line wraps, and its row has a height for as many lines as it surely needs."""
    ws = wb_sample[name]
    spans = {}
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = range(merged.min_col, merged.max_col + 1)
    checked = 0
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            columns = spans.get((cell.row, cell.column), range(cell.column, cell.column + 1))
            width = sum(column_dimension(ws, i - 1).width for i in columns)
            lines = math.ceil(len(cell.value) / (width * 1.35))  # more than any font here fits
            beside = ws.cell(cell.row, columns[-1] + 1).value  # text may run on into an empty cell
            if lines > 1 and (cell.alignment.wrap_text or beside is not None):
                assert cell.alignment.wrap_text, (cell.coordinate, cell.value)
                checked += 1
                height = ws.row_dimensions[cell.row].height
                assert height and height >= 13 * lines, (cell.coordinate, cell.value, height)
    assert checked > 10


def test_lists_sheet_holds_each_enum_in_its_column(wb_vi: Any) -> None:
    ws = wb_vi[c.LISTS_SHEET[0]]
    for i, enum in enumerate(c.ENUMS.values()):
        assert ws.cell(1, i + 1).value == enum.vi_title
        assert resolve_list(wb_vi, list_name(enum.key)) == enum.labels("vi")


def test_settings_sheet_from_contract(wb_vi: Any) -> None:
    ws = wb_vi[c.SETTINGS_SHEET.name()]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [col.vi for col in c.SETTINGS_SHEET.columns] == ["Tham số", "Giá trị", "Ý nghĩa"]
    assert [r[0] for r in rows[1:]] == [s.vi for s in c.SETTINGS]
    assert [r[2] for r in rows[1:]] == [s.vi_doc for s in c.SETTINGS]
    values = {r[0]: r[1] for r in rows[1:]}
    assert values["Từ năm"] == 2022 and values["Đến năm"] == 2025
    assert values["Xếp loại tối thiểu (TT6, CN2)"] == "Hoàn thành tốt nhiệm vụ"
    assert values["Cấp công nhận sáng kiến tối thiểu"] == "Cơ sở"
    assert values["CN1 – sáng kiến phải có thể nhân rộng"] == "Không"
    (table,) = ws.tables.values()
    assert (table.name, table.ref) == (c.SETTINGS_SHEET.table, f"A1:C{len(c.SETTINGS) + 1}")
    for row, setting in enumerate(c.SETTINGS, start=2):
        dv = validation_at(ws, f"B{row}")
        if setting.type == "enum":
            assert resolve_list(wb_vi, dv.formula1) == c.ENUMS[setting.enum].labels("vi")
        elif setting.type in ("int", "year"):
            assert dv.type == "whole"
        elif setting.type == "date":  # every date setting, e.g. Hội đồng – ngày họp
            assert (dv.type, dv.operator or "between", dv.errorStyle, dv.formula1) == (
                "date",
                "between",
                None,
                "1",
            )
            assert ws[f"B{row}"].number_format == "dd/mm/yyyy"
        else:
            assert dv is None, setting.key
    assert any(s.type == "date" for s in c.SETTINGS)


def test_guide_names_every_sheet_column_and_output(wb_vi: Any) -> None:
    text = "\n".join(
        str(v) for row in wb_vi[c.GUIDE_SHEET[0]].iter_rows(values_only=True) for v in row if v is not None
    )
    for sheet in c.all_sheets():
        assert sheet.name() in text and sheet.vi_doc in text
        for column in sheet.columns:
            assert column.vi in text
    for key in ("errors", "units_result", "staff_result", "nominations", "dashboard"):
        assert c.output_name(key) in text
    assert "parcom evaluate" in text and "Đánh giá" in text
    for enum in c.ENUMS.values():
        if any(col.enum == enum.key for s in c.DATA_SHEETS for col in s.columns):
            assert ", ".join(enum.labels()) in text


# ---------------------------------------------------------------- with sample data
@pytest.mark.parametrize("sheet", [s for s in c.DATA_SHEETS if s.key != "council"], ids=lambda s: s.key)
def test_sample_rows_fill_the_tables(wb_sample: Any, sheet: c.Sheet) -> None:
    rows = make_sample().rows(sheet.key)
    ws = wb_sample[sheet.name()]
    (table,) = ws.tables.values()
    assert table.ref == f"A1:{col_letter(len(sheet.columns) - 1)}{len(rows) + 1}"
    _, _, _, max_row = range_boundaries(table.ref)
    assert ws.max_row == max_row
    for r in (0, len(rows) // 2, len(rows) - 1):
        written = [cell.value for cell in ws[r + 2]]
        wanted = [cell_value(col, rows[r].get(col.key)) for col in sheet.columns]
        wanted = [datetime(v.year, v.month, v.day) if hasattr(v, "month") else v for v in wanted]
        assert written == wanted


def test_sample_values_parse_with_the_contract(wb_sample: Any) -> None:
    for sheet in c.DATA_SHEETS:
        ws = wb_sample[sheet.name()]
        for cells in ws.iter_rows(min_row=2):
            for column, cell in zip(sheet.columns, cells, strict=False):
                value = cell.value
                if value is None:
                    assert not column.required, (sheet.key, column.key)
                elif column.type == c.ENUM:
                    assert column.choices.parse(value), (sheet.key, column.key, value)
                elif column.type == c.ENUM_LIST:
                    assert all(column.choices.parse(v) for v in value.split(";"))
                elif column.type in (c.INT, c.YEAR):
                    assert isinstance(value, int)
                elif column.type == c.DATE:
                    assert isinstance(value, datetime) and cell.number_format == "dd/mm/yyyy"
                else:
                    assert isinstance(value, str)


# ---------------------------------------------------------------- text and language
def all_strings(wb: Any) -> list[str]:
    strings = [*wb.sheetnames, *wb.defined_names]
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            strings.extend(v for v in row if isinstance(v, str))
        for table in ws.tables.values():
            strings.extend(col.name for col in table.tableColumns)
        for dv in ws.data_validations.dataValidation:
            strings.extend(s for s in (dv.prompt, dv.promptTitle, dv.error, dv.errorTitle) if s)
    return strings


@pytest.mark.parametrize("which", ["vi", "en", "sample"])
def test_every_string_is_nfc(books: dict[str, Path], which: str) -> None:
    strings = all_strings(openpyxl.load_workbook(books[which]))
    assert len(strings) > 100
    bad = [s for s in strings if unicodedata.normalize("NFC", s) != s]
    assert not bad


def test_english_template(books: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(books["sample_en"])
    assert wb.sheetnames == expected_sheet_names("en")
    assert wb.sheetnames[:3] == ["Guide", "Settings", "Units"]
    for sheet in c.DATA_SHEETS:
        ws = wb[sheet.en]
        assert [cell.value for cell in ws[1]] == [col.en for col in sheet.columns]
        for i, column in enumerate(sheet.columns):
            if column.type == c.ENUM:
                dv = validation_at(ws, f"{col_letter(i)}2")
                assert resolve_list(wb, dv.formula1) == column.choices.labels("en")
    settings = {r[0]: r[1] for r in wb["Settings"].iter_rows(min_row=2, values_only=True)}
    assert list(settings) == [s.en for s in c.SETTINGS]
    assert settings["Minimum rating (TT6, CN2)"] == "Well completed duties"
    assert settings["Ranking order – individuals"] == "; ".join(k.en for k in c.INDIVIDUAL_KEYS)
    staff = next(wb["Staff"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert staff[3] in c.STAFF_KIND.labels("en")
    guide = " ".join(str(v) for row in wb["Guide"].iter_rows(values_only=True) for v in row if v)
    assert "Sheet “Units”" in guide and "Hướng dẫn" not in guide


def test_setting_value_rendering() -> None:
    level = c.SETTINGS_BY_KEY["min_level"]
    assert setting_value(level, "CS") == "Cơ sở" and setting_value(level, "CS", "en") == "Grassroots"
    order = c.SETTINGS_BY_KEY["order_collectives"]
    assert setting_value(order, order.default, "en") == "; ".join(
        k.en for k in c.COLLECTIVE_KEYS if k.key in c.COLLECTIVE_DEFAULT
    )
    assert setting_value(order, order.default) == order.default


def test_rebuilding_gives_the_same_file(tmp_path: Path, books: dict[str, Path]) -> None:
    again = build_template(tmp_path / "again.xlsx", sample=make_sample())
    assert again.read_bytes() == books["sample"].read_bytes()


# ---------------------------------------------------------------- shipped workbooks
def describe(path: Path) -> dict[str, Any]:
    """What a user sees of a workbook: sheets, cells, tables, validations, names (not bytes)."""
    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {
        "sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets],
        "names": {name: dn.attr_text for name, dn in wb.defined_names.items()},
    }
    for ws in wb.worksheets:
        out[ws.title] = {
            "cells": [[cell.value for cell in row] for row in ws.iter_rows()],
            "formats": [cell.number_format for cell in ws[2]] if ws.max_row > 1 else [],
            "tables": sorted(
                (t.name, t.ref, tuple(col.name for col in t.tableColumns)) for t in ws.tables.values()
            ),
            "validations": sorted(
                (
                    str(dv.sqref),
                    dv.type or "",
                    dv.operator or "",
                    dv.formula1 or "",
                    dv.formula2 or "",
                    dv.errorStyle or "",
                    dv.prompt or "",
                    dv.error or "",
                )
                for dv in ws.data_validations.dataValidation
            ),
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "widths": {k: d.width for k, d in sorted(ws.column_dimensions.items())},
            "print": (
                ws.page_setup.paperSize,
                ws.page_setup.orientation,
                ws.page_setup.fitToWidth,
                ws.page_setup.fitToHeight,
                bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                ws.print_title_rows,
            ),
        }
    return out


@pytest.mark.parametrize("name", list(SHIPPED))
def test_shipped_workbooks_match_the_code(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    fresh_folder = tmp_path_factory.getbasetemp() / "shipped"
    if not (fresh_folder / name).exists():
        build_shipped(fresh_folder)
    shipped = ROOT / "workbook" / name
    assert shipped.exists(), f"{shipped} is missing: run `python -m parcom_excel.template`"
    assert describe(shipped) == describe(fresh_folder / name), (
        f"{shipped} drifted from the contract/template code: run `python -m parcom_excel.template`"
    )


# ---------------------------------------------------------------- parcom init
def run_init(*args: str) -> Any:
    return CliRunner().invoke(init_command, list(args), catch_exceptions=False)


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def test_init_writes_the_template(tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    result = run_init(str(target))
    assert result.exit_code == 0
    assert str(target) in one_line(result.output) and "Đã ghi" in result.output
    assert openpyxl.load_workbook(target).sheetnames == expected_sheet_names("vi")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mau.xlsx"]  # no temp file left


def test_init_refuses_an_existing_file_and_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    target.write_bytes(b"user's file")
    result = run_init(str(target), "--sample")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert str(target) in line and "--force" in line and "Traceback" not in result.output
    assert target.read_bytes() == b"user's file"

    result = run_init(str(target), "--sample", "--force", "--lang", "en")
    assert result.exit_code == 0
    assert "150 staff" in one_line(result.output)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[0] == "Guide" and wb["Staff"].max_row == 151


def test_init_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    target = blocker / "mau.xlsx"
    result = run_init(str(target))
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert str(target) in line and "Không ghi được" in line
    result = run_init(str(tmp_path / "missing" / "mau.xlsx"), "--lang", "en")
    assert result.exit_code == 2 and "does not exist" in one_line(result.stderr)


def test_init_refuses_a_folder_or_a_wrong_extension(tmp_path: Path) -> None:
    folder = tmp_path / "x.xlsx"
    folder.mkdir()
    assert run_init(str(folder)).exit_code == 2
    result = run_init(str(tmp_path / "mau.xls"))
    assert result.exit_code == 2 and ".xlsx" in one_line(result.stderr)


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli("init", *args, cwd=cwd, timeout=60)


def test_cli_script_init(tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    done = cli(str(target))
    assert done.returncode == 0, done.stderr
    assert str(target) in one_line(done.stdout)

    again = cli(str(target))
    assert again.returncode == 2
    assert str(target) in one_line(again.stderr) and "Traceback" not in again.stderr
    assert again.stdout == ""

    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    unwritable = cli(str(blocker / "mau.xlsx"))
    assert unwritable.returncode == 2
    assert str(blocker / "mau.xlsx") in one_line(unwritable.stderr) and "Traceback" not in unwritable.stderr

    forced = cli(str(target), "--force", "--sample")
    assert forced.returncode == 0, forced.stderr
    assert openpyxl.load_workbook(target)[c.STAFF.vi].max_row == 151


@pytest.mark.parametrize("book", ["vi", "sample"])
def test_every_visible_sheet_prints_one_page_wide_on_a4(books: dict[str, Path], book: str) -> None:
    """A sheet without a page setup prints its columns over several pages (the council's sheet did)."""
    wb = openpyxl.load_workbook(books[book])
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert len(visible) == len(expected_sheet_names("vi")) - 1  # all but the hidden lists
    for ws in visible:
        setup = ws.page_setup
        fitted = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        assert fitted and setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, ws.title
        assert setup.paperSize == 9, ws.title
