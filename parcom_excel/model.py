"""Plain data passed between the adapters and the core: raw input tables and output sheets.

Adapters (file, live Excel) produce `RawTable`s and consume `OutputSheet`s; the core never
knows which adapter it talks to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .i18n import Msg
from .sheetnames import numbered, sheet_key

# ---------------------------------------------------------------- input side


@dataclass
class RawTable:
    """One input sheet as found: values by contract column key, with Excel positions kept."""

    key: str  # contract sheet key ("staff")
    sheet: str  # the sheet's real name in the workbook
    header_row: int  # 1-based Excel row of the header
    columns: dict[str, str]  # column key -> column letter ("B")
    rows: list[int]  # 1-based Excel row of each record
    data: dict[str, list[Any]]  # column key -> values, aligned with rows
    extra: dict[str, str] = field(default_factory=dict)  # unknown header text -> letter
    legacy_cells: set[str] = field(default_factory=set)  # cells formatted with a TCVN3/VNI font
    conflicts: dict[str, str] = field(default_factory=dict)  # merge's Nguồn cell -> its conflict note

    def __len__(self) -> int:
        return len(self.rows)

    def cell(self, column: str, index: int) -> str:
        return f"{self.columns[column]}{self.rows[index]}"


# ---------------------------------------------------------------- output side

# Style names understood by every adapter; values are XlsxWriter format properties, which
# the live-Excel adapter maps onto what xlwings can set.
BASE_FONT = "Arial"
DOC_FONT = "Times New Roman"
STYLES: dict[str, dict[str, Any]] = {
    "text": {"font_name": BASE_FONT, "font_size": 10, "valign": "top"},
    "wrap": {"font_name": BASE_FONT, "font_size": 10, "valign": "top", "text_wrap": True},
    "header": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "bold": True,
        "bg_color": "#DDEBF7",
        "border": 1,
        "text_wrap": True,
        "valign": "vcenter",
        "align": "center",
    },
    "title": {"font_name": BASE_FONT, "font_size": 14, "bold": True},
    "subtitle": {"font_name": BASE_FONT, "font_size": 10, "italic": True, "font_color": "#595959"},
    "banner": {
        "font_name": BASE_FONT,
        "font_size": 12,
        "bold": True,
        "font_color": "#9C0006",
        "bg_color": "#FFC7CE",
    },
    "int": {"font_name": BASE_FONT, "font_size": 10, "num_format": "0", "valign": "top"},
    "pct": {"font_name": BASE_FONT, "font_size": 10, "num_format": "0%", "valign": "top"},
    "date": {"font_name": BASE_FONT, "font_size": 10, "num_format": "dd/mm/yyyy", "valign": "top"},
    "datetime": {"font_name": BASE_FONT, "font_size": 10, "num_format": "dd/mm/yyyy hh:mm:ss"},
    "met": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "bg_color": "#C6EFCE",
        "font_color": "#006100",
        "valign": "top",
    },
    "unmet": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "bg_color": "#FFC7CE",
        "font_color": "#9C0006",
        "valign": "top",
    },
    "missing": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "bg_color": "#FFEB9C",
        "font_color": "#9C5700",
        "valign": "top",
    },
    "link": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "font_color": "#0563C1",
        "underline": 1,
        "valign": "top",
    },
    "error": {
        "font_name": BASE_FONT,
        "font_size": 10,
        "font_color": "#9C0006",
        "bold": True,
        "valign": "top",
    },
    "warning": {"font_name": BASE_FONT, "font_size": 10, "font_color": "#9C5700", "valign": "top"},
    # Nomination list, Nghị định 30/2020 layout.
    "doc_agency": {"font_name": DOC_FONT, "font_size": 13, "align": "center"},
    "doc_agency_bold": {"font_name": DOC_FONT, "font_size": 13, "bold": True, "align": "center"},
    "doc_nation": {"font_name": DOC_FONT, "font_size": 13, "bold": True, "align": "center"},
    # the Tiêu ngữ's rule is as long as the motto itself: its underline (Phụ lục I)
    "doc_motto": {"font_name": DOC_FONT, "font_size": 14, "bold": True, "align": "center", "underline": 1},
    # the agency's rule, 1/3 to 1/2 of its name, centred under it: a short run of underscores
    "doc_rule": {"font_name": DOC_FONT, "font_size": 9, "align": "center", "valign": "top"},
    "doc_hint": {"font_name": DOC_FONT, "font_size": 12, "italic": True, "align": "center"},
    "doc_date": {"font_name": DOC_FONT, "font_size": 14, "italic": True, "align": "center"},
    "doc_title": {
        "font_name": DOC_FONT,
        "font_size": 14,
        "bold": True,
        "align": "center",
        "text_wrap": True,
        "valign": "vcenter",
    },
    "doc_section": {"font_name": DOC_FONT, "font_size": 13, "bold": True},
    "doc_header": {
        "font_name": DOC_FONT,
        "font_size": 12,
        "bold": True,
        "align": "center",
        "valign": "vcenter",
        "border": 1,
        "text_wrap": True,
    },
    "doc_cell": {"font_name": DOC_FONT, "font_size": 12, "valign": "top", "border": 1, "text_wrap": True},
    "doc_center": {"font_name": DOC_FONT, "font_size": 12, "valign": "top", "align": "center", "border": 1},
    "doc_note": {
        "font_name": DOC_FONT,
        "font_size": 12,
        "italic": True,
        "text_wrap": True,
        "valign": "top",
        "border": 1,
        "font_color": "#9C0006",
    },
}


# A table's body cells with the thin borders of a printed table: "<style>_box" for each style.
STYLES.update(
    {
        f"{name}_box": {**STYLES[name], "border": 1}
        for name in ("text", "wrap", "int", "pct", "date", "datetime", "met", "unmet", "missing", "link")
    }
)


@dataclass(slots=True)
class Cell:
    """A value with a named style and, optionally, a link to a cell of the workbook."""

    value: Any
    style: str = "text"
    link: str | None = None  # "'Sheet name'!B7": a link inside this workbook


@dataclass
class Chart:
    """A native Excel chart: clustered bars of several series over category rows."""

    title: str
    categories: tuple[int, int, int]  # (first_row, last_row, col), 0-based, on this sheet
    series: list[tuple[int, int, int, int]]  # (name_row, name_col, first_row, col) per series
    last_row: int
    anchor: tuple[int, int]  # (row, col) 0-based, top-left
    kind: str = "bar"
    y_title: str = ""
    size: tuple[int, int] = (760, 420)  # pixels
    percent: bool = True
    labels: bool = False  # each bar's value written at its end
    stacked: bool = False  # the series as shares of each bar (100% stacked)
    colors: tuple[str, ...] = ()  # one fill per series


@dataclass
class OutputSheet:
    """A whole output sheet, adapter-neutral; written as literal values, never formulas."""

    key: str  # contract key: "units_result", "log", ...
    name: str  # sheet name in the user's language
    rows: list[list[Cell | None]]
    widths: dict[int, float] = field(default_factory=dict)  # 0-based column -> width (chars)
    heights: dict[int, float] = field(default_factory=dict)  # 0-based row -> height (points)
    freeze: tuple[int, int] | None = None  # (rows, cols) frozen
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    autofilter: tuple[int, int, int, int] | None = None
    landscape: bool = False
    fit_width: bool = True
    repeat_rows: tuple[int, int] | None = None  # print titles (0-based first, last)
    repeat_cols: tuple[int, int] | None = None  # identifying columns printed on every page
    scale: int | None = None  # print zoom (%) when not fitted: Excel ignores page breaks in "fit to"
    page_breaks: list[int] = field(default_factory=list)  # 0-based rows that start a new page
    chart: Chart | None = None
    tab_color: str | None = None
    names: tuple[str, ...] = ()  # every name the sheet has by default (each language)
    active: bool = False  # the sheet the workbook opens on after the run (the user's next step)

    def renamed_by_user(self, current: str) -> bool:
        """True when our sheet, found again, bears a name that is none of its default names:
        the user renamed it, and formulas may point at that name, so it is kept."""
        ours = {sheet_key(n) for n in (self.name, *self.names)}
        # "Name (2)" is what we name it ourselves when a user's sheet holds "Name" (shortened to
        # Excel's 31 characters as package._plan does)
        suffix = re.search(r" \((\d+)\)$", current)
        if suffix:
            ours |= {sheet_key(numbered(n, int(suffix.group(1)))) for n in (self.name, *self.names)}
        return sheet_key(current) not in ours


# ---------------------------------------------------------------- declared tables


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an output table, declared: the sheet's widths, frozen panes, filter and print
    titles are derived from the list of them, never counted by hand."""

    key: str
    header: Msg | Any  # a sentence of the catalog, a name of the contract (`.label`), or a code
    width: float  # characters
    style: str = "text"  # the body cells' style
    value: Callable[[Any], Cell | None] | None = None  # the cell of one row's item


