"""Validation: types first (one message per cell), then values with pandera, then cross-sheet checks.

The pandera schemas are derived from the contract at run time, so referential checks
(`Check.isin`) use the keys actually present. Every failure becomes a `Problem` that points at
its Excel cell; nothing here prints or writes.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa

from . import contract as C
from .dataset import Dataset, Validation
from .model import RawTable
from .problems import ERROR, WARNING, Problem
from .reader import Inputs
from .settings import Settings
from .settings_parser import read_settings
from .text import looks_legacy
from .values import BAD, typer

ROW = "_row"  # Excel row number of each record


def _type_error(column: C.Column, value: Any, lang: str) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"column": column.label(lang)}
    if column.type == C.YEAR:
        return "not_year", params
    if column.type == C.INT:
        return "not_integer", params
    if column.type == C.DATE:
        return "not_date", params
    params["choices"] = ", ".join(column.choices.labels(lang)) if column.choices else ""
    return "bad_choice", params


def type_table(
    table: RawTable, sheet: C.Sheet, lang: str
) -> tuple[dict[str, list[Any]], list[Problem], set[tuple[int, str]]]:
    """Typed frame, problems, and the (row, column) cells whose type failed."""
    problems: list[Problem] = []
    failed: set[tuple[int, str]] = set()
    frame: dict[str, list[Any]] = {ROW: list(table.rows)}
    for column in sheet.columns:
        raw = table.data.get(column.key)
        if raw is None:
            frame[column.key] = [None] * len(table.rows)
            continue
        convert = typer(column)
        memo: dict[Any, Any] = {}
        out: list[Any] = []
        for i, value in enumerate(raw):
            if value is None or (isinstance(value, str) and not value.strip()):
                out.append(None)
                continue
            try:
                typed = memo[value]
            except (KeyError, TypeError):
                typed = convert(value)
                try:
                    memo[value] = typed
                except TypeError:
                    pass
            if typed is BAD:
                code, params = _type_error(column, value, lang)
                problems.append(Problem(code, ERROR, table.sheet, table.cell(column.key, i), value, params))
                failed.add((table.rows[i], column.key))
                out.append(None)
            else:
                out.append(typed)
        frame[column.key] = out
    return frame, problems, failed


# ---------------------------------------------------------------- values, with pandera


def build_schema(sheet: C.Sheet, refs: dict[str, set[str]]) -> pa.DataFrameSchema:
    columns: dict[str, pa.Column] = {}
    for column in sheet.columns:
        checks: list[pa.Check] = []
        if column.min is not None:
            checks.append(pa.Check.ge(column.min, name="below_min"))
        if column.ref and column.type != C.CODES and column.ref in refs:
            # A check of our own over a frozenset: pandera copies a built-in isin check's list
            # of allowed values with the schema, which costs seconds for 262,144 staff codes.
            allowed = frozenset(refs[column.ref])
            checks.append(pa.Check(lambda series, allowed=allowed: series.isin(allowed), name="unknown_ref"))
        columns[column.key] = pa.Column(
            object,
            checks=checks,
            nullable=not column.required,
            required=True,
            coerce=False,
            name=column.key,
        )
    return pa.DataFrameSchema(columns, name=sheet.key, strict=False, coerce=False)


def warm_up() -> None:
    """Do once what pandera does on its first validation (lazy imports, backend registration),
    so processes forked afterwards (batch workers) start ready."""
    schema = pa.DataFrameSchema({"x": pa.Column(object, checks=[pa.Check.ge(0)], nullable=True)})
    schema.validate(pd.DataFrame({"x": pd.Series([1], dtype=object)}), lazy=True)


def check_values(
    frame: pd.DataFrame,
    table: RawTable,
    sheet: C.Sheet,
    refs: dict[str, set[str]],
    failed: set[tuple[int, str]],
    lang: str,
    tables: dict[str, RawTable] | None = None,
) -> list[Problem]:
    """Value checks; `lang` is the language the workbook names its columns in, and `tables` give
    the real names of the sheets a reference points at."""
    schema = build_schema(sheet, refs)
    try:
        schema.validate(frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    problems: list[Problem] = []
    seen: set[tuple[int, str]] = set(failed)
    for case in cases.itertuples(index=False):
        column_key, index = case.column, case.index
        if column_key not in table.columns and case.check == "not_nullable":
            continue  # an optional column the sheet does not have
        if index is None or pd.isna(index):
            continue
        i = int(index)
        row = table.rows[i]
        if (row, column_key) in seen:
            continue
        seen.add((row, column_key))
        column = sheet.column(column_key)
        check = str(case.check)
        value = frame.at[i, column_key]
        cell = table.cell(column_key, i) if column_key in table.columns else None
        if check == "not_nullable":
            problems.append(
                Problem("required", ERROR, table.sheet, cell, None, {"column": column.label(lang)})
            )
        elif check.startswith(("below_min", "greater_than_or_equal_to")):
            problems.append(
                Problem(
                    "below_min",
                    ERROR,
                    table.sheet,
                    cell,
                    value,
                    {"column": column.label(lang), "min": column.min},
                )
            )
        elif check.startswith(("unknown_ref", "isin")):
            target = (
                tables[column.ref].sheet
                if tables and column.ref in tables
                else C.SHEETS[column.ref].name(lang)
            )
            problems.append(
                Problem(
                    "unknown_ref",
                    ERROR,
                    table.sheet,
                    cell,
                    value,
                    {"column": column.label(lang), "target": target},
                )
            )
    return problems


# ---------------------------------------------------------------- the whole workbook


def _duplicates(frame: pd.DataFrame, table: RawTable, sheet: C.Sheet, lang: str) -> list[Problem]:
    if not sheet.primary_key:
        return []
    keys = list(sheet.primary_key)
    present = frame.dropna(subset=keys)
    dup = present[present.duplicated(keys, keep=False)]
    if dup.empty:
        return []
    problems = []
    first: dict[tuple, int] = {}
    label = " + ".join(sheet.column(k).label(lang) for k in keys)
    for i, record in dup.iterrows():
        key = tuple(record[k] for k in keys)
        if key not in first:
            first[key] = record[ROW]
            continue
        problems.append(
            Problem(
                "duplicate_key",
                ERROR,
                table.sheet,
                table.cell(keys[0], int(i)),
                " / ".join(str(k) for k in key),
                {"key_label": label, "other": first[key]},
            )
        )
    return problems


def _legacy_text(frame: pd.DataFrame, table: RawTable, sheet: C.Sheet) -> list[Problem]:
    problems = []
    for column in sheet.columns:
        if column.type != C.TEXT or column.key not in table.columns:
            continue
        values = frame[column.key].tolist()
        # each distinct text judged once; most sheets have none, and then nothing else is done
        legacy_texts = {v for v in set(values) if isinstance(v, str) and looks_legacy(v)}
        if not legacy_texts and not table.legacy_cells:
            continue
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            legacy = value in legacy_texts
            if legacy or (table.legacy_cells and table.cell(column.key, i) in table.legacy_cells):
                problems.append(
                    Problem("legacy_font", WARNING, table.sheet, table.cell(column.key, i), value)
                )
    return problems


def validate(inputs: Inputs, from_year: int | None = None, to_year: int | None = None) -> Validation:
    from .settings_parser import override_period

    # Problems name the user's own sheets, columns and choices: in the workbook's language, whatever
    # the language the messages are rendered in (a Vietnamese book run with --lang en keeps
    # "Nhiệm vụ CCHC được giao", the header that is really there).
    book = inputs.lang
    result = Validation(problems=list(inputs.problems))
    settings, problems = read_settings(inputs.settings, inputs.settings_sheet, book)
    result.problems += problems
    result.problems += override_period(settings, from_year, to_year, inputs.label)
    frames: dict[str, pd.DataFrame] = {}
    columns: dict[str, dict[str, list[Any]]] = {}
    failed_cells: dict[str, set[tuple[int, str]]] = {}
    for sheet in C.DATA_SHEETS:
        table = inputs.tables[sheet.key]
        typed, problems, failed = type_table(table, sheet, book)
        columns[sheet.key] = typed
        frames[sheet.key] = pd.DataFrame(typed, dtype=object)
        failed_cells[sheet.key] = failed
        result.problems += problems
    refs = {
        "units": set(frames["units"]["unit_id"].dropna()),
        "staff": set(frames["staff"]["staff_id"].dropna()),
    }
    for sheet in C.DATA_SHEETS:
        table, frame = inputs.tables[sheet.key], frames[sheet.key]
        result.problems += check_values(
            frame, table, sheet, refs, failed_cells[sheet.key], book, inputs.tables
        )
        result.problems += _duplicates(frame, table, sheet, book)
        result.problems += _legacy_text(frame, table, sheet)
        result.problems += [
            Problem("merge_conflict_unresolved", ERROR, table.sheet, cell, note)
            for cell, note in table.conflicts.items()
        ]
    result.problems += cross_checks(frames, inputs.tables, settings, refs, book)
    from .validate_law import additions_missing, law_checks

    result.problems += law_checks(frames, inputs.tables)
    result.problems += additions_missing(inputs.tables, getattr(inputs, "absent", set()))
    if not result.errors:
        result.data = Dataset(settings, frames, inputs.tables, columns)
    return result


FIRST_CELLS = 3  # cells a per-sheet summary names


def period_problems(
    frames: dict[str, pd.DataFrame], tables: dict[str, RawTable], settings: Settings
) -> list[Problem]:
    """Rows dated outside the period: one warning per sheet (how many, which years, the first
    cells), so a sơ kết of a four-year book does not bury the real warnings under one line per
    row; and one warning when no rating, result or initiative falls in the period at all."""
    problems: list[Problem] = []
    period = {"from_year": settings.from_year, "to_year": settings.to_year}
    inside = 0
    if settings.from_year > settings.to_year:
        return problems  # already an error of the settings
    for key in ("ratings", "results", "initiatives"):
        table, years = tables[key], frames[key]["year"]
        known = years.notna()
        outside = known & ((years < settings.from_year) | (years > settings.to_year))
        inside += int(known.sum() - outside.sum())
        rows = list(outside[outside].index)
        if not rows:
            continue
        cells = [table.cell("year", i) for i in rows[:FIRST_CELLS]]
        problems.append(
            Problem(
                "rows_outside_period",
                WARNING,
                table.sheet,
                cells[0],
                None,
                {
                    **period,
                    "count": len(rows),
                    "years": sorted({int(years[i]) for i in rows}),
                    "cells": cells + ["…"] * (len(rows) > len(cells)),
                },
            )
        )
    if not inside:
        problems.append(
            Problem(
                "period_without_data",
                WARNING,
                settings.sheet,
                settings.cells.get("from_year"),
                None,
                {
                    **period,
                    "ratings": tables["ratings"].sheet,
                    "results": tables["results"].sheet,
                    "initiatives": tables["initiatives"].sheet,
                },
            )
        )
    return problems


def cross_checks(
    frames: dict[str, pd.DataFrame],
    tables: dict[str, RawTable],
    settings: Settings,
    refs: dict[str, set[str]],
    lang: str,
) -> list[Problem]:
    """Checks across columns and sheets; `lang` is the workbook's, for the names messages quote."""

    def at(key: str, column: str, i: int) -> tuple[str, str]:
        return tables[key].sheet, tables[key].cell(column, i)

    return [
        *period_problems(frames, tables, settings),
        *_reversed_pairs(frames, at),
        *_author_problems(frames["initiatives"], refs, tables["staff"].sheet, at, lang),
        *_discipline_problems(frames, tables, at, lang),
    ]


