"""Problems are data: a code, a severity, where it is, and the values to explain it.

One catalog (`messages.py`) renders them in Vietnamese or English; the errors sheet, the CLI,
JSON output and the Excel alert are views of the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ERROR = "error"
WARNING = "warning"

# Exit codes of every command: done, data errors found, the input or the command cannot be used.
EXIT_OK, EXIT_DATA, EXIT_UNUSABLE = 0, 1, 2


@dataclass
class Problem:
    code: str
    severity: str = ERROR
    sheet: str | None = None  # real sheet name in the workbook
    cell: str | None = None  # "B7", or None for a whole sheet / workbook
    value: Any = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        if self.sheet and self.cell:
            return f"'{self.sheet}'!{self.cell}"
        return self.sheet or ""

    def message(self, lang: str = "vi") -> str:
        from .i18n import render

        return render(self.code, lang, value=self.value, sheet=self.sheet, cell=self.cell, **self.params)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """Plain data for JSON: parameters as codes and numbers, the message rendered once."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["value"] = None if self.value is None else str(self.value)
        data["params"] = {k: plain(v) for k, v in self.params.items()}
        data["message"] = self.message(lang)
        return data


def plain(value: Any) -> Any:
    """A parameter as JSON holds it: a contract entry by its code or key, a fact by its code."""
    from datetime import date

    if hasattr(value, "of") and hasattr(value, "label"):  # i18n.Term, i18n.Lower
        return plain(value.of)
    if hasattr(value, "code") and hasattr(value, "params"):
        return {"code": value.code, "params": {k: plain(v) for k, v in value.params.items()}}
    for attr in ("code", "key", "id"):
        if hasattr(value, attr) and hasattr(value, "label"):
            return getattr(value, attr)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


class ProblemList:
    """Errors and warnings of a list of problems held in `self.problems`."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


class ParcomError(Exception):
    """A file or command that cannot be used; rendered as one sentence, exit code 2."""

    def __init__(
        self,
        code: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.params = params

    def message(self, lang: str = "vi") -> str:
        from .i18n import render

        return render(self.code, lang, file=self.file, sheet=self.sheet, cell=self.cell, **self.params)

    def __str__(self) -> str:  # English in logs and tracebacks of developers
        return self.message("en")


def sort_key(problem: Problem) -> tuple:
    from .io.cells import split_cell

    col, row = split_cell(problem.cell) if problem.cell else ("", 0)
    return (0 if problem.is_error else 1, problem.sheet or "", row, len(col), col, problem.code)
