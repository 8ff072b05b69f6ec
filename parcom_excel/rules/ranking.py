"""Ranking the eligible and filling the quotas of §V, highest award first.

The order is the list of tie-break keys named in the settings. Where candidates equal on every
key straddle a quota's edge, the whole group is listed for the council ("đồng hạng – Hội đồng
xem xét") instead of being cut by row order: the tool proposes, the council decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from .. import contract as C
from ..i18n import Msg
from ..problems import WARNING, Problem
from .kinds import Outcome


@dataclass(slots=True)
class Candidate:
    kind: str  # "unit" or "person"
    id: str
    name: str
    unit_name: str
    position: str
    outcomes: dict[str, Outcome]
    keys: dict[str, float] = field(default_factory=dict)
    note: Msg | None = None  # why an eligible candidate is not nominated (left the Sở)
    nominable: bool = True
    rank: int | None = None
    award: str | None = None
    tied: bool = False
    tie_note: Msg | None = None
    summary: list[Msg] = field(default_factory=list)  # drafted achievement summary, one fact a clause
    cell: str = ""
    held: str = ""  # why an eligible candidate is held back by the law: "pending", "repeat", "left"
    priority_note: Msg | None = None  # placed ahead of an equal by the women key (NĐ 152/2025 Đ.4 k.6)
    proposed_award: str | None = None  # the tool's proposal, kept when the council's vote settles
    council: str = ""  # the council's outcome: approved, not_voted, needs_council, rejected
    votes: int | None = None
    eligible: bool = field(init=False)  # every criterion met (the outcomes are given, never changed)

    def __post_init__(self) -> None:
        self.eligible = all(o.status == "met" for o in self.outcomes.values())


def rank_and_fill(
    candidates: list[Candidate], order: list[str], quotas: dict[str, tuple[int, int]], who: Msg
) -> list[Problem]:
    """Set rank, award and tie marks on the eligible nominable candidates; return warnings."""
    problems: list[Problem] = []
    pool = [c for c in candidates if c.eligible and c.nominable]
    pool.sort(key=lambda c: (*tuple(-c.keys.get(k, 0) for k in order), c.id))
    position = 0
    groups = [list(g) for _, g in groupby(pool, key=lambda c: tuple(c.keys.get(k, 0) for k in order))]
    for group in groups:
        for c in group:
            c.rank = position + 1
        position += len(group)

    stages = [[award.key, quotas[award.key][1]] for award in C.AWARDS]
    filled = {award.key: 0 for award in C.AWARDS}
    stage = 0
    for group in groups:
        while stage < len(stages) and stages[stage][1] == 0:
            stage += 1
        if stage >= len(stages):
            break
        award, seats = stages[stage]
        if len(group) <= seats:
            for c in group:
                c.award = award
            stages[stage][1] -= len(group)
            filled[award] += len(group)
            continue
        # A tie straddles this quota's edge: list the whole group, the council chooses.
        spill = len(group) - seats
        stages[stage][1] = 0
        filled[award] += seats
        following = next((s for s in stages[stage + 1 :] if s[1] > 0), None)
        facts = {"seats": seats, "count": len(group), "award": C.AWARDS[stage]}
        if following is not None:
            taken = min(spill, following[1])
            following[1] -= taken
            filled[following[0]] += taken
            facts["next"] = next(a for a in C.AWARDS if a.key == following[0])
            note = Msg("tie.next", facts)
        else:
            note = Msg("tie.last", facts)
        for c in group:
            c.award, c.tied, c.tie_note = award, True, note
        problems.append(
            Problem(
                "tie_at_edge",
                WARNING,
                None,
                None,
                None,
                {"count": len(group), "who": who, "award": C.AWARDS[stage], "seats": seats},
            )
        )
    for award in C.AWARDS:
        minimum = quotas[award.key][0]
        if filled[award.key] < minimum:
            problems.append(
                Problem(
                    "quota_short",
                    WARNING,
                    None,
                    None,
                    filled[award.key],
                    {"count": filled[award.key], "who": who, "min": minimum, "award": award},
                )
            )
    return problems
