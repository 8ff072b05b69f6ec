"""The sample data: contract types and keys, determinism, and the special cases it documents.

A small reference evaluation (default settings) below checks that the data produce the
outcomes `sample.EXPECTED` and the module docstring promise; it is a test oracle for the
data, not the product's rules.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from parcom_excel import contract as c
from parcom_excel import sample as sample_module
from parcom_excel.sample import EXPECTED, SampleData, make_sample
from parcom_excel.text import clean

PERIOD = range(2022, 2026)
GOOD = {"HTXSNV", "HTTNV"}


@pytest.fixture(scope="module")
def data() -> SampleData:
    return make_sample()


# ---------------------------------------------------------------- contract
@pytest.mark.parametrize("sheet", c.DATA_SHEETS, ids=lambda s: s.key)
def test_rows_respect_the_contract_types(data: SampleData, sheet: c.Sheet) -> None:
    rows = data.rows(sheet.key)
    assert rows
    keys = {col.key for col in sheet.columns}
    for row in rows:
        assert set(row) <= keys, set(row) - keys
        for column in sheet.columns:
            value = row.get(column.key)
            if value is None or value == ():
                assert not column.required, (sheet.key, column.key, row)
                continue
            if column.type == c.TEXT:
                assert isinstance(value, str) and value == clean(value), value
            elif column.type in (c.INT, c.YEAR):
                assert type(value) is int
                assert column.min is None or value >= column.min
                if column.type == c.YEAR:
                    assert 2000 <= value <= 2100
            elif column.type == c.DATE:
                assert type(value) is date
            elif column.type == c.ENUM:
                enum = column.choices
                assert enum.parse(value) == value
                assert enum.parse(enum.get(value).vi) == value and enum.parse(enum.get(value).en) == value
            elif column.type == c.ENUM_LIST:
                assert isinstance(value, tuple) and all(column.choices.parse(v) == v for v in value)
            elif column.type == c.CODES:
                assert isinstance(value, tuple) and all(isinstance(v, str) and v for v in value)


@pytest.mark.parametrize("sheet", [s for s in c.DATA_SHEETS if s.primary_key], ids=lambda s: s.key)
def test_primary_keys_are_unique(data: SampleData, sheet: c.Sheet) -> None:
    keys = [tuple(row[k] for k in sheet.primary_key) for row in data.rows(sheet.key)]
    assert len(keys) == len(set(keys))


def test_every_reference_exists(data: SampleData) -> None:
    known = {key: {row[c.SHEETS[key].primary_key[0]] for row in data.rows(key)} for key in ("units", "staff")}
    checked = 0
    for sheet in c.DATA_SHEETS:
        for column in sheet.columns:
            if not column.ref:
                continue
            for row in data.rows(sheet.key):
                value = row.get(column.key)
                codes = value if column.type == c.CODES else (value,)
                for code in codes or ():
                    if code is not None:
                        assert code in known[column.ref], (sheet.key, column.key, code)
                        checked += 1
    assert checked > 600
    for row in data.rows("discipline"):
        assert row["staff_id"] or row["unit_id"]


def test_realistic_size_and_vietnamese_names(data: SampleData) -> None:
    staff = data.rows("staff")
    assert 8 <= len(data.rows("units")) <= 10 and 140 <= len(staff) <= 160
    assert 18 <= len(data.rows("initiatives")) <= 22
    assert {u["unit_kind"] for u in data.rows("units")} == {"PCM", "DVTS", "DVTTS"}
    assert {s["staff_kind"] for s in staff} == {"CC", "VC", "NLD"}
    names = [s["full_name"] for s in staff]
    assert len(set(names)) == len(names)
    assert all(len(n.split()) >= 3 for n in names)
    assert sum(" Thị " in n for n in names) > 10 and sum(" Văn " in n for n in names) > 5
    positions = {s["position"] for s in staff}
    assert {
        "Giám đốc",
        "Phó Giám đốc",
        "Chánh Văn phòng",
        "Trưởng phòng",
        "Chuyên viên",
        "Kế toán",
    } <= positions
    for s in staff:
        leading = s["position"].startswith(("Giám đốc", "Phó", "Trưởng", "Chánh", "Chi cục trưởng"))
        assert (s["leader"] == "Y") == leading, s
    for row in data.rows("initiatives"):
        assert re.fullmatch(r"\d+/QĐ-[A-Z]+", row["decision_no"]) and row["decision_date"].year == row["year"]
    ratings = [r["rating"] for r in data.rows("ratings")]
    assert ratings.count("HTTNV") > len(ratings) / 2
    assert ratings.count("KHTNV") == 1 and 2 <= ratings.count("HTNV") <= 5 and ratings.count("HTXSNV") > 30


def test_deterministic(data: SampleData) -> None:
    assert make_sample() == data
    other = make_sample(seed=7)
    assert other.cases == data.cases
    assert [s["staff_id"] for s in other.rows("staff")] == [s["staff_id"] for s in data.rows("staff")]
    assert [s["full_name"] for s in other.rows("staff")] != [s["full_name"] for s in data.rows("staff")]


# ---------------------------------------------------------------- documented cases
def test_docstring_names_every_case(data: SampleData) -> None:
    doc = sample_module.__doc__ or ""
    for role, code in data.cases.items():
        assert code in doc, role
    for code in (*EXPECTED["eligible_units"], *EXPECTED["eligible_staff"], *EXPECTED["author_failures"]):
        assert code in doc


def test_special_cases_exist(data: SampleData) -> None:
    staff = {s["staff_id"]: s for s in data.rows("staff")}
    units = {u["unit_id"]: u for u in data.rows("units")}
    rated = {(r["staff_id"], r["year"]) for r in data.rows("ratings")}
    results = {(r["unit_id"], r["year"]) for r in data.rows("results")}
    cases = data.cases

    joiner = staff[cases["joiner"]]
    assert joiner["joined"].year == 2023 and joiner["joined"].month > 6
    assert (joiner["staff_id"], 2023) not in rated and (joiner["staff_id"], 2024) in rated

    leaver = staff[cases["leaver"]]
    assert leaver["left"].year == 2024 and leaver["left"].month >= 7
    assert (leaver["staff_id"], 2024) in rated and (leaver["staff_id"], 2025) not in rated

    founded = units[cases["founded_unit"]]["founded"]
    assert founded.year == 2023
    assert (cases["founded_unit"], 2022) not in results and (cases["founded_unit"], 2023) in results
    assert [u for u in units.values() if u["founded"]] == [units[cases["founded_unit"]]]

    assert (cases["missing_result_unit"], 2024) not in results
    assert (cases["missing_rating"], 2023) not in rated

    discipline = {d["staff_id"]: d for d in data.rows("discipline") if d["staff_id"]}
    old = discipline[cases["old_discipline"]]["decision_date"]
    assert old < date(2021, 1, 1)  # more than 12 months before 01/01/2022
    window = discipline[cases["window_discipline"]]["decision_date"]
    assert date(2021, 1, 1) < window < date(2022, 1, 1)
    assert discipline[cases["national"]]["decision_date"].year in PERIOD
    assert any(d["staff_id"] is None and d["unit_id"] for d in data.rows("discipline"))


def test_tie_pair_is_identical_on_every_ranking_key(data: SampleData) -> None:
    individuals, _ = reference_evaluation(data)
    a, b = EXPECTED["tie"]
    assert (a, b) == (data.cases["tie_a"], data.cases["tie_b"])
    assert individuals[a]["key"] == individuals[b]["key"]
    assert individuals[a]["eligible"] and individuals[b]["eligible"]
    ranked = sorted((v["key"] for v in individuals.values() if v["eligible"]), reverse=True)
    assert ranked[0] == ranked[1] == individuals[a]["key"] != ranked[2]
    initiatives = [i for i in data.rows("initiatives") if a in i["authors"]]
    assert len(initiatives) == 1 and b in initiatives[0]["authors"] and initiatives[0]["level"] == "TINH"
    # Nobody eligible has a Toàn quốc initiative; the Toàn quốc author is excluded.
    national = [i for i in data.rows("initiatives") if i["level"] == "TQ"]
    assert all(not individuals[s]["eligible"] for i in national for s in i["authors"])


# ---------------------------------------------------------------- reference evaluation
def months_on_staff(year: int, joined: date | None, left: date | None) -> float:
    first = max(date(year, 1, 1), joined or date.min)
    last = min(date(year, 12, 31), left or date.max)
    return 0.0 if last < first else ((last - first).days + 1) / 30.4375


def in_effect(decided: date) -> bool:
    ends = date(decided.year + 1, decided.month, decided.day)  # 12 months
    return decided <= date(PERIOD[-1], 12, 31) and ends > date(PERIOD[0], 1, 1)


def combine(outcomes: list[str]) -> str:
    if "not_met" in outcomes:
        return "not_met"
    return "lacks_data" if "lacks_data" in outcomes else "met"


def reference_evaluation(data: SampleData) -> tuple[dict[str, Any], dict[str, Any]]:
    staff = {s["staff_id"]: s for s in data.rows("staff")}
    ratings = {(r["staff_id"], r["year"]): r for r in data.rows("ratings")}
    results = {(r["unit_id"], r["year"]): r for r in data.rows("results")}
    initiatives = [i for i in data.rows("initiatives") if i["year"] in PERIOD]
    discipline = [d for d in data.rows("discipline") if in_effect(d["decision_date"])]
    levels = [ch.code for ch in c.LEVEL.choices]

    def judged(sid: str, year: int) -> bool:
        return months_on_staff(year, staff[sid]["joined"], staff[sid]["left"]) >= 6

    def unit_of(sid: str, year: int) -> str:
        rating = ratings.get((sid, year))
        return (rating and rating["unit_id"]) or staff[sid]["unit_id"]

    def rating_outcome(sid: str, year: int) -> str:
        rating = ratings.get((sid, year))
        return "lacks_data" if rating is None else ("met" if rating["rating"] in GOOD else "not_met")

    individuals = {}
    for sid, person in staff.items():
        mine = [i for i in initiatives if sid in i["authors"]]
        crit = {
            "CN1": "met" if mine else "not_met",
            "CN2": combine([rating_outcome(sid, y) for y in PERIOD if judged(sid, y)]),
            "CN3": "not_met" if any(d["staff_id"] == sid for d in discipline) else "met",
        }
        best = max((levels.index(i["level"]) + 1 for i in mine), default=0)
        excellent = sum(
            1 for y in PERIOD if judged(sid, y) and ratings.get((sid, y), {}).get("rating") == "HTXSNV"
        )
        individuals[sid] = {
            **crit,
            "eligible": all(v == "met" for v in crit.values()),
            "key": (best, excellent, len(mine), person["leader"] == "N"),
        }

    collectives = {}
    for unit in data.rows("units"):
        uid = unit["unit_id"]
        years = [y for y in PERIOD if not unit["founded"] or unit["founded"].year <= y]

        def yearly(test: Any, uid: str = uid, years: list[int] = years) -> str:
            rows = [results.get((uid, y)) for y in years]
            return combine(["lacks_data" if r is None else ("met" if test(r) else "not_met") for r in rows])

        mine = [
            i
            for i in initiatives
            if i["unit_id"] == uid or any(unit_of(a, i["year"]) == uid for a in i["authors"])
        ]
        crit = {
            "TT1": yearly(lambda r: r["tasks_assigned"] == 0 or r["tasks_on_time"] >= r["tasks_assigned"]),
            "TT2": yearly(lambda r: r["advisory_docs"] >= 1),
            "TT3": "met" if mine else "not_met",
            "TT4": yearly(
                lambda r: (
                    r["socio_targets"] in ("VUOT", "DAT", "KGIAO")
                    and r["budget"] in ("VUOT", "DAT", "KGIAO")
                    and r["programmes"] in ("HT", "KGIAO")
                )
            ),
            "TT5": "not_met"
            if any(
                d["unit_id"] == uid
                or (d["staff_id"] and unit_of(d["staff_id"], d["decision_date"].year) == uid)
                for d in discipline
            )
            else "met",
            "TT6": combine(
                [
                    rating_outcome(sid, y)
                    for y in years
                    for sid in staff
                    if unit_of(sid, y) == uid and judged(sid, y)
                ]
            ),
        }
        best = max((levels.index(i["level"]) + 1 for i in mine), default=0)
        collectives[uid] = {
            **crit,
            "eligible": all(v == "met" for v in crit.values()),
            "key": (best, len(mine)),
        }
    return individuals, collectives


def test_outcomes_match_the_documentation(data: SampleData) -> None:
    individuals, collectives = reference_evaluation(data)

    eligible_units = sorted(
        (u for u, v in collectives.items() if v["eligible"]),
        key=lambda u: collectives[u]["key"],
        reverse=True,
    )
    assert tuple(eligible_units) == EXPECTED["eligible_units"]
    assert len({collectives[u]["key"] for u in eligible_units}) == len(eligible_units)  # no collective tie
    for uid, failures in EXPECTED["unit_failures"].items():
        assert {k: v for k, v in collectives[uid].items() if k.startswith("TT") and v != "met"} == failures
    # every criterion is not met somewhere, and "lacks data" shows up
    for crit in ("TT1", "TT2", "TT3", "TT4", "TT5", "TT6"):
        assert any(v[crit] == "not_met" for v in collectives.values()), crit
    assert any(v["TT1"] == "lacks_data" for v in collectives.values())

    eligible = sorted(
        (s for s, v in individuals.items() if v["eligible"]),
        key=lambda s: individuals[s]["key"],
        reverse=True,
    )
    assert set(eligible) == set(EXPECTED["eligible_staff"]) and 10 <= len(eligible) <= 15
    assert [individuals[s]["key"] for s in eligible] == [
        individuals[s]["key"] for s in EXPECTED["eligible_staff"]
    ]
    keys = [individuals[s]["key"] for s in eligible if s not in EXPECTED["tie"]]
    assert len(keys) == len(set(keys)), "only the documented pair may tie"
    for sid, failures in EXPECTED["author_failures"].items():
        assert {k: v for k, v in individuals[sid].items() if k.startswith("CN") and v != "met"} == failures
    for crit in ("CN1", "CN2", "CN3"):
        assert any(v[crit] == "not_met" for v in individuals.values()), crit
    assert any(v["CN2"] == "lacks_data" for v in individuals.values())

    # the joiner's and the leaver's unjudged years are not "lacks data"
    assert individuals[data.cases["joiner"]]["eligible"] and individuals[data.cases["leaver"]]["eligible"]
    assert EXPECTED["left_not_nominated"] == (data.cases["leaver"],)
    assert collectives[data.cases["founded_unit"]]["eligible"]
    assert individuals[data.cases["old_discipline"]]["CN3"] == "met"
    assert individuals[data.cases["window_discipline"]]["CN3"] == "not_met"
