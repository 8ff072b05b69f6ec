"""The ranking keys (tie-break keys of §V and the law's priorities), one entry each: the contract's
key (its names, as the settings' ranking order spells it, and its legal references) and the value a
candidate has for it. Adding a key: its TieBreak in contract.py, its value here.

Higher goes first. The settings' order names which keys rank and in what order (settings.py reads
it against contract.INDIVIDUAL_KEYS / COLLECTIVE_KEYS, whose names it parses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import contract as C
from .criteria import person_initiatives, unit_initiatives
from .domain import LEVEL_RANK, Person, Unit, World
from .law import women_share


@dataclass(frozen=True)
class RankKey:
    """One ranking key: the contract's entry (key and names) and its value for a candidate."""

    entry: C.TieBreak
    value: Callable[[World, Any], float]

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def law(self) -> tuple[str, ...]:
        """Catalog keys of the legal references it applies ("ref.*")."""
        return self.entry.law

    def label(self, lang: str = "vi") -> str:
        return self.entry.label(lang)


def _best_level(initiatives: list) -> int:
    return max((LEVEL_RANK[i.level] for i in initiatives), default=0)


def _excellent_share(world: World, unit: Unit) -> float:
    staff_years = good = 0
    for year in world.unit_years(unit):
        for _, rating in world.staff_in(unit.id, year):
            staff_years += 1
            good += bool(rating and rating.rating == "HTXSNV")
    return round(good / staff_years, 6) if staff_years else 0.0


def _results(world: World, unit: Unit) -> list:
    return [r for y in world.unit_years(unit) if (r := world.results.get((unit.id, y)))]


def _women_first(world: World, unit: Unit) -> int:
    """NĐ 152/2025 Đ.4 k.6: a collective with at least the setting's share of women."""
    return 1 if women_share(world, unit.id)[0] * 100 >= world.settings.women_share_pct else 0


_PERSON: dict[str, Callable[[World, Person], float]] = {
    "best_level": lambda w, p: _best_level(person_initiatives(w, p)[0]),
    "excellent_years": lambda w, p: sum(1 for _, r in w.rated_years(p) if r and r.rating == "HTXSNV"),
    "initiatives": lambda w, p: len(person_initiatives(w, p)[0]),
    "female": lambda w, p: 1 if p.gender == "F" else 0,  # NĐ 152/2025 Đ.4 k.6; a blank is no
    "not_leader": lambda w, p: 0 if p.leader else 1,
}
_UNIT: dict[str, Callable[[World, Unit], float]] = {
    "best_level": lambda w, u: _best_level(unit_initiatives(w, u)),
    "initiatives": lambda w, u: len(unit_initiatives(w, u)),
    "excellent_share": _excellent_share,
    "targets_exceeded": lambda w, u: sum((r.socio == "VUOT") + (r.budget == "VUOT") for r in _results(w, u)),
    "women_share": _women_first,
    "docs": lambda w, u: sum(r.docs for r in _results(w, u)),
}
INDIVIDUAL_KEYS = tuple(RankKey(k, _PERSON[k.key]) for k in C.INDIVIDUAL_KEYS)
COLLECTIVE_KEYS = tuple(RankKey(k, _UNIT[k.key]) for k in C.COLLECTIVE_KEYS)
