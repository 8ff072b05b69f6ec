"""Render output sheets into a standalone workbook with XlsxWriter.

Everything is written as a literal value: XlsxWriter's guessing (strings to formulas, URLs,
numbers) is off, text that Excel would read as a formula on edit carries the quote prefix, and
text is cleaned of what Excel cannot store. The package writer (`package.py`) transplants these
sheets into the user's workbook; the result of this module alone is also a valid workbook.
"""

from __future__ import annotations

import math
import re
import warnings
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..model import STYLES, Cell, Chart, OutputSheet

MAX_TEXT = 32_767  # UTF-16 code units per cell
MAX_URL = 255
A4 = 9
FIXED_CREATED = datetime(2000, 1, 1)  # deterministic docProps/core.xml

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_DATE_FORMAT = "dd/mm/yyyy"
_DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"


def clean_text(value: str) -> str:
    """Text Excel can store: no control characters or lone surrogates, at most 32,767 units."""
    if value.isprintable() and len(value) <= MAX_TEXT // 2:  # the common case, checked in C
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    if len(value) > MAX_TEXT // 2 and len(value.encode("utf-16-le")) > 2 * MAX_TEXT:
        value = value.encode("utf-16-le")[: 2 * MAX_TEXT].decode("utf-16-le", "ignore")
    return value


def safe_sheet_name(name: str) -> str:
    """A name Excel accepts: no []:*?/\\, no edge apostrophes, at most 31 characters."""
    name = _BAD_SHEET_CHARS.sub("_", re.sub(r"\s", " ", clean_text(str(name)))).strip()
    name = name.strip("'")[:31].strip("'").strip()
    if not name or name.casefold() == "history":
        name = (name + " sheet").strip() if name else "Sheet"
    return name


def _needs_rich(text: str) -> bool:
    # XlsxWriter copies a string shaped like a rich-text run into the XML unescaped.
    return text.startswith("<r>") and text.endswith("</r>")


