"""The cells of an output sheet as worksheet XML, written directly with the workbook's style ids.

A general-purpose writer spends several Python calls per cell; an output sheet at Excel's row
limit has millions of cells, so this module writes `<sheetData>`, `<mergeCells>` and
`<hyperlinks>` as text, row by row, with each cell's style id already the one it gets in the
user's styles.xml (see `Palette` and `styles.StyleMerge`). Everything is a literal value:
text that Excel would take for a formula on edit carries the quote prefix, text is cleaned of
what Excel cannot store, and `_xHHHH_` sequences are escaped so they read back as typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ..addresses import col_letter
from ..model import STYLES, Cell, OutputSheet
from .celltext import _SHORT, clean_text, looks_like_formula
from .celltext import xml_attr as _attr
from .celltext import xml_escape as _escape

MAX_URL = 255  # characters of a link's location
MAX_LINKS = 65_530  # hyperlinks per worksheet Excel accepts
MAX_ROWS, MAX_COLS = 1_048_576, 16_384  # a worksheet's grid: nothing is written beyond it
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm:ss"
TIME_FORMAT = "hh:mm:ss"
_BUILTIN_FORMATS = {"0": 1, "0.00": 2, "0%": 9, "0.00%": 10, "@": 49}

_ESCAPED_CHAR = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ROWS_PER_CHUNK = 2_000
_BIG = 10**15  # whole numbers below this are written as they are (as `_number` writes them)
# Formula-like starts, and the one printable space (every other space is not printable).
_CAREFUL_START = frozenset("=+-@ ")

FormatId = Callable[[str, "str | None", bool], int]


MAX_WIDTH = 255  # characters: Excel's limit for a column width
MAX_HEIGHT = 409  # points: Excel's limit for a row height


def clamp(value: float, high: float) -> float:
    """What Excel does with a width or height out of range: 0 at least, its maximum at most."""
    return min(max(float(value), 0.0), high)


# ---------------------------------------------------------------- styles


def _color(value: str) -> str:
    return "FF" + value.lstrip("#").upper()


class Palette:
    """Our named styles as a styles.xml of their own: one cell format per (style, number format,
    quote prefix), made when first asked for. `styles.StyleMerge` maps its formats onto the
    user's styles; a workbook without styles gets this one."""

    def __init__(self) -> None:
        from lxml import etree

        self._etree = etree
        self.root = etree.fromstring(
            f'<styleSheet xmlns="{NS_MAIN}">'
            '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/>'
            '<family val="2"/><scheme val="minor"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
            'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
        )
        self._ids: dict[tuple[str, str | None, bool], int] = {}
        self._parts: dict[tuple[str, str], int] = {}

    def _list(self, name: str) -> Any:
        return self.root.find(f"{{{NS_MAIN}}}{name}")

    def _add(self, list_name: str, xml: str) -> int:
        """Index of `xml` in a list of styles.xml, appended if new."""
        key = (list_name, xml)
        if key not in self._parts:
            container = self._list(list_name)
            if container is None:  # numFmts comes first
                container = self._etree.Element(f"{{{NS_MAIN}}}{list_name}")
                self.root.insert(0, container)
            container.append(self._etree.fromstring(f'<x xmlns="{NS_MAIN}">{xml}</x>')[0])
            container.set("count", str(len(container)))
            self._parts[key] = len(container) - 1
        return self._parts[key]

    def _num_fmt(self, code: str | None) -> int:
        if not code:
            return 0
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        existing = self._list("numFmts")
        for el in existing if existing is not None else ():
            if el.get("formatCode") == code:
                return int(el.get("numFmtId"))
        number = 164 + (len(existing) if existing is not None else 0)
        self._add("numFmts", f'<numFmt numFmtId="{number}" formatCode="{_attr(code)}"/>')
        return number

    def xf(self, style: str, num_format: str | None = None, quote: bool = False) -> int:
        """The index in this palette's cellXfs of a named style (see `model.STYLES`)."""
        key = (style, num_format, quote)
        found = self._ids.get(key)
        if found is not None:
            return found
        props = STYLES.get(style, STYLES["text"])
        font = ""
        if props.get("bold"):
            font += "<b/>"
        if props.get("italic"):
            font += "<i/>"
        if props.get("underline"):
            font += "<u/>"
        font += f'<sz val="{props.get("font_size", 11)}"/>'
        font += (
            f'<color rgb="{_color(props["font_color"])}"/>' if "font_color" in props else '<color theme="1"/>'
        )
        font += f'<name val="{_attr(props.get("font_name", "Calibri"))}"/><family val="2"/>'
        font_id = self._add("fonts", f"<font>{font}</font>")
        fill_id = 0
        if "bg_color" in props:
            color = _color(props["bg_color"])
            fill_id = self._add(
                "fills",
                f'<fill><patternFill patternType="solid"><fgColor rgb="{color}"/>'
                '<bgColor indexed="64"/></patternFill></fill>',
            )
        border_id = 0
        if props.get("border"):
            side = '<color auto="1"/>'
            border_id = self._add(
                "borders",
                f'<border><left style="thin">{side}</left><right style="thin">{side}</right>'
                f'<top style="thin">{side}</top><bottom style="thin">{side}</bottom><diagonal/></border>',
            )
        num_id = self._num_fmt(props.get("num_format") or num_format)
        align = ""
        horizontal = props.get("align")
        vertical = {"vcenter": "center", "top": "top", "bottom": None}.get(props.get("valign", "bottom"))
        if horizontal:
            align += f' horizontal="{horizontal}"'
        if vertical:
            align += f' vertical="{vertical}"'
        if props.get("text_wrap"):
            align += ' wrapText="1"'
        attrs = f'numFmtId="{num_id}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0"'
        attrs += ' applyFont="1"'
        attrs += ' applyNumberFormat="1"' if num_id else ""
        attrs += ' applyFill="1"' if fill_id else ""
        attrs += ' applyBorder="1"' if border_id else ""
        attrs += ' applyAlignment="1"' if align else ""
        attrs += ' quotePrefix="1"' if quote else ""
        body = f"<alignment{align}/>" if align else ""
        found = self._ids[key] = self._add("cellXfs", f"<xf {attrs}>{body}</xf>")
        return found


