"""What validation hands on: the valid, typed input and the problems found.

Kept apart from `validate.py` (pandas, pandera) so that what comes after validation — the
records, the rules, the outputs — imports no pandas: the xlwings Lite test feeds this dataset,
validated by CPython, to a Pyodide that has no pandas (tests/test_lite.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import RawTable
from .problems import Problem, ProblemList
from .settings import Settings


@dataclass
class Dataset:
    """Valid, typed input: one DataFrame per contract sheet, plus where each came from."""

    settings: Settings
    frames: dict[str, Any]  # pandas DataFrames, read by validation only
    tables: dict[str, RawTable]
    columns: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # typed values, None for blank
    _prefix: dict[tuple[str, str], str] = field(default_factory=dict)

    def cell(self, sheet_key: str, column: str, row: int) -> str:
        prefix = self._prefix.get((sheet_key, column))
        if prefix is None:
            table = self.tables[sheet_key]
            prefix = self._prefix[(sheet_key, column)] = f"{table.sheet}!{table.columns.get(column, 'A')}"
        return f"{prefix}{row}"

    def records(self, sheet_key: str) -> list[dict[str, Any]]:
        """The typed rows of one sheet as dicts (blank cells are None, never NaN)."""
        columns = self.columns[sheet_key]
        keys = list(columns)
        return [dict(zip(keys, values, strict=True)) for values in zip(*columns.values(), strict=True)]


@dataclass
class Validation(ProblemList):
    problems: list[Problem] = field(default_factory=list)
    data: Dataset | None = None
