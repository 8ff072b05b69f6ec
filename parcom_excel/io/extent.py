"""Where a sheet's real cells are, found before calamine builds its dense grid.

calamine turns a sheet into one rectangle from its first to its last real cell: one value typed
at XFD1048576 (Ctrl+End and a keystroke) makes that 17 billion cells and aborts the process.
So every sheet part is scanned first, in one streaming pass, and calamine only ever sees a
rectangle bounded by the number of real cells:

- the fast pass trusts the sheet's `<dimension>` only as a hint: it checks, with one regex on
  the bytes, that no cell or row reference lies beyond it, and that the rectangle it spans is
  dense enough (`allowed`);
- otherwise the exact pass lists every cell's position (as calamine places them: explicit
  references, or the next column / row when a reference is missing), keeps the dense block the
  table lives in, and returns the cells outside it as stray cells, read on their own.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

DENSE_FLOOR = 1_000_000  # a rectangle of up to this many cells is always read whole
DENSE_FACTOR = 4  # beyond the floor, a rectangle may hold at most this many cells per real cell
MAX_COLS = 16_384  # Excel's grid
MAX_ROWS = 1_048_576

_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="([^"]*)"')
_REF = re.compile(r"^\$?([A-Z]{1,7})?\$?([0-9]{1,10})?$")
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.S)


def allowed(area: int, cells: int) -> bool:
    return area <= max(DENSE_FLOOR, DENSE_FACTOR * cells)


def col_number(letters: str) -> int:
    """"A" -> 1, "XFD" -> 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _greater_letters(letters: str) -> str:
    """A regex for column letters after `letters` ("F": G..Z or two letters and more)."""
    k = len(letters)
    options = [f"[A-Z]{{{k + 1},}}"]
    for i, ch in enumerate(letters):
        if ch < "Z":
            options.append(re.escape(letters[:i]) + f"[{chr(ord(ch) + 1)}-Z]" + f"[A-Z]{{{k - i - 1}}}")
    return "(?:" + "|".join(options) + r")(?![A-Z])"


def _greater_number(digits: str) -> str:
    """A regex for row numbers after `digits` (leading zeros count as larger: checked exactly)."""
    k = len(digits)
    options = [f"[0-9]{{{k + 1},}}"]
    for i, ch in enumerate(digits):
        if ch < "9":
            options.append(re.escape(digits[:i]) + f"[{chr(ord(ch) + 1)}-9]" + f"[0-9]{{{k - i - 1}}}")
    return "(?:" + "|".join(options) + r")(?![0-9])"


class FastCheck:
    """The streaming check of one sheet part; `ok` stays true while calamine may read it whole."""

    def __init__(self) -> None:
        self.ok = True
        self.started = False
        self.cells = 0
        self._beyond: re.Pattern[bytes] | None = None

    def feed(self, data: bytes) -> None:
        """One piece of the part, cut before a tag (see files.py)."""
        if not self.ok:
            return
        if not self.started:
            self.started = True
            if not self._start(data):
                self.ok = False
                return
        self.cells += data.count(b'<c r="')
        if (
            data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/") != data.count(b'<c r="')
            or data.count(b"<row ") + data.count(b"<row>") + data.count(b"<row/") != data.count(b'<row r="')
            or b":c " in data
            or b":c>" in data
            or b"r='" in data
            or self._beyond.search(data)  # type: ignore[union-attr]
        ):
            self.ok = False  # an unusual or out-of-bounds sheet: the exact pass decides

    def _start(self, data: bytes) -> bool:
        match = _DIMENSION.search(data)
        sheet_data = data.find(b"sheetData")
        if match is None or sheet_data < 0 or match.start() > sheet_data:
            return False
        last = match.group(1).decode("ascii", "replace").split(":")[-1].strip()
        ref = _REF.match(last)
        if not ref or not ref.group(1) or not ref.group(2):
            return False
        letters, digits = ref.group(1), str(int(ref.group(2)))
        self.area = col_number(letters) * int(digits)
        self._beyond = re.compile(
            rb' r="(?:[A-Z]*[a-z$]|'
            + _greater_letters(letters).encode()
            + rb"|[A-Z]*"
            + _greater_number(digits).encode()
            + rb'|[A-Z]*0|[A-Z]*")'
        )
        return True

    def passed(self) -> bool:
        return self.ok and self.started and allowed(self.area, self.cells)


@dataclass
class Layout:
    """The exact pass: every cell's 1-based position, and the dense block the table lives in."""

    rows: array = field(default_factory=lambda: array("q"))
    cols: array = field(default_factory=lambda: array("q"))
    starts: array = field(default_factory=lambda: array("q"))  # byte offset of each cell's tag
    block: tuple[int, int, int, int] = (1, 1, 0, 0)  # r1, c1, r2, c2

    def inside(self, i: int) -> bool:
        r1, c1, r2, c2 = self.block
        return r1 <= self.rows[i] <= r2 and c1 <= self.cols[i] <= c2

    def far(self) -> list[int]:
        return [i for i in range(len(self.rows)) if not self.inside(i)]


def _position(ref: bytes) -> tuple[int | None, int | None]:
    match = _REF.match(ref.decode("ascii", "replace").strip())
    if not match:
        return None, None
    letters, digits = match.group(1), match.group(2)
    return (int(digits) if digits else None), (col_number(letters) if letters else None)


def layout(data: bytes) -> Layout:
    """Every cell of a sheet part, placed as calamine places it, and the block to read densely."""
    out = Layout()
    row, col = 0, 0
    for match in _TAG.finditer(data):
        attrs = match.group(2)
        r = _R_ATTR.search(attrs)
        if match.group(1) == b"row":
            number = _position(r.group(2))[0] if r else None
            row = number if number is not None else row + 1
            col = 0
            continue
        cell_row, cell_col = _position(r.group(2)) if r else (None, None)
        if cell_row is not None:
            row = cell_row
        col = cell_col if cell_col is not None else col + 1
        out.rows.append(max(row, 1))
        out.cols.append(max(col, 1))
        out.starts.append(match.start())
    out.block = _dense_block(out.rows, out.cols)
    return out


def _span(values: list[int], gap: int) -> tuple[int, int]:
    """From the smallest value, as far as no gap wider than `gap` interrupts them."""
    first = last = values[0]
    for value in values[1:]:
        if value - last > gap:
            break
        last = value
    return first, last


def _dense_block(rows: array, cols: array) -> tuple[int, int, int, int]:
    if not rows:
        return (1, 1, 0, 0)
    row_gap, col_gap = 1 << 16, 1 << 10
    distinct_rows = sorted(set(rows))
    while True:
        r1, r2 = _span(distinct_rows, row_gap)
        in_rows = sorted({c for r, c in zip(rows, cols, strict=True) if r1 <= r <= r2})
        c1, c2 = _span(in_rows, col_gap)
        cells = sum(1 for r, c in zip(rows, cols, strict=True) if r1 <= r <= r2 and c1 <= c <= c2)
        if allowed((r2 - r1 + 1) * (c2 - c1 + 1), cells) or (row_gap == 0 and col_gap == 0):
            return r1, c1, r2, c2
        row_gap, col_gap = row_gap // 4, col_gap // 4
