"""The small interface every workbook adapter offers to the core (files, live Excel)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from .model import OutputSheet
from .problems import Problem
from .sheetnames import sheet_matches


@dataclass
class Grid:
    """The used range of one sheet: values as Excel or the file holds them, with its origin.

    `values[0][0]` is the cell at 1-based row `top`, column `left`. Numbers may be int or
    float, dates datetime/date; empty cells are None. `formulas` lists the addresses ("C7")
    of formula cells that have no calculated value.
    """

    name: str
    values: list[list[Any]]
    top: int = 1
    left: int = 1
    formulas: frozenset[str] = frozenset()
    merged: tuple[tuple[int, int, int, int], ...] = ()  # 1-based r1, c1, r2, c2
    legacy_fonts: frozenset[str] = frozenset()  # cells whose font is .VnTime, VNI-... (if known)
    # Stray cells far outside `values` (1-based row, column, value), read without the empty
    # rectangle between them and the table (see io/extent.py).
    far: tuple[tuple[int, int, Any], ...] = ()


class Adapter(Protocol):
    """What the core needs of a workbook; callers ask these, never which kind of adapter it is."""

    label: str  # the file name, or the workbook name in Excel, for messages

    @property
    def has_macros(self) -> bool:
        """Whether the workbook holds macros (a copy of it must keep a macro-enabled type)."""

    @property
    def writable(self) -> bool:
        """Whether `write` can put result sheets into this workbook (an .xls cannot)."""

    def sheet_names(self) -> list[str]:
        """Every sheet of the workbook, in order."""

    def grid(self, name: str) -> Grid:
        """The used range of one sheet."""

    def owned(self) -> dict[str, str]:
        """Our output sheets already in the workbook: output key -> sheet name."""

    def write(self, outputs: list[OutputSheet]) -> list[Problem]:
        """Add or replace our output sheets; return warnings (e.g. a name taken by the user)."""


def trusted_marker(key: str, sheet: str) -> bool:
    """May the marker of output `key` name the sheet `sheet`? Never one of the workbook's input
    sheets (other than the one output `key` writes itself: the council sheet is both, pre-filled
    by us and its votes typed by the secretary). A marker copied or tampered with onto a user's
    sheet must not make any adapter clear that sheet: both adapters ask this."""
    from . import contract as C

    return not any(
        sheet_matches(sheet, s) for s in (C.SETTINGS_SHEET, *C.DATA_SHEETS) if s.key != key.lower()
    )
