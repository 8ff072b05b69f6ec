"""The Evaluate button: a thin xlwings layer over the shared core.

The add-in's VBA runs `import parcom_excel; parcom_excel.main()` in a fresh Python; `main`
takes the calling workbook (`xw.Book.caller()`), wraps it in `XlwingsAdapter` and runs the same
pipeline as the command line. Everything the user sees is one message box in Vietnamese, never a
traceback. xlwings is imported inside functions only, so `import parcom_excel` stays light.

Writing follows the file adapter's rules: our sheets carry a hidden workbook name
`_parcom_<key>` pointing at their A1; a sheet of the same name without that marker belongs to
the user and is never touched (we write "Name (2)" instead); values go in one bulk assignment
per sheet, text that Excel would turn into a formula, number, date or error is written with a
leading apostrophe, so it stays text.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..adapter import Grid, trusted_marker
from ..addresses import col_letter
from ..model import STYLES, Chart, OutputSheet
from ..problems import WARNING, ParcomError, Problem
from ..sheetnames import (
    marker_name,
    marker_refers_to,
    parse_marker,
    safe_sheet_name,
    sheet_key,
    unique_sheet_name,
)
from .celltext import clean_text, looks_like_formula

LANG = "vi"  # the adapter writes the Vietnamese problems of its own (a sheet name taken, ...)
MAX_LINKS = 2000  # hyperlinks are one call each; past this the address stays readable as text
MERGE_SCAN_ROWS = 30  # header rows looked at for merged cells

_MONTHS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_NUMBERISH_WORDS = {"e", "a", "p", "am", "pm"} | _MONTHS
_ERRORS = {
    "#null!",
    "#div/0!",
    "#value!",
    "#ref!",
    "#name?",
    "#num!",
    "#n/a",
    "#getting_data",
    "#spill!",
    "#calc!",
    "#field!",
    "#busy!",
    "#blocked!",
    "#connect!",
    "#unknown!",
}


def activate(book: Any, name: str | None) -> None:
    if not name:
        return
    try:
        book.sheets[name].activate()
    except Exception:
        pass  # the sheet is there; not landing on it is no reason to alarm anyone


# ---------------------------------------------------------------- pure helpers


def needs_quote(text: str) -> bool:
    """Would Excel read this text, typed into a cell, as something other than the text itself?

    Formulas (= + - @), numbers, percentages, fractions, dates and times, TRUE/FALSE and error
    literals all would; "001", "1/2", "=HYPERLINK(...)" must stay as the user wrote them.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if looks_like_formula(text):
        return True
    lowered = stripped.lower()
    if lowered in ("true", "false") or lowered in _ERRORS:
        return True
    if not any(ch.isdigit() for ch in stripped):
        return False
    words = re.findall(r"[^\W\d_]+", lowered)
    return all(word in _NUMBERISH_WORDS for word in words)