class _Formats:
    """One XlsxWriter Format per (style, number format, quote prefix)."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.cache: dict[tuple[str, str | None, bool], Any] = {}

    def get(self, style: str, num_format: str | None = None, quote: bool = False) -> Any:
        style = style if style in STYLES else "text"
        key = (style, num_format, quote)
        fmt = self.cache.get(key)
        if fmt is None:
            props = dict(STYLES[style])
            if num_format and "num_format" not in props:
                props["num_format"] = num_format
            if quote:
                props["quote_prefix"] = True
            fmt = self.cache[key] = self.workbook.add_format(props)
        return fmt


class _SheetWriter:
    def __init__(self, worksheet: Any, formats: _Formats, date_1904: bool) -> None:
        self.ws = worksheet
        self.formats = formats
        self.min_date = date(1904, 1, 1) if date_1904 else date(1900, 1, 1)

    def text(self, row: int, col: int, text: str, style: str) -> None:
        text = clean_text(text)
        fmt = self.formats.get(style, quote=text.startswith(_FORMULA_START))
        if _needs_rich(text):
            # Written as two runs of the same font so every character is escaped.
            self.ws.write_rich_string(row, col, fmt, text[:1], fmt, text[1:], fmt)
        elif text:
            self.ws.write_string(row, col, text, fmt)
        else:
            self.ws.write_blank(row, col, None, fmt)

    def value(self, row: int, col: int, value: Any, style: str) -> None:
        ws = self.ws
        if value is None:
            ws.write_blank(row, col, None, self.formats.get(style))
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, self.formats.get(style))
        elif isinstance(value, (int, float, Decimal)) or _is_number(value):
            number = float(value)
            if math.isfinite(number):
                ws.write_number(row, col, number, self.formats.get(style))
            else:
                ws.write_blank(row, col, None, self.formats.get(style))
        elif isinstance(value, (datetime, date)):
            self.moment(row, col, value, style)
        elif isinstance(value, time):
            ws.write_datetime(row, col, value, self.formats.get(style, "hh:mm:ss"))
        else:
            self.text(row, col, str(value), style)

    def moment(self, row: int, col: int, value: date, style: str) -> None:
        if value != value:  # pandas NaT
            self.ws.write_blank(row, col, None, self.formats.get(style))
            return
        has_time = isinstance(value, datetime) and (value.hour or value.minute or value.second)
        day = value.date() if isinstance(value, datetime) else value
        if day < self.min_date:  # Excel has no serial for it: keep it readable as text
            self.text(row, col, value.strftime(_DATETIME_FORMAT if has_time else "%d/%m/%Y"), style)
            return
        fmt = self.formats.get(style, _DATETIME_FORMAT if has_time else _DATE_FORMAT)
        self.ws.write_datetime(row, col, value, fmt)

    def cell(self, row: int, col: int, cell: Cell) -> None:
        link = cell.link if cell.link and len(cell.link) <= MAX_URL and not _needs_rich(cell.link) else None
        if not link:
            self.value(row, col, cell.value, cell.style)
            return
        text = clean_text("" if cell.value is None else str(cell.value))
        rich = _needs_rich(text)
        fmt = self.formats.get(cell.style, quote=text.startswith(_FORMULA_START))
        # past 65,530 links XlsxWriter refuses (its warning is silenced in render_xlsx): plain text
        status = self.ws.write_url(
            row, col, "internal:" + link, fmt, string=None if rich or not text else text
        )
        if status != 0 or rich:  # the text itself goes over the cell; the link stays registered
            self.text(row, col, text, cell.style)


def _is_number(value: Any) -> bool:
    # numpy and pandas scalars without importing them
    return type(value).__module__ == "numpy" and hasattr(value, "dtype") and value.dtype.kind in "iuf"


def render_xlsx(outputs: list[OutputSheet], path: Path, *, date_1904: bool = False) -> None:
    """Write `outputs` as a new workbook at `path`, one worksheet each, in order."""
    import xlsxwriter

    options = {
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        "date_1904": date_1904,
        "remove_timezone": True,
    }
    # Streaming (constant memory) writes inline strings and keeps memory flat; it needs every row
    # written in order, which holds unless a merge spans several rows.
    options["constant_memory"] = all(r1 == r2 for out in outputs for r1, _, r2, _ in out.merges)
    workbook = xlsxwriter.Workbook(str(path), options)
    try:
        workbook.set_properties({"created": FIXED_CREATED})
        formats = _Formats(workbook)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # XlsxWriter warns past 65,530 links: we write plain text
            for output in outputs:
                _render_sheet(workbook, formats, output, date_1904)
    finally:
        workbook.close()


def _render_sheet(workbook: Any, formats: _Formats, out: OutputSheet, date_1904: bool) -> None:
    from xlsxwriter.exceptions import OverlappingRange

    name = safe_sheet_name(out.name)
    ws = workbook.add_worksheet(name)
    writer = _SheetWriter(ws, formats, date_1904)
    for col, width in sorted(out.widths.items()):
        ws.set_column(col, col, width)
    merges: dict[int, list[tuple[int, int, int, int]]] = {}
    for merge in out.merges:
        merges.setdefault(merge[0], []).append(merge)
    rows_with_merges = set(merges)
    height_rows = set(out.heights)
    last = max([len(out.rows) - 1, *height_rows, *rows_with_merges], default=-1)
    for r in range(last + 1):  # row by row, as streaming needs
        if r in height_rows:
            ws.set_row(r, out.heights[r])
        for c, cell in enumerate(out.rows[r] if r < len(out.rows) else ()):
            if cell is None:
                continue
            writer.cell(r, c, cell if isinstance(cell, Cell) else Cell(cell))
        for r1, c1, r2, c2 in merges.get(r, ()):
            if (r1, c1) == (r2, c2):
                continue
            top = _cell_at(out, r1, c1)
            try:
                ws.merge_range(r1, c1, r2, c2, None, formats.get(top.style if top else "text"))
            except OverlappingRange:
                continue
            if top is not None:  # merge_range blanks the top-left cell: write it again, safely
                writer.cell(r1, c1, top)
    if out.freeze:
        ws.freeze_panes(*out.freeze)
    if out.autofilter:
        ws.autofilter(*out.autofilter)
    ws.set_paper(A4)
    if out.landscape:
        ws.set_landscape()
    if out.fit_width:
        ws.fit_to_pages(1, 0)
    if out.repeat_rows:
        ws.repeat_rows(*out.repeat_rows)
    if out.tab_color:
        ws.set_tab_color(out.tab_color)
    if out.chart and out.chart.series:  # Excel has no chart without a series
        _render_chart(workbook, ws, name, out.chart)


def _cell_at(out: OutputSheet, row: int, col: int) -> Cell | None:
    if row < len(out.rows) and col < len(out.rows[row]):
        cell = out.rows[row][col]
        return cell if isinstance(cell, Cell) or cell is None else Cell(cell)
    return None


def _render_chart(workbook: Any, ws: Any, sheet: str, spec: Chart) -> None:
    kind = spec.kind if spec.kind in ("bar", "column") else "bar"
    chart = workbook.add_chart({"type": kind})
    first, last, cat_col = spec.categories
    for name_row, name_col, first_row, col in spec.series:
        chart.add_series(
            {
                "name": [sheet, name_row, name_col],
                "categories": [sheet, first, cat_col, last, cat_col],
                "values": [sheet, first_row, col, spec.last_row, col],
            }
        )
    value_axis: dict[str, Any] = {"major_gridlines": {"visible": True}}
    if spec.y_title:
        value_axis["name"] = clean_text(spec.y_title)
    if spec.percent:
        value_axis.update({"num_format": "0%", "min": 0, "max": 1})
    if kind == "bar":  # horizontal bars: values on x, first category on top
        chart.set_x_axis(value_axis)
        chart.set_y_axis({"reverse": True})
    else:
        chart.set_y_axis(value_axis)
    chart.set_title({"name": clean_text(spec.title)})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": spec.size[0], "height": spec.size[1]})
    ws.insert_chart(spec.anchor[0], spec.anchor[1], chart)
