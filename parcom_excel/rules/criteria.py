"""The plan's criteria (§IV), one entry each: what it is, what it reads, how it is judged, which
missing rows make it lack data, and what it adds to the drafted achievement summary.

Each reason cites the rows it used (e.g. "Đánh giá cá nhân!C14") and the setting it applied
(e.g. "Xếp loại tối thiểu … = Hoàn thành tốt nhiệm vụ (Cấu hình!B20)"). To add a criterion: its
functions and its entry here (listed in COLLECTIVE_CRITERIA or INDIVIDUAL_CRITERIA, in the plan's
order), its name and sentences in `i18n/rules.py`, its column or setting in `contract.py` if it
reads new data, and a case in `tests/cases/rules/`. See rules/kinds.py for the kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import contract as C
from ..i18n import Lower, Msg
from .domain import RATING_RANK, Initiative, Person, Rating, Result, Unit, World
from .kinds import (
    MET,
    MISSING,
    UNMET,
    Criterion,
    Outcome,
    PlanRef,
    Year,
    every_year,
    status_text,
    the_same,
)

__all__ = ["MET", "MISSING", "UNMET", "Outcome", "status_text"]

Facts = list[tuple[str, dict[str, Any]]]


# ---------------------------------------------------------------- shared by several criteria


def _per_result_year(
    world: World, unit: Unit, judge: Callable[[Result], tuple[str, Msg, list[str]]]
) -> list[Year]:
    """Judge the unit's result row of every year counted; a missing row lacks data."""
    years: list[Year] = []
    missing = the_same(
        world, ("no_results_row",), lambda: Msg("no_results_row", {"sheet": world.sheet("results")})
    )
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        years.append((year, MISSING, missing, []) if result is None else (year, *judge(result)))
    return years


def _missing_result_rows(world: World, unit: Unit) -> Facts:
    """One fact per year counted without a row of Kết quả đơn vị (TT1, TT2, TT4 share it)."""
    sheet = world.sheet("results")
    return [
        ("held_back_result", {"year": year, "rows_sheet": sheet})
        for year in world.unit_years(unit)
        if (unit.id, year) not in world.results
    ]


def _period(world: World, unit: Unit) -> Msg:
    """The years a unit's summary speaks of: the period, or those counted after a discipline."""
    s = world.settings
    first, last = s.from_year, s.to_year
    if world.discipline_end("unit", unit.id) and (counted := world.unit_years(unit)):
        first, last = counted[0], counted[-1]  # NĐ 152/2025 Đ.4 k.4
    if first == last:
        return Msg("period.year", {"year": first})
    return Msg("period.range", {"from_year": first, "to_year": last})


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


def _initiative_refs(world: World, found: list[Initiative]) -> list[Msg]:
    return [
        Msg(
            "initiative_ref",
            {"id": i.id, "level": world.term(C.LEVEL.get(i.level)), "year": i.year, "cell": i.cell},
        )
        for i in found
    ]


def _no_initiative(world: World) -> Outcome:
    def make() -> Outcome:
        s = world.settings
        facts = {"from_year": s.from_year, "to_year": s.to_year, "cite": s.cite("min_level")}
        return Outcome(UNMET, "no_initiative", facts, [], ("min_level", "from_year", "to_year"))

    return the_same(world, ("no_initiative",), make)


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


def _no_discipline(world: World, hits: list, met: str) -> Outcome:
    """No discipline in effect in the period: the records that are, else one shared verdict."""
    cite = world.settings.cite("discipline_months")
    used = ("discipline_months",)
    if hits:
        facts = {"items": _discipline_refs(world, hits), "cite": cite}
        return Outcome(UNMET, "discipline_in_effect", facts, [r.cell for r in hits], used)
    return the_same(world, ("discipline_met", met), lambda: Outcome(MET, met, {"cite": cite}, [], used))


def _discipline_clause(count: int, code: str) -> list[Msg]:
    if count:
        return [Msg(f"summary.discipline_{code}", {"count": count})]
    return [Msg(f"summary.no_discipline_{code}")]


# ---------------------------------------------------------------- TT1 (§IV.1.a)