# ---------------------------------------------------------------- cells


def excel_serial(value: date | datetime | time, date_1904: bool) -> float:
    """Days since Excel's epoch (with the 1900 leap-year quirk), the time as a fraction."""
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    value = value.replace(tzinfo=None)
    delta = value - (datetime(1904, 1, 1) if date_1904 else datetime(1899, 12, 31))
    serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    if not date_1904 and serial > 59:  # Excel counts a 29 February 1900
        serial += 1
    return serial


def _number(value: Any) -> str | None:
    number = float(value)
    if not math.isfinite(number):
        return None
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _is_number(value: Any) -> bool:
    # numpy and pandas scalars without importing them
    return type(value).__module__ == "numpy" and hasattr(value, "dtype") and value.dtype.kind in "iuf"


@dataclass
class SheetCells:
    """An output sheet's cell XML, produced in chunks so a huge sheet is never one string."""

    out: OutputSheet
    fmt: FormatId
    date_1904: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)  # (cell ref, location)

    def __post_init__(self) -> None:
        self._styles: dict[tuple[str, str | None, bool], str] = {}
        self.min_day = date(1904, 1, 1) if self.date_1904 else date(1900, 1, 1)
        self.merges = _accepted_merges(self.out.merges)
        # other cells of a merged range take the top-left cell's style (borders across the range)
        self.merge_fill: dict[tuple[int, int], str] = {}
        for r1, c1, r2, c2 in self.merges:
            top = _cell_at(self.out, r1, c1)
            style = top.style if top is not None else "text"
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.merge_fill[(r, c)] = style
        self.last_row, self.last_col = _extent(self.out.rows, self.merge_fill)

    def _s(self, style: str, num_format: str | None = None, quote: bool = False) -> str:
        key = (style, num_format, quote)
        attr = self._styles.get(key)
        if attr is None:
            index = self.fmt(style if style in STYLES else "text", num_format, quote)
            attr = self._styles[key] = f' s="{index}"' if index else ""
        return attr

    def _text(self, ref: str, text: str, style: str) -> str:
        text = clean_text(text)
        if not text:
            return f'<c r="{ref}"{self._s(style)}/>'
        s = self._s(style, None, looks_like_formula(text))
        if "_x" in text:
            text = _ESCAPED_CHAR.sub(r"_x005F_\1", text)
        text = _escape(text)
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def _value(self, ref: str, value: Any, style: str) -> str:
        if value is None:
            return f'<c r="{ref}"{self._s(style)}/>'
        if isinstance(value, str):
            return self._text(ref, value, style)
        if isinstance(value, bool):
            return f'<c r="{ref}"{self._s(style)} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float, Decimal)) or _is_number(value):
            number = _number(value)
            if number is None:
                return f'<c r="{ref}"{self._s(style)}/>'
            return f'<c r="{ref}"{self._s(style)}><v>{number}</v></c>'
        if isinstance(value, (datetime, date)):
            if value != value:  # pandas NaT
                return f'<c r="{ref}"{self._s(style)}/>'
            has_time = isinstance(value, datetime) and bool(value.hour or value.minute or value.second)
            day = value.date() if isinstance(value, datetime) else value
            if day < self.min_day:  # Excel has no serial for it: keep it readable as text
                return self._text(ref, value.strftime("%d/%m/%Y %H:%M:%S" if has_time else "%d/%m/%Y"), style)
            fmt = DATETIME_FORMAT if has_time else DATE_FORMAT
            serial = _number(excel_serial(value, self.date_1904))
            return f'<c r="{ref}"{self._s(style, fmt)}><v>{serial}</v></c>'
        if isinstance(value, time):
            serial = _number(excel_serial(value, self.date_1904))
            return f'<c r="{ref}"{self._s(style, TIME_FORMAT)}><v>{serial}</v></c>'
        return self._text(ref, str(value), style)

    def _cell(self, ref: str, cell: Cell) -> str:
        link = cell.link
        if link and len(link) <= MAX_URL and len(self.links) < MAX_LINKS:
            self.links.append((ref, link))
            text = "" if cell.value is None else str(cell.value)
            return self._text(ref, text or link, cell.style)  # a link shows its target when empty
        return self._value(ref, cell.value, cell.style)

    def chunks(self) -> Iterator[str]:
        """`<sheetData>…</sheetData>` in pieces of a few thousand rows."""
        out = self.out
        rows, heights, fill = out.rows, out.heights, self.merge_fill
        fill_rows = {r for r, _ in fill}
        last = min(max([len(rows) - 1, *heights, *fill_rows], default=-1), MAX_ROWS - 1)
        width = min(max([len(row) for row in rows] + [c + 1 for _, c in fill], default=0), MAX_COLS)
        letters = [col_letter(c) for c in range(width)]
        plain: dict[str, str] = {}  # style -> ' s="…"' for text that needs no care
        links = self.links
        parts: list[str] = ["<sheetData>"]
        for r in range(last + 1):
            number = str(r + 1)
            row = rows[r] if r < len(rows) else ()
            if len(row) > width:
                row = row[:width]
            cells = []
            for c, cell in enumerate(row):
                if cell is None:
                    style = fill.get((r, c)) if r in fill_rows else None
                    if style is not None:
                        cells.append(f'<c r="{letters[c]}{number}"{self._s(style)}/>')
                    continue
                if cell.__class__ is not Cell:
                    cell = Cell(cell)
                value, link = cell.value, cell.link
                # The common cases inline (most cells of a big sheet): short printable text with
                # no formula-like start, no edge spaces and nothing that needs escaping; a blank;
                # a whole number. A link is kept as `_cell` keeps it.
                if (
                    value.__class__ is str
                    and value
                    and value.isprintable()
                    and len(value) <= _SHORT
                    and value[0] not in _CAREFUL_START
                    and value[-1] != " "
                    and "_x" not in value
                    and (not link or (len(link) <= MAX_URL and len(links) < MAX_LINKS))
                ):
                    attr = plain.get(cell.style)
                    if attr is None:
                        attr = plain[cell.style] = self._s(cell.style)
                    if "&" in value or "<" in value or ">" in value:
                        value = _escape(value)
                    ref = letters[c] + number
                    if link:
                        links.append((ref, link))
                    cells.append(f'<c r="{ref}"{attr} t="inlineStr"><is><t>{value}</t></is></c>')
                    continue
                if not link and (value is None or (value.__class__ is int and -_BIG < value < _BIG)):
                    attr = plain.get(cell.style)
                    if attr is None:
                        attr = plain[cell.style] = self._s(cell.style)
                    if value is None:
                        cells.append(f'<c r="{letters[c]}{number}"{attr}/>')
                    else:
                        cells.append(f'<c r="{letters[c]}{number}"{attr}><v>{value}</v></c>')
                    continue
                cells.append(self._cell(letters[c] + number, cell))
            if r in fill_rows:
                for c in range(len(row), width):
                    style = fill.get((r, c))
                    if style is not None:
                        cells.append(f'<c r="{letters[c]}{number}"{self._s(style)}/>')
            height = heights.get(r)
            if not cells and height is None:
                continue
            ht = f' ht="{clamp(height, MAX_HEIGHT):g}" customHeight="1"' if height is not None else ""
            parts.append(f'<row r="{number}"{ht}>{"".join(cells)}</row>')
            if len(parts) >= _ROWS_PER_CHUNK:
                yield "".join(parts)
                parts = []
        parts.append("</sheetData>")
        yield "".join(parts)

    def dimension(self) -> str:
        if not self.last_row:
            return "A1"
        return f"A1:{col_letter(self.last_col - 1)}{self.last_row}"

    def merge_xml(self) -> str:
        if not self.merges:
            return ""
        refs = "".join(
            f'<mergeCell ref="{col_letter(c1)}{r1 + 1}:{col_letter(c2)}{r2 + 1}"/>'
            for r1, c1, r2, c2 in self.merges
        )
        return f'<mergeCells count="{len(self.merges)}">{refs}</mergeCells>'

    def link_xml(self) -> str:
        if not self.links:
            return ""
        refs = "".join(f'<hyperlink ref="{ref}" location="{_attr(loc)}"/>' for ref, loc in self.links)
        return f"<hyperlinks>{refs}</hyperlinks>"


