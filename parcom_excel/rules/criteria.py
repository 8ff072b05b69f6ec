"""The plan's criteria (§IV), one small function each: met, not met, or lacks data, with reasons.

Each reason cites the rows it used (e.g. "Đánh giá cá nhân!C14") and the setting it applied
(e.g. "Xếp loại tối thiểu … = Hoàn thành tốt nhiệm vụ (Cấu hình!B20)").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .. import contract as C
from ..i18n import Msg, render
from .domain import RATING_RANK, Initiative, Person, Result, Unit, World

MET, UNMET, MISSING = "met", "unmet", "missing"


def status_text(status: str) -> Msg:
    return Msg(f"status.{status}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A criterion's verdict: status, the reason as a catalog code with its facts, and the trace
    (the cells it read and the settings it applied)."""

    status: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    settings: tuple[str, ...] = ()

    @property
    def reason(self) -> Msg:
        return Msg(self.code, self.params)

    def render(self, lang: str = "vi") -> str:
        return render(self.code, lang, **self.params)


Year = tuple[int, str, Msg, list[str]]  # year, status, why, cells read


def _combine(world: World, years: list[Year], met: str, settings: tuple[str, ...]) -> Outcome:
    """A yearly criterion holds when it holds in every year judged."""
    for status in (UNMET, MISSING):
        bad = [y for y in years if y[1] == status]
        if bad:
            items = _year_items(world, bad)
            return Outcome(status, "years_failed", {"items": items}, [c for y in bad for c in y[3]], settings)
    if not years:
        return Outcome(
            MET, "no_year_to_judge", {"cite": world.settings.cite("min_months")}, [], ("min_months",)
        )
    items = _year_items(world, years)
    facts = (
        world.once(("facts", id(items)), lambda _w: {"items": items})
        if world.is_shared(items)
        else {"items": items}
    )
    return Outcome(MET, met, facts, [c for y in years for c in y[3]], settings)


def _year_items(world: World, years: list[Year]) -> list[Msg]:
    """ "2023: …" for each year; shared by everyone judged alike (a year's reason that is shared
    gives a shared item, and a list of shared items is itself shared)."""
    items = []
    for year, _, why, _ in years:
        if world.is_shared(why):
            items.append(world.once(("year_item", year, id(why)), lambda _w, y=year, t=why: _year_item(y, t)))
        else:
            items.append(_year_item(year, why))
    if all(world.is_shared(item) for item in items):
        return world.once(("year_items", *map(id, items)), lambda _w: items)
    return items


def _year_item(year: int, why: Msg) -> Msg:
    return Msg("year_item", {"year": year, "text": why})


def after_discipline(world: World, kind: str, ident: str, existed: list[int], outcome: Outcome) -> Outcome:
    """NĐ 152/2025 Đ.4 k.4: a disciplined person's or unit's achievements count only from the end
    of the discipline period. The reason names the years of the period left out, and the record;
    a yearly criterion with no year left to count is not met."""
    record = world.discipline_end(kind, ident)
    if record is None:
        return outcome
    counted = (
        world.counted_years(world.people[ident]) if kind == "person" else world.unit_years(world.units[ident])
    )
    skipped = [y for y in existed if y not in counted]
    if not skipped:
        return outcome
    number = f" {record.decision_no}" if record.decision_no else ""
    facts = {
        "years": skipped,
        "end": world.end_of(record),
        "form": world.term(C.DISCIPLINE.get(record.form)),
        "number": number,
        "date": record.decided,
        "cell": record.cell,
        "cite": world.settings.cite("discipline_months"),
    }
    sources, settings = [*outcome.sources, record.cell], (*outcome.settings, "discipline_months")
    if not counted:
        return Outcome(UNMET, "law_no_year_after_discipline", facts, sources, settings)
    note = Msg("law_discipline_years", facts)
    return Outcome(
        outcome.status, "law_with_aside", {"reason": outcome.reason, "note": note}, sources, settings
    )


# ---------------------------------------------------------------- collectives (§IV.1)


def _per_result_year(
    world: World, unit: Unit, judge: Callable[[Result], tuple[str, Msg, list[str]]]
) -> list[Year]:
    """Judge the unit's result row of every year it is judged; a missing row lacks data."""
    years: list[Year] = []
    missing = Msg("no_results_row", {"sheet": world.sheet("results")})
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        if result is None:
            years.append((year, MISSING, missing, []))
        else:
            years.append((year, *judge(result)))
    return years


