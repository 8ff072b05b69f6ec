"""The rules' world built from validated frames: the one place that turns tables into records."""

from __future__ import annotations

from collections import defaultdict

from .dataset import Dataset
from .rules.domain import (
    Discipline,
    Initiative,
    PastAward,
    Person,
    Rating,
    Result,
    Unit,
    Vote,
    World,
    award_years,
    is_maternity,
)


def build_world(data: Dataset) -> World:
    """The rules' world from the validated frames: one record per row, each with its cell."""
    people = _people(data)
    initiatives = _initiatives(data)
    by_author: dict[str, list[Initiative]] = defaultdict(list)
    for initiative in initiatives:
        for author in initiative.authors:
            by_author[author].append(initiative)
    return World(
        data.settings,
        _units(data),
        people,
        _ratings(data, people),
        _results(data),
        initiatives,
        _discipline(data),
        dict(by_author),
        {key: table.sheet for key, table in data.tables.items()},
        past_awards=_past_awards(data),
        votes=_votes(data),
        has_gender="gender" in data.tables["staff"].columns,
    )


def _units(data: Dataset) -> dict[str, Unit]:
    return {
        r["unit_id"]: Unit(
            r["unit_id"],
            r["unit_name"],
            r["unit_kind"],
            r["founded"],
            data.cell("units", "unit_id", r["_row"]),
        )
        for r in data.records("units")
    }


def _people(data: Dataset) -> dict[str, Person]:
    return {
        r["staff_id"]: Person(
            r["staff_id"],
            r["full_name"],
            r["unit_id"],
            r["staff_kind"],
            r["position"] or "",
            r["leader"] == "Y",
            r["joined"],
            r["left"],
            data.cell("staff", "staff_id", r["_row"]),
            r["gender"],
            r["birth_date"],
            data.cell("staff", "gender", r["_row"]),
        )
        for r in data.records("staff")
    }


def _ratings(data: Dataset, people: dict[str, Person]) -> dict[tuple[str, int], Rating]:
    """The largest sheet: read column-wise, without a dict per row."""
    rating_cell = data.cell("ratings", "rating", "")  # type: ignore[arg-type]
    ratings = {}
    columns = data.columns["ratings"]
    for staff_id, year, rating, unit_id, note, row in zip(
        *(columns[k] for k in ("staff_id", "year", "rating", "unit_id", "note", "_row")), strict=True
    ):
        if not unit_id:
            person = people.get(staff_id)
            unit_id = person.unit_id if person else None
        ratings[(staff_id, year)] = Rating(
            staff_id, year, rating, unit_id, f"{rating_cell}{row}", bool(note) and is_maternity(note)
        )
    return ratings


_RESULT_CELLS = ("tasks_assigned", "tasks_on_time", "advisory_docs", "socio_targets", "budget", "programmes")


def _results(data: Dataset) -> dict[tuple[str, int], Result]:
    results = {}
    for r in data.records("results"):
        cells = {k: data.cell("results", k, r["_row"]) for k in _RESULT_CELLS}
        results[(r["unit_id"], r["year"])] = Result(
            r["unit_id"],
            r["year"],
            r["tasks_assigned"],
            r["tasks_on_time"],
            r["advisory_docs"],
            r["socio_targets"],
            r["budget"],
            r["programmes"],
            cells,
        )
    return results


def _initiatives(data: Dataset) -> list[Initiative]:
    return [
        Initiative(
            r["initiative_id"],
            r["title"],
            r["year"],
            r["level"],
            list(r["authors"] or []),
            r["unit_id"],
            r["decision_no"],
            r["decision_date"],
            list(r["impact"] or []),
            r["replicable"],
            data.cell("initiatives", "initiative_id", r["_row"]),
        )
        for r in data.records("initiatives")
    ]


def _discipline(data: Dataset) -> list[Discipline]:
    return [
        Discipline(
            r["decision_date"],
            r["form"],
            r["staff_id"],
            r["unit_id"],
            r["decision_no"],
            data.cell("discipline", "decision_date", r["_row"]),
            r["status"] == "PENDING",
        )
        for r in data.records("discipline")
        if r["status"] != "CLEARED"  # concluded without a breach: neither pending nor a decision
    ]


def _past_awards(data: Dataset) -> list[PastAward]:
    return [
        PastAward(
            r["award"],
            r["decision_no"],
            r["decision_date"],
            r["staff_id"],
            r["unit_id"],
            r["movement"],
            award_years(r["from_year"], r["to_year"], r["decision_date"]),
            list(r["initiatives"] or []),
            data.cell("past_awards", "decision_no", r["_row"]),
        )
        for r in data.records("past_awards")
    ]


def _votes(data: Dataset) -> list[Vote]:
    return [
        Vote(
            r["code"],
            r["award"],
            r["votes"],
            r["decision"],
            r["note"],
            data.cell("council", "code", r["_row"]),
            data.cell("council", "votes", r["_row"]),
            data.cell("council", "decision", r["_row"]),
        )
        for r in data.records("council")
    ]