def _extent(rows: list[list[Any]], fill: dict[tuple[int, int], str]) -> tuple[int, int]:
    """1-based last row and column holding a cell (0, 0 when none)."""
    rows = rows[:MAX_ROWS]
    last_row = max((r + 1 for r, _ in fill), default=0)
    for r in range(len(rows) - 1, last_row - 1, -1):
        if any(cell is not None for cell in rows[r]):
            last_row = r + 1
            break
    last_col = max((c + 1 for _, c in fill), default=0)
    for row in rows:
        n = len(row)
        if n > last_col:
            while n > last_col and row[n - 1] is None:
                n -= 1
            last_col = max(last_col, n)
    return min(last_row, MAX_ROWS), min(last_col, MAX_COLS)


def _accepted_merges(merges: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Merges of more than one cell, in order, leaving out any that overlaps an earlier one."""
    kept: list[tuple[int, int, int, int]] = []
    for r1, c1, r2, c2 in merges:
        r1, r2 = sorted((r1, r2))
        c1, c2 = sorted((c1, c2))
        if (r1, c1) == (r2, c2) or r2 >= MAX_ROWS or c2 >= MAX_COLS:
            continue
        if any(r1 <= b2 and b1 <= r2 and c1 <= d2 and d1 <= c2 for b1, d1, b2, d2 in kept):
            continue
        kept.append((r1, c1, r2, c2))
    return kept


def _cell_at(out: OutputSheet, row: int, col: int) -> Cell | None:
    if row < len(out.rows) and col < len(out.rows[row]):
        cell = out.rows[row][col]
        return cell if isinstance(cell, Cell) or cell is None else Cell(cell)
    return None


_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.S)
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')
# CT_Worksheet's sequence after <sheetData> (ECMA-376 Part 1, 18.3.1.99): the writer emits the
# frame's elements and ours (mergeCells, hyperlinks) in this order, in one pass.
_TAIL_ORDER = (
    "sheetCalcPr sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate "
    "customSheetViews mergeCells phoneticPr conditionalFormatting dataValidations hyperlinks "
    "printOptions pageMargins pageSetup headerFooter rowBreaks colBreaks customProperties "
    "cellWatches ignoredErrors smartTags drawing legacyDrawing legacyDrawingHF drawingHF picture "
    "oleObjects controls webPublishItems tableParts extLst"
).split()
_RANK = {name: i for i, name in enumerate(_TAIL_ORDER)}
_TOP_ELEMENT = re.compile(rb"<([A-Za-z]+)\b(?:[^>]*/>|.*?</\1>)", re.S)


def _tail(rest: bytes, ours: dict[str, str]) -> bytes:
    """The elements after <sheetData> with ours among them, each where the schema puts it."""
    end = rest.rfind(b"</worksheet>")
    if end < 0:
        raise ValueError("the rendered sheet has no </worksheet>")
    pieces: list[tuple[int, int, bytes]] = []
    at = 0
    for n, match in enumerate(_TOP_ELEMENT.finditer(rest, 0, end)):
        name = match.group(1).decode()
        if name not in _RANK or rest[at : match.start()].strip():
            raise ValueError(f"the rendered sheet has an unexpected element before <{name}>")
        pieces.append((_RANK[name], n, match.group(0)))
        at = match.end()
    if rest[at:end].strip():
        raise ValueError("the rendered sheet ends in an unexpected element")
    for name, xml in ours.items():
        if xml:
            pieces.append((_RANK[name], -1, xml.encode("utf-8")))
    pieces.sort(key=lambda piece: piece[:2])
    return b"".join(piece for _, _, piece in pieces) + rest[end:]


def fill_sheet(skeleton: bytes, cells: SheetCells) -> Iterator[bytes]:
    """The skeleton worksheet XML (settings, no cells) with the cells put in, as UTF-8 pieces."""
    data = _SHEET_DATA.search(skeleton)
    if data is None:
        raise ValueError("the rendered sheet has no <sheetData>")
    head = skeleton[: data.start()]
    rest = skeleton[data.end() :]
    yield _DIMENSION.sub(f'<dimension ref="{cells.dimension()}"/>'.encode(), head, count=1)
    for chunk in cells.chunks():
        yield chunk.encode("utf-8")
    # the merges and links are known once every cell is written
    yield _tail(rest, {"mergeCells": cells.merge_xml(), "hyperlinks": cells.link_xml()})