def tt1_tasks_on_time(world: World, unit: Unit) -> Outcome:
    """§IV.1.a: CCHC tasks done with quality, on or ahead of schedule, every year."""
    s = world.settings

    def judge(result: Result) -> tuple[str, Msg, list[str]]:
        cells = [result.cells["tasks_assigned"], result.cells["tasks_on_time"]]
        if result.assigned == 0:
            return MET, Msg("tt1.no_task"), cells
        facts = {"on_time": result.on_time, "assigned": result.assigned}
        if result.on_time * 100 >= s.tt1_min_pct * result.assigned:
            return MET, Msg("tt1.ratio", facts), cells
        why = {
            **facts,
            "cell": result.cells["tasks_on_time"],
            "pct": s.tt1_min_pct,
            "cite": s.cite("tt1_min_pct"),
        }
        return UNMET, Msg("tt1.below", why), cells

    outcome = _combine(world, _per_result_year(world, unit, judge), "tt1.met", ("tt1_min_pct", "min_months"))
    return after_discipline(world, "unit", unit.id, world.existed_years(unit), outcome)


def tt2_advisory_docs(world: World, unit: Unit) -> Outcome:
    """§IV.1.b: advised on drafting CCHC documents and plans, every year."""
    s = world.settings

    def judge(result: Result) -> tuple[str, Msg, list[str]]:
        cells = [result.cells["advisory_docs"]]
        if result.docs >= s.tt2_min_docs:
            return MET, Msg("tt2.count", {"docs": result.docs}), cells
        why = {"docs": result.docs, "cell": cells[0], "min": s.tt2_min_docs, "cite": s.cite("tt2_min_docs")}
        return UNMET, Msg("tt2.below", why), cells

    outcome = _combine(world, _per_result_year(world, unit, judge), "tt2.met", ("tt2_min_docs", "min_months"))
    return after_discipline(world, "unit", unit.id, world.existed_years(unit), outcome)


def unit_initiatives(world: World, unit: Unit) -> list[Initiative]:
    """Initiatives the unit owns, or whose author worked in it the year it was recognised."""
    return world.initiatives_of_unit(unit.id)


def _initiative_refs(world: World, found: list[Initiative]) -> list[Msg]:
    return [
        Msg(
            "initiative_ref",
            {"id": i.id, "level": world.term(C.LEVEL.get(i.level)), "year": i.year, "cell": i.cell},
        )
        for i in found
    ]


def _no_initiative(world: World) -> Outcome:
    s = world.settings
    facts = {"from_year": s.from_year, "to_year": s.to_year, "cite": s.cite("min_level")}
    return Outcome(UNMET, "no_initiative", facts, [], ("min_level", "from_year", "to_year"))


def tt3_initiative(world: World, unit: Unit) -> Outcome:
    """§IV.1.b (second): an initiative recognised by the grassroots council or higher."""
    found = unit_initiatives(world, unit)
    used = world.used_initiatives_of_unit(unit.id)
    if found:
        refs = {"items": _initiative_refs(world, found)}
        outcome = Outcome(
            MET, "initiatives_met", refs, [i.cell for i in found], ("min_level", "tt3_need_index")
        )
    else:
        outcome = world.once("no_initiative", _no_initiative)
    return with_used(world, outcome, used)


def with_used(world: World, outcome: Outcome, used: list[Initiative]) -> Outcome:
    """Luật TĐKT 2022 Đ.5 k.2 điểm c, Công văn 5007/BNV-TĐKT 2023: one achievement, one award.
    The reason names the initiatives a past award already cited, not counted again."""
    if not used:
        return outcome
    items = []
    for initiative in used:
        award = world.used_by(initiative)
        facts = {"initiative": initiative.id, "decision": award.decision_no, "date": award.decided}
        items.append(Msg("law_initiative_used", {**facts, "cell": award.cell}))
    note = Msg(
        "law_initiatives_not_counted", {"items": items, "setting": world.settings.cite("initiative_once")}
    )
    return Outcome(
        outcome.status,
        "law_with_note",
        {"reason": outcome.reason, "note": note},
        [*outcome.sources, *(world.used_by(i).cell for i in used)],
        (*outcome.settings, "initiative_once"),
    )


