"""The decree's gates between the plan's criteria and a lawful proposal (SPEC §2b).

The plan's criteria decide who is eligible; Nghị định 152/2025/NĐ-CP Điều 4 and Luật Thi đua,
khen thưởng 2022 Điều 5 decide who may be proposed now and who goes first among equals. Each
gate is a small function with its reference, and a setting (contract.SETTINGS) that turns it
off. No IO.
"""

from __future__ import annotations

from .. import contract as C
from ..i18n import Msg
from ..problems import WARNING, Problem
from .domain import Discipline, PastAward, Person, World
from .ranking import Candidate


def _where(ref: str) -> tuple[str | None, str | None]:
    sheet, _, cell = ref.rpartition("!")
    return (sheet or None), (cell or None)


# ---------------------------------------------------------------- Đ.4 k.6: women first among equals


def _women_index(world: World) -> dict[str, tuple[int, int, list[Person]]]:
    """unit -> (women, staff, staff whose gender is blank), counting staff on staff at the period's end."""
    index: dict[str, tuple[int, int, list[Person]]] = {}
    end = world.period_end
    for person in world.people.values():
        if not person.on_staff_at(end):
            continue
        women, total, blank = index.get(person.unit_id, (0, 0, []))
        if person.gender is None:
            blank = [*blank, person]
        index[person.unit_id] = (women + (person.gender == "F"), total + 1, blank)
    return index


def women_share(world: World, unit_id: str) -> tuple[float, list[Person]]:
    """NĐ 152/2025 Đ.4 k.6: the unit's share of women (a blank gender is never guessed a woman),
    and the staff whose gender is blank."""
    women, total, blank = world.once("women_by_unit", _women_index).get(unit_id, (0, 0, []))
    return (women / total if total else 0.0), blank


def women_problems(world: World, units: list[Candidate], people: list[Candidate]) -> list[Problem]:
    """A warning per candidate whose priority a blank Giới tính may have denied."""
    if not world.has_gender:
        return []  # an old workbook: one warning says the column is missing (validate_law)
    s = world.settings
    problems: list[Problem] = []
    if "female" in s.order_individuals:
        for c in people:
            person = world.people[c.id]
            if c.eligible and c.nominable and person.gender is None:
                problems.append(
                    Problem("law_gender_blank", WARNING, *_where(person.gender_cell), None, {"name": c.name})
                )
    if "women_share" in s.order_collectives:
        for c in units:
            if not (c.eligible and c.nominable):
                continue
            _, blank = women_share(world, c.id)
            if blank:
                problems.append(
                    Problem(
                        "law_unit_gender_blank",
                        WARNING,
                        *_where(blank[0].gender_cell),
                        None,
                        {
                            "name": c.name,
                            "count": len(blank),
                            "cells": ", ".join(_where(p.gender_cell)[1] or "" for p in blank[:5]),
                        },
                    )
                )
    return problems


def priority_notes(world: World, group: list[Candidate], order: list[str], key: str) -> None:
    """Say where the women key alone put one candidate's award ahead of an equal's."""
    if key not in order:
        return
    before = order[: order.index(key)]
    rank = {a.key: i for i, a in enumerate(C.AWARDS)}
    best = len(C.AWARDS)
    pool = [c for c in group if c.eligible and c.nominable]
    merit: dict[tuple, list[Candidate]] = {}
    for c in pool:
        merit.setdefault(tuple(c.keys.get(k, 0) for k in before), []).append(c)
    label, after = (
        ("law.priority.person", "law.priority.person_behind")
        if key == "female"
        else ("law.priority.unit", "law.priority.unit_behind")
    )
    for equals in merit.values():
        for ahead in equals:
            if not ahead.keys.get(key) or ahead.tied:
                continue
            behind = [
                c
                for c in equals
                if not c.keys.get(key) and rank.get(c.award or "", best) > rank.get(ahead.award or "", best)
            ]
            if behind:
                pct = world.settings.women_share_pct
                ahead.priority_note = Msg(label, {"names": ", ".join(c.name for c in behind[:3]), "pct": pct})
                for c in behind:
                    c.priority_note = Msg(after, {"name": ahead.name, "pct": pct})


# ---------------------------------------------------------------- Đ.4 k.4 and Luật TĐKT Đ.5 k.2 c


def _record_text(record: Discipline) -> Msg:
    number = f" {record.decision_no}" if record.decision_no else ""
    facts = {"form": C.DISCIPLINE.get(record.form), "number": number, "date": record.decided}
    return Msg("law_record", {**facts, "cell": record.cell})


def _award_text(award: PastAward) -> Msg:
    years = award.years.start if len(award.years) == 1 else f"{award.years.start}–{award.years[-1]}"
    facts = {"award": award.award, "decision": award.decision_no, "date": award.decided, "years": years}
    return Msg("law_past_award", {**facts, "cell": award.cell})


def _hold(candidate: Candidate, reason: str, note: Msg) -> None:
    candidate.nominable = False
    candidate.held = candidate.held or reason
    candidate.note = Msg("law_notes", {"first": candidate.note, "then": note}) if candidate.note else note


def hold_back(world: World, candidate: Candidate) -> list[Problem]:
    """Who may not be proposed now: pending proceedings (NĐ 152/2025 Đ.4 k.4) and an award of
    this movement already received for an overlapping period (Luật TĐKT 2022 Đ.5 k.2 điểm c)."""
    s = world.settings
    problems: list[Problem] = []
    pending = world.pending_against(candidate.kind, candidate.id)
    if pending:
        records = [_record_text(r) for r in pending]
        _hold(candidate, "pending", Msg("law_pending_note", {"records": records}))
    repeats = world.repeat_awards(candidate.kind, candidate.id)
    if repeats and candidate.eligible:
        awards = [_award_text(a) for a in repeats]
        hold = s.repeat_award_hold == "Y"
        problems.append(
            Problem(
                "law_repeat_award",
                WARNING,
                *_where(repeats[0].cell),
                repeats[0].decision_no,
                {
                    "name": candidate.name,
                    "awards": awards,
                    "outcome": Msg("law_repeat_held" if hold else "law_repeat_kept"),
                    "setting": s.cite("repeat_award_hold"),
                },
            )
        )
        if hold:
            _hold(candidate, "repeat", Msg("law_repeat_note", {"awards": awards}))
    return problems
