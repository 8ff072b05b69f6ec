"""The rules' world built from validated frames: the one place that turns tables into records."""

from __future__ import annotations

from collections import defaultdict

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
from .validate import Dataset


def build_world(data: Dataset) -> World:
    records = data.records

    def cell(key: str, column: str, row: int) -> str:
        return data.cell(key, column, row)

    rating_cell = data.cell("ratings", "rating", "")  # type: ignore[arg-type]

    units = {
        r["unit_id"]: Unit(
            r["unit_id"], r["unit_name"], r["unit_kind"], r["founded"], cell("units", "unit_id", r["_row"])
        )
        for r in records("units")
    }
    people = {
        r["staff_id"]: Person(
            r["staff_id"],
            r["full_name"],
            r["unit_id"],
            r["staff_kind"],
            r["position"] or "",
            r["leader"] == "Y",
            r["joined"],
            r["left"],
            cell("staff", "staff_id", r["_row"]),
            r["gender"],
            r["birth_date"],
            cell("staff", "gender", r["_row"]),
        )
        for r in records("staff")
    }
    ratings = {}
    columns = data.columns["ratings"]  # the largest sheet: read column-wise, without a dict per row
    for staff_id, year, rating, unit_id, note, row in zip(
        *(columns[k] for k in ("staff_id", "year", "rating", "unit_id", "note", "_row")), strict=True
    ):
        if not unit_id:
            person = people.get(staff_id)
            unit_id = person.unit_id if person else None
        ratings[(staff_id, year)] = Rating(
            staff_id, year, rating, unit_id, f"{rating_cell}{row}", bool(note) and is_maternity(note)
        )
    results = {}
    for r in records("results"):
        cells = {
            k: cell("results", k, r["_row"])
            for k in (
                "tasks_assigned",
                "tasks_on_time",
                "advisory_docs",
                "socio_targets",
                "budget",
                "programmes",
            )
        }
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
    initiatives = [
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
            cell("initiatives", "initiative_id", r["_row"]),
        )
        for r in records("initiatives")
    ]
    discipline = [
        Discipline(
            r["decision_date"],
            r["form"],
            r["staff_id"],
            r["unit_id"],
            r["decision_no"],
            cell("discipline", "decision_date", r["_row"]),
            r["status"] == "PENDING",
        )
        for r in records("discipline")
        if r["status"] != "CLEARED"  # concluded without a breach: neither pending nor a decision
    ]
    past_awards = [
        PastAward(
            r["award"],
            r["decision_no"],
            r["decision_date"],
            r["staff_id"],
            r["unit_id"],
            r["movement"],
            award_years(r["from_year"], r["to_year"], r["decision_date"]),
            list(r["initiatives"] or []),
            cell("past_awards", "decision_no", r["_row"]),
        )
        for r in records("past_awards")
    ]
    votes = [
        Vote(
            r["code"],
            r["award"],
            r["votes"],
            r["decision"],
            r["note"],
            cell("council", "code", r["_row"]),
            cell("council", "votes", r["_row"]),
            cell("council", "decision", r["_row"]),
        )
        for r in records("council")
    ]
    by_author: dict[str, list[Initiative]] = defaultdict(list)
    for initiative in initiatives:
        for author in initiative.authors:
            by_author[author].append(initiative)
    sheets = {key: table.sheet for key, table in data.tables.items()}
    return World(
        data.settings,
        units,
        people,
        ratings,
        results,
        initiatives,
        discipline,
        dict(by_author),
        sheets,
        past_awards=past_awards,
        votes=votes,
        has_gender="gender" in data.tables["staff"].columns,
    )
