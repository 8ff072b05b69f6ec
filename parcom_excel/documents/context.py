"""The facts each document of the dossier is filled with: a pure function of the evaluation.

`build_dossier(evaluation, lang, when, council)` reads the evaluation's candidates and the
world's records (never the rendered reasons of the outcomes) and the settings, and returns the
context of every document. Every value is a fact of the data; where the data has none, the
value is a visible gap, "[chưa có: …]", so nothing is invented and nothing is silently empty.

The council's meeting and votes (SPEC §2c) arrive as a `Council`; until the workbook records
them, the context says so with gaps and the templates leave the vote lines to fill.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import contract as C
from ..i18n import CATALOG, render, sentence
from ..rules.criteria import (
    COLLECTIVE_CRITERIA,
    INDIVIDUAL_CRITERIA,
    MET,
    person_initiatives,
    unit_initiatives,
)
from ..rules.domain import LEVEL_RANK, Initiative, Person, Unit, World
from ..rules.evaluate import Evaluation
from ..rules.ranking import Candidate

# how a gap starts in each language: "[chưa có: …]" without its "…"
GAP_PREFIXES = tuple(CATALOG["doc_gap"].get(lang).split("{")[0].rstrip() for lang in ("vi", "en"))


@dataclass(frozen=True)
class Vote:
    """One row of the council's vote (sheet `Hội đồng`): candidate code, award, votes, decision."""

    code: str
    award: str  # contract award key ("bk", "gk")
    votes_for: int | None
    approved: bool | None  # None: not voted yet


@dataclass(frozen=True)
class Council:
    """The meeting of the emulation council, as the workbook records it (any part may be missing)."""

    meeting_date: date | None = None
    members: int | None = None
    present: int | None = None
    votes: tuple[Vote, ...] = ()


@dataclass
class Dossier:
    """The context of each document; `common` is merged into every one of them."""

    common: dict[str, Any]
    submission: dict[str, Any] | None  # 01 Tờ trình: None when no one is proposed for the Merit
    reports: list[tuple[str, str, dict[str, Any]]]  # 02: (code, "unit" | "person", context)
    decision: dict[str, Any] | None  # 03 Quyết định: None when no one is proposed for the Certificate
    minutes: dict[str, Any]  # 04 Biên bản
    review: dict[str, Any]  # 05 Báo cáo sơ kết / tổng kết
    final_review: bool = False
    notes: list[str] = field(default_factory=list)


def gap(lang: str, key: str, **params: Any) -> str:
    """A visible hole the office fills by hand: "[chưa có: ngày sinh]"."""
    return render("doc_gap", lang, what=render(key, lang, **params))


def _two(n: int) -> str:
    """Counts as administrative documents write them: 01, 02, … 10, 11."""
    return f"{n:02d}"


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:].lower()


def _authority(title: str) -> str:
    """ "KT. GIÁM ĐỐC" -> "GIÁM ĐỐC": whose power the document uses, whoever signs for it."""
    words = title.split()
    while words and words[0].upper().rstrip(".") in ("KT", "TL", "TUQ", "Q", "TM"):
        words = words[1:]
    return " ".join(words) or title


