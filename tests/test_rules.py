"""Cases for every criterion of §IV: met, not met, lacks data, and each setting's edge.

The cases are data, tests/cases/rules/*.toml (one file per criterion), as OpenFisca's YAML tests:
each edits the base department (`tests.workbooks.department()`), names the settings it changes
and the status it expects. Each lays out the sheets as a clerk types them and runs the whole core
(reader, contract, validation, rules) on them in memory; the file adapter's round trip is tested
elsewhere (test_evaluate_file, test_cases' end-to-end case).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parcom_excel import contract as C
from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from tests.workbooks import MemoryBook, book_sheets, department, find, write_book


def evaluate(tmp_path, data, settings=None):
    result = run(MemoryBook(book_sheets(data, settings)), write=False)
    assert result.status == "evaluated", [p.message("en") for p in result.errors]
    return result


def outcome(result, criterion, subject):
    group = result.evaluation.units if criterion.startswith("TT") else result.evaluation.people
    return next(c for c in group if c.id == subject).outcomes[criterion]


def set_rating(data, staff, year, rating, unit=None):
    row = find(data["ratings"], staff_id=staff, year=year)
    row["rating"] = rating
    if unit:
        row["unit_id"] = unit


def drop(rows, **match):
    rows.remove(find(rows, **match))


CASES_DIR = Path(__file__).resolve().parent / "cases" / "rules"
SETTING_KEYS = {s.key for s in C.SETTINGS}
STATUSES = {"met", "unmet", "missing"}


def load_cases() -> list[Any]:
    """Every `[[case]]` of tests/cases/rules/*.toml, checked for shape, as pytest params."""
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text("utf-8"))["case"]:
            where = f"{path.name}: {case.get('name')!r}"
            extra = set(case) - {"name", "settings", "change", "criterion", "subject", "expected"}
            assert not extra, f"{where}: unknown keys {sorted(extra)}"
            assert case["expected"] in STATUSES, f"{where}: expected {case['expected']!r}"
            unknown = set(case.get("settings", {})) - SETTING_KEYS
            assert not unknown, f"{where}: unknown settings {sorted(unknown)}"
            params.append(pytest.param(case, id=f"{path.stem}/{case['name']}"))
    return params


def apply_change(data: dict[str, list[dict[str, Any]]], change: dict[str, Any]) -> None:
    """One `[[case.change]]`: `add` a row, or `set` values on / `drop` the one row `match` selects."""
    rows = data[change["sheet"]]
    actions = [k for k in ("set", "drop", "add") if k in change]
    assert len(actions) == 1 and set(change) <= {"sheet", "match", *actions}, change
    if "add" in change:
        rows.append(dict(change["add"]))
        return
    hits = [r for r in rows if all(r.get(k) == v for k, v in change["match"].items())]
    assert len(hits) == 1, f"{change['sheet']}: {change['match']} selects {len(hits)} rows"
    if change.get("drop"):
        rows.remove(hits[0])
    else:
        hits[0].update(change["set"])


CASES = load_cases()


def test_rule_cases_are_found():
    assert len(CASES) >= 59 and len({p.id for p in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES)
def test_criterion(tmp_path, case):
    data = department()
    for change in case.get("change", []):
        apply_change(data, change)
    result = evaluate(tmp_path, data, case.get("settings"))
    got = outcome(result, case["criterion"], case["subject"])
    assert got.status == case["expected"], got.reason.render("en")
    assert got.reason.render("vi") and got.reason.render("en")


def test_reason_cites_the_source_cell_and_setting(tmp_path):
    data = department()
    set_rating(data, "CB02", 2024, "HTNV")
    result = evaluate(tmp_path, data)
    reason = outcome(result, "CN2", "CB02").reason.render("vi")
    row = 2 + data["ratings"].index(find(data["ratings"], staff_id="CB02", year=2024))
    assert f"Đánh giá cá nhân!C{row}" in reason
    assert "Cấu hình!B" in reason and "Hoàn thành tốt nhiệm vụ" in reason


def test_leaver_is_evaluated_but_not_nominated(tmp_path):
    data = department()
    find(data["staff"], staff_id="CB02").update(left=date(2024, 3, 31))
    for year in (2024, 2025):
        drop(data["ratings"], staff_id="CB02", year=year)
    result = evaluate(tmp_path, data)
    person = next(c for c in result.evaluation.people if c.id == "CB02")
    assert person.eligible and not person.nominable and person.award is None
    assert "Đã nghỉ từ 31/03/2024" in person.note.render("vi")


def test_period_override_single_year(tmp_path):
    data = department()
    set_rating(data, "CB02", 2022, "HTNV")
    path = write_book(tmp_path / "book.xlsx", data)
    full = run(FileAdapter(path), write=False)
    single = run(FileAdapter(path), write=False, from_year=2024, to_year=2024)
    cb02 = lambda r: next(c for c in r.evaluation.people if c.id == "CB02")  # noqa: E731
    assert cb02(full).outcomes["CN2"].status == "unmet"
    assert cb02(single).outcomes["CN2"].status == "met"
    assert single.period == "2024"


def test_english_reasons_name_the_workbooks_own_terms(tmp_path):
    # A Vietnamese workbook read with English messages: the sentence is English, the setting,
    # its value and the rating are named as the workbook writes them (a translation names
    # nothing the clerk can find there).
    data = department()
    set_rating(data, "CB02", 2024, "HTNV")
    result = evaluate(tmp_path, data)
    reason = outcome(result, "CN2", "CB02").reason.render("en")
    assert reason.startswith("2024: Hoàn thành nhiệm vụ (")
    assert "below Xếp loại tối thiểu (TT6, CN2) = Hoàn thành tốt nhiệm vụ (Cấu hình!B" in reason


def test_a_criterion_applies_from_its_date_in_force(tmp_path):
    """A criterion that came with a change of law (`since`) is judged only for a period ending
    on or after that date; before, it is not applied, and the reason says from when."""
    from dataclasses import replace

    from parcom_excel.rules.criteria import TT2

    data = department()
    find(data["results"], unit_id="VP", year=2023)["advisory_docs"] = 0
    world = evaluate(tmp_path, data).evaluation.world  # period 2022–2025
    unit = world.units["VP"]
    assert TT2(world, unit).status == "unmet"
    assert replace(TT2, since=date(2025, 12, 31))(world, unit).status == "unmet"
    later = replace(TT2, since=date(2026, 1, 1))(world, unit)
    assert later.status == "met"
    assert later.reason.render("vi") == "Không áp dụng cho kỳ này: quy định có hiệu lực từ 01/01/2026"


def test_each_criterion_names_its_plan_paragraph_and_law_in_both_languages():
    from parcom_excel.rules.criteria import CN2, COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, TT3, TT5

    assert [c.who for c in COLLECTIVE_CRITERIA] == ["unit"] * 6
    assert [c.who for c in INDIVIDUAL_CRITERIA] == ["person"] * 3
    assert TT3.references("vi")[:1] == ["§IV.1.b (thứ hai)"] and TT3.references("en")[:1] == [
        "§IV.1.b (second)"
    ]
    assert CN2.references("en") == ["§IV.2.b", "Decree 152/2025 Art.4(5)", "Decree 152/2025 Art.4(4)"]
    assert TT5.references("vi") == ["§IV.1.d"]  # not yearly: no year is left out by a discipline
    for criterion in (*COLLECTIVE_CRITERIA, *INDIVIDUAL_CRITERIA):
        assert criterion.label("vi") != criterion.label("en")
        assert criterion.vi and criterion.en


def test_awards_and_ranking_keys_are_entries_of_the_legal_model():
    from parcom_excel.rules.keys import COLLECTIVE_KEYS, INDIVIDUAL_KEYS

    # an award's names are the values the council's column accepts: one list of names
    assert [(a.key, a.vi, a.en) for a in C.AWARDS] == [(c.code, c.vi, c.en) for c in C.AWARD_KIND.choices]
    assert all(a.ref == "§V" for a in C.AWARDS)
    # every key the ranking order may name has a value, and the law's keys their reference
    assert [k.key for k in INDIVIDUAL_KEYS] == [k.key for k in C.INDIVIDUAL_KEYS]
    assert [k.key for k in COLLECTIVE_KEYS] == [k.key for k in C.COLLECTIVE_KEYS]
    law = {k.key: k.law for k in (*INDIVIDUAL_KEYS, *COLLECTIVE_KEYS) if k.law}
    assert law == {"female": ("ref.nd152.4.6",), "women_share": ("ref.nd152.4.6",)}
