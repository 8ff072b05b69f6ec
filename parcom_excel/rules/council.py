"""The council decides (SPEC §2c): its votes, checked, turn the proposal into the final list.

The tool proposes (ranking.rank_and_fill); the Hội đồng thi đua – khen thưởng votes. With
decisions on the `Hội đồng` sheet, the list follows the vote: "Đồng ý" candidates within the
quotas, a tie settled by the council's word; a "Không đồng ý" candidate leaves the list and the
next in rank is shown as "cần Hội đồng xét"; a candidate without a vote row stays as proposed,
marked "chưa biểu quyết". The list is final only when every candidate on it has "Đồng ý".
Bad decisions are data errors with their cell. No IO.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from .. import contract as C
from ..i18n import Msg
from ..problems import ERROR, Problem
from .domain import Vote, World
from .ranking import Candidate

APPROVED, NOT_VOTED, NEEDS_COUNCIL, REJECTED = "approved", "not_voted", "needs_council", "rejected"


@dataclass
class CouncilVote:
    """One candidate's vote, as the documents (Biên bản) read it."""

    kind: str  # "unit" or "person"
    code: str
    name: str
    award: str  # award key voted on ("bk", "gk")
    votes: int | None
    decision: str | None  # "YES", "NO", None
    note: str
    cell: str


@dataclass
class CouncilOutcome:
    """Where the vote left one candidate: the award of the final list (None when off it) and the
    council's word ("approved", "not_voted", "needs_council", "rejected")."""

    kind: str
    code: str
    name: str
    award: str | None
    status: str
    votes: int | None


@dataclass
class Council:
    """The meeting and its outcome: plain records for the sheets and the documents."""

    date: date | None
    members: int | None
    present: int | None
    needed: int | None  # the fewest votes for that approve
    votes: list[CouncilVote] = field(default_factory=list)
    final: bool = False  # every listed candidate has "Đồng ý" and no tie is open
    outcomes: list[CouncilOutcome] = field(default_factory=list)  # filled when the sheet holds decisions

    @property
    def decided(self) -> bool:
        return any(v.decision for v in self.votes)


def _split(ref: str) -> tuple[str | None, str | None]:
    sheet, _, cell = ref.rpartition("!")
    return (sheet or None), (cell or None)


def _error(code: str, ref: str, value: object = None, **params: object) -> Problem:
    sheet, cell = _split(ref)
    return Problem(code, ERROR, sheet, cell, value, dict(params))


def votes_needed(world: World) -> int | None:
    """The fewest votes for that exceed the share needed of the members present."""
    present = world.settings.council_present
    if present is None:
        return None
    share = world.settings.council_majority
    return int(share * present) + 1  # "more than": floor of share × present, plus one


def check_meeting(world: World) -> list[Problem]:
    """The meeting's settings and each row's numbers (no eligibility needed)."""
    s = world.settings
    problems: list[Problem] = []
    decided = [v for v in world.votes if v.decision]
    for vote in world.votes:
        if vote.decision and vote.votes is None:
            problems.append(_error("law_vote_no_count", vote.votes_cell))
        if vote.votes is not None and not vote.decision:
            problems.append(_error("law_vote_no_decision", vote.decision_cell, vote.votes))
    if not decided:
        return problems
    missing = [key for key in ("council_members", "council_present") if s.values.get(key) is None]
    for key in missing:
        problems.append(
            Problem(
                "law_meeting_missing",
                ERROR,
                s.sheet,
                s.cells.get(key),
                None,
                {"name": C.SETTINGS_BY_KEY[key]},
            )
        )
    if missing:
        return problems
    members, present = s.council_members, s.council_present
    if present > members:
        problems.append(
            Problem(
                "law_present_gt_members",
                ERROR,
                s.sheet,
                s.cells.get("council_present"),
                present,
                {"members": members},
            )
        )
    elif present < s.council_quorum * members:
        problems.append(
            Problem(
                "law_no_quorum",
                ERROR,
                s.sheet,
                s.cells.get("council_present"),
                present,
                {"members": members, "quorum": s.cite("council_quorum")},
            )
        )
    needed = votes_needed(world)
    for vote in decided:
        if vote.votes is None:
            continue
        if vote.votes > present:
            problems.append(_error("law_votes_gt_present", vote.votes_cell, vote.votes, present=present))
        elif vote.decision == "YES" and vote.votes < needed:
            problems.append(
                _error(
                    "law_votes_too_few",
                    vote.votes_cell,
                    vote.votes,
                    needed=needed,
                    present=present,
                    majority=s.cite("council_majority"),
                )
            )
    return problems


def _why_not(candidate: Candidate) -> Msg | None:
    if not candidate.eligible:
        return Msg("law_vote_reason_not_eligible")
    return candidate.note


