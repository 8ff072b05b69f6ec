"""The kinds of the legal model: a criterion (one object per criterion of the plan), its verdict,
and the constructors a criterion's judgement is written with.

A criterion is declared once, as an entry of `rules/criteria.py` (learned from the shape of
OpenFisca's `Variable`: one object holds what the rule is, what it reads and how it is computed):
its id and plan reference, the legal references it applies, whether it is judged every year and
the settings it reads, its judgement, its missing-row check, its summary facts and, for a rule
that came with a change of law, the date from which it applies. Its name and its sentences are
catalog keys (`i18n/rules.py`: `criterion.<ID>` and the codes its judgement writes).

Thousands of candidates judged alike share one reason: the constructors here (`every_year`,
`the_same`) keep that memo (`World.once`, `World.is_shared`) out of the criteria's own code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import contract as C
from ..i18n import Msg, render
from .domain import World

MET, UNMET, MISSING = "met", "unmet", "missing"


def status_text(status: str) -> Msg:
    return Msg(f"status.{status}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A criterion's verdict: status, the reason as a catalog code with its facts, and the trace
    (the cells it read and the settings it applied). Rendered at the edge (`reason.render`)."""

    status: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    settings: tuple[str, ...] = ()

    @property
    def reason(self) -> Msg:
        return Msg(self.code, self.params)


class PlanRef(str):
    """A paragraph of the plan ("§IV.1.a"), as text in Vietnamese; `label(lang)` names it in the
    language of the output (the plan has two paragraphs "b." in §IV.1: the second is marked)."""

    paragraph: str
    second: bool

    def __new__(cls, paragraph: str, second: bool = False) -> PlanRef:
        text = render("ref.plan.second", "vi", ref=paragraph) if second else paragraph
        ref = super().__new__(cls, text)
        ref.paragraph, ref.second = paragraph, second
        return ref

    def label(self, lang: str = "vi") -> str:
        return render("ref.plan.second", lang, ref=self.paragraph) if self.second else self.paragraph


Judge = Callable[[World, Any], Outcome]
# (sentence code, its facts) per missing row; facts hold "year" and what names the row
Missing = Callable[[World, Any], list[tuple[str, dict[str, Any]]]]
Summary = Callable[[World, Any], list[Msg]]


@dataclass(frozen=True)
class Criterion:
    """One criterion of the plan (§IV), whole. `who` is "unit" (a collective) or "person"."""

    id: str
    ref: PlanRef  # the plan's paragraph, e.g. "§IV.1.a"
    who: str
    judge: Judge
    yearly: bool = False  # must hold in every year judged (SPEC §2)
    settings: tuple[str, ...] = ()  # the settings (contract.SETTINGS keys) its judgement reads
    law: tuple[str, ...] = ()  # catalog keys of the legal references it applies ("ref.*")
    missing: Missing | None = None  # the rows whose absence makes it lack data
    summary: Summary | None = None  # its clauses of the drafted achievement summary
    since: date | None = None  # applies to periods ending on or after this date (a change of law)
    run: Judge = field(init=False, repr=False, compare=False)  # what evaluate calls (see below)

    @property
    def key(self) -> str:
        """The catalog key of its name."""
        return f"criterion.{self.id}"

    def label(self, lang: str = "vi") -> str:
        return render(self.key, lang)

    name = label

    @property
    def vi(self) -> str:
        return self.label("vi")

    @property
    def en(self) -> str:
        return self.label("en")

    def reference(self, lang: str = "vi") -> str:
        """Its paragraph of the plan, named in `lang`."""
        return self.ref.label(lang)

    def references(self, lang: str = "vi") -> list[str]:
        """Its plan paragraph, then the legal references it applies, as a document cites them (a
        yearly criterion counts the years after a discipline period only: NĐ 152/2025 Đ.4 k.4)."""
        law = (*self.law, "ref.nd152.4.4") if self.yearly else self.law
        return [self.ref.label(lang), *(render(ref, lang) for ref in law)]

    def __post_init__(self) -> None:
        # what evaluate calls for every candidate: the judgement itself when nothing wraps it
        plain = self.since is None and not self.yearly
        object.__setattr__(self, "run", self.judge if plain else self.__call__)

    def __call__(self, world: World, subject: Any) -> Outcome:
        """The verdict for one unit or person, under the law in force for the period; a yearly
        criterion counts the years after a discipline period only (NĐ 152/2025 Đ.4 k.4)."""
        if self.since and world.period_end < self.since:
            return world.once(("not_in_force", self.id), lambda _w: _not_in_force(self.since))
        outcome = self.judge(world, subject)
        if self.yearly and world.discipline_ends:
            return after_discipline(world, self.who, subject, outcome)
        return outcome


