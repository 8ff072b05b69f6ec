"""Candidates held back by missing data: who, which criterion, which year, which row is missing.

A "lacks data" outcome of a candidate who meets every other criterion changes the nominations
(the seat goes to the next in rank), so it must never be silent. This reads the outcomes'
status and the world the criteria read, and turns each missing row behind them into a warning.
"""

from __future__ import annotations

from .. import contract as C
from ..problems import WARNING, Problem
from .criteria import MISSING, UNMET, person_initiatives
from .domain import RATING_RANK, Person, Unit, World

RESULT_CRITERIA = ("TT1", "TT2", "TT4")  # judged on the unit's result row of each year


def held_back(evaluation, sheets: dict[str, str], names_lang: str) -> list[Problem]:
    """One warning per missing row of every nominable candidate that fails no criterion but
    lacks data for one; `sheets` maps a contract sheet key to its name in the workbook, and
    `names_lang` is the workbook's own language (column names are quoted as the user has them)."""
    world: World = evaluation.world
    problems: list[Problem] = []
    for candidate in (*evaluation.units, *evaluation.people):
        statuses = {cid: o.status for cid, o in candidate.outcomes.items()}
        if not candidate.nominable or UNMET in statuses.values() or MISSING not in statuses.values():
            continue
        lacking = [cid for cid, status in statuses.items() if status == MISSING]
        if candidate.kind == "unit":
            facts = _unit_facts(world, world.units[candidate.id], lacking, sheets)
        else:
            facts = _person_facts(world, world.people[candidate.id], lacking, sheets, names_lang)
        sheet, _, cell = candidate.cell.rpartition("!")
        for code, params in facts:
            params |= {"name": candidate.name, "id": candidate.id}
            problems.append(Problem(code, WARNING, sheet or None, cell or None, candidate.id, params))
    return problems


def held_back_names(problems: list[Problem]) -> dict[str, dict[str, list[str]]]:
    """kind ("unit"/"person") -> candidate name -> the criteria it lacks data for, in order."""
    out: dict[str, dict[str, list[str]]] = {"unit": {}, "person": {}}
    for p in problems:
        if p.code.startswith("held_back_"):
            kind = "person" if p.code in PERSON_CODES else "unit"
            criteria = out[kind].setdefault(f"{p.params['name']} ({p.params['id']})", [])
            criteria += [c for c in p.params["criteria"] if c not in criteria]
            criteria.sort()
    return out


PERSON_CODES = {"held_back_own_rating", "held_back_replicable"}


def _unit_facts(world: World, unit: Unit, lacking: list[str], sheets: dict[str, str]) -> list:
    facts = []
    by_row = [cid for cid in RESULT_CRITERIA if cid in lacking]
    for year in world.unit_years(unit):
        if by_row and (unit.id, year) not in world.results:
            facts.append(
                (
                    "held_back_result",
                    {
                        "criteria": by_row,
                        "year": year,
                        "rows_sheet": sheets["results"],
                    },
                )
            )
        if "TT6" in lacking:
            for person in _unrated_that_matter(world, unit, year):
                facts.append(
                    (
                        "held_back_rating",
                        {
                            "criteria": ["TT6"],
                            "year": year,
                            "rows_sheet": sheets["ratings"],
                            "person": person.name,
                            "person_id": person.id,
                        },
                    )
                )
    return facts


def _unrated_that_matter(world: World, unit: Unit, year: int) -> list[Person]:
    """The staff without a rating in a year whose TT6 verdict their ratings would decide."""
    s = world.settings
    staff = world.staff_in(unit.id, year)
    floor = RATING_RANK[s.min_rating]
    good = sum(1 for _, r in staff if r is not None and RATING_RANK[r.rating] >= floor)
    missing = [p for p, r in staff if r is None]
    total = len(staff)
    if (
        not missing
        or good * 100 >= s.tt6_min_pct * total
        or (good + len(missing)) * 100 < s.tt6_min_pct * total
    ):
        return []
    return missing


def _person_facts(
    world: World, person: Person, lacking: list[str], sheets: dict[str, str], names_lang: str
) -> list:
    facts = []
    if "CN1" in lacking:
        column = C.INITIATIVES.column("replicable")
        for initiative in person_initiatives(world, person)[1]:
            facts.append(
                (
                    "held_back_replicable",
                    {
                        "criteria": ["CN1"],
                        "year": initiative.year,
                        "initiative": initiative.id,
                        "row": initiative.cell,
                        "column": column.label(names_lang),
                    },
                )
            )
    if "CN2" in lacking:
        for year, rating in world.rated_years(person):
            if rating is None:
                facts.append(
                    (
                        "held_back_own_rating",
                        {"criteria": ["CN2"], "year": year, "rows_sheet": sheets["ratings"]},
                    )
                )
    return facts