def _common(world: World, lang: str, when: datetime) -> dict[str, Any]:
    s = world.settings
    period = f"{s.from_year}" if s.from_year == s.to_year else f"{s.from_year}–{s.to_year}"
    final = s.to_year >= s.movement_end_year
    review = render("doc_review_final" if final else "doc_review_preliminary", lang)
    authority = _authority(s.signer_title.upper())
    awards = {a.key: a.label(lang) for a in C.AWARDS}
    return {
        "co_quan_chu_quan": s.parent_agency.upper(),
        "co_quan": s.agency.upper(),
        "co_quan_ten": s.agency_name,
        "co_quan_viet_tat": s.agency_short,
        "dia_danh": s.place,
        "ngay": f"{when.day:02d}",
        "thang": f"{when.month:02d}",
        "nam": f"{when.year}",
        "phong_trao": s.movement,
        "tu_nam": s.from_year,
        "den_nam": s.to_year,
        "giai_doan": period,
        "ky_bao_cao": review,
        "ky_bao_cao_hoa": _sentence_case(review),
        "ke_hoach_tinh": s.province_plan or gap(lang, "doc_gap_province_plan"),
        "ke_hoach_co_quan": s.agency_plan or gap(lang, "doc_gap_agency_plan"),
        "kinh_gui": s.recipient,
        "qua": s.through,
        "nguoi_ky": s.signer_name or gap(lang, "doc_gap_signer"),
        "chuc_vu_nguoi_ky": s.signer_title.upper(),
        "tham_quyen": f"{authority} {s.agency.upper()}",
        "tham_quyen_ten": f"{_sentence_case(authority)} {s.agency_name}",
        "bang_khen": awards["bk"],
        "bang_khen_hoa": awards["bk"].upper(),
        "giay_khen": awards["gk"],
        "giay_khen_hoa": awards["gk"].upper(),
    }


# ---------------------------------------------------------------- facts of one candidate


def _rating_label(code: str, lang: str) -> str:
    return C.RATING.get(code).label(lang)


def _initiative_rows(initiatives: list[Initiative], world: World, lang: str) -> list[dict[str, Any]]:
    rows = []
    for n, i in enumerate(sorted(initiatives, key=lambda i: (i.year, i.id)), 1):
        if i.decision_no and i.decision_date:
            decision = render("doc_decision_ref_dated", lang, number=i.decision_no, date=i.decision_date)
        elif i.decision_no:
            decision = render("doc_decision_ref", lang, number=i.decision_no)
        else:
            decision = gap(lang, "doc_gap_decision")
        authors = [world.people[a].name for a in i.authors if a in world.people]
        rows.append(
            {
                "stt": n,
                "ma": i.id,
                "ten": i.title,
                "nam": i.year,
                "cap": C.LEVEL.get(i.level).label(lang),
                "quyet_dinh": decision,
                "chi_so": ", ".join(C.IMPACT.get(x).label(lang) for x in i.impact),
                "tac_gia": ", ".join(authors),
            }
        )
    return rows


def _discipline_text(world: World, records: list[Any], lang: str, clean_key: str, name: str) -> str:
    s = world.settings
    period = f"{s.from_year}" if s.from_year == s.to_year else f"{s.from_year}–{s.to_year}"
    if not records:
        return render(clean_key, lang, giai_doan=period, name=name)
    listed = "; ".join(
        f"{C.DISCIPLINE.get(r.form).label(lang)} {_day(r.decided)}"
        + (f" ({r.decision_no})" if r.decision_no else "")
        for r in records
    )
    return render("doc_discipline_records", lang, count=len(records), records=listed)


def _person_discipline(world: World, person: Person) -> list[Any]:
    return [r for r in world.discipline_of(person.id) if world.in_effect(r)]


def _list_row(n: int, c: Candidate, world: World, lang: str) -> dict[str, Any]:
    position = world.people[c.id].position if c.kind == "person" else ""
    return {
        "stt": n,
        "ma": c.id,
        "ten": c.name,
        "chuc_vu": position,
        "don_vi": c.unit_name if c.kind == "person" else "",
        "thanh_tich": sentence(c.summary, lang),  # the facts of the nomination list's summary
        "ghi_chu": render("doc_tied", lang) if c.tied else "",
        "dong_hang": c.tied,
    }


def _chosen(candidates: list[Candidate], award: str) -> list[Candidate]:
    return sorted((c for c in candidates if c.award == award), key=lambda c: (c.rank or 0, c.id))