_OK_OUTCOME = {"VUOT", "DAT", "KGIAO"}
_OK_PROGRAMME = {"HT", "KGIAO"}
_TT4_CHECKS = (
    ("socio_targets", "socio", C.OUTCOME, _OK_OUTCOME),
    ("budget", "budget", C.OUTCOME, _OK_OUTCOME),
    ("programmes", "programmes", C.PROGRAMME, _OK_PROGRAMME),
)


def tt4_targets(world: World, unit: Unit) -> Outcome:
    """§IV.1.c: met or exceeded socio-economic targets, the budget estimate and programmes."""

    def judge(result: Result) -> tuple[str, Msg, list[str]]:
        bad = [
            Msg(
                "tt4.item",
                {
                    "column": world.term(C.RESULTS.column(column)),
                    "value": world.term(enum.get(getattr(result, name))),
                    "cell": result.cells[column],
                },
            )
            for column, name, enum, passing in _TT4_CHECKS
            if getattr(result, name) not in passing
        ]
        cells = [result.cells[column] for column, *_ in _TT4_CHECKS]
        return (UNMET if bad else MET), Msg("tt4.bad", {"items": bad}), cells

    outcome = _combine(world, _per_result_year(world, unit, judge), "tt4.met", ("min_months",))
    if outcome.code == "tt4.met":  # "met every target": the years' items say nothing more
        outcome = Outcome(MET, "tt4.met", {}, outcome.sources, outcome.settings)
    return after_discipline(world, "unit", unit.id, world.existed_years(unit), outcome)


def _discipline_refs(world: World, records: list) -> list[Msg]:
    refs = []
    for record in records:
        who = ""
        if record.staff_id:
            person = world.people.get(record.staff_id)
            who = f"{person.name if person else record.staff_id} – "
        number = f" {record.decision_no}" if record.decision_no else ""
        facts = {"who": who, "form": world.term(C.DISCIPLINE.get(record.form)), "number": number}
        refs.append(Msg("discipline_ref", {**facts, "date": record.decided, "cell": record.cell}))
    return refs


def _discipline(world: World, hits: list, met: str) -> Outcome:
    cite = world.settings.cite("discipline_months")
    used = ("discipline_months",)
    if hits:
        facts = {"items": _discipline_refs(world, hits), "cite": cite}
        return Outcome(UNMET, "discipline_in_effect", facts, [r.cell for r in hits], used)
    return world.once(("discipline_met", met), lambda _w: Outcome(MET, met, {"cite": cite}, [], used))


def tt5_discipline(world: World, unit: Unit) -> Outcome:
    """§IV.1.d: no staff member disciplined or in breach of law while in effect in the period."""
    return _discipline(world, world.discipline_in_unit(unit.id), "tt5.met")


def tt6_all_rated_well(world: World, unit: Unit) -> Outcome:
    """§IV.1.e: every year, 100% (a setting) of the unit's staff rated "tốt" or better."""
    s = world.settings
    floor = RATING_RANK[s.min_rating]
    years: list[Year] = []
    for year in world.unit_years(unit):
        staff = world.staff_in(unit.id, year)
        if not staff:
            years.append((year, MET, Msg("tt6.no_staff"), []))
            continue
        good, missing, low = 0, [], []
        for person, rating in staff:
            if rating is None:
                missing.append(person)
            elif RATING_RANK[rating.rating] >= floor:
                good += 1
            else:
                low.append((person, rating))
        total = len(staff)
        cells = [r.cell for _, r in staff if r is not None]
        if good * 100 >= s.tt6_min_pct * total:
            years.append((year, MET, Msg("tt6.ratio", {"good": good, "total": total}), cells))
        elif (good + len(missing)) * 100 < s.tt6_min_pct * total:
            items = [
                Msg(
                    "tt6.low_item",
                    {"name": p.name, "rating": world.term(C.RATING.get(r.rating)), "cell": r.cell},
                )
                for p, r in low[:5]
            ]
            facts = {"good": good, "total": total, "cite": s.cite("min_rating"), "pct": s.tt6_min_pct}
            years.append((year, UNMET, Msg("tt6.below", {**facts, "items": items}), [r.cell for _, r in low]))
        else:
            items = [Msg("person_ref", {"name": p.name, "id": p.id}) for p in missing[:5]]
            why = Msg("tt6.missing", {"items": items, "sheet": world.sheet("ratings")})
            years.append((year, MISSING, why, [p.cell for p in missing]))
    outcome = _combine(world, years, "tt6.met", ("min_rating", "tt6_min_pct", "min_months"))
    return after_discipline(world, "unit", unit.id, world.existed_years(unit), outcome)


