"""From sheet grids to contract tables: find sheets and headers by text, keep Excel positions.

Shared by every adapter: the file reader and live Excel both hand over `Grid`s, and this module
finds the contract's sheets (by Vietnamese or English name, tolerant of case, spaces, Unicode
forms and missing marks), the header row anywhere in the first rows, and the records below it.
"""

from __future__ import annotations

import functools
from typing import Any

from . import contract as C
from .adapter import Adapter, Grid
from .addresses import col_letter
from .model import RawTable
from .problems import WARNING, ParcomError, Problem
from .sheetnames import sheet_matches
from .text import clean, fold, strip_marks

HEADER_SCAN_ROWS = 30


def locate_sheet(names: list[str], sheet: C.Sheet) -> str | None:
    exact = [n for n in names if fold(n) in {fold(sheet.vi), fold(sheet.en)}]
    if exact:
        return exact[0]
    loose = [n for n in names if sheet_matches(n, sheet)]
    return loose[0] if loose else None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@functools.cache
def _header_index(sheet_key: str) -> tuple[dict[str, C.Column], dict[str, C.Column]]:
    """Exact (folded) and loose (no marks) header spellings of one sheet's columns."""
    sheet = C.SETTINGS_SHEET if sheet_key == C.SETTINGS_SHEET.key else C.SHEETS[sheet_key]
    exact: dict[str, C.Column] = {}
    loose: dict[str, C.Column] = {}
    for column in sheet.columns:
        for label in (column.vi, column.en, *column.aliases):
            exact.setdefault(fold(label), column)
            loose.setdefault(strip_marks(label), column)
    return exact, loose


def _column_for(text: str, sheet: C.Sheet) -> C.Column | None:
    if not text.strip():
        return None
    exact, loose = _header_index(sheet.key)
    return exact.get(fold(text)) or loose.get(strip_marks(text))


