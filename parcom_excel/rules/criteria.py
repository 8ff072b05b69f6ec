"""The plan's criteria (§IV), one small function each: met, not met, or lacks data, with reasons.

Each reason cites the rows it used (e.g. "Đánh giá cá nhân!C14") and the setting it applied
(e.g. "Xếp loại tối thiểu … = Hoàn thành tốt nhiệm vụ (Cấu hình!B20)").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .. import contract as C
from ..i18n import render
from .domain import RATING_RANK, Initiative, Person, Result, Unit, World, t

MET, UNMET, MISSING = "met", "unmet", "missing"
STATUS_LABEL = {
    MET: ("Đạt", "Met"),
    UNMET: ("Không đạt", "Not met"),
    MISSING: ("Thiếu dữ liệu", "Lacks data"),
}


def status_label(status: str, lang: str) -> str:
    vi, en = STATUS_LABEL[status]
    return vi if lang == "vi" else en


@dataclass(slots=True)
class Outcome:
    status: str
    reason: str
    sources: list[str] = field(default_factory=list)


def _combine(years: list[tuple[int, str, str]], lang: str, met_text: str) -> Outcome:
    """A yearly criterion holds when it holds in every year judged."""
    failing = [(y, text) for y, status, text in years if status == UNMET]
    missing = [(y, text) for y, status, text in years if status == MISSING]
    if failing:
        return Outcome(UNMET, "; ".join(f"{y}: {text}" for y, text in failing))
    if missing:
        return Outcome(MISSING, "; ".join(f"{y}: {text}" for y, text in missing))
    if not years:
        return Outcome(MET, t(lang, "Không có năm nào phải xét trong kỳ", "No year to judge in the period"))
    return Outcome(MET, met_text)


def _label(enum: C.Enum, code: str, lang: str) -> str:
    return enum.get(code).label(lang)


# ---------------------------------------------------------------- collectives (§IV.1)


def _per_result_year(
    world: World, unit: Unit, judge: Callable[[Result], tuple[str, str]]
) -> list[tuple[int, str, str]]:
    """Judge the unit's result row of every year it is judged; a missing row lacks data."""
    years = []
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        if result is None:
            years.append(
                (
                    year,
                    MISSING,
                    t(world.lang, "không có dòng ở sheet Kết quả đơn vị", "no row in Unit results"),
                )
            )
        else:
            years.append((year, *judge(result)))
    return years


def tt1_tasks_on_time(world: World, unit: Unit) -> Outcome:
    """§IV.1.a: CCHC tasks done with quality, on or ahead of schedule, every year."""
    s, lang = world.settings, world.lang

    def judge(result: Result) -> tuple[str, str]:
        if result.assigned == 0:
            return MET, t(lang, "không được giao nhiệm vụ", "no task assigned")
        if result.on_time * 100 >= s.tt1_min_pct * result.assigned:
            return MET, f"{result.on_time}/{result.assigned}"
        return UNMET, t(
            lang,
            f"{result.on_time}/{result.assigned} nhiệm vụ đúng hạn ({result.cells['tasks_on_time']}), dưới {s.tt1_min_pct}% ({s.cite('tt1_min_pct', lang)})",
            f"{result.on_time}/{result.assigned} tasks on time ({result.cells['tasks_on_time']}), below {s.tt1_min_pct}% ({s.cite('tt1_min_pct', lang)})",
        )

    years = _per_result_year(world, unit, judge)
    done = ", ".join(f"{y}: {text}" for y, _, text in years)
    return _combine(years, lang, t(lang, "Hoàn thành đúng hạn ", "On time ") + done)


def tt2_advisory_docs(world: World, unit: Unit) -> Outcome:
    """§IV.1.b: advised on drafting CCHC documents and plans, every year."""
    s, lang = world.settings, world.lang

    def judge(result: Result) -> tuple[str, str]:
        if result.docs >= s.tt2_min_docs:
            return MET, str(result.docs)
        return UNMET, t(
            lang,
            f"{result.docs} văn bản ({result.cells['advisory_docs']}), cần ít nhất {s.tt2_min_docs} ({s.cite('tt2_min_docs', lang)})",
            f"{result.docs} documents ({result.cells['advisory_docs']}), at least {s.tt2_min_docs} needed ({s.cite('tt2_min_docs', lang)})",
        )

    years = _per_result_year(world, unit, judge)
    done = ", ".join(f"{y}: {text}" for y, _, text in years)
    return _combine(years, lang, t(lang, "Số văn bản tham mưu ", "Advisory documents ") + done)


