"""Problems are data: a code, a severity, where it is, and the values to explain it.

One catalog (`messages.py`) renders them in Vietnamese or English; the errors sheet, the CLI,
JSON output and the Excel alert are views of the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """A kind of problem: how grave it is and which part of the work it concerns. The code is also
    its catalog key (i18n/*: the sentence in Vietnamese and English, filled from its fields)."""

    severity: str
    area: str  # file, settings, data, law, council, evaluation, output, merge


def _codes(severity: str, area: str, *codes: str) -> dict[str, Code]:
    return dict.fromkeys(codes, Code(severity, area))


# Every problem the tool reports, once (frictionless' error registry): errors stop the evaluation,
# warnings do not. A Problem with a code not listed here, or with another severity, is a bug.
CODES: dict[str, Code] = {
    **_codes(ERROR, "settings", "setting_missing", "bad_setting", "unknown_tiebreak", "quota_min_gt_max"),
    **_codes(ERROR, "settings", "period_reversed"),
    **_codes(WARNING, "settings", "period_without_data"),
    **_codes(ERROR, "data", "not_year", "not_integer", "not_date", "bad_choice", "required", "below_min"),
    **_codes(ERROR, "data", "unknown_ref", "duplicate_key", "left_before_joined", "done_gt_assigned"),
    **_codes(ERROR, "data", "no_authors", "discipline_no_target", "merge_conflict_unresolved"),
    **_codes(WARNING, "data", "legacy_font", "rows_outside_period", "rating_with_discipline"),
    **_codes(WARNING, "data", "formula_no_value", "stray_cells"),
    **_codes(
        ERROR,
        "law",
        "law_proceeding_not_pending",
        "law_decision_cleared",
        "law_past_award_no_target",
        "law_past_award_years",
    ),
    **_codes(WARNING, "law", "law_additions_missing", "law_gender_blank", "law_unit_gender_blank"),
    **_codes(WARNING, "law", "law_repeat_award", "law_sheet_not_ours", "law_prefill_user_sheet"),
    **_codes(ERROR, "council", "law_meeting_missing", "law_present_gt_members", "law_no_quorum"),
    **_codes(ERROR, "council", "law_vote_no_count", "law_vote_no_decision", "law_vote_not_eligible"),
    **_codes(ERROR, "council", "law_vote_twice", "law_vote_unknown", "law_votes_gt_present"),
    **_codes(ERROR, "council", "law_vote_over_quota", "law_votes_too_few"),
    **_codes(WARNING, "evaluation", "tie_at_edge", "quota_short", "held_back_result", "held_back_rating"),
    **_codes(WARNING, "evaluation", "held_back_replicable", "held_back_own_rating"),
    **_codes(WARNING, "output", "results_stale", "marker_untrusted", "sheet_name_taken"),
    **_codes(ERROR, "merge", "merge_conflict"),
    **_codes(WARNING, "merge", "merge_setting_differs"),
}

# Exit codes of every command: done, data errors found, the input or the command cannot be used.
EXIT_OK, EXIT_DATA, EXIT_UNUSABLE = 0, 1, 2


@dataclass
class Problem:
    code: str
    severity: str | None = None  # the registry's (CODES); given, it must agree
    sheet: str | None = None  # real sheet name in the workbook
    cell: str | None = None  # "B7", or None for a whole sheet / workbook
    value: Any = None
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        known = CODES.get(self.code)
        if known is None:
            raise ValueError(f"problem code {self.code!r} is not in problems.CODES")
        if self.severity is None:
            self.severity = known.severity
        elif self.severity != known.severity:
            raise ValueError(
                f"problem {self.code!r} is a {known.severity} (problems.CODES), not a {self.severity}"
            )

    @property
    def area(self) -> str:
        return CODES[self.code].area

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
    from .addresses import split_cell

    col, row = split_cell(problem.cell) if problem.cell else ("", 0)
    return (0 if problem.is_error else 1, problem.sheet or "", row, len(col), col, problem.code)
