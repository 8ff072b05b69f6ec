"""Checks of the law's additions to the workbook (SPEC §2b, §2c): proceedings, past awards, and
the one warning an old workbook (previous template) gets about what it lacks.

The council's votes are checked after evaluation (rules/council.py): eligibility and quotas
are known only then.
"""

from __future__ import annotations

import pandas as pd

from . import contract as C
from .i18n import Msg
from .model import RawTable
from .problems import ERROR, WARNING, Problem


def additions_missing(tables: dict[str, RawTable], absent: set[str]) -> list[Problem]:
    """One warning naming the new columns and sheets a workbook lacks, and what they would change."""
    items: list[Msg] = []
    effects: Msg | None = None
    for sheet_key, column_key in C.LAW_ADDITIONS:
        sheet = C.SHEETS[sheet_key]
        if column_key is None:
            if sheet_key not in absent:
                continue
            items.append(Msg("law.item.sheet", {"sheet": sheet}))
        else:
            if sheet_key in absent or column_key in tables[sheet_key].columns:
                continue
            items.append(
                Msg("law.item.column", {"column": sheet.column(column_key), "sheet": tables[sheet_key].sheet})
            )
        effect = Msg(f"law.effect.{column_key or sheet_key}")
        effects = Msg("law_notes", {"first": effects, "then": effect}) if effects else effect
    if not items:
        return []
    return [Problem("law_additions_missing", WARNING, None, None, None, {"items": items, "effects": effects})]


def law_checks(frames: dict[str, pd.DataFrame], tables: dict[str, RawTable]) -> list[Problem]:
    problems: list[Problem] = []

    def at(key: str, column: str, i: int) -> tuple[str, str]:
        table = tables[key]
        if column not in table.columns:
            column = next(iter(table.columns))
        return table.sheet, table.cell(column, i)

    discipline = frames["discipline"]
    column = "status" if "status" in tables["discipline"].columns else "form"
    for i, form, status in zip(discipline.index, discipline["form"], discipline["status"], strict=True):
        proceeding = form in C.PROCEEDING_FORMS
        if proceeding and status not in ("PENDING", "CLEARED"):
            code = "law_proceeding_not_pending"
        elif not proceeding and status == "CLEARED":
            code = "law_decision_cleared"  # a decision is no proceeding: "cleared" would drop it
        else:
            continue
        value = status and C.PROCEEDING.get(status)
        problems.append(
            Problem(code, ERROR, *at("discipline", column, i), value, {"form": C.DISCIPLINE.get(form)})
        )

    awards = frames["past_awards"]
    for i, record in awards.iterrows():
        if record["staff_id"] is None and record["unit_id"] is None:
            problems.append(
                Problem("law_past_award_no_target", ERROR, *at("past_awards", "staff_id", i), None)
            )
        lo, hi = record["from_year"], record["to_year"]
        if lo is not None and hi is not None and lo > hi:
            problems.append(
                Problem(
                    "law_past_award_years",
                    ERROR,
                    *at("past_awards", "from_year", i),
                    lo,
                    {"from_year": lo, "to_year": hi},
                )
            )
    return problems