# ---------------------------------------------------------------- individuals (§IV.2)


def person_initiatives(world: World, person: Person) -> tuple[list[Initiative], list[Initiative]]:
    """(initiatives that count, initiatives whose replicability is unknown when it is required)."""
    counted, unknown = [], []
    for initiative in world.by_author.get(person.id, []):
        if not world.counts(initiative) or world.used_by(initiative):
            continue
        if world.settings.cn1_need_replicable == "Y":
            if initiative.replicable == "N":
                continue
            if initiative.replicable is None:
                unknown.append(initiative)
                continue
        counted.append(initiative)
    return counted, unknown


def cn1_initiative(world: World, person: Person) -> Outcome:
    """§IV.2.a: an initiative recognised by the grassroots council or higher, replicable."""
    counted, unknown = person_initiatives(world, person)
    used = ("min_level", "cn1_need_replicable")
    cited = [i for i in world.by_author.get(person.id, []) if world.counts(i) and world.used_by(i)]
    if counted:
        outcome = Outcome(
            MET,
            "initiatives_met",
            {"items": _initiative_refs(world, counted)},
            [i.cell for i in counted],
            used,
        )
    elif unknown:
        items = [Msg("cn1.initiative_cell", {"id": i.id, "cell": i.cell}) for i in unknown]
        facts = {"items": items, "cite": world.settings.cite("cn1_need_replicable")}
        outcome = Outcome(MISSING, "cn1.replicable_unknown", facts, [i.cell for i in unknown], used)
    else:
        outcome = world.once("no_initiative", _no_initiative)
    return with_used(world, outcome, cited)


def cn2_rated_well(world: World, person: Person) -> Outcome:
    """§IV.2.b: rated "hoàn thành tốt nhiệm vụ" or better in every year on staff."""
    s = world.settings
    floor = RATING_RANK[s.min_rating]
    years: list[Year] = []
    for year, rating in world.rated_years(person):
        if rating is None:
            years.append(
                (year, MISSING, Msg("cn2.no_rating", {"sheet": world.sheet("ratings")}), [person.cell])
            )
        elif RATING_RANK[rating.rating] >= floor:
            why = world.once(("cn2.rating", rating.rating), lambda w, r=rating.rating: _rated(w, r))
            years.append((year, MET, maternity(why, rating), [rating.cell]))
        else:
            facts = {
                "rating": world.term(C.RATING.get(rating.rating)),
                "cell": rating.cell,
                "cite": s.cite("min_rating"),
            }
            years.append((year, UNMET, maternity(Msg("cn2.below", facts), rating), [rating.cell]))
    outcome = _combine(world, years, "cn2.met", ("min_rating", "min_months"))
    return after_discipline(world, "person", person.id, world.person_years(person), outcome)


def _rated(world: World, rating: str) -> Msg:
    return Msg("cn2.rating", {"rating": world.term(C.RATING.get(rating))})


def maternity(why: Msg, rating) -> Msg:
    """NĐ 152/2025 Đ.4 k.5: a year of maternity leave is judged on the rating given; say so."""
    if not rating.maternity:
        return why
    return Msg("law_with_aside", {"reason": why, "note": Msg("law_maternity_year", {"cell": rating.cell})})


def cn3_discipline(world: World, person: Person) -> Outcome:
    """§IV.2.c: no breach of law and no disciplinary action in effect in the period."""
    return _discipline(world, [r for r in world.discipline_of(person.id) if world.in_effect(r)], "cn3.met")


COLLECTIVE_RULES: dict[str, Callable[[World, Unit], Outcome]] = {
    "TT1": tt1_tasks_on_time,
    "TT2": tt2_advisory_docs,
    "TT3": tt3_initiative,
    "TT4": tt4_targets,
    "TT5": tt5_discipline,
    "TT6": tt6_all_rated_well,
}
INDIVIDUAL_RULES: dict[str, Callable[[World, Person], Outcome]] = {
    "CN1": cn1_initiative,
    "CN2": cn2_rated_well,
    "CN3": cn3_discipline,
}
assert list(COLLECTIVE_RULES) == [c.id for c in C.COLLECTIVE_CRITERIA]
assert list(INDIVIDUAL_RULES) == [c.id for c in C.INDIVIDUAL_CRITERIA]