def tt1_tasks_on_time(world: World, unit: Unit) -> Outcome:
    """CCHC tasks done with quality, on or ahead of schedule, every year."""
    s = world.settings

    def judge(result: Result) -> tuple[str, Msg, list[str]]:
        cells = [result.cells["tasks_assigned"], result.cells["tasks_on_time"]]
        if result.assigned == 0:
            return MET, the_same(world, ("tt1.no_task",), lambda: Msg("tt1.no_task")), cells
        facts = {"on_time": result.on_time, "assigned": result.assigned}
        if result.on_time * 100 >= s.tt1_min_pct * result.assigned:
            return MET, Msg("tt1.ratio", facts), cells
        why = {**facts, "cell": cells[1], "pct": s.tt1_min_pct, "cite": s.cite("tt1_min_pct")}
        return UNMET, Msg("tt1.below", why), cells

    return every_year(world, _per_result_year(world, unit, judge), "tt1.met", TT1.settings)


def tt1_summary(world: World, unit: Unit) -> list[Msg]:
    results = [r for y in world.unit_years(unit) if (r := world.results.get((unit.id, y)))]
    assigned = sum(r.assigned for r in results)
    period = _period(world, unit)
    if not assigned:
        return [Msg("summary.no_tasks", {"period": period})]
    on_time = sum(r.on_time for r in results)
    return [Msg("summary.tasks", {"on_time": on_time, "assigned": assigned, "period": period})]


TT1 = Criterion(
    "TT1",
    PlanRef("§IV.1.a"),
    "unit",
    tt1_tasks_on_time,
    yearly=True,
    settings=("tt1_min_pct", "min_months"),
    missing=_missing_result_rows,
    summary=tt1_summary,
)


# ---------------------------------------------------------------- TT2 (§IV.1.b)


def tt2_advisory_docs(world: World, unit: Unit) -> Outcome:
    """Advised on drafting CCHC documents and plans, every year."""
    s = world.settings

    def judge(result: Result) -> tuple[str, Msg, list[str]]:
        cells = [result.cells["advisory_docs"]]
        if result.docs >= s.tt2_min_docs:
            return MET, Msg("tt2.count", {"docs": result.docs}), cells
        why = {"docs": result.docs, "cell": cells[0], "min": s.tt2_min_docs, "cite": s.cite("tt2_min_docs")}
        return UNMET, Msg("tt2.below", why), cells

    return every_year(world, _per_result_year(world, unit, judge), "tt2.met", TT2.settings)


def tt2_summary(world: World, unit: Unit) -> list[Msg]:
    docs = sum(r.docs for y in world.unit_years(unit) if (r := world.results.get((unit.id, y))))
    return [Msg("summary.docs", {"docs": docs})]


TT2 = Criterion(
    "TT2",
    PlanRef("§IV.1.b"),
    "unit",
    tt2_advisory_docs,
    yearly=True,
    settings=("tt2_min_docs", "min_months"),
    missing=_missing_result_rows,
    summary=tt2_summary,
)


# ---------------------------------------------------------------- TT3 (§IV.1.b, second)


def unit_initiatives(world: World, unit: Unit) -> list[Initiative]:
    """Initiatives the unit owns, or whose author worked in it the year it was recognised."""
    return world.initiatives_of_unit(unit.id)


def tt3_initiative(world: World, unit: Unit) -> Outcome:
    """An initiative recognised by the grassroots council or higher."""
    found = unit_initiatives(world, unit)
    used = world.used_initiatives_of_unit(unit.id)
    if found:
        refs = {"items": _initiative_refs(world, found)}
        outcome = Outcome(MET, "initiatives_met", refs, [i.cell for i in found], TT3.settings)
    else:
        outcome = _no_initiative(world)
    return with_used(world, outcome, used)


TT3 = Criterion(
    "TT3",
    PlanRef("§IV.1.b", second=True),
    "unit",
    tt3_initiative,
    settings=("min_level", "tt3_need_index"),
    law=("ref.luat2022.5.2c",),
    summary=lambda world, unit: _initiatives_clause("summary.has_initiatives", unit_initiatives(world, unit)),
)