def unit_initiatives(world: World, unit: Unit) -> list[Initiative]:
    """Initiatives the unit owns, or whose author worked in it the year it was recognised."""
    return world.initiatives_of_unit(unit.id)


def tt3_initiative(world: World, unit: Unit) -> Outcome:
    """§IV.1.b (second): an initiative recognised by the grassroots council or higher."""
    lang = world.lang
    found = unit_initiatives(world, unit)
    used = used_note(world, world.used_initiatives_of_unit(unit.id))
    if found:
        names = "; ".join(f"{i.id} ({_label(C.LEVEL, i.level, lang)} {i.year}, {i.cell})" for i in found)
        return Outcome(MET, t(lang, "Sáng kiến: ", "Initiatives: ") + names + used, [i.cell for i in found])
    return Outcome(UNMET, world.once("no_initiative", _no_initiative) + used)


def used_note(world: World, used: list[Initiative]) -> str:
    """Luật TĐKT 2022 Đ.5 k.2 điểm c, Công văn 5007/BNV-TĐKT 2023: one achievement, one award."""
    if not used:
        return ""
    lang = world.lang
    parts = []
    for initiative in used:
        award = world.used_by(initiative)
        parts.append(
            render(
                "law_initiative_used",
                lang,
                initiative=initiative.id,
                decision=award.decision_no,
                date=award.decided,
                cell=award.cell,
            )
        )
    return ". " + render(
        "law_initiatives_not_counted",
        lang,
        items="; ".join(parts),
        setting=world.settings.cite("initiative_once", lang),
    )


def _no_initiative(world: World) -> str:
    s, lang = world.settings, world.lang
    return t(
        lang,
        f"Không có sáng kiến được công nhận trong kỳ {s.from_year}–{s.to_year} ({s.cite('min_level', lang)})",
        f"No initiative recognised in {s.from_year}–{s.to_year} ({s.cite('min_level', lang)})",
    )


_OK_OUTCOME = {"VUOT", "DAT", "KGIAO"}
_OK_PROGRAMME = {"HT", "KGIAO"}


def tt4_targets(world: World, unit: Unit) -> Outcome:
    """§IV.1.c: met or exceeded socio-economic targets, the budget estimate and programmes."""
    lang = world.lang
    checks = (
        ("socio_targets", "socio", C.OUTCOME, _OK_OUTCOME),
        ("budget", "budget", C.OUTCOME, _OK_OUTCOME),
        ("programmes", "programmes", C.PROGRAMME, _OK_PROGRAMME),
    )

    def judge(result: Result) -> tuple[str, str]:
        bad = [
            f"{C.RESULTS.column(column).label(lang)} {_label(enum, getattr(result, field), lang)} ({result.cells[column]})"
            for column, field, enum, passing in checks
            if getattr(result, field) not in passing
        ]
        return (UNMET if bad else MET), ", ".join(bad)

    years = _per_result_year(world, unit, judge)
    return _combine(
        years, lang, t(lang, "Đạt hoặc vượt các chỉ tiêu mọi năm", "Targets met or exceeded every year")
    )


def _discipline_text(world: World, record, lang: str) -> str:
    who = ""
    if record.staff_id:
        person = world.people.get(record.staff_id)
        who = f"{person.name if person else record.staff_id} – "
    number = f" {record.decision_no}" if record.decision_no else ""
    return f"{who}{_label(C.DISCIPLINE, record.form, lang)}{number} {record.decided:%d/%m/%Y} ({record.cell})"


def tt5_discipline(world: World, unit: Unit) -> Outcome:
    """§IV.1.d: no staff member disciplined or in breach of law while in effect in the period."""
    s, lang = world.settings, world.lang
    hits = world.discipline_in_unit(unit.id)
    if hits:
        return Outcome(
            UNMET,
            t(lang, "Có kỷ luật còn hiệu lực trong kỳ: ", "Discipline in effect: ")
            + "; ".join(_discipline_text(world, r, lang) for r in hits)
            + f" ({s.cite('discipline_months', lang)})",
            [r.cell for r in hits],
        )
    return Outcome(MET, t(lang, "Không có cán bộ bị kỷ luật, vi phạm pháp luật", "No discipline or breach"))


