"""The shipped sample shows every outcome the sample documents, through the real evaluator."""

from __future__ import annotations

from pathlib import Path

import pytest

from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from parcom_excel.sample import EXPECTED

SAMPLE = Path(__file__).resolve().parents[1] / "workbook" / "parcom_sample.xlsx"
STATUS = {"met": "met", "not_met": "unmet", "lacks_data": "missing"}


@pytest.fixture(scope="module")
def evaluation():
    result = run(FileAdapter(SAMPLE), write=False)
    assert result.status == "evaluated", [p.message("en") for p in result.errors]
    return result.evaluation


def test_eligible_collectives_in_rank_order(evaluation):
    eligible = sorted((c for c in evaluation.units if c.eligible), key=lambda c: (c.rank, c.id))
    assert tuple(c.id for c in eligible) == EXPECTED["eligible_units"]


def test_eligible_individuals_in_rank_order(evaluation):
    eligible = [c for c in evaluation.people if c.eligible]
    ranked = sorted((c for c in eligible if c.rank), key=lambda c: (c.rank, c.id))
    unranked = [c.id for c in eligible if not c.rank]
    assert set(c.id for c in eligible) == set(EXPECTED["eligible_staff"])
    assert unranked == list(EXPECTED["left_not_nominated"])
    expected_order = [i for i in EXPECTED["eligible_staff"] if i not in EXPECTED["left_not_nominated"]]
    assert [c.id for c in ranked][2:] == expected_order[2:]
    assert {c.id for c in ranked[:2]} == set(EXPECTED["tie"])


def test_the_tie_is_left_to_the_council(evaluation):
    tied = [c for c in evaluation.people if c.tied]
    assert {c.id for c in tied} == set(EXPECTED["tie"])
    assert all(c.award == "bk" and "Hội đồng xem xét" in c.tie_note.render("vi") for c in tied)


@pytest.mark.parametrize("kind", ["unit_failures", "author_failures"])
def test_documented_failures(evaluation, kind):
    group = {c.id: c for c in (evaluation.units if kind == "unit_failures" else evaluation.people)}
    for subject, failures in EXPECTED[kind].items():
        for criterion, status in failures.items():
            assert group[subject].outcomes[criterion].status == STATUS[status], (subject, criterion)


def test_every_outcome_appears(evaluation):
    statuses = {o.status for c in (*evaluation.units, *evaluation.people) for o in c.outcomes.values()}
    assert statuses == {"met", "unmet", "missing"}


def test_the_leadership_is_judged_as_individuals_never_as_a_collective(evaluation):
    """Plan §III.1: the collectives are the divisions and units. BGD (kind Lãnh đạo Sở) holds the
    directors: each of them is a candidate, BGD itself is not, and no other unit is left out."""
    world = evaluation.world
    leaders = [p.id for p in world.people.values() if p.unit_id == "BGD"]
    collectives = {c.id for c in evaluation.units}
    assert "BGD" not in collectives and world.units["BGD"].kind == "LDS"
    assert collectives == {u.id for u in world.units.values() if u.kind != "LDS"} and len(collectives) == 9
    assert len(leaders) == 4 and set(leaders) <= {c.id for c in evaluation.people}