# ---------------------------------------------------------------- TT4 (§IV.1.c)

_OK_OUTCOME = {"VUOT", "DAT", "KGIAO"}
_OK_PROGRAMME = {"HT", "KGIAO"}
_TT4_CHECKS = (
    ("socio_targets", "socio", C.OUTCOME, _OK_OUTCOME),
    ("budget", "budget", C.OUTCOME, _OK_OUTCOME),
    ("programmes", "programmes", C.PROGRAMME, _OK_PROGRAMME),
)


def tt4_targets(world: World, unit: Unit) -> Outcome:
    """Met or exceeded the socio-economic targets, the budget estimate and the programmes."""

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

    outcome = every_year(world, _per_result_year(world, unit, judge), "tt4.met", TT4.settings)
    if outcome.code == "tt4.met":  # "met every target": the years' items say nothing more
        return Outcome(MET, "tt4.met", {}, outcome.sources, outcome.settings)
    return outcome


def tt4_summary(world: World, unit: Unit) -> list[Msg]:
    results = [r for y in world.unit_years(unit) if (r := world.results.get((unit.id, y)))]
    facts: list[Msg] = []
    for target, name in (("socio", "socio"), ("budget", "budget")):
        for outcome, code in (("VUOT", "exceeded"), ("DAT", "met"), ("KDAT", "failed")):
            years = [r.year for r in results if getattr(r, name) == outcome]
            if years:
                facts.append(
                    Msg(f"summary.target.{code}", {"target": Msg(f"target.{target}"), "years": years})
                )
    for outcome, code in (("HT", "done"), ("KHT", "failed")):
        years = [r.year for r in results if r.programmes == outcome]
        if years:
            facts.append(Msg(f"summary.programmes.{code}", {"years": years}))
    return facts


TT4 = Criterion(
    "TT4",
    PlanRef("§IV.1.c"),
    "unit",
    tt4_targets,
    yearly=True,
    settings=("min_months",),
    missing=_missing_result_rows,
    summary=tt4_summary,
)


# ---------------------------------------------------------------- TT5 (§IV.1.d)


def tt5_discipline(world: World, unit: Unit) -> Outcome:
    """No staff member disciplined or in breach of law while in effect in the period."""
    return _no_discipline(world, world.discipline_in_unit(unit.id), "tt5.met")


TT5 = Criterion(
    "TT5",
    PlanRef("§IV.1.d"),
    "unit",
    tt5_discipline,
    settings=("discipline_months",),
    summary=lambda world, unit: _discipline_clause(len(world.discipline_in_unit(unit.id)), "unit"),
)


# ---------------------------------------------------------------- TT6 (§IV.1.e)


def _tt6_year(world: World, staff: list[tuple[Person, Rating | None]]) -> tuple[int, list, list]:
    """(rated at the floor or better, unrated staff, rated below) of one year's staff."""
    floor = RATING_RANK[world.settings.min_rating]
    good, missing, low = 0, [], []
    for person, rating in staff:
        if rating is None:
            missing.append(person)
        elif RATING_RANK[rating.rating] >= floor:
            good += 1
        else:
            low.append((person, rating))
    return good, missing, low


def _tt6_decided(world: World, good: int, unrated: int, total: int) -> str | None:
    """MET or UNMET when the year's ratings decide it whatever the unrated get, else None."""
    pct = world.settings.tt6_min_pct
    if good * 100 >= pct * total:
        return MET
    if (good + unrated) * 100 < pct * total:
        return UNMET
    return None


def tt6_all_rated_well(world: World, unit: Unit) -> Outcome:
    """Every year, 100% (a setting) of the unit's staff rated "tốt" or better."""
    s = world.settings
    years: list[Year] = []
    for year in world.unit_years(unit):
        staff = world.staff_in(unit.id, year)
        if not staff:
            years.append((year, MET, the_same(world, ("tt6.no_staff",), lambda: Msg("tt6.no_staff")), []))
            continue
        good, missing, low = _tt6_year(world, staff)
        total = len(staff)
        cells = [r.cell for _, r in staff if r is not None]
        status = _tt6_decided(world, good, len(missing), total)
        if status == MET:
            years.append((year, MET, Msg("tt6.ratio", {"good": good, "total": total}), cells))
        elif status == UNMET:
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
    return every_year(world, years, "tt6.met", TT6.settings)


