"""Evaluate everyone: criteria, ranking keys, quotas and drafted achievement summaries. No IO."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .. import contract as C
from ..i18n import Lower, Msg
from ..problems import Problem
from .council import Council, apply_council
from .criteria import COLLECTIVE_RULES, INDIVIDUAL_RULES, MET, person_initiatives, unit_initiatives
from .domain import LEVEL_RANK, RATING_RANK, Initiative, Person, Unit, World
from .law import hold_back, priority_notes, women_problems, women_share
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


# ---------------------------------------------------------------- drafted summaries
# A summary is a list of facts (catalog code + values), one clause each, computed from the rows
# of the period in the settings' terms: a clause cannot exist without the fact behind it.

_SHOWN_INITIATIVES = 3


def _initiative_fact(i: Initiative) -> Msg:
    decision: Msg | str = ""
    if i.decision_no and i.decision_date:
        decision = Msg("summary.decision_dated", {"number": i.decision_no, "date": i.decision_date})
    elif i.decision_no:
        decision = Msg("summary.decision", {"number": i.decision_no})
    facts = {"title": i.title, "level": Lower(C.LEVEL.get(i.level)), "year": i.year, "decision": decision}
    return Msg("summary.initiative", facts)


def _initiatives_clause(code: str, initiatives: list[Initiative]) -> list[Msg]:
    if not initiatives:
        return []
    items: list[Msg] = [_initiative_fact(i) for i in initiatives[:_SHOWN_INITIATIVES]]
    if len(initiatives) > _SHOWN_INITIATIVES:
        items.append(Msg("summary.more_initiatives", {"count": len(initiatives) - _SHOWN_INITIATIVES}))
    return [Msg(code, {"items": items})]


def person_summary(world: World, person: Person, initiatives: list[Initiative]) -> list[Msg]:
    facts = _initiatives_clause("summary.author_of", initiatives)
    facts += _counted_from(world, "person", person.id)
    rated, unrated = [], []
    for year, rating in world.rated_years(person):
        if rating:
            rated.append(
                Msg("summary.rated_year", {"year": year, "rating": Lower(C.RATING.get(rating.rating))})
            )
        else:
            unrated.append(year)
    if rated:
        facts.append(Msg("summary.rated", {"items": rated}))
    if unrated:
        facts.append(Msg("summary.not_rated", {"years": unrated}))
    hits = [r for r in world.discipline_of(person.id) if world.in_effect(r)]
    if hits:
        facts.append(Msg("summary.discipline_person", {"count": len(hits)}))
    else:
        facts.append(Msg("summary.no_discipline_person"))
    return facts


def _target_clauses(per_year: dict[str, list[int]], target: str) -> list[Msg]:
    clauses = []
    for outcome, code in (("VUOT", "exceeded"), ("DAT", "met"), ("KDAT", "failed")):
        if per_year.get(outcome):
            clauses.append(
                Msg(f"summary.target.{code}", {"target": Msg(f"target.{target}"), "years": per_year[outcome]})
            )
    return clauses


def _counted_from(world: World, kind: str, ident: str) -> list[Msg]:
    """NĐ 152/2025 Đ.4 k.4: achievements counted from the end of a discipline period."""
    record = world.discipline_end(kind, ident)
    return [Msg("summary.counted_from", {"date": world.end_of(record)})] if record else []


def unit_summary(world: World, unit: Unit, initiatives: list[Initiative]) -> list[Msg]:
    s = world.settings
    first, last = s.from_year, s.to_year
    if world.discipline_end("unit", unit.id) and (counted := world.unit_years(unit)):
        first, last = counted[0], counted[-1]  # the years whose achievements count (Đ.4 k.4)
    if first == last:
        period = Msg("period.year", {"year": first})
    else:
        period = Msg("period.range", {"from_year": first, "to_year": last})
    assigned = on_time = docs = 0
    socio: dict[str, list[int]] = defaultdict(list)
    budget: dict[str, list[int]] = defaultdict(list)
    programmes: dict[str, list[int]] = defaultdict(list)
    good = total = unrated = 0
    floor = RATING_RANK[s.min_rating]
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        if result:
            assigned += result.assigned
            on_time += result.on_time
            docs += result.docs
            socio[result.socio].append(year)
            budget[result.budget].append(year)
            programmes[result.programmes].append(year)
        for _, rating in world.staff_in(unit.id, year):
            if rating is None:
                unrated += 1
            else:
                total += 1
                good += RATING_RANK[rating.rating] >= floor
    facts = _counted_from(world, "unit", unit.id)
    facts += [
        Msg("summary.tasks", {"on_time": on_time, "assigned": assigned, "period": period})
        if assigned
        else Msg("summary.no_tasks", {"period": period}),
        Msg("summary.docs", {"docs": docs}),
    ]
    facts += _target_clauses(socio, "socio") + _target_clauses(budget, "budget")
    if programmes.get("HT"):
        facts.append(Msg("summary.programmes.done", {"years": programmes["HT"]}))
    if programmes.get("KHT"):
        facts.append(Msg("summary.programmes.failed", {"years": programmes["KHT"]}))
    facts += _initiatives_clause("summary.has_initiatives", initiatives)
    rating = Lower(C.RATING.get(s.min_rating))
    if total and good == total:
        facts.append(Msg("summary.staff_all_rated", {"rating": rating, "total": total}))
    elif total:
        facts.append(Msg("summary.staff_rated", {"rating": rating, "good": good, "total": total}))
    if unrated:
        facts.append(Msg("summary.staff_not_rated", {"count": unrated}))
    hits = world.discipline_in_unit(unit.id)
    if hits:
        facts.append(Msg("summary.discipline_unit", {"count": len(hits)}))
    else:
        facts.append(Msg("summary.no_discipline_unit"))
    return facts


def evaluate(world: World) -> Evaluation:
    """Judge every unit and person, rank the eligible and fill the quotas."""
    s = world.settings
    people: list[Candidate] = []
    for person in world.people.values():
        outcomes = {cid: rule(world, person) for cid, rule in INDIVIDUAL_RULES.items()}
        counted, _ = person_initiatives(world, person)
        excellent = sum(1 for _, r in world.rated_years(person) if r and r.rating == "HTXSNV")
        unit = world.units.get(person.unit_id)
        candidate = Candidate(
            "person",
            person.id,
            person.name,
            unit.name if unit else person.unit_id,
            person.position,
            outcomes,
            cell=person.cell,
            keys={
                "best_level": max((LEVEL_RANK[i.level] for i in counted), default=0),
                "excellent_years": excellent,
                "initiatives": len(counted),
                "female": 1 if person.gender == "F" else 0,  # NĐ 152/2025 Đ.4 k.6; blank is no
                "not_leader": 0 if person.leader else 1,
            },
        )
        if person.left and person.left <= world.period_end:
            candidate.nominable, candidate.held = False, "left"
            candidate.note = Msg("note.left", {"date": person.left})
        elif not world.person_years(person):  # every yearly criterion would pass with no year judged
            candidate.nominable = False
            candidate.note = Msg("note.no_year", {"cite": s.cite("min_months")})
        if candidate.eligible:
            candidate.summary = person_summary(world, person, counted)
        people.append(candidate)

    units: list[Candidate] = []
    for unit in world.units.values():
        outcomes = {cid: rule(world, unit) for cid, rule in COLLECTIVE_RULES.items()}
        initiatives = unit_initiatives(world, unit)
        staff_years = good = exceeded = docs = 0
        for year in world.unit_years(unit):
            for _, rating in world.staff_in(unit.id, year):
                staff_years += 1
                good += bool(rating and rating.rating == "HTXSNV")
            result = world.results.get((unit.id, year))
            if result:
                exceeded += (result.socio == "VUOT") + (result.budget == "VUOT")
                docs += result.docs
        candidate = Candidate(
            "unit",
            unit.id,
            unit.name,
            unit.name,
            C.UNIT_KIND.get(unit.kind),
            outcomes,
            cell=unit.cell,
            keys={
                "best_level": max((LEVEL_RANK[i.level] for i in initiatives), default=0),
                "initiatives": len(initiatives),
                "excellent_share": round(good / staff_years, 6) if staff_years else 0.0,
                "targets_exceeded": exceeded,
                "women_share": 1 if women_share(world, unit.id)[0] * 100 >= s.women_share_pct else 0,
                "docs": docs,
            },
        )
        if not world.existed_years(unit):
            candidate.nominable = False
            candidate.note = Msg("note.no_year", {"cite": s.cite("min_months")})
        if candidate.eligible:
            candidate.summary = unit_summary(world, unit, initiatives)
        units.append(candidate)

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
