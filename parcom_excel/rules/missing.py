"""Candidates held back by missing data: who, which criterion, which year, which row is missing.

A "lacks data" outcome of a candidate who meets every other criterion changes the nominations
(the seat goes to the next in rank), so it must never be silent. Each criterion names the rows
whose absence makes it lack data (`Criterion.missing`); a row several criteria lack (a unit's
result row of a year: TT1, TT2, TT4) is one warning naming them all.
"""

from __future__ import annotations

from typing import Any

from ..problems import WARNING, Problem
from .criteria import CRITERIA, MISSING, UNMET
from .domain import World


def held_back(evaluation) -> list[Problem]:
    """One warning per missing row of every nominable candidate that fails no criterion but
    lacks data for one, by year."""
    world: World = evaluation.world
    problems: list[Problem] = []
    for candidate in (*evaluation.units, *evaluation.people):
        statuses = {cid: o.status for cid, o in candidate.outcomes.items()}
        if not candidate.nominable or UNMET in statuses.values() or MISSING not in statuses.values():
            continue
        subject = (world.units if candidate.kind == "unit" else world.people)[candidate.id]
        rows: dict[tuple, tuple[str, dict[str, Any]]] = {}
        for cid, status in statuses.items():
            check = CRITERIA[cid].missing
            for code, params in check(world, subject) if status == MISSING and check else ():
                key = (code, *sorted(params.items()))
                criteria = rows[key][1]["criteria"] if key in rows else []
                rows[key] = (code, {"criteria": [*criteria, cid], **params})
        sheet, _, cell = candidate.cell.rpartition("!")
        for code, params in sorted(rows.values(), key=lambda row: row[1]["year"]):
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