def tt6_missing(world: World, unit: Unit) -> Facts:
    """The staff without a rating in a year whose verdict their ratings would decide."""
    facts: Facts = []
    for year in world.unit_years(unit):
        staff = world.staff_in(unit.id, year)
        good, missing, _ = _tt6_year(world, staff)
        if missing and _tt6_decided(world, good, len(missing), len(staff)) is None:
            sheet = world.sheet("ratings")
            facts += [
                ("held_back_rating", {"year": year, "rows_sheet": sheet, "person": p.name, "person_id": p.id})
                for p in missing
            ]
    return facts


def tt6_summary(world: World, unit: Unit) -> list[Msg]:
    good = total = unrated = 0
    floor = RATING_RANK[world.settings.min_rating]
    for year in world.unit_years(unit):
        for _, rating in world.staff_in(unit.id, year):
            if rating is None:
                unrated += 1
            else:
                total += 1
                good += RATING_RANK[rating.rating] >= floor
    rating = Lower(C.RATING.get(world.settings.min_rating))
    facts = []
    if total and good == total:
        facts.append(Msg("summary.staff_all_rated", {"rating": rating, "total": total}))
    elif total:
        facts.append(Msg("summary.staff_rated", {"rating": rating, "good": good, "total": total}))
    if unrated:
        facts.append(Msg("summary.staff_not_rated", {"count": unrated}))
    return facts


TT6 = Criterion(
    "TT6",
    PlanRef("§IV.1.e"),
    "unit",
    tt6_all_rated_well,
    yearly=True,
    settings=("min_rating", "tt6_min_pct", "min_months"),
    missing=tt6_missing,
    summary=tt6_summary,
)


# ---------------------------------------------------------------- CN1 (§IV.2.a)


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
    """An initiative recognised by the grassroots council or higher, replicable."""
    counted, unknown = person_initiatives(world, person)
    used = CN1.settings
    cited = [i for i in world.by_author.get(person.id, []) if world.counts(i) and world.used_by(i)]
    if counted:
        refs = {"items": _initiative_refs(world, counted)}
        outcome = Outcome(MET, "initiatives_met", refs, [i.cell for i in counted], used)
    elif unknown:
        items = [Msg("cn1.initiative_cell", {"id": i.id, "cell": i.cell}) for i in unknown]
        facts = {"items": items, "cite": world.settings.cite("cn1_need_replicable")}
        outcome = Outcome(MISSING, "cn1.replicable_unknown", facts, [i.cell for i in unknown], used)
    else:
        outcome = _no_initiative(world)
    return with_used(world, outcome, cited)


def cn1_missing(world: World, person: Person) -> Facts:
    column = world.term(C.INITIATIVES.column("replicable")).label()  # as the workbook names it
    return [
        ("held_back_replicable", {"year": i.year, "initiative": i.id, "row": i.cell, "column": column})
        for i in person_initiatives(world, person)[1]
    ]


CN1 = Criterion(
    "CN1",
    PlanRef("§IV.2.a"),
    "person",
    cn1_initiative,
    settings=("min_level", "cn1_need_replicable"),
    law=("ref.luat2022.5.2c",),
    missing=cn1_missing,
    summary=lambda world, person: _initiatives_clause(
        "summary.author_of", person_initiatives(world, person)[0]
    ),
)


# ---------------------------------------------------------------- CN2 (§IV.2.b)


