"""The facts each document of the dossier is filled with: a pure function of the evaluation.

`build_dossier(evaluation, lang, when, council)` reads the evaluation's candidates and the
world's records (never the rendered reasons of the outcomes) and the settings, and returns the
context of every document. Every value is a fact of the data; where the data has none, the
value is a visible gap, "[chưa có: …]", so nothing is invented and nothing is silently empty.

The council's meeting and votes (SPEC §2c) arrive as a `Council`; until the workbook records
them, the context says so with gaps and the templates leave the vote lines to fill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .. import contract as C
from ..i18n import CATALOG, render
from ..nominations import NOMINATION_COLUMNS, Nominee
from ..rules.criteria import (
    COLLECTIVE_CRITERIA,
    INDIVIDUAL_CRITERIA,
    MET,
    MISSING,
    person_initiatives,
    unit_initiatives,
)
from ..rules.domain import LEVEL_RANK, Initiative, Person, Unit, World
from ..rules.evaluate import Evaluation
from ..rules.kinds import Criterion
from ..rules.ranking import Candidate
from .seats import AWAITING, NEXT, OPEN, PASSED, PROPOSED, TIE, Seat, award_seats
from .templates import DOTS

# how a gap starts in each language: "[chưa có: …]" without its "…"
GAP_PREFIXES = tuple(CATALOG["doc_gap"].get(lang).split("{")[0].rstrip() for lang in ("vi", "en"))
# what the nominee or the office writes itself: "[Đơn vị bổ sung: …]", "[To be added by the unit: …]"
FILL_PARTS = re.compile(
    r"\[[^\[\]]*?(?:" + "|".join(re.escape(w) for w in CATALOG["doc_fill_word"]) + r")[^\[\]]*\]",
    re.IGNORECASE,
)


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
    pending: list[str] = field(default_factory=list)  # one sentence per undecided seat (seats.py)

    @property
    def final(self) -> bool:
        """Every seat is decided: the Tờ trình and the Quyết định may go out for signature."""
        return not self.pending


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


def _period(world: World) -> str:
    s = world.settings
    return f"{s.from_year}" if s.from_year == s.to_year else f"{s.from_year}–{s.to_year}"


def _setting(world: World, key: str, lang: str, gap_key: str) -> str:
    value = world.settings.values.get(key)
    return str(value).strip() if value not in (None, "") else gap(lang, gap_key)


def _common(world: World, lang: str, when: datetime) -> dict[str, Any]:
    s = world.settings
    period = _period(world)
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
        "ky_giai_doan": render("doc_period_phrase", lang, review=review, period=period),
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
        "tien_thuong": {
            "tap_the": _setting(world, "reward_coef_collective", lang, "doc_gap_reward_collective"),
            "ca_nhan": _setting(world, "reward_coef_person", lang, "doc_gap_reward_person"),
            "can_cu": _setting(world, "reward_basis", lang, "doc_gap_reward_basis"),
            "nguon": _setting(world, "reward_fund", lang, "doc_gap_reward_fund"),
        },
        "du_thao": False,
        "chua_quyet_dinh": [],
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
    if not records:
        return render(clean_key, lang, giai_doan=_period(world), name=name)
    listed = "; ".join(
        f"{C.DISCIPLINE.get(r.form).label(lang)} {_day(r.decided)}"
        + (f" ({r.decision_no})" if r.decision_no else "")
        for r in records
    )
    return render("doc_discipline_records", lang, count=len(records), records=listed)


def _person_discipline(world: World, person: Person) -> list[Any]:
    return [r for r in world.discipline_of(person.id) if world.in_effect(r)]


def _names(seat: Seat) -> str:
    return ", ".join(c.name for c in seat.candidates)


def _who(seat: Seat, lang: str) -> str:
    return render("doc_who_unit" if seat.kind == "unit" else "doc_who_person", lang)


def _award(key: str, lang: str) -> str:
    return next(a for a in C.AWARDS if a.key == key).label(lang)


def _open_text(seat: Seat, lang: str) -> str:
    """What an open seat's row of an attached list says in place of a name."""
    key = {TIE: "doc_open_tie", OPEN: "doc_open_loser", NEXT: "doc_open_next"}.get(
        seat.state, "doc_open_awaiting"
    )
    higher = _award(seat.higher, lang) if seat.higher else ""
    return render(
        key, lang, count=_two(seat.count), total=_two(len(seat.candidates)), names=_names(seat), higher=higher
    )