def cell_value(value: Any) -> Any:
    """A value as it is assigned to Excel: text cleaned, capped and quoted where Excel would parse it."""
    if value is None or isinstance(value, (bool, int, float, datetime, date)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    text = clean_text(str(value), ellipsis=True)
    if needs_quote(text):
        return "'" + text
    return text


def sheet_values(out: OutputSheet) -> list[list[Any]]:
    """The sheet's cells as one rectangular 2-D list (the single bulk assignment)."""
    width = max((len(row) for row in out.rows), default=0)
    if not out.rows or width == 0:
        return []
    values = []
    for row in out.rows:
        line = [cell_value(cell.value) if cell is not None else None for cell in row]
        line += [None] * (width - len(line))
        values.append(line)
    return values


def rectangles(cells: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Cover 0-based (row, col) cells with few rectangles (r1, c1, r2, c2): one call each."""
    by_col: dict[int, set[int]] = defaultdict(set)
    for r, c in cells:
        by_col[c].add(r)
    spans: dict[tuple[int, int], list[int]] = defaultdict(list)
    for c, rows in by_col.items():
        for r1, r2 in _runs(sorted(rows)):
            spans[(r1, r2)].append(c)
    rects = []
    for (r1, r2), cols in spans.items():
        for c1, c2 in _runs(sorted(cols)):
            rects.append((r1, c1, r2, c2))
    return sorted(rects)


def _runs(sorted_values: list[int]) -> list[tuple[int, int]]:
    runs = []
    start = prev = sorted_values[0]
    for v in sorted_values[1:]:
        if v != prev + 1:
            runs.append((start, prev))
            start = v
        prev = v
    runs.append((start, prev))
    return runs


_HALIGN = {
    "left": "left",
    "center": "center",
    "right": "right",
    "justify": "justify",
    "center_across": "center_across_selection",
    "fill": "fill",
}
_VALIGN = {"top": "top", "vcenter": "center", "bottom": "bottom", "vjustify": "justify"}


def style_properties(style: str) -> dict[str, Any]:
    """A named style of model.STYLES as the cell properties xlwings can set."""
    spec = STYLES.get(style) or STYLES["text"]
    props: dict[str, Any] = {}
    for key, prop in (
        ("font_name", "font_name"),
        ("font_size", "font_size"),
        ("bold", "bold"),
        ("italic", "italic"),
        ("font_color", "font_color"),
        ("bg_color", "fill"),
        ("num_format", "number_format"),
        ("underline", "underline"),
    ):
        if spec.get(key) not in (None, False):
            props[prop] = spec[key]
    if spec.get("text_wrap"):
        props["wrap"] = True
    if spec.get("align") in _HALIGN:
        props["halign"] = _HALIGN[spec["align"]]
    if spec.get("valign") in _VALIGN:
        props["valign"] = _VALIGN[spec["valign"]]
    if spec.get("border"):
        props["border"] = True
    return props


def style_runs(out: OutputSheet) -> list[tuple[str, Any, list[tuple[int, int, int, int]]]]:
    """(property, value, rectangles) to apply: grouping by property, not by style, needs fewest calls."""
    cells: dict[tuple[str, Any], list[tuple[int, int]]] = defaultdict(list)
    for r, row in enumerate(out.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            for prop, value in style_properties(cell.style).items():
                cells[(prop, value)].append((r, c))
    return [(prop, value, rectangles(where)) for (prop, value), where in sorted(cells.items(), key=_run_key)]


def _run_key(item: tuple[tuple[str, Any], list[tuple[int, int]]]) -> tuple[str, str]:
    (prop, value), _ = item
    return prop, repr(value)


def links(out: OutputSheet) -> list[tuple[int, int, str, str]]:
    """(row, col, "#'Sheet'!B7", text shown) of every linked cell, at most MAX_LINKS."""
    found = []
    for r, row in enumerate(out.rows):
        for c, cell in enumerate(row):
            if cell is not None and cell.link:
                text = "" if cell.value is None else clean_text(str(cell.value))
                found.append((r, c, "#" + cell.link, text or cell.link))
                if len(found) == MAX_LINKS:
                    return found
    return found


def freeze_address(rows: int, cols: int) -> str | None:
    """The frozen top-left block as xlwings' freeze_at wants it ("1:2", "A:B", "A1:B2")."""
    if rows > 0 and cols > 0:
        return f"A1:{col_letter(cols - 1)}{rows}"
    if rows > 0:
        return f"1:{rows}"
    if cols > 0:
        return f"A:{col_letter(cols - 1)}"
    return None


def chart_source(chart: Chart) -> tuple[int, int, int, int] | None:
    """0-based (r1, c1, r2, c2) of one block holding the names, categories and series, if there is one."""
    first, last, cat_col = chart.categories
    if not chart.series:
        return None
    name_rows = {s[0] for s in chart.series}
    if name_rows != {first - 1} or any(s[2] != first for s in chart.series):
        return None
    cols = sorted({s[3] for s in chart.series} | {cat_col})
    if cols[0] != cat_col or cols != list(range(cat_col, cat_col + len(cols))):
        return None
    return first - 1, cat_col, last, cols[-1]


# ---------------------------------------------------------------- the adapter


class XlwingsAdapter:
    """A workbook open in Excel, read and written through xlwings (any of its engines)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.label = book.name
        self.write_started = False
        self.skipped: set[str] = set()  # formatting the engine refused; cosmetic, so never fatal
        self.untrusted: dict[str, str] = {}  # output key -> input sheet a marker wrongly names
        try:
            self.engine = book.app.engine.name
        except Exception:
            self.engine = "excel"

    # ------------------------------------------------------------ reading
    writable = True  # an open workbook: Excel saves it in whatever format it has

    @property
    def has_macros(self) -> bool:
        return str(getattr(self.book, "name", "")).lower().endswith((".xlsm", ".xltm"))

    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.book.sheets]

    def grid(self, name: str) -> Grid:
        sheet = self.book.sheets[name]
        used = sheet.used_range
        raw = used.options(ndim=2).value or [[None]]
        values = [[None if v == "" else v for v in row] for row in raw]
        return Grid(name, values, top=used.row, left=used.column, merged=self._merged(used))

    def _merged(self, used: Any) -> tuple[tuple[int, int, int, int], ...]:
        """Merged cells in the top rows (where headers are); engines that cannot tell give none."""
        try:
            if used.merge_cells is False:
                return ()
            nrows, ncols = used.shape
            found = set()
            for r in range(min(nrows, MERGE_SCAN_ROWS)):
                for c in range(ncols):
                    cell = used[r, c]
                    if cell.merge_cells:
                        area = cell.merge_area
                        found.add((area.row, area.column, area.last_cell.row, area.last_cell.column))
            return tuple(sorted(found))
        except Exception:
            return ()

    def owned(self) -> dict[str, str]:
        sheets = {sheet_key(name): name for name in self.sheet_names()}
        found: dict[str, str] = {}
        for name in self.book.names:
            try:
                marker = parse_marker(name.name, name.refers_to)
            except Exception:
                continue
            if not marker or sheet_key(marker[1]) not in sheets:
                continue
            if trusted_marker(*marker):
                found.setdefault(marker[0], sheets[sheet_key(marker[1])])
            else:  # never clear a user's input sheet: write ours beside it and say so
                self.untrusted[marker[0]] = sheets[sheet_key(marker[1])]
        return found

    # ------------------------------------------------------------ writing
    def write(self, outputs: list[OutputSheet]) -> list[Problem]:
        self._refuse_protected()
        self.write_started = True
        problems: list[Problem] = []
        active = self._active_sheet()
        self._try("screen_updating", setattr, self.book.app, "screen_updating", False)
        try:
            owned = self.owned()
            for out in outputs:
                if out.key in self.untrusted:
                    params = {"output": out.key}
                    problems.append(
                        Problem("marker_untrusted", WARNING, self.untrusted[out.key], params=params)
                    )
                problems += self._write_sheet(out, owned)
            if active:
                self._try("activate", activate, self.book, active)
        finally:
            self._try("screen_updating", setattr, self.book.app, "screen_updating", True)
        return problems

    def _refuse_protected(self) -> None:
        if self.engine != "excel":
            return
        try:
            protected = bool(self.book.api.ProtectStructure)
        except Exception:
            return
        if protected:
            raise ParcomError("structure_protected", file=self.label)

    def _active_sheet(self) -> str | None:
        try:
            return self.book.sheets.active.name
        except Exception:
            return None

    def _write_sheet(self, out: OutputSheet, owned: dict[str, str]) -> list[Problem]:
        problems: list[Problem] = []
        taken = self.sheet_names()
        if out.key in owned:
            sheet = self.book.sheets[owned[out.key]]
            self._reset(sheet)
            if (
                sheet.name != out.name
                and not out.renamed_by_user(sheet.name)
                and sheet_key(out.name) not in {sheet_key(n) for n in taken}
            ):
                self._try("rename", setattr, sheet, "name", out.name)
        else:
            name = unique_sheet_name(out.name, taken)
            if name != safe_sheet_name(out.name):
                problems.append(Problem("sheet_name_taken", WARNING, value=out.name, params={"other": name}))
            sheet = self.book.sheets.add(name, after=self.book.sheets[len(taken) - 1] if taken else None)
            self._mark(out.key, sheet.name)
        values = sheet_values(out)
        if values:
            sheet.range((1, 1)).value = values
        for r, c, address, text in links(out):
            cell = _block(sheet, r, c, r, c)
            self._try("hyperlink", cell.add_hyperlink, address, text_to_display=text, screen_tip=address[1:])
        for prop, value, rects in style_runs(out):
            if prop == "underline" and self.engine != "excel":
                continue  # only desktop Excel's object model underlines (the motto's rule)
            for rect in rects:
                self._try(prop, _SETTERS[prop], _block(sheet, *rect), value)
        for col, width in sorted(out.widths.items()):
            self._try(
                "column_width", setattr, _block(sheet, 0, col, 0, col), "column_width", self._width(width)
            )
        for row, height in sorted(out.heights.items()):
            self._try("row_height", setattr, _block(sheet, row, 0, row, 0), "row_height", height)
        for rect in out.merges:
            self._try("merge", _block(sheet, *rect).merge)
        if out.freeze:
            self._freeze(sheet, *out.freeze)
        if out.chart is not None:
            self._try("chart", self._chart, sheet, out.chart)
        self._page_setup(sheet, out)
        return problems

    def _try(self, what: str, action: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Formatting is cosmetic: what an engine refuses is noted in `skipped`, never fatal."""
        try:
            action(*args, **kwargs)
        except Exception:
            self.skipped.add(what)

    def _reset(self, sheet: Any) -> None:
        """Empty one of our own sheets in place, so references to it from elsewhere keep working."""
        sheet.clear()
        for chart in list(sheet.charts):
            self._try("chart", chart.delete)

    def _mark(self, key: str, sheet_name: str) -> None:
        name, refers_to = marker_name(key), marker_refers_to(sheet_name)
        names = self.book.names
        if name in names:
            names[name].refers_to = refers_to  # a stale marker of a deleted sheet
            marker = names[name]
        else:
            marker = names.add(name, refers_to)
        if self.engine == "excel":
            self._try("hide_marker", setattr, marker.api, "Visible", False)

    def _width(self, chars: float) -> float:
        """Desktop Excel takes characters; the Office.js engines take points."""
        if self.engine in ("remote", "officejs"):
            return round((chars * 7 + 5) * 0.75, 2)
        return chars

    def _freeze(self, sheet: Any, rows: int, cols: int) -> None:
        address = freeze_address(rows, cols)
        if address is None:
            return
        try:
            sheet.freeze_panes.freeze_at(address)
            return
        except Exception:
            pass
        if self.engine != "excel" or not sys.platform.startswith("win"):
            self.skipped.add("freeze")
            return

        def freeze_window() -> None:  # desktop xlwings has no freeze_panes yet: the window does it
            sheet.activate()
            window = self.book.app.api.ActiveWindow
            window.FreezePanes = False
            window.ScrollRow = 1  # the split is counted from the top-left cell in view
            window.ScrollColumn = 1
            window.SplitColumn = cols
            window.SplitRow = rows
            window.FreezePanes = True

        self._try("freeze", freeze_window)

    def _chart(self, sheet: Any, chart: Chart) -> None:
        block = chart_source(chart)
        if block is None:
            self.skipped.add("chart")
            return
        r1, c1, r2, c2 = block
        kinds = {"bar": "bar_clustered", "column": "column_clustered"}
        if chart.stacked:
            kinds = {"bar": "bar_stacked_100", "column": "column_stacked_100"}
        kind = kinds.get(chart.kind, kinds["column"])
        width, height = chart.size
        made = sheet.charts.add(
            width=width * 0.75,
            height=height * 0.75,
            chart_type=kind,
            source=_block(sheet, r1, c1, r2, c2),
            plot_by="columns",
            anchor=_block(sheet, *chart.anchor, *chart.anchor),
        )
        self._try("chart_title", setattr, made, "title", chart.title)
        if chart.percent:
            self._try("chart_axis", setattr, made.value_axis, "number_format", "0%")

    def _page_setup(self, sheet: Any, out: OutputSheet) -> None:
        """Print layout (A4, landscape, fit to width, repeated titles): desktop Excel on Windows only."""
        if self.engine != "excel" or not sys.platform.startswith("win"):
            return
        if not (out.landscape or out.fit_width or out.repeat_rows or out.repeat_cols or out.scale):
            return

        def setup() -> None:
            app = self.book.app.api
            app.PrintCommunication = False  # otherwise each property talks to the printer
            try:
                page = sheet.api.PageSetup
                page.PaperSize = 9  # xlPaperA4
                if out.landscape:
                    page.Orientation = 2  # xlLandscape
                if out.scale:
                    page.Zoom = out.scale
                elif out.fit_width:
                    page.Zoom = False
                    page.FitToPagesWide = 1
                    page.FitToPagesTall = False
                if out.repeat_rows:
                    page.PrintTitleRows = f"${out.repeat_rows[0] + 1}:${out.repeat_rows[1] + 1}"
                if out.repeat_cols:
                    first, last = (col_letter(c) for c in out.repeat_cols)
                    page.PrintTitleColumns = f"${first}:${last}"
                for row in out.page_breaks:
                    sheet.api.HPageBreaks.Add(Before=sheet.api.Rows(row + 1))
            finally:
                app.PrintCommunication = True

        self._try("page_setup", setup)


def _block(sheet: Any, r1: int, c1: int, r2: int, c2: int) -> Any:
    """The range of 0-based cells (r1, c1)..(r2, c2)."""
    if (r1, c1) == (r2, c2):
        return sheet.range((r1 + 1, c1 + 1))
    return sheet.range((r1 + 1, c1 + 1), (r2 + 1, c2 + 1))


def _set_border(rng: Any, _: Any) -> None:
    rng.borders.set("all", line_style="continuous", weight="thin")


def _set_font(attr: str) -> Callable[[Any, Any], None]:
    def setter(rng: Any, value: Any) -> None:
        setattr(rng.font, attr, value)

    return setter


_SETTERS: dict[str, Callable[[Any, Any], None]] = {
    "font_name": _set_font("name"),
    "font_size": _set_font("size"),
    "bold": _set_font("bold"),
    "italic": _set_font("italic"),
    "font_color": _set_font("color"),
    "fill": lambda rng, value: setattr(rng, "color", value),
    "number_format": lambda rng, value: setattr(rng, "number_format", value),
    "wrap": lambda rng, value: setattr(rng, "wrap_text", value),
    "halign": lambda rng, value: setattr(rng, "horizontal_alignment", value),
    "valign": lambda rng, value: setattr(rng, "vertical_alignment", value),
    "border": _set_border,
    "underline": lambda rng, value: setattr(rng.api.Font, "Underline", 2),  # xlUnderlineStyleSingle
}