def apply_council(
    world: World,
    groups: dict[str, list[Candidate]],
    orders: dict[str, list[str]],
    quotas: dict[str, dict[str, tuple[int, int]]],
) -> tuple[Council, list[Problem]]:
    """Check the votes against the evaluation, then (when decided and valid) settle the list.

    `groups`, `orders` and `quotas` are keyed by candidate kind ("unit", "person")."""
    s = world.settings
    council = Council(s.council_date, s.council_members, s.council_present, votes_needed(world))
    problems = check_meeting(world)
    by_code = {kind: {c.id: c for c in group} for kind, group in groups.items()}
    approved: dict[tuple[str, str], list[tuple[Vote, Candidate]]] = {}
    chosen: dict[str, Vote] = {}  # "kind:code" -> its approving vote
    votes_of: dict[tuple[str, str], Vote] = {}
    for vote in world.votes:
        kind = (
            "person" if vote.code in by_code["person"] else "unit" if vote.code in by_code["unit"] else None
        )
        if kind is None:
            problems.append(_error("law_vote_unknown", vote.cell, vote.code))
            continue
        candidate = by_code[kind][vote.code]
        council.votes.append(
            CouncilVote(
                kind,
                vote.code,
                candidate.name,
                vote.award,
                vote.votes,
                vote.decision,
                vote.note or "",
                vote.cell,
            )
        )
        votes_of[(f"{kind}:{vote.code}", vote.award)] = vote
        if not (candidate.eligible and candidate.nominable):
            problems.append(_error("law_vote_not_eligible", vote.cell, vote.code, why=_why_not(candidate)))
            continue
        if vote.decision != "YES":
            continue
        earlier = chosen.get(f"{kind}:{vote.code}")
        if earlier is not None:
            problems.append(
                _error("law_vote_twice", vote.decision_cell, vote.code, other=earlier.decision_cell)
            )
            continue
        chosen[f"{kind}:{vote.code}"] = vote
        approved.setdefault((kind, vote.award), []).append((vote, candidate))
    for (kind, award), rows in approved.items():
        seats = quotas[kind][award][1]
        if len(rows) > seats:
            vote = rows[seats][0]
            problems.append(
                _error(
                    "law_vote_over_quota",
                    vote.decision_cell,
                    len(rows),
                    seats=seats,
                    award=C.AWARD_KIND.get(award),
                )
            )
    if not council.decided or any(p.is_error for p in problems):
        return council, problems
    final = True
    for kind, group in groups.items():
        final &= _settle(group, orders[kind], quotas[kind], votes_of, kind)
        council.outcomes += [
            CouncilOutcome(kind, c.id, c.name, c.award, c.council, c.votes)
            for c in sorted(group, key=lambda c: (c.rank or 0, c.id))
            if c.council
        ]
    council.final = final
    return council, problems


def _settle(
    group: list[Candidate],
    order: list[str],
    quotas: dict[str, tuple[int, int]],
    votes_of: dict[tuple[str, str], Vote],
    kind: str,
) -> bool:
    """Re-fill one group's quotas from the vote; True when every listed candidate is approved."""

    def vote(c: Candidate, award: str) -> str | None:
        found = votes_of.get((f"{kind}:{c.id}", award))
        return found.decision if found else None

    def sort_key(c: Candidate) -> tuple:
        return tuple(c.keys.get(k, 0) for k in order)

    pool = sorted(
        (c for c in group if c.eligible and c.nominable), key=lambda c: (*(-v for v in sort_key(c)), c.id)
    )
    for c in pool:
        c.proposed_award, c.award, c.tied, c.tie_note = c.award, None, False, None
    taken: set[str] = set()
    seats = {award.key: quotas[award.key][1] for award in C.AWARDS}
    final = True
    for award in C.AWARDS:
        for c in pool:
            if c.id not in taken and vote(c, award.key) == "YES":
                c.award, c.council, c.votes = (
                    award.key,
                    APPROVED,
                    votes_of[(f"{kind}:{c.id}", award.key)].votes,
                )
                taken.add(c.id)
                seats[award.key] -= 1
        rest = [c for c in pool if c.id not in taken and vote(c, award.key) != "NO"]
        for _, tied in groupby(rest, key=sort_key):
            members = list(tied)
            left = seats[award.key]
            if left <= 0:
                break
            for c in members:
                c.award = award.key
                c.council = NOT_VOTED if c.proposed_award == award.key else NEEDS_COUNCIL
                taken.add(c.id)
                final = False
            if len(members) > left:
                after = C.AWARDS[C.AWARDS.index(award) + 1 :]
                later = [a for a in after if seats[a.key] > 0][:1]
                spill = len(members) - left
                note = Msg("law_tie_council", {"seats": left, "count": len(members), "award": award})
                for c in members:
                    c.tied, c.tie_note = True, note
                for nxt in later:
                    seats[nxt.key] -= min(spill, seats[nxt.key])
                seats[award.key] = 0
            else:
                seats[award.key] -= len(members)
    for c in pool:
        if c.id not in taken and any(vote(c, a.key) == "NO" for a in C.AWARDS):
            c.council = REJECTED
    return final
