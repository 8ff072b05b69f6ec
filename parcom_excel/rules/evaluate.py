"""Evaluate everyone: criteria, ranking keys, quotas and drafted achievement summaries. No IO."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .. import contract as C
from ..problems import Problem
from ..validate import Dataset
from .criteria import COLLECTIVE_RULES, INDIVIDUAL_RULES, MET, person_initiatives, unit_initiatives
from .council import Council, apply_council
from .domain import LEVEL_RANK, Initiative, Person, Unit, World, build_world, t
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


def _initiative_text(i: Initiative, lang: str) -> str:
    level = C.LEVEL.get(i.level).label(lang)
    decision = ""
    if i.decision_no:
        decision = t(lang, f", Quyết định số {i.decision_no}", f", Decision No. {i.decision_no}")
        if i.decision_date:
            decision += t(lang, f" ngày {i.decision_date:%d/%m/%Y}", f" of {i.decision_date:%d/%m/%Y}")
    return t(
        lang,
        f'sáng kiến "{i.title}" được công nhận cấp {level.lower()} năm {i.year}{decision}',
        f'initiative "{i.title}" recognised at {level.lower()} level in {i.year}{decision}',
    )


def person_summary(world: World, person: Person, initiatives: list[Initiative]) -> str:
    lang = world.lang
    parts = []
    if initiatives:
        parts.append(t(lang, "Có ", "Author of ") + "; ".join(_initiative_text(i, lang) for i in initiatives))
    rated = []
    for year, rating in world.rated_years(person):
        if rating:
            rated.append(f"{year}: {C.RATING.get(rating.rating).label(lang).lower()}")
    if rated:
        parts.append(t(lang, "Xếp loại ", "Rated ") + ", ".join(rated))
    parts.append(
        t(
            lang,
            "không vi phạm kỷ luật, chấp hành nghiêm kỷ luật, kỷ cương hành chính",
            "no disciplinary record, strict administrative discipline",
        )
    )
    text = ". ".join(parts) + "."
    return text[:1].upper() + text[1:]


def unit_summary(world: World, unit: Unit, initiatives: list[Initiative]) -> str:
    lang = world.lang
    assigned = on_time = docs = exceeded = 0
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        if result:
            assigned += result.assigned
            on_time += result.on_time
            docs += result.docs
            exceeded += (result.socio == "VUOT") + (result.budget == "VUOT")
    s = world.settings
    parts = [
        t(
            lang,
            f"Hoàn thành đúng hạn {on_time}/{assigned} nhiệm vụ CCHC được giao giai đoạn {s.from_year}–{s.to_year}",
            f"Completed {on_time}/{assigned} assigned PAR tasks on time in {s.from_year}–{s.to_year}",
        ),
        t(lang, f"tham mưu {docs} văn bản, kế hoạch về CCHC", f"drafted {docs} PAR documents and plans"),
    ]
    if exceeded:
        parts.append(
            t(
                lang,
                f"vượt {exceeded} chỉ tiêu KT-XH, dự toán ngân sách",
                f"exceeded {exceeded} socio-economic and budget targets",
            )
        )
    else:
        parts.append(
            t(
                lang,
                "hoàn thành các chỉ tiêu KT-XH, dự toán ngân sách và chương trình được giao",
                "met its socio-economic, budget and programme targets",
            )
        )
    if initiatives:
        parts.append(t(lang, "có ", "") + "; ".join(_initiative_text(i, lang) for i in initiatives[:3]))
    parts.append(
        t(
            lang,
            "100% cán bộ hoàn thành tốt nhiệm vụ trở lên; không có cán bộ vi phạm kỷ luật",
            "all staff rated well or better; no staff disciplined",
        )
    )
    return "; ".join(parts) + "."


def evaluate_dataset(data: Dataset) -> Evaluation:
    world = build_world(data)
    lang, s = world.lang, world.settings
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
            candidate.note = t(
                lang,
                f"Đã nghỉ từ {person.left:%d/%m/%Y}: được đánh giá nhưng không đề nghị khen thưởng",
                f"Left on {person.left:%d/%m/%Y}: evaluated but not nominated",
            )
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
            C.UNIT_KIND.get(unit.kind).label(lang),
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
    problems += rank_and_fill(
        units, s.order_collectives, quotas["unit"], lang, t(lang, "tập thể", "collectives")
    )
    problems += rank_and_fill(
        people, s.order_individuals, quotas["person"], lang, t(lang, "cá nhân", "individuals")
    )
    orders = {"unit": s.order_collectives, "person": s.order_individuals}
    council, council_problems = apply_council(world, {"unit": units, "person": people}, orders, quotas)
    problems += council_problems
    for kind, group in (("unit", units), ("person", people)):
        priority_notes(world, group, orders[kind], "women_share" if kind == "unit" else "female")
    return Evaluation(world, units, people, problems, council)