def _header_text(header: Any, lang: str) -> str:
    if isinstance(header, str):
        return header  # a code, the same in every language ("TT1")
    if isinstance(header, Msg):
        return header.render(lang)
    return header.label(lang)


@dataclass(frozen=True)
class Table:
    """Columns laid out from the sheet's first column, their header at `header_row` (0-based)."""

    columns: Sequence[Column]
    header_row: int

    def index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def header(self, lang: str, style: str = "header") -> list[Cell | None]:
        return [Cell(_header_text(column.header, lang), style) for column in self.columns]

    def rows(self, items: Any) -> list[list[Cell | None]]:
        """One row of cells per item, each column's value of it."""
        values = [column.value for column in self.columns]
        return [[value(item) for value in values] for item in items]  # type: ignore[misc]

    @property
    def widths(self) -> dict[int, float]:
        return {i: column.width for i, column in enumerate(self.columns)}

    def frame(self, body_rows: int, identity: str | None = None, filtered: bool = True) -> dict[str, Any]:
        """The sheet settings of the table: widths; the header frozen and printed on every page;
        a filter over header and body (unless not `filtered`); with `identity`, the columns up to
        and including it frozen and printed on every page too."""
        last = len(self.columns) - 1
        header = self.header_row
        frame: dict[str, Any] = {
            "widths": self.widths,
            "freeze": (header + 1, 0),
            "repeat_rows": (header, header),
        }
        if filtered:
            frame["autofilter"] = (header, 0, header + max(body_rows, 1), last)
        if identity is not None:
            through = self.index(identity)
            frame["freeze"] = (header + 1, through + 1)
            frame["repeat_cols"] = (0, through)
        return frame