def seat_lines(seats: list[Seat], lang: str) -> list[str]:
    """One sentence per undecided seat (seats awaiting the same vote share one): what decides it."""
    lines: list[str] = []
    waiting: dict[tuple[str, str, str], list[Seat]] = {}
    for seat in seats:
        if seat.state in (PROPOSED, AWAITING, NEXT):
            waiting.setdefault((seat.award, seat.kind, NEXT if seat.state == NEXT else AWAITING), []).append(
                seat
            )
    done: set[tuple[str, str, str]] = set()
    for seat in seats:
        award, who = _award(seat.award, lang), _who(seat, lang)
        if seat.state in (TIE, OPEN):
            lower = _award(seat.higher, lang) if seat.higher else ""
            key = "doc_seat_open" if seat.state == OPEN else "doc_seat_tie" if lower else "doc_seat_tie_last"
            lines.append(
                render(
                    key,
                    lang,
                    award=award,
                    who=who,
                    count=_two(seat.count),
                    total=_two(len(seat.candidates)),
                    names=_names(seat),
                    other=lower,
                )
            )
        elif seat.state != PASSED:
            group = (seat.award, seat.kind, NEXT if seat.state == NEXT else AWAITING)
            if group in done:
                continue
            done.add(group)
            same = waiting[group]
            lines.append(
                render(
                    "doc_seat_next" if group[2] == NEXT else "doc_seat_awaiting",
                    lang,
                    award=award,
                    who=who,
                    count=_two(len(same)),
                    names=", ".join(_names(s) for s in same),
                )
            )
    return lines


_AWARDS = {award.key: award for award in C.AWARDS}


def _list_rows(seats: list[Seat], world: World, lang: str) -> list[dict[str, Any]]:
    """The rows of an attached list: a named row per seat held, an open row per seat undecided.
    A named row's cells are the nomination list's own columns (nominations.NOMINATION_COLUMNS),
    a collective named with its agency."""
    agency = world.settings.agency_name
    columns = [col for col in NOMINATION_COLUMNS if col.doc_width]
    rows: list[dict[str, Any]] = []
    for seat in seats:
        if seat.named:
            c = seat.candidates[0]
            nominee = Nominee(len(rows) + 1, c, _AWARDS[seat.award])
            row = {col.field: col.value(nominee, lang) for col in columns}
            if c.kind == "unit":
                row["ten"] = render("doc_collective_name", lang, name=c.name, agency=agency)
            # "ghi_chu" is kept for office templates made before open seats: never a note now
            rows.append({**row, "ma": c.id, "ghi_chu": "", "mo": False})
            continue
        for _ in range(seat.count):
            empty = dict.fromkeys((col.field for col in columns), "")
            rows.append(
                {
                    **empty,
                    "stt": len(rows) + 1,
                    "ten": _open_text(seat, lang),
                    "ma": "",
                    "ghi_chu": "",
                    "mo": True,
                }
            )
    return rows


def _chosen(candidates: list[Candidate], award: str) -> list[Candidate]:
    return sorted((c for c in candidates if c.award == award), key=lambda c: (c.rank or 0, c.id))


def _award_lists(evaluation: Evaluation, seats: list[Seat], award: str, lang: str) -> dict[str, Any]:
    world = evaluation.world
    mine = [s for s in seats if s.award == award]
    units = _list_rows([s for s in mine if s.kind == "unit"], world, lang)
    people = _list_rows([s for s in mine if s.kind == "person"], world, lang)
    pending = seat_lines(mine, lang)
    return {
        "tap_the": units,
        "ca_nhan": people,
        "so_tap_the": _two(len(units)),
        "so_ca_nhan": _two(len(people)),
        "du_thao": bool(pending),
        "chua_quyet_dinh": pending,
    }


def _head(world: World, unit: Unit | None, lang: str) -> dict[str, str]:
    """Who confirms for a unit: a phòng's Trưởng phòng (no seal of its own), else the head of a
    unit with its own seal; named where the staff sheet shows one head only (deputies and the
    agency's own signer aside)."""
    division = unit is None or unit.kind == "PCM"
    title = render("doc_head_division" if division else "doc_head_unit", lang)
    deputy = CATALOG["doc_deputy"].vi.casefold()  # matched against the staff sheet's words
    authority = _sentence_case(_authority(world.settings.signer_title)).casefold()
    heads = [
        p.name
        for p in (_staff_at_end(world, unit) if unit else [])
        if p.leader
        and not (p.position or "").casefold().startswith(deputy)
        and (p.position or "").casefold() != authority
    ]
    return {
        "chuc_vu": title,
        "xac_nhan": render("doc_confirm_by", lang, title=title),
        "ky": render("doc_sign_hint_plain" if division else "doc_sign_hint", lang),
        "ho_ten": heads[0] if len(heads) == 1 else DOTS,
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
        "don_vi_hoa": (unit.name if unit else person.unit_id).upper(),
        "thu_truong": _head(world, unit, lang),
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
            "ngay_thanh_lap": _day(founded) if founded else gap(lang, "doc_gap_founded"),
            "so_can_bo": len(staff),
            "co_cau": ", ".join(kinds) or "0",
            "lanh_dao": ", ".join(leaders) or render("doc_no_leader", lang),
        },
        "don_vi_hoa": unit.name.upper(),
        "thu_truong": _head(world, unit, lang),
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
    candidates: list[Candidate], criteria: tuple[Criterion, ...], lang: str
) -> list[dict[str, Any]]:
    """Per criterion, by its name: met, failed and lacking data are three states, never two."""
    rows = []
    for criterion in criteria:
        statuses = [c.outcomes[criterion.id].status for c in candidates]
        met, missing = statuses.count(MET), statuses.count(MISSING)
        share = f"{met / len(candidates):.0%}" if candidates else "–"
        rows.append(
            {
                "ten": criterion.label(lang),
                "dat": met,
                "khong_dat": len(statuses) - met - missing,
                "thieu": missing,
                "so_xet": len(candidates),
                "ty_le": share,
            }
        )
    return rows


