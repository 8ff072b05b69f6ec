"""Where a sheet's real cells are, found before calamine builds its dense grid.

calamine turns a sheet into one rectangle from its first to its last real cell: one value typed
at XFD1048576 (Ctrl+End and a keystroke) makes that 17 billion cells and aborts the process.
So every sheet part is scanned first, in one streaming pass, and calamine only ever sees a
rectangle bounded by the number of real cells:

- the fast pass decodes every cell and row reference of the bytes at once (numpy) and checks
  that the rectangle from the first real cell to the last is dense enough (`allowed`); the
  sheet's `<dimension>` is not trusted at all;
- otherwise the exact pass lists every cell's position (as calamine places them: explicit
  references, or the next column / row when a reference is missing), keeps the dense block the
  table lives in, and returns the cells outside it as stray cells, read on their own.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

DENSE_FLOOR = 1_000_000  # a rectangle of up to this many cells is always read whole
DENSE_FACTOR = 4  # beyond the floor, a rectangle may hold at most this many cells per real cell
MAX_COLS = 16_384  # Excel's grid
MAX_ROWS = 1_048_576

_REF = re.compile(r"^\$?([A-Z]{1,7})?\$?([0-9]{1,10})?$")
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.S)


def allowed(area: int, cells: int) -> bool:
    return area <= max(DENSE_FLOOR, DENSE_FACTOR * cells)


def col_number(letters: str) -> int:
    """ "A" -> 1, "XFD" -> 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


_POWERS26 = [26**k for k in range(8)]
_REF_BYTES = 12  # letters and digits read after r=" (XFD1048576 is 10)


class FastCheck:
    """The streaming check of one sheet part, vectorised with numpy over the tags' `<`: each
    `<c` and `<row` tag must start with a plain `r="…"`, all references are decoded at once,
    and `passed()` is true when the rectangle from the first real cell to the last is
    `allowed`. Anything unusual (prefixed tags, attributes in another order, cells without a
    reference, odd references) fails the check, and the exact pass decides (`layout`)."""

    def __init__(self) -> None:
        self.ok = True
        self.cells = 0
        self.bounds = [1 << 62, 1 << 62, 0, 0]  # r1, c1, r2, c2

    def feed(self, data: bytes) -> None:
        """One piece of the part, cut before a tag (see files.py)."""
        if not self.ok or not data:
            return
        if b":c " in data or b":c>" in data:  # prefixed cells (<x:c>): the exact pass
            self.ok = False
            return
        import numpy as np

        a = np.frombuffer(data + b"\0" * 24, np.uint8)  # padding: every gather stays inside
        lt = np.flatnonzero(a[: len(data)] == 60)

        def at(offset: int) -> Any:
            return a[lt + offset]

        space_after = [(at(k) == 32) | (at(k) == 62) | (at(k) == 47) for k in (2, 4)]
        is_cell = (at(1) == 99) & space_after[0]
        is_row = (at(1) == 114) & (at(2) == 111) & (at(3) == 119) & space_after[1]
        starts = []
        for is_tag, k in ((is_cell, 2), (is_row, 4)):
            tags = lt[is_tag]
            plain = (
                (a[tags + k] == 32)
                & (a[tags + k + 1] == 114)
                & (a[tags + k + 2] == 61)
                & (a[tags + k + 3] == 34)
            )
            if not plain.all():
                self.ok = False
                return
            starts.append(tags + k + 4)
        cells = self._decode(a, starts[0], letters_required=True)
        rows = self._decode(a, starts[1], letters_required=False)
        if cells is None or rows is None:
            self.ok = False
            return
        b = self.bounds
        self.cells += len(starts[0])
        for r, _ in (cells, rows):
            if len(r):
                b[0], b[2] = min(b[0], int(r.min())), max(b[2], int(r.max()))
        if len(cells[1]):
            b[1], b[3] = min(b[1], int(cells[1].min())), max(b[3], int(cells[1].max()))

    @staticmethod
    def _decode(a: Any, starts: Any, letters_required: bool) -> tuple[Any, Any] | None:
        """(rows, columns) of the references starting at `starts`, or None if one is odd:
        up to 3 capitals (required for cells, none for rows), 1 to 7 digits without a leading
        zero, then the closing quote."""
        import numpy as np

        n = len(starts)
        if not n:
            empty = np.zeros(0, np.int64)
            return empty, empty
        byte = [a[starts + k] for k in range(_REF_BYTES)]
        is_letter = [(b - 65) < 26 for b in byte[:4]]  # uint8 wraps below "A"
        letters = np.zeros(n, np.int8)
        run = np.ones(n, bool)
        for k in range(4):
            run &= is_letter[k]
            letters += run
        if (letters > 3).any() or (not (letters > 0).all() if letters_required else (letters > 0).any()):
            return None
        cols = np.zeros(n, np.int64)
        for k in range(3):
            cols = np.where(letters > k, cols * 26 + (byte[k].astype(np.int64) - 64), cols)
        rows = np.zeros(n, np.int64)
        digits = np.zeros(n, np.int8)
        ended = np.zeros(n, bool)  # past the digits
        closed = np.zeros(n, bool)  # the closing quote seen right after them
        for k in range(_REF_BYTES):
            in_digits = (k >= letters) & ~ended
            is_digit = (byte[k] - 48) < 10
            take = in_digits & is_digit
            rows = np.where(take, rows * 10 + (byte[k].astype(np.int64) - 48), rows)
            digits += take
            stop = in_digits & ~is_digit
            closed |= stop & (byte[k] == 34)
            ended |= stop
        first_digit = np.choose(np.minimum(letters, 3), byte[:4])
        if not closed.all() or (digits < 1).any() or (digits > 7).any() or (first_digit == 48).any():
            return None
        return rows, cols

    def passed(self) -> bool:
        if not self.ok:
            return False
        r1, c1, r2, c2 = self.bounds
        if self.cells == 0:
            return True
        # no floor here: a small table with one stray cell far away goes to the exact pass,
        # which reads the table and names the stray cell (its rectangle would fit in memory,
        # but the user should hear where the cell is)
        return (r2 - r1 + 1) * (c2 - c1 + 1) <= DENSE_FACTOR * self.cells


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
