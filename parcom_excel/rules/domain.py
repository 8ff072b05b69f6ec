"""The plan's world as plain records: units, people, ratings, results, initiatives, discipline.

Built once (`parcom_excel.records.build_world` from the validated frames, or directly in tests);
the criteria read these, never frames or files, so nothing under `rules/` needs pandas.
Every record keeps the cell it came from, so each reason can cite its source.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import contract as C
from ..i18n import Term
from ..settings import Settings  # the value object only: the rules never parse a workbook


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_in_year(start: date | None, end: date | None, year: int) -> float:
    """Months of `year` inside [start, end] (open ends allowed)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    lo = max(first, start) if start else first
    hi = min(last, end) if end else last
    if hi < lo:
        return 0.0
    return ((hi - lo).days + 1) / ((last - first).days + 1) * 12


LEVEL_RANK = {choice.code: i + 1 for i, choice in enumerate(C.LEVEL.choices)}
RATING_RANK = {choice.code: len(C.RATING.choices) - i for i, choice in enumerate(C.RATING.choices)}


@dataclass(slots=True)
class Unit:
    id: str
    name: str
    kind: str
    founded: date | None
    cell: str


@dataclass(slots=True)
class Person:
    id: str
    name: str
    unit_id: str
    kind: str
    position: str
    leader: bool
    joined: date | None
    left: date | None
    cell: str
    gender: str | None = None  # "M", "F" or None when blank (never guessed)
    birth: date | None = None
    gender_cell: str = ""

    def on_staff_at(self, day: date) -> bool:
        return (self.joined is None or self.joined <= day) and (self.left is None or self.left > day)


@dataclass(slots=True)
class Rating:
    staff_id: str
    year: int
    rating: str
    unit_id: str
    cell: str
    maternity: bool = False  # the note says "nghỉ thai sản" (NĐ 152/2025 Đ.4 k.5)


@dataclass(slots=True)
class Result:
    unit_id: str
    year: int
    assigned: int
    on_time: int
    docs: int
    socio: str
    budget: str
    programmes: str
    cells: dict[str, str]


@dataclass(slots=True)
class Initiative:
    id: str
    title: str
    year: int
    level: str
    authors: list[str]
    unit_id: str | None
    decision_no: str | None
    decision_date: date | None
    impact: list[str]
    replicable: str | None
    cell: str


@dataclass(slots=True)
class Discipline:
    decided: date
    form: str
    staff_id: str | None
    unit_id: str | None
    decision_no: str | None
    cell: str
    pending: bool = False  # Trạng thái = Đang xem xét (NĐ 152/2025 Đ.4 k.4): never a decision


@dataclass(slots=True)
class PastAward:
    """One row of Khen thưởng đã nhận (Luật TĐKT 2022 Đ.5 k.2 điểm c)."""

    award: str
    decision_no: str
    decided: date
    staff_id: str | None
    unit_id: str | None
    movement: str | None
    years: range
    initiatives: list[str]
    cell: str


@dataclass(slots=True)
class Vote:
    """One row of the council's sheet (SPEC §2c)."""

    code: str
    award: str
    votes: int | None
    decision: str | None  # "YES", "NO" or None (not voted yet)
    note: str | None
    cell: str  # the code's cell
    votes_cell: str
    decision_cell: str