def _tally(evaluation: Evaluation, seats: list[Seat], lang: str) -> dict[str, Any]:
    world = evaluation.world
    counted = [i for i in world.initiatives if world.counts(i)]
    levels = [
        {"cap": choice.label(lang), "so": sum(i.level == choice.code for i in counted)}
        for choice in sorted(C.LEVEL.choices, key=lambda ch: LEVEL_RANK[ch.code])
    ]
    awards = []
    for award in C.AWARDS:
        lists = _award_lists(evaluation, seats, award.key, lang)
        names = list(dict.fromkeys(r["ten"] for r in lists["tap_the"] + lists["ca_nhan"]))
        awards.append(
            {
                "hinh_thuc": award.label(lang),
                "so_tap_the": lists["so_tap_the"],
                "so_ca_nhan": lists["so_ca_nhan"],
                "ten": f" ({'; '.join(names)})" if names else "",
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
    """One line per candidate proposed: the council's vote where recorded, else a line to fill;
    then the votes recorded for candidates off the list (a rejection is minuted too)."""
    recorded = {(v.code, v.award): v for v in (council.votes if council else ())}
    names = {c.id: c.name for c in (*evaluation.units, *evaluation.people)}
    blank = render("doc_gap_vote", lang)
    lines = [
        (c.id, award.key)
        for award in C.AWARDS
        for c in _chosen(evaluation.units, award.key) + _chosen(evaluation.people, award.key)
    ]
    lines += [
        (v.code, v.award)
        for v in recorded.values()
        if (v.code, v.award) not in lines and v.approved is not None
    ]
    rows = []
    for code, award in lines:
        vote = recorded.get((code, award))
        if vote is None or vote.approved is None:
            decision = blank if vote is None else render("doc_vote_pending", lang)
        else:
            decision = C.VOTE.get("YES" if vote.approved else "NO").label(lang)
        rows.append(
            {
                "stt": len(rows) + 1,
                "ma": code,
                "ten": names.get(code, code),
                "hinh_thuc": _award(award, lang),
                "dong_y": vote.votes_for if vote and vote.votes_for is not None else blank,
                "ket_luan": decision,
            }
        )
    return rows


def _conclusion(rows: list[dict[str, Any]], lang: str) -> list[str]:
    """The minutes' conclusion as the votes recorded it: who was approved, who was not."""
    lines = []
    for code in ("YES", "NO"):
        label = C.VOTE.get(code).label(lang)
        names = [f"{r['ten']} ({r['hinh_thuc']})" for r in rows if r["ket_luan"] == label]
        if names:
            lines.append(render("doc_bb_decided", lang, decision=label, names="; ".join(names)))
    return lines


def build_dossier(
    evaluation: Evaluation, lang: str = "vi", when: datetime | None = None, council: Council | None = None
) -> Dossier:
    """Every document's context, from the evaluation and the settings (and the council's record)."""
    world = evaluation.world
    when = when or datetime.now()
    council = council or recorded_council(evaluation)
    seats = award_seats(evaluation)
    common = _common(world, lang, when)
    common["hoi_dong"] = _meeting(council, lang)
    common["tong_hop"] = _tally(evaluation, seats, lang)
    merit = _award_lists(evaluation, seats, "bk", lang)
    certificate = _award_lists(evaluation, seats, "gk", lang)
    has_merit = bool(merit["tap_the"] or merit["ca_nhan"])
    has_certificate = bool(certificate["tap_the"] or certificate["ca_nhan"])
    reports = []
    for c in _chosen(evaluation.units, "bk") + _chosen(evaluation.people, "bk"):
        context = _unit_report(world, c, lang) if c.kind == "unit" else _person_report(world, c, lang)
        context["hinh_thuc"] = common["bang_khen"]
        reports.append((c.id, c.kind, context))
    votes = _votes(evaluation, council, lang)
    pending = seat_lines(seats, lang)
    return Dossier(
        common=common,
        submission=merit if has_merit else None,
        reports=reports,
        decision=certificate if has_certificate else None,
        minutes={"phieu": votes, "con_lai": pending, "ket_luan": _conclusion(votes, lang)},
        review={},
        final_review=world.settings.to_year >= world.settings.movement_end_year,
        pending=pending,
    )


def pending_decisions(evaluation: Evaluation, lang: str = "vi") -> list[str]:
    """The council's decisions still to make, one sentence each; empty when the list is final."""
    return seat_lines(award_seats(evaluation), lang)


def gaps_in(text: str) -> int:
    """How many places are left to type: the "[chưa có: …]" gaps and the "[… bổ sung: …]" parts."""
    return sum(text.count(prefix) for prefix in GAP_PREFIXES) + len(FILL_PARTS.findall(text))