def _not_in_force(since: date) -> Outcome:
    return Outcome(MET, "not_in_force", {"date": since})


# ---------------------------------------------------------------- constructors of verdicts


# One year's verdict of a yearly criterion: (year, status, why, cells read). A plain tuple: one is
# made per person and year, and a named tuple's constructor costs a Python call each.
Year = tuple[int, str, Msg, list[str]]


# the_same(world, key, make): a value every candidate judged alike shares (`key` names what it
# depends on besides the world; `make` takes no argument), made once and kept as long as the
# world. It is `World.shared` itself: it runs for every person and year, so no wrapper.
the_same = World.shared


def every_year(world: World, years: list[Year], met: str, settings: tuple[str, ...]) -> Outcome:
    """A yearly criterion holds when it holds in every year judged; the reason lists the years
    that failed (or lacked data), else every year with why it held."""
    for status in (UNMET, MISSING):
        bad = [y for y in years if y[1] == status]
        if bad:
            facts = {"items": _year_items(world, bad)}
            return Outcome(status, "years_failed", facts, [c for y in bad for c in y[3]], settings)
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
    if all(world.is_shared(why) for _, _, why, _ in years):  # the common case: one lookup
        key = ("year_items", *[(year, id(why)) for year, _, why, _ in years])
        return world.once(key, lambda _w: [_shared_item(world, year, why) for year, _, why, _ in years])
    return [
        _shared_item(world, year, why) if world.is_shared(why) else _year_item(year, why)
        for year, _, why, _ in years
    ]


def _shared_item(world: World, year: int, why: Msg) -> Msg:
    return world.once(("year_item", year, id(why)), lambda _w: _year_item(year, why))


def _year_item(year: int, why: Msg) -> Msg:
    return Msg("year_item", {"year": year, "text": why})


def with_aside(outcome: Outcome, note: Msg, sources: list[str], settings: tuple[str, ...]) -> Outcome:
    """The same verdict, its reason followed by a note of the law (and what the note read)."""
    return Outcome(
        outcome.status,
        "law_with_aside",
        {"reason": outcome.reason, "note": note},
        [*outcome.sources, *sources],
        (*outcome.settings, *settings),
    )


def after_discipline(world: World, who: str, subject: Any, outcome: Outcome) -> Outcome:
    """NĐ 152/2025 Đ.4 k.4: a disciplined person's or unit's achievements count only from the end
    of the discipline period. The reason names the years of the period left out, and the record;
    a yearly criterion with no year left to count is not met."""
    record = world.discipline_end(who, subject.id)
    if record is None:
        return outcome
    if who == "person":
        existed, counted = world.person_years(subject), world.counted_years(subject)
    else:
        existed, counted = world.existed_years(subject), world.unit_years(subject)
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
    if not counted:
        sources, settings = [*outcome.sources, record.cell], (*outcome.settings, "discipline_months")
        return Outcome(UNMET, "law_no_year_after_discipline", facts, sources, settings)
    return with_aside(outcome, Msg("law_discipline_years", facts), [record.cell], ("discipline_months",))