def _award_lists(evaluation: Evaluation, award: str, lang: str) -> dict[str, Any]:
    world = evaluation.world
    units = [_list_row(n, c, world, lang) for n, c in enumerate(_chosen(evaluation.units, award), 1)]
    people = [_list_row(n, c, world, lang) for n, c in enumerate(_chosen(evaluation.people, award), 1)]
    return {
        "tap_the": units,
        "ca_nhan": people,
        "so_tap_the": _two(len(units)),
        "so_ca_nhan": _two(len(people)),
    }


def _person_report(world: World, c: Candidate, lang: str) -> dict[str, Any]:
    person = world.people[c.id]
    unit = world.units.get(person.unit_id)
    counted, _ = person_initiatives(world, person)
    gender = person.gender  # the Giới tính column (SPEC §2b); None when blank, never guessed
    born = person.birth
    return {
        "nguoi": {
            "ma": person.id,
            "ho_ten": person.name,
            "gioi_tinh": C.ENUMS["gender"].get(gender).label(lang)
            if gender and "gender" in C.ENUMS
            else gap(lang, "doc_gap_gender"),
            "ngay_sinh": _day(born) if born else gap(lang, "doc_gap_born"),
            "doi_tuong": C.STAFF_KIND.get(person.kind).label(lang),
            "chuc_vu": person.position or gap(lang, "doc_gap_position"),
            "don_vi": unit.name if unit else person.unit_id,
        },
        "ten": person.name,
        "xep_loai": [
            {
                "nam": y,
                "xep_loai": _rating_label(r.rating, lang) if r else gap(lang, "doc_gap_rating", year=y),
            }
            for y, r in world.rated_years(person)
        ],
        "sang_kien": _initiative_rows(counted, world, lang),
        "ky_luat": _discipline_text(
            world, _person_discipline(world, person), lang, "doc_discipline_clean_person", person.name
        ),
        "khen_thuong_da_nhan": _past_awards(world, person.id),
    }


def _past_awards(world: World, code: str) -> list[dict[str, Any]]:
    """Awards already received (sheet `Khen thưởng đã nhận`, SPEC §2b), once the world holds them."""
    rows = []
    for award in world.past_awards:
        if code in (award.staff_id, award.unit_id):
            rows.append(
                {
                    "hinh_thuc": award.award,
                    "so_qd": award.decision_no,
                    "ngay_qd": _day(award.decided),
                    "noi_dung": f" ({award.movement})" if award.movement else "",
                }
            )
    return rows


def _staff_at_end(world: World, unit: Unit) -> list[Person]:
    end = world.period_end
    year = world.settings.to_year
    return [
        p
        for p in world.people.values()
        if world.unit_of(p.id, year) == unit.id
        and not (p.left and p.left <= end)
        and not (p.joined and p.joined > end)
    ]