@dataclass
class World:
    settings: Settings
    units: dict[str, Unit]
    people: dict[str, Person]
    ratings: dict[tuple[str, int], Rating]
    results: dict[tuple[str, int], Result]
    initiatives: list[Initiative]
    discipline: list[Discipline]
    by_author: dict[str, list[Initiative]] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)  # sheet key -> the sheet's real name
    _person_years: dict[str, list[int]] = field(default_factory=dict)
    _rated_years: dict[str, list[tuple[int, Rating | None]]] = field(default_factory=dict)
    _staff_in: dict[tuple[str, int], list[tuple[Person, Rating | None]]] | None = None
    _unit_initiatives: dict[str, list[Initiative]] | None = None
    _discipline_of: dict[str, list[Discipline]] | None = None
    _discipline_in_unit: dict[str, list[Discipline]] | None = None
    _memo: dict[Hashable, Any] = field(default_factory=dict)
    past_awards: list[PastAward] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    has_gender: bool = False  # the staff sheet has the Giới tính column

    def __post_init__(self) -> None:
        # plain attributes: these are read for every person and year
        self._all_years = list(self.settings.years)
        self._min_months = self.settings.min_months
        self._skip_maternity = self.settings.maternity_counts == "N"
        self._used: dict[str, PastAward] = {}
        self._shared: set[int] = set()
        self._terms: dict[int, Term] = {}
        self._unit_used: dict[str, list[Initiative]] = {}
        # NĐ 152/2025 Đ.4 k.4: ("person"|"unit", id) -> the decision whose discipline period ends
        # last after the period's start (read for every candidate: built once, here)
        self.discipline_ends: dict[tuple[str, str], Discipline] = _discipline_ends(self)
        if self.settings.initiative_once == "Y":
            for award in self.past_awards:
                for code in award.initiatives:
                    self._used.setdefault(code, award)

    def used_by(self, initiative: Initiative) -> PastAward | None:
        """The past award that already cited this initiative (not counted again), if any."""
        return self._used.get(initiative.id)

    def pending_against(self, kind: str, ident: str) -> list[Discipline]:
        """Proceedings pending against the person, or against the unit itself (Đ.4 k.4)."""
        if self.settings.pending_hold != "Y":
            return []
        return self.once("pending_by_target", _pending_index).get((kind, ident), [])

    def repeat_awards(self, kind: str, ident: str) -> list[PastAward]:
        """Past awards of this movement to the same person or unit for an overlapping period."""
        return self.once("repeats_by_target", _repeat_index).get((kind, ident), [])

    def term(self, entry: Any) -> Term:
        """A contract entry (column, dropdown value) named as the user's workbook writes it."""
        found = self._terms.get(id(entry))  # the Term kept holds the entry: its id stays its own
        if found is None:
            found = self._terms[id(entry)] = Term(entry, self.settings.book)
        return found

    def sheet(self, key: str) -> str:
        """The user's own name of an input sheet, as reasons name it."""
        return self.sheets.get(key) or C.SHEETS[key].vi

    @property
    def years(self) -> range:
        return self.settings.years

    @property
    def period_start(self) -> date:
        return date(self.settings.from_year, 1, 1)

    @property
    def period_end(self) -> date:
        return date(self.settings.to_year, 12, 31)

    def person_years(self, person: Person) -> list[int]:
        """Years of the period the person was on staff long enough to be judged."""
        cached = self._person_years.get(person.id)
        if cached is None:
            cached = self._judged_years(person.joined, person.left)
            self._person_years[person.id] = cached
        return cached

    def _judged_years(self, start: date | None, end: date | None) -> list[int]:
        if start is None and end is None:
            return self._all_years
        need = self._min_months - 1e-9
        return [y for y in self._all_years if (m := months_in_year(start, end, y)) > 0 and m >= need]

    def counted_years(self, person: Person) -> list[int]:
        """Years on staff whose achievements count towards the person's yearly criteria: those
        after the end of a discipline period (NĐ 152/2025 Đ.4 k.4)."""
        return self._after_discipline("person", person.id, self.person_years(person))

    def rated_years(self, person: Person) -> list[tuple[int, Rating | None]]:
        """Each year counted for the person, with the rating of that year (None when missing)."""
        cached = self._rated_years.get(person.id)
        if cached is None:
            cached = self._rated_years[person.id] = self._rated(person, self.counted_years(person))
        return cached

    def _rated(self, person: Person, years: list[int]) -> list[tuple[int, Rating | None]]:
        ratings, pid = self.ratings, person.id
        rated = [(y, ratings.get((pid, y))) for y in years]
        if self._skip_maternity:  # the setting says maternity leave is not time worked
            rated = [(y, r) for y, r in rated if not (r and r.maternity)]
        return rated

    def staff_in(self, unit_id: str, year: int) -> list[tuple[Person, Rating | None]]:
        """People judged in `year` whose unit that year was `unit_id`, with that year's rating
        (every year on staff: a staff member's discipline never hides a rating from the unit)."""
        if self._staff_in is None:
            index: dict[tuple[str, int], list[tuple[Person, Rating | None]]] = defaultdict(list)
            ends = self.discipline_ends
            for person in self.people.values():
                if ("person", person.id) in ends:
                    rated = self._rated(person, self.person_years(person))
                else:
                    rated = self.rated_years(person)
                for y, rating in rated:
                    unit = rating.unit_id if rating else person.unit_id
                    index[(unit, y)].append((person, rating))
            self._staff_in = dict(index)
        return self._staff_in.get((unit_id, year), [])

    def existed_years(self, unit: Unit) -> list[int]:
        """Years of the period the unit existed long enough to be judged."""
        return self._judged_years(unit.founded, None)

    def unit_years(self, unit: Unit) -> list[int]:
        """Years counted for the unit's yearly criteria: those it existed, after the end of a
        discipline period of the unit itself (NĐ 152/2025 Đ.4 k.4)."""
        return self._after_discipline("unit", unit.id, self.existed_years(unit))

    def discipline_end(self, kind: str, ident: str) -> Discipline | None:
        """NĐ 152/2025 Đ.4 k.4: the person's or the unit's own decision whose discipline period
        (the in-effect setting) ends last after the period's start; achievements count from then."""
        return self.discipline_ends.get((kind, ident))

    def end_of(self, record: Discipline) -> date:
        """The end of the record's discipline period (decided + the in-effect months)."""
        return add_months(record.decided, self.settings.discipline_months)

    def _after_discipline(self, kind: str, ident: str, years: list[int]) -> list[int]:
        record = self.discipline_end(kind, ident)
        if record is None:
            return years
        after = self._judged_years(self.end_of(record), None)
        return [y for y in years if y in after]

    def unit_of(self, staff_id: str, year: int) -> str | None:
        rating = self.ratings.get((staff_id, year))
        if rating:
            return rating.unit_id
        person = self.people.get(staff_id)
        return person.unit_id if person else None

    def initiatives_of_unit(self, unit_id: str) -> list[Initiative]:
        """Counted initiatives the unit owns or whose author worked in it the year of recognition."""
        if self._unit_initiatives is None:
            index: dict[str, list[Initiative]] = defaultdict(list)
            need_index = self.settings.tt3_need_index == "Y"
            used: dict[str, list[Initiative]] = defaultdict(list)
            for initiative in self.initiatives:
                if not self.counts(initiative) or (need_index and not initiative.impact):
                    continue
                units = {initiative.unit_id} if initiative.unit_id else set()
                units |= {self.unit_of(author, initiative.year) for author in initiative.authors}
                target = used if self.used_by(initiative) else index
                for unit in units - {None}:
                    target[unit].append(initiative)
            self._unit_initiatives = dict(index)
            self._unit_used = dict(used)
        return self._unit_initiatives.get(unit_id, [])

    def used_initiatives_of_unit(self, unit_id: str) -> list[Initiative]:
        """The unit's initiatives that would count but a past award already cited."""
        self.initiatives_of_unit(unit_id)
        return self._unit_used.get(unit_id, [])

    def discipline_of(self, staff_id: str) -> list[Discipline]:
        """The person's discipline records, in sheet order."""
        if self._discipline_of is None:
            index: dict[str, list[Discipline]] = defaultdict(list)
            for record in self.discipline:
                if record.staff_id and not record.pending:
                    index[record.staff_id].append(record)
            self._discipline_of = dict(index)
        return self._discipline_of.get(staff_id, [])

    def discipline_in_unit(self, unit_id: str) -> list[Discipline]:
        """Records in effect in the period against the unit or against someone working in it
        the year of the decision, in sheet order."""
        if self._discipline_in_unit is None:
            index: dict[str, list[Discipline]] = defaultdict(list)
            for record in self.discipline:
                if record.pending or not self.in_effect(record):
                    continue
                unit = record.unit_id
                if not unit and record.staff_id:
                    unit = self.unit_of(record.staff_id, record.decided.year)
                if unit:
                    index[unit].append(record)
            self._discipline_in_unit = dict(index)
        return self._discipline_in_unit.get(unit_id, [])

    def once(self, key: Hashable, make: Callable[[World], Any]) -> Any:
        """A value that depends on the world and `key` only (a reason shared by thousands), made
        once and kept as long as the world."""
        memo = self._memo
        if key not in memo:
            value = memo[key] = make(self)
            self._shared.add(id(value))
        return memo[key]

    def shared(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """A value every candidate judged alike shares (`key` names what it depends on besides
        the world; `make` takes no argument), made once, kept as long as the world; the criteria
        call it as `rules.kinds.the_same`."""
        memo = self._memo
        if key not in memo:
            value = memo[key] = make()
            self._shared.add(id(value))
        return memo[key]

    def is_shared(self, value: Any) -> bool:
        """Whether `value` was made by `once`: it lives as long as the world, so its id may key
        another shared value."""
        return id(value) in self._shared

    def counts(self, initiative: Initiative) -> bool:
        """Recognised in the period, at the minimum level or higher."""
        return (
            self.settings.from_year <= initiative.year <= self.settings.to_year
            and LEVEL_RANK[initiative.level] >= LEVEL_RANK[self.settings.min_level]
        )

    def in_effect(self, record: Discipline) -> bool:
        """Decided inside the period, or within the window before it (so still in effect in it)."""
        if record.decided > self.period_end:
            return False
        return (
            add_months(record.decided, self.settings.discipline_months) > self.period_start
            or record.decided >= self.period_start
        )


def _by_target(records: Iterable[Any]) -> dict[tuple[str, str], list[Any]]:
    """("person", staff id) or ("unit", unit id) -> records: one with a staff code is the
    person's, one with only a unit code the unit's own."""
    index: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for record in records:
        if record.staff_id:
            index[("person", record.staff_id)].append(record)
        elif record.unit_id:
            index[("unit", record.unit_id)].append(record)
    return dict(index)


def _discipline_ends(world: World) -> dict[tuple[str, str], Discipline]:
    """Each person's or unit's own decided record whose discipline period ends last, when it ends
    after the period's start (NĐ 152/2025 Đ.4 k.4)."""
    ends: dict[tuple[str, str], Discipline] = {}
    start, end = world.period_start, world.period_end
    decided = (r for r in world.discipline if not r.pending and r.decided <= end)
    for target, records in _by_target(decided).items():
        last = max(records, key=world.end_of)
        if world.end_of(last) > start:
            ends[target] = last
    return ends


def _pending_index(world: World) -> dict[tuple[str, str], list[Discipline]]:
    """The proceedings pending against each person or unit."""
    return _by_target(r for r in world.discipline if r.pending)


def _repeat_index(world: World) -> dict[tuple[str, str], list[PastAward]]:
    """The past awards of this movement for a year of the period, of each person or unit."""
    from ..text import fold

    movement = fold(world.settings.movement)
    if not movement:
        return {}
    years = set(world.settings.years)

    def this_movement(award: PastAward) -> bool:
        if not award.movement or not years & set(award.years):
            return False
        given = fold(award.movement)
        return movement in given or given in movement

    return _by_target(a for a in world.past_awards if this_movement(a))


def is_maternity(note: str) -> bool:
    """A rating note that records maternity leave ("nghỉ thai sản", "nghỉ chế độ thai sản")."""
    from ..text import strip_marks

    return "thai san" in strip_marks(note)


def award_years(from_year: int | None, to_year: int | None, decided: date | None) -> range:
    """The years a past award was for: as written, one year filling the other, else the decision's."""
    lo = from_year or to_year or (decided.year if decided else 0)
    hi = to_year or from_year or lo
    return range(lo, hi + 1)