def tt6_all_rated_well(world: World, unit: Unit) -> Outcome:
    """§IV.1.e: every year, 100% (a setting) of the unit's staff rated "tốt" or better."""
    s, lang = world.settings, world.lang
    floor = RATING_RANK[s.min_rating]
    years = []
    for year in world.unit_years(unit):
        staff = world.staff_in(unit.id, year)
        if not staff:
            years.append((year, MET, t(lang, "không có cán bộ", "no staff")))
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
        if good * 100 >= s.tt6_min_pct * total:
            years.append((year, MET, f"{good}/{total}"))
        elif (good + len(missing)) * 100 < s.tt6_min_pct * total:
            names = ", ".join(f"{p.name} {_label(C.RATING, r.rating, lang)} ({r.cell})" for p, r in low[:5])
            years.append(
                (
                    year,
                    UNMET,
                    t(
                        lang,
                        f"{good}/{total} cán bộ đạt ({s.cite('min_rating', lang)}, {s.tt6_min_pct}%): {names}",
                        f"{good}/{total} staff at the rating ({s.cite('min_rating', lang)}, {s.tt6_min_pct}%): {names}",
                    ),
                )
            )
        else:
            names = ", ".join(f"{p.name} ({p.id})" for p in missing[:5])
            years.append(
                (
                    year,
                    MISSING,
                    t(
                        lang,
                        f"thiếu xếp loại của {names} ở sheet Đánh giá cá nhân",
                        f"no rating for {names} in Staff ratings",
                    ),
                )
            )
    return _combine(
        years,
        lang,
        t(lang, "Cán bộ đạt xếp loại: ", "Staff at the rating: ")
        + ", ".join(f"{y}: {text}" for y, _, text in years),
    )


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
    s, lang = world.settings, world.lang
    counted, unknown = person_initiatives(world, person)
    used = used_note(
        world, [i for i in world.by_author.get(person.id, []) if world.counts(i) and world.used_by(i)]
    )
    if counted:
        names = "; ".join(f"{i.id} ({_label(C.LEVEL, i.level, lang)} {i.year}, {i.cell})" for i in counted)
        return Outcome(MET, t(lang, "Sáng kiến: ", "Initiatives: ") + names + used, [i.cell for i in counted])
    if unknown:
        names = "; ".join(f"{i.id} ({i.cell})" for i in unknown)
        return Outcome(
            MISSING,
            t(
                lang,
                f"chưa ghi cột Có thể nhân rộng của sáng kiến {names} ({s.cite('cn1_need_replicable', lang)})",
                f"Replicable not filled for {names} ({s.cite('cn1_need_replicable', lang)})",
            ),
        )
    return Outcome(UNMET, world.once("no_initiative", _no_initiative) + used)


def cn2_rated_well(world: World, person: Person) -> Outcome:
    """§IV.2.b: rated "hoàn thành tốt nhiệm vụ" or better in every year on staff."""
    s, lang = world.settings, world.lang
    floor = RATING_RANK[s.min_rating]
    years = []
    for year, rating in world.rated_years(person):
        if rating is None:
            years.append(
                (
                    year,
                    MISSING,
                    t(lang, "không có xếp loại ở sheet Đánh giá cá nhân", "no rating in Staff ratings"),
                )
            )
        elif RATING_RANK[rating.rating] >= floor:
            years.append((year, MET, rating.rating + maternity_note(world, rating)))
        else:
            years.append(
                (
                    year,
                    UNMET,
                    t(
                        lang,
                        f"{_label(C.RATING, rating.rating, lang)} ({rating.cell}), dưới mức {s.cite('min_rating', lang)}",
                        f"{_label(C.RATING, rating.rating, lang)} ({rating.cell}), below {s.cite('min_rating', lang)}",
                    )
                    + maternity_note(world, rating),
                )
            )
    return _combine(years, lang, ", ".join(f"{y}: {text}" for y, _, text in years))


def maternity_note(world: World, rating) -> str:
    """NĐ 152/2025 Đ.4 k.5: a year of maternity leave is judged on the rating given."""
    if not rating.maternity:
        return ""
    return " " + render("law_maternity_year", world.lang, cell=rating.cell)


def cn3_discipline(world: World, person: Person) -> Outcome:
    """§IV.2.c: no breach of law and no disciplinary action in effect in the period."""
    s, lang = world.settings, world.lang
    hits = [r for r in world.discipline_of(person.id) if world.in_effect(r)]
    if hits:
        return Outcome(
            UNMET,
            t(lang, "Có kỷ luật còn hiệu lực trong kỳ: ", "Discipline in effect: ")
            + "; ".join(_discipline_text(world, r, lang) for r in hits)
            + f" ({s.cite('discipline_months', lang)})",
            [r.cell for r in hits],
        )
    return Outcome(MET, t(lang, "Không vi phạm kỷ luật", "No discipline"))


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