def _unit_report(world: World, c: Candidate, lang: str) -> dict[str, Any]:
    unit = world.units[c.id]
    staff = _staff_at_end(world, unit)
    kinds = []
    for choice in C.STAFF_KIND.choices:
        count = sum(p.kind == choice.code for p in staff)
        if count:
            kinds.append(render("doc_staff_count", lang, count=count, kind=choice.label(lang).lower()))
    leaders = [f"{p.name} ({p.position})" if p.position else p.name for p in staff if p.leader]
    years = []
    for year in world.unit_years(unit):
        result = world.results.get((unit.id, year))
        if result is None:
            missing = gap(lang, "doc_gap_result", year=year)
            years.append(
                {
                    "nam": year,
                    "giao": missing,
                    "dung_han": "",
                    "van_ban": "",
                    "kt_xh": "",
                    "ngan_sach": "",
                    "chuong_trinh": "",
                }
            )
            continue
        years.append(
            {
                "nam": year,
                "giao": result.assigned,
                "dung_han": result.on_time,
                "van_ban": result.docs,
                "kt_xh": C.OUTCOME.get(result.socio).label(lang),
                "ngan_sach": C.OUTCOME.get(result.budget).label(lang),
                "chuong_trinh": C.PROGRAMME.get(result.programmes).label(lang),
            }
        )
    ratings = []
    for year in world.unit_years(unit):
        rated = [r.rating for _, r in world.staff_in(unit.id, year) if r]
        ratings.append(
            {
                "nam": year,
                "tong": len(world.staff_in(unit.id, year)),
                "htxs": rated.count("HTXSNV"),
                "htt": rated.count("HTTNV"),
                "ht": rated.count("HTNV"),
                "kht": rated.count("KHTNV"),
            }
        )
    founded = unit.founded
    return {
        "don_vi": {
            "ma": unit.id,
            "ten": unit.name,
            "loai": C.UNIT_KIND.get(unit.kind).label(lang),
            "ngay_thanh_lap": _day(founded) if founded else render("doc_before_period", lang),
            "so_can_bo": len(staff),
            "co_cau": ", ".join(kinds) or "0",
            "lanh_dao": ", ".join(leaders) or render("doc_no_leader", lang),
        },
        "ten": unit.name,
        "ket_qua_nam": years,
        "xep_loai_nam": ratings,
        "sang_kien": _initiative_rows(unit_initiatives(world, unit), world, lang),
        "ky_luat": _discipline_text(
            world, world.discipline_in_unit(unit.id), lang, "doc_discipline_clean_unit", unit.name
        ),
        "khen_thuong_da_nhan": _past_awards(world, unit.id),
    }


# ---------------------------------------------------------------- the whole dossier


def _criteria_rows(
    candidates: list[Candidate], criteria: tuple[C.Criterion, ...], lang: str
) -> list[dict[str, Any]]:
    rows = []
    for criterion in criteria:
        met = sum(c.outcomes[criterion.id].status == MET for c in candidates)
        share = f"{met / len(candidates):.0%}" if candidates else "–"
        rows.append(
            {
                "ma": criterion.id,
                "ten": criterion.label(lang),
                "muc": criterion.ref,
                "dat": met,
                "so_xet": len(candidates),
                "ty_le": share,
            }
        )
    return rows


def _tally(evaluation: Evaluation, lang: str) -> dict[str, Any]:
    world = evaluation.world
    counted = [i for i in world.initiatives if world.counts(i)]
    levels = [
        {"cap": choice.label(lang), "so": sum(i.level == choice.code for i in counted)}
        for choice in sorted(C.LEVEL.choices, key=lambda ch: LEVEL_RANK[ch.code])
    ]
    awards = []
    for award in C.AWARDS:
        units, people = _chosen(evaluation.units, award.key), _chosen(evaluation.people, award.key)
        names = ", ".join(c.name for c in units + people)
        awards.append(
            {
                "hinh_thuc": award.label(lang),
                "so_tap_the": _two(len(units)),
                "so_ca_nhan": _two(len(people)),
                "ten": f" ({names})" if names else "",
            }
        )
    return {
        "tap_the_xet": len(evaluation.units),
        "tap_the_dat": evaluation.unit_tally.eligible,
        "ca_nhan_xet": len(evaluation.people),
        "ca_nhan_dat": evaluation.people_tally.eligible,
        "tieu_chi_tap_the": _criteria_rows(evaluation.units, COLLECTIVE_CRITERIA, lang),
        "tieu_chi_ca_nhan": _criteria_rows(evaluation.people, INDIVIDUAL_CRITERIA, lang),
        "sang_kien_cap": levels,
        "sang_kien_tong": len(counted),
        "khen_thuong": awards,
    }


def _meeting(council: Council | None, lang: str) -> dict[str, Any]:
    council = council or Council()
    return {
        "ngay": _day(council.meeting_date) if council.meeting_date else gap(lang, "doc_gap_meeting_date"),
        "thanh_vien": council.members if council.members is not None else gap(lang, "doc_gap_members"),
        "co_mat": council.present if council.present is not None else gap(lang, "doc_gap_present"),
    }