# Pairs that must not be reversed: (sheet, column a, column b) with a <= b, the cell the problem sits
# on, and the fact its message quotes (from which column).
_PAIRS = (
    ("staff", "joined", "left", "left_before_joined", "left", "joined", "joined"),
    (
        "results",
        "tasks_on_time",
        "tasks_assigned",
        "done_gt_assigned",
        "tasks_on_time",
        "assigned",
        "tasks_assigned",
    ),
)


def _reversed_pairs(frames: dict[str, pd.DataFrame], at: Any) -> list[Problem]:
    problems = []
    for key, a, b, code, cell_column, param, param_column in _PAIRS:
        frame = frames[key]
        both = frame[a].notna() & frame[b].notna()
        for i in frame.index[both]:
            if frame.at[i, a] > frame.at[i, b]:
                facts = {param: frame.at[i, param_column]}
                problems.append(
                    Problem(code, ERROR, *at(key, cell_column, i), frame.at[i, cell_column], facts)
                )
    return problems


def _author_problems(
    initiatives: pd.DataFrame, refs: dict[str, set[str]], staff_sheet: str, at: Any, lang: str
) -> list[Problem]:
    problems = []
    column = C.INITIATIVES.column("authors")
    for i, authors in initiatives["authors"].items():
        if authors is None:
            continue
        if not authors:
            problems.append(Problem("no_authors", ERROR, *at("initiatives", "authors", i), None))
        for code in authors:
            if code not in refs["staff"]:
                facts = {"column": column.label(lang), "target": staff_sheet}
                problems.append(Problem("unknown_ref", ERROR, *at("initiatives", "authors", i), code, facts))
    return problems


