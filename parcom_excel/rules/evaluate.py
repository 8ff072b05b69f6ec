"""Evaluate everyone: criteria, ranking keys, quotas and drafted achievement summaries. No IO."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .. import contract as C
from ..i18n import Msg
from ..problems import Problem
from .council import Council, apply_council
from .criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, MET, summary
from .domain import Person, Unit, World
from .keys import COLLECTIVE_KEYS, INDIVIDUAL_KEYS
from .law import hold_back, priority_notes, women_problems
from .ranking import Candidate, rank_and_fill


@dataclass
class Tally:
    """What the summaries count over a group of candidates, made in one pass."""

    eligible: int
    met: dict[str, int]  # criterion id -> candidates meeting it
    nominated: list[Candidate]  # in the group's order


def tally(candidates: list[Candidate]) -> Tally:
    eligible, nominated = 0, []
    met: Counter[str] = Counter()
    for c in candidates:
        passed = [cid for cid, outcome in c.outcomes.items() if outcome.status == MET]
        met.update(passed)
        eligible += len(passed) == len(c.outcomes)
        if c.award:
            nominated.append(c)
    return Tally(eligible, dict(met), nominated)


@dataclass
class Evaluation:
    """Everyone evaluated; read-only once made (the tallies are computed once, when first read)."""

    world: World
    units: list[Candidate]
    people: list[Candidate]
    problems: list[Problem] = field(default_factory=list)
    council: Council | None = None  # the meeting and its votes (SPEC §2c), for sheets and documents

    @cached_property
    def unit_tally(self) -> Tally:
        return tally(self.units)

    @cached_property
    def people_tally(self) -> Tally:
        return tally(self.people)

    @property
    def nominated_units(self) -> list[Candidate]:
        return self.unit_tally.nominated

    @property
    def nominated_people(self) -> list[Candidate]:
        return self.people_tally.nominated


_PERSON_KEYS = tuple((k.key, k.value) for k in INDIVIDUAL_KEYS)  # read for every person: no lookups
_UNIT_KEYS = tuple((k.key, k.value) for k in COLLECTIVE_KEYS)


def _person(world: World, person: Person) -> Candidate:
    unit = world.units.get(person.unit_id)
    candidate = Candidate(
        "person",
        person.id,
        person.name,
        unit.name if unit else person.unit_id,
        person.position,
        {c.id: c.run(world, person) for c in INDIVIDUAL_CRITERIA},
        cell=person.cell,
        keys={key: value(world, person) for key, value in _PERSON_KEYS},
    )
    if person.left and person.left <= world.period_end:
        candidate.nominable, candidate.held = False, "left"
        candidate.note = Msg("note.left", {"date": person.left})
    elif not world.person_years(person):  # every yearly criterion would pass with no year judged
        candidate.nominable = False
        candidate.note = Msg("note.no_year", {"cite": world.settings.cite("min_months")})
    if candidate.eligible:
        candidate.summary = summary(world, "person", person)
    return candidate


def _unit(world: World, unit: Unit) -> Candidate:
    candidate = Candidate(
        "unit",
        unit.id,
        unit.name,
        unit.name,
        C.UNIT_KIND.get(unit.kind),
        {c.id: c.run(world, unit) for c in COLLECTIVE_CRITERIA},
        cell=unit.cell,
        keys={key: value(world, unit) for key, value in _UNIT_KEYS},
    )
    if not world.existed_years(unit):
        candidate.nominable = False
        candidate.note = Msg("note.no_year", {"cite": world.settings.cite("min_months")})
    if candidate.eligible:
        candidate.summary = summary(world, "unit", unit)
    return candidate


def evaluate(world: World) -> Evaluation:
    """Judge every unit and person, rank the eligible and fill the quotas."""
    s = world.settings
    people = [_person(world, person) for person in world.people.values()]
    # plan §III.1: the collectives are the divisions and units, never the leadership
    units = [_unit(world, unit) for unit in world.units.values() if unit.kind in C.COLLECTIVE_KINDS]
    problems = []
    for candidate in (*units, *people):
        problems += hold_back(world, candidate)
    problems += women_problems(world, units, people)
    quotas = {
        "unit": {a.key: s.quota(a.key, "collectives") for a in C.AWARDS},
        "person": {a.key: s.quota(a.key, "individuals") for a in C.AWARDS},
    }
    problems += rank_and_fill(units, s.order_collectives, quotas["unit"], Msg("who.collectives"))
    problems += rank_and_fill(people, s.order_individuals, quotas["person"], Msg("who.individuals"))
    orders = {"unit": s.order_collectives, "person": s.order_individuals}
    council, council_problems = apply_council(world, {"unit": units, "person": people}, orders, quotas)
    if council.decided and not any(p.is_error for p in council_problems):
        # the list follows the vote now: the proposal's ties are the council's to have settled
        still_tied = any(c.tied for c in (*units, *people))
        problems = [p for p in problems if p.code != "tie_at_edge" or still_tied]
    problems += council_problems
    if not council.decided:  # once the council has voted, its word placed them, not a key
        for kind, group in (("unit", units), ("person", people)):
            priority_notes(world, group, orders[kind], "women_share" if kind == "unit" else "female")
    return Evaluation(world, units, people, problems, council)
