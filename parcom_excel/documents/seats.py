"""The seats of each award as the council's vote leaves them: who holds each, and what still
decides the seats no one holds yet (SPEC §2c, §5).

The rules place candidates (`rules/ranking.py` proposes, `rules/council.py` settles the vote);
this module reads what they computed and counts seats, never heads:

- a candidate the council passed holds a seat (`PASSED`);
- before any vote, each proposed candidate holds a seat in the proposal (`PROPOSED`);
- after a vote, a candidate on the list without one awaits it (`AWAITING`), and the next in
  rank after a rejection awaits the council's word (`NEXT`);
- candidates tied at a quota's edge share the seats left (`TIE`: k seats for m candidates);
- the losers of that tie are proposed for the next award down: those seats stay open (`OPEN`).

A dossier is final when every seat is `PASSED`. No IO, no text: `context.py` words the seats.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from .. import contract as C
from ..rules.evaluate import Evaluation
from ..rules.ranking import Candidate

PASSED, PROPOSED, AWAITING, NEXT, TIE, OPEN = "passed", "proposed", "awaiting", "next", "tie", "open"
_BY_COUNCIL = {"approved": PASSED, "not_voted": AWAITING, "needs_council": NEXT, "": PROPOSED}
GROUPS = (("unit", "collectives"), ("person", "individuals"))  # candidate kind, quota group


@dataclass(frozen=True)
class Seat:
    """One place on an award's list, or (TIE, OPEN) `count` places that share one decision."""

    award: str  # award key ("bk", "gk")
    kind: str  # "unit" or "person"
    state: str
    candidates: tuple[Candidate, ...]
    count: int = 1
    higher: str | None = None  # OPEN: the award the tie was for; TIE: the award its losers go to

    @property
    def decided(self) -> bool:
        return self.state == PASSED

    @property
    def named(self) -> bool:
        """Whether a document lists the candidate by name (else the seat is shown open)."""
        return self.state in (PASSED, PROPOSED)


def _ordered(group: list[Candidate], award: str) -> list[Candidate]:
    return sorted((c for c in group if c.award == award), key=lambda c: (c.rank or 0, c.id))


def _next_award(award: str, quota) -> str | None:
    """The award a tie's losers are proposed for: the next one down that has seats."""
    keys = [a.key for a in C.AWARDS]
    return next((k for k in keys[keys.index(award) + 1 :] if quota(k)[1] > 0), None)


def _group_seats(group: list[Candidate], quota) -> list[Seat]:
    """One kind's seats (units or people), award by award, in rank order."""
    seats: list[Seat] = []
    spill: dict[str, list[Seat]] = {}
    for award in C.AWARDS:
        listed = _ordered(group, award.key)
        own: list[Seat] = list(spill.pop(award.key, []))
        for _, run in groupby(listed, key=lambda c: (c.tied, c.rank if c.tied else c.id)):
            members = tuple(run)
            first = members[0]
            if not first.tied:
                own.append(Seat(award.key, first.kind, _BY_COUNCIL.get(first.council, AWAITING), members))
                continue
            params = first.tie_note.params if first.tie_note else {}
            count = int(params.get("seats", 1))
            lower = _next_award(award.key, quota)
            own.append(Seat(award.key, first.kind, TIE, members, count, lower))
            if lower is not None:
                taken = sum(c.award == lower and not c.tied for c in group)
                left = min(len(members) - count, quota(lower)[1] - taken)
                if left > 0:
                    spill.setdefault(lower, []).append(
                        Seat(lower, first.kind, OPEN, members, left, award.key)
                    )
        seats += own
    return seats


def award_seats(evaluation: Evaluation) -> list[Seat]:
    """Every seat of every award: collectives first, then individuals, highest award first."""
    settings = evaluation.world.settings
    seats: list[Seat] = []
    for kind, quota_group in GROUPS:
        group = evaluation.units if kind == "unit" else evaluation.people

        def quota(award: str, quota_group: str = quota_group) -> tuple[int, int]:
            return settings.quota(award, quota_group)

        seats += _group_seats(group, quota)
    order = {a.key: i for i, a in enumerate(C.AWARDS)}
    return sorted(seats, key=lambda s: order[s.award])  # stable: collectives before individuals