def cn2_rated_well(world: World, person: Person) -> Outcome:
    """Rated "hoàn thành tốt nhiệm vụ" or better in every year counted."""
    s = world.settings
    floor = RATING_RANK[s.min_rating]
    years: list[Year] = []
    for year, rating in world.rated_years(person):
        if rating is None:
            why = the_same(
                world, ("cn2.no_rating",), lambda: Msg("cn2.no_rating", {"sheet": world.sheet("ratings")})
            )
            years.append((year, MISSING, why, [person.cell]))
        elif RATING_RANK[rating.rating] >= floor:
            why = the_same(world, ("cn2.rating", rating.rating), lambda r=rating.rating: _rated(world, r))
            years.append((year, MET, maternity(why, rating), [rating.cell]))
        else:
            facts = {
                "rating": world.term(C.RATING.get(rating.rating)),
                "cell": rating.cell,
                "cite": s.cite("min_rating"),
            }
            years.append((year, UNMET, maternity(Msg("cn2.below", facts), rating), [rating.cell]))
    return every_year(world, years, "cn2.met", CN2.settings)


def _rated(world: World, rating: str) -> Msg:
    return Msg("cn2.rating", {"rating": world.term(C.RATING.get(rating))})


def maternity(why: Msg, rating: Rating) -> Msg:
    """NĐ 152/2025 Đ.4 k.5: a year of maternity leave is judged on the rating given; say so."""
    if not rating.maternity:
        return why
    return Msg("law_with_aside", {"reason": why, "note": Msg("law_maternity_year", {"cell": rating.cell})})


def cn2_missing(world: World, person: Person) -> Facts:
    sheet = world.sheet("ratings")
    return [
        ("held_back_own_rating", {"year": y, "rows_sheet": sheet})
        for y, r in world.rated_years(person)
        if r is None
    ]


def cn2_summary(world: World, person: Person) -> list[Msg]:
    rated, unrated = [], []
    for year, rating in world.rated_years(person):
        if rating:
            rated.append(
                Msg("summary.rated_year", {"year": year, "rating": Lower(C.RATING.get(rating.rating))})
            )
        else:
            unrated.append(year)
    facts = []
    if rated:
        facts.append(Msg("summary.rated", {"items": rated}))
    if unrated:
        facts.append(Msg("summary.not_rated", {"years": unrated}))
    return facts


CN2 = Criterion(
    "CN2",
    PlanRef("§IV.2.b"),
    "person",
    cn2_rated_well,
    yearly=True,
    settings=("min_rating", "min_months"),
    law=("ref.nd152.4.5",),
    missing=cn2_missing,
    summary=cn2_summary,
)


# ---------------------------------------------------------------- CN3 (§IV.2.c)


def _in_effect(world: World, person: Person) -> list:
    return [r for r in world.discipline_of(person.id) if world.in_effect(r)]


def cn3_discipline(world: World, person: Person) -> Outcome:
    """No breach of law and no disciplinary action in effect in the period."""
    return _no_discipline(world, _in_effect(world, person), "cn3.met")


CN3 = Criterion(
    "CN3",
    PlanRef("§IV.2.c"),
    "person",
    cn3_discipline,
    settings=("discipline_months",),
    summary=lambda world, person: _discipline_clause(len(_in_effect(world, person)), "person"),
)


# ---------------------------------------------------------------- the registry, in the plan's order

COLLECTIVE_CRITERIA: tuple[Criterion, ...] = (TT1, TT2, TT3, TT4, TT5, TT6)
INDIVIDUAL_CRITERIA: tuple[Criterion, ...] = (CN1, CN2, CN3)
CRITERIA: dict[str, Criterion] = {c.id: c for c in (*COLLECTIVE_CRITERIA, *INDIVIDUAL_CRITERIA)}


def counted_from(world: World, who: str, ident: str) -> list[Msg]:
    """NĐ 152/2025 Đ.4 k.4: achievements counted from the end of a discipline period."""
    record = world.discipline_end(who, ident)
    return [Msg("summary.counted_from", {"date": world.end_of(record)})] if record else []


def summary(world: World, who: str, subject: Unit | Person) -> list[Msg]:
    """The drafted achievement summary: one clause per fact, each criterion's in the plan's order
    (a clause cannot exist without the fact behind it)."""
    facts = counted_from(world, who, subject.id)
    for criterion in COLLECTIVE_CRITERIA if who == "unit" else INDIVIDUAL_CRITERIA:
        if criterion.summary:
            facts += criterion.summary(world, subject)
    return facts
