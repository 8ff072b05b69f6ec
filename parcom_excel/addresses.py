"""Excel cell addresses."""

from __future__ import annotations

import re

_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def col_letter(index: int) -> str:
    """0-based column index -> letters ("A", "AB")."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def col_index(letters: str) -> int:
    """Letters -> 0-based column index."""
    index = 0
    for ch in letters.upper():
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def split_cell(ref: str) -> tuple[str, int]:
    match = _CELL.match(ref)
    if not match:
        return ref, 0
    return match.group(1).upper(), int(match.group(2))


def address(row: int, col: int) -> str:
    """0-based row and column -> "B7"."""
    return f"{col_letter(col)}{row + 1}"


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