def recorded_council(evaluation: Evaluation) -> Council | None:
    """The meeting and votes the workbook records (`Cấu hình`, sheet `Hội đồng`, checked by
    rules/council.py), as the documents read them; None when the workbook records neither."""
    found = evaluation.council
    if found is None or (not found.votes and found.date is None and found.present is None):
        return None
    votes = tuple(
        Vote(v.code, v.award, v.votes, None if v.decision is None else v.decision == "YES")
        for v in found.votes
    )
    return Council(found.date, found.members, found.present, votes)


def _votes(evaluation: Evaluation, council: Council | None, lang: str) -> list[dict[str, Any]]:
    """One line per candidate proposed: the council's vote where recorded, else a line to fill."""
    recorded = {(v.code, v.award): v for v in (council.votes if council else ())}
    labels = {a.key: a.label(lang) for a in C.AWARDS}
    blank = render("doc_gap_vote", lang)
    rows = []
    for award in C.AWARDS:
        for c in _chosen(evaluation.units, award.key) + _chosen(evaluation.people, award.key):
            vote = recorded.get((c.id, award.key))
            if vote is None or vote.approved is None:
                decision = blank if vote is None else render("doc_vote_pending", lang)
            else:
                decision = C.YES_NO.get("Y" if vote.approved else "N").label(lang)
            rows.append(
                {
                    "stt": len(rows) + 1,
                    "ma": c.id,
                    "ten": c.name,
                    "hinh_thuc": labels[award.key],
                    "dong_y": vote.votes_for if vote and vote.votes_for is not None else blank,
                    "ket_luan": decision,
                }
            )
    listed = {(row["ma"], row["hinh_thuc"]) for row in rows}
    names = {c.id: c.name for c in (*evaluation.units, *evaluation.people)}
    for vote in council.votes if council else ():  # a vote off the final list (rejected) is minuted too
        if (vote.code, labels[vote.award]) in listed or vote.approved is None:
            continue
        decision = C.YES_NO.get("Y" if vote.approved else "N").label(lang)
        rows.append(
            {
                "stt": len(rows) + 1,
                "ma": vote.code,
                "ten": names.get(vote.code, vote.code),
                "hinh_thuc": labels[vote.award],
                "dong_y": vote.votes_for if vote.votes_for is not None else blank,
                "ket_luan": decision,
            }
        )
    return rows


def build_dossier(
    evaluation: Evaluation, lang: str = "vi", when: datetime | None = None, council: Council | None = None
) -> Dossier:
    """Every document's context, from the evaluation and the settings (and the council's record)."""
    world = evaluation.world
    when = when or datetime.now()
    council = council or recorded_council(evaluation)
    common = _common(world, lang, when)
    common["hoi_dong"] = _meeting(council, lang)
    common["tong_hop"] = _tally(evaluation, lang)
    merit = _award_lists(evaluation, "bk", lang)
    certificate = _award_lists(evaluation, "gk", lang)
    has_merit = bool(merit["tap_the"] or merit["ca_nhan"])
    has_certificate = bool(certificate["tap_the"] or certificate["ca_nhan"])
    reports = []
    for c in _chosen(evaluation.units, "bk") + _chosen(evaluation.people, "bk"):
        context = _unit_report(world, c, lang) if c.kind == "unit" else _person_report(world, c, lang)
        context["hinh_thuc"] = common["bang_khen"]
        reports.append((c.id, c.kind, context))
    return Dossier(
        common=common,
        submission=merit if has_merit else None,
        reports=reports,
        decision=certificate if has_certificate else None,
        minutes={"phieu": _votes(evaluation, council, lang)},
        review={},
        final_review=world.settings.to_year >= world.settings.movement_end_year,
    )


def gaps_in(text: str) -> int:
    """How many "[chưa có: …]" holes a rendered text has."""
    return sum(text.count(prefix) for prefix in GAP_PREFIXES)