def _discipline_problems(
    frames: dict[str, pd.DataFrame], tables: dict[str, RawTable], at: Any, lang: str
) -> list[Problem]:
    """A record must name a person or a unit; a good rating in the year of a discipline decision
    deserves a warning (NĐ 48/2023: the year is rated "Không hoàn thành nhiệm vụ")."""
    problems = []
    discipline, ratings = frames["discipline"], frames["ratings"]
    disciplined = set(discipline["staff_id"].dropna())
    concerned = ratings[ratings["staff_id"].isin(disciplined)] if disciplined else ratings.iloc[:0]
    rating_at = {
        (r.staff_id, r.year): (i, r.rating)
        for i, r in zip(concerned.index, concerned.itertuples(), strict=False)
    }
    good = {"HTXSNV", "HTTNV"}
    for i, record in discipline.iterrows():
        if record["staff_id"] is None and record["unit_id"] is None:
            problems.append(Problem("discipline_no_target", ERROR, *at("discipline", "staff_id", i), None))
            continue
        decided = record["decision_date"]
        if (
            record["staff_id"] is None
            or decided is None
            or record["form"] == "VPPL"
            or record["status"] in ("PENDING", "CLEARED")
        ):
            continue
        found = rating_at.get((record["staff_id"], decided.year))
        if found and found[1] in good:
            j, code = found
            where = f"{tables['discipline'].sheet}!{tables['discipline'].cell('decision_date', i)}"
            facts = {"year": decided.year, "discipline_cell": where}
            label = C.RATING.get(code).label(lang)
            problems.append(
                Problem("rating_with_discipline", WARNING, *at("ratings", "rating", j), label, facts)
            )
    return problems