def find_header(grid: Grid, sheet: C.Sheet, file: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """Index of the header row in grid.values, column key -> grid column, unknown headers."""
    best: tuple[int, int] | None = None  # (matches, row index)
    for r, row in enumerate(grid.values[:HEADER_SCAN_ROWS]):
        matches = sum(1 for v in row if _column_for(_cell_text(v), sheet))
        if matches and (best is None or matches > best[0]):
            best = (matches, r)
    required = [c.label("vi") for c in sheet.required]
    if best is None or best[0] < max(1, min(2, len(sheet.required))):
        raise ParcomError("no_header", file=file, sheet=grid.name, columns=", ".join(required))
    r = best[1]
    excel_row = grid.top + r
    for r1, c1, r2, c2 in grid.merged:
        if r1 <= excel_row <= r2 and c2 > c1:
            raise ParcomError(
                "merged_header",
                file=file,
                sheet=grid.name,
                cell=f"{col_letter(c1 - 1)}{r1}:{col_letter(c2 - 1)}{r2}",
            )
    found: dict[str, int] = {}
    extra: dict[str, int] = {}
    for c, value in enumerate(grid.values[r]):
        text = _cell_text(value)
        column = _column_for(text, sheet)
        if column is None:
            if text.strip():
                extra[clean(text)] = c
            continue
        if column.key in found:
            raise ParcomError(
                "duplicate_header",
                file=file,
                sheet=grid.name,
                column=column.vi,
                cell=f"{col_letter(grid.left - 1 + found[column.key])}{excel_row}",
                other=f"{col_letter(grid.left - 1 + c)}{excel_row}",
            )
        found[column.key] = c
    for column in sheet.required:
        if column.key not in found:
            last = col_letter(grid.left - 1 + max(len(grid.values[r]) - 1, 0))
            raise ParcomError(
                "missing_column",
                file=file,
                sheet=grid.name,
                column=column.label("vi"),
                cell=f"{col_letter(grid.left - 1)}{excel_row}:{last}{excel_row}",
            )
    return r, found, extra


def _filled(row: list[Any]) -> bool:
    return any(not _blank(v) for v in row)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def table_from_grid(grid: Grid, sheet: C.Sheet, file: str) -> RawTable:
    header, found, extra = find_header(grid, sheet, file)
    data: dict[str, list[Any]] = {key: [] for key in found}
    rows: list[int] = []
    columns = list(found.values())
    lists = [data[key] for key in found]
    values, top = grid.values, grid.top
    for r in range(header + 1, len(values)):
        row = values[r]
        n = len(row)
        picked = [row[c] if c < n else None for c in columns]
        if not any(v is not None and (v.__class__ is not str or v.strip()) for v in picked):
            continue  # a blank row (only empty or space-only cells)
        rows.append(top + r)
        for column, value in zip(lists, picked, strict=True):
            column.append(value)
    if grid.far:  # stray cells below the table that fall in its columns: rows of their own
        index = {c: k for k, c in enumerate(columns)}
        far_rows: dict[int, list[Any]] = {}
        for row_number, col_number, value in sorted(grid.far):
            k = index.get(col_number - grid.left)
            if k is not None and row_number > grid.top + header and not _blank(value):
                far_rows.setdefault(row_number, [None] * len(columns))[k] = value
        for row_number, picked in far_rows.items():
            rows.append(row_number)
            for column, value in zip(lists, picked, strict=True):
                column.append(value)
    table = RawTable(
        key=sheet.key,
        sheet=grid.name,
        header_row=grid.top + header,
        columns={key: col_letter(grid.left - 1 + c) for key, c in found.items()},
        rows=rows,
        data=data,
        extra={text: col_letter(grid.left - 1 + c) for text, c in extra.items()},
        legacy_cells=set(grid.legacy_fonts),
    )
    table.conflicts = _conflicts(grid, extra, header)
    return table


_SOURCE_KEYS = {fold(name) for name in C.SOURCE_COLUMN}
_CONFLICT_KEYS = tuple(fold(word) + ":" for word in C.CONFLICT_WORDS)


def _conflicts(grid: Grid, extra: dict[str, int], header: int) -> dict[str, str]:
    """The cells of a merged master's Nguồn column that still mark a conflict of the units' files."""
    found: dict[str, str] = {}
    for text, c in extra.items():
        if fold(text) not in _SOURCE_KEYS:
            continue
        letter = col_letter(grid.left - 1 + c)
        for r in range(header + 1, len(grid.values)):
            row = grid.values[r]
            value = row[c] if c < len(row) else None
            if isinstance(value, str) and any(key in fold(value) for key in _CONFLICT_KEYS):
                found[f"{letter}{grid.top + r}"] = clean(value)
    return found


# ---------------------------------------------------------------- settings


@functools.cache
def _settings_index() -> dict[str, C.Setting]:
    index: dict[str, C.Setting] = {}
    for setting in C.SETTINGS:
        for label in (setting.vi, setting.en):
            index.setdefault(fold(label), setting)
            index.setdefault(strip_marks(label), setting)
    return index


def _setting_for(text: str) -> C.Setting | None:
    if not text.strip():
        return None
    index = _settings_index()
    return index.get(fold(text)) or index.get(strip_marks(text))


def read_settings_grid(grid: Grid) -> dict[str, tuple[Any, str]]:
    """Setting key -> (raw value, cell address) from key/value rows anywhere on the sheet."""
    out: dict[str, tuple[Any, str]] = {}
    for r, row in enumerate(grid.values):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            setting = _setting_for(value)
            if setting is None:
                continue
            docs = {fold(setting.vi_doc), fold(setting.en_doc)}
            for c2 in range(c + 1, len(row)):
                if isinstance(row[c2], str) and fold(row[c2]) in docs:
                    # the template's "Ý nghĩa" column: the value cell left of it was blank
                    out.setdefault(setting.key, (None, f"{col_letter(grid.left - 1 + c2 - 1)}{grid.top + r}"))
                    break
                if not _blank(row[c2]):
                    out.setdefault(setting.key, (row[c2], f"{col_letter(grid.left - 1 + c2)}{grid.top + r}"))
                    break
            else:
                out.setdefault(setting.key, (None, f"{col_letter(grid.left + c)}{grid.top + r}"))
            break
    return out


# ---------------------------------------------------------------- whole workbook

STRAY_SHOWN = 5


def stray_cells(grid: Grid) -> list[Problem]:
    """A warning naming the cells found far outside a sheet's table (see io/extent.py)."""
    if not grid.far:
        return []
    cells = sorted(grid.far, key=lambda cell: (cell[0], cell[1]))
    shown = [f"{col_letter(c - 1)}{r}" for r, c, _ in cells[:STRAY_SHOWN]]
    listed = ", ".join(shown) + (", …" if len(cells) > STRAY_SHOWN else "")
    return [
        Problem(
            "stray_cells",
            WARNING,
            grid.name,
            shown[0],
            params={"count": len(cells), "cells": listed},
        )
    ]


class Inputs:
    """Everything read from one workbook before validation."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tables: dict[str, RawTable] = {}
        self.settings: dict[str, tuple[Any, str]] = {}
        self.settings_sheet: str = C.SETTINGS_SHEET.vi
        self.problems: list[Problem] = []
        self.log_rows: list[list[Any]] = []
        self.lang = "vi"
        self.absent: set[str] = set()  # optional sheets the workbook does not have


def read_inputs(adapter: Adapter) -> Inputs:
    """Find and read every contract sheet; a missing sheet or header is a ParcomError."""
    inputs = Inputs(adapter.label)
    names = adapter.sheet_names()
    owned = adapter.owned()
    candidates = [n for n in names if n not in owned.values()]
    if not names:
        raise ParcomError("empty_workbook", file=adapter.label)
    settings_name = locate_sheet(candidates, C.SETTINGS_SHEET)
    if settings_name is None:
        if all(not any(_filled(row) for row in adapter.grid(n).values) for n in candidates):
            raise ParcomError("empty_workbook", file=adapter.label)
        raise ParcomError("missing_sheet", file=adapter.label, sheet=C.SETTINGS_SHEET.vi)
    inputs.settings_sheet = settings_name
    if fold(settings_name) == fold(C.SETTINGS_SHEET.en):
        inputs.lang = "en"
    settings_grid = adapter.grid(settings_name)
    inputs.settings = read_settings_grid(settings_grid)
    inputs.problems += stray_cells(settings_grid)
    for sheet in C.DATA_SHEETS:
        # the council's sheet may be ours (made by the template or pre-filled by Evaluate)
        pool = (
            [*candidates, owned["council"]] if sheet.key == "council" and "council" in owned else candidates
        )
        name = locate_sheet(pool, sheet)
        if name is None and sheet.optional:
            inputs.tables[sheet.key] = RawTable(sheet.key, sheet.name(inputs.lang), 0, {}, [], {})
            inputs.absent.add(sheet.key)
            continue
        if name is None:
            raise ParcomError("missing_sheet", file=adapter.label, sheet=sheet.name(inputs.lang))
        grid = adapter.grid(name)
        inputs.problems += stray_cells(grid)
        try:
            inputs.tables[sheet.key] = table_from_grid(grid, sheet, adapter.label)
        except ParcomError as exc:
            if not sheet.optional or exc.code != "no_header":
                raise
            # a sheet of the user's own that happens to bear a new sheet's name (an old workbook)
            inputs.tables[sheet.key] = RawTable(sheet.key, name, 0, {}, [], {})
            inputs.absent.add(sheet.key)
            columns = ", ".join(c.label(inputs.lang) for c in sheet.required)
            inputs.problems.append(
                Problem("law_sheet_not_ours", WARNING, name, None, None, {"columns": columns})
            )
            continue
        for cell in sorted(grid.formulas):
            inputs.problems.append(Problem("formula_no_value", WARNING, name, cell))
    if "log" in owned:
        grid = adapter.grid(owned["log"])
        inputs.log_rows = [row for row in grid.values[1:] if any(not _blank(v) for v in row)]
    return inputs
