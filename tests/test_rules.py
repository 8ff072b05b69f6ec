"""Table-driven cases for every criterion of §IV: met, not met, lacks data, and each setting's edge.

Each case lays out the sheets as a clerk types them and runs the whole core (reader, contract,
validation, rules) on them in memory; the file adapter's round trip is tested elsewhere
(test_evaluate_file, test_cases' end-to-end case).
"""

from __future__ import annotations

from datetime import date

import pytest

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


def set_result(data, unit, year, **values):
    find(data["results"], unit_id=unit, year=year).update(values)


def set_rating(data, staff, year, rating, unit=None):
    row = find(data["ratings"], staff_id=staff, year=year)
    row["rating"] = rating
    if unit:
        row["unit_id"] = unit


def drop(rows, **match):
    rows.remove(find(rows, **match))


def discipline(data, when, staff=None, unit=None, form="Khiển trách"):
    data["discipline"].append(
        {"decision_date": when, "form": form, "staff_id": staff, "unit_id": unit, "decision_no": "5/QĐ-SKHCN"}
    )


CASES = [
    # id, change(data), settings, criterion, subject, expected
    ("TT1 all on time", None, None, "TT1", "VP", "met"),
    ("TT1 one task late", lambda d: set_result(d, "VP", 2023, tasks_on_time=9), None, "TT1", "VP", "unmet"),
    (
        "TT1 9/10 at a 90% threshold",
        lambda d: set_result(d, "VP", 2023, tasks_on_time=9),
        {"tt1_min_pct": 90},
        "TT1",
        "VP",
        "met",
    ),
    (
        "TT1 8/10 at a 90% threshold",
        lambda d: set_result(d, "VP", 2023, tasks_on_time=8),
        {"tt1_min_pct": 90},
        "TT1",
        "VP",
        "unmet",
    ),
    (
        "TT1 no task assigned passes",
        lambda d: set_result(d, "VP", 2024, tasks_assigned=0, tasks_on_time=0),
        None,
        "TT1",
        "VP",
        "met",
    ),
    (
        "TT1 missing year row",
        lambda d: drop(d["results"], unit_id="VP", year=2024),
        None,
        "TT1",
        "VP",
        "missing",
    ),
    (
        "TT2 no document one year",
        lambda d: set_result(d, "TT", 2022, advisory_docs=0),
        None,
        "TT2",
        "TT",
        "unmet",
    ),
    (
        "TT2 threshold 0",
        lambda d: set_result(d, "TT", 2022, advisory_docs=0),
        {"tt2_min_docs": 0},
        "TT2",
        "TT",
        "met",
    ),
    ("TT2 threshold 3 with 2", None, {"tt2_min_docs": 3}, "TT2", "TT", "unmet"),
    (
        "TT2 missing year row",
        lambda d: drop(d["results"], unit_id="TT", year=2025),
        None,
        "TT2",
        "TT",
        "missing",
    ),
    ("TT3 owned initiative", None, None, "TT3", "VP", "met"),
    ("TT3 through its authors", None, None, "TT3", "TT", "met"),
    (
        "TT3 initiative before the period",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(year=2020),
        None,
        "TT3",
        "VP",
        "unmet",
    ),
    ("TT3 below the minimum level", None, {"min_level": "TINH"}, "TT3", "VP", "unmet"),
    (
        "TT3 at the minimum level",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(level="Tỉnh"),
        {"min_level": "TINH"},
        "TT3",
        "VP",
        "met",
    ),
    ("TT3 index required but not named", None, {"tt3_need_index": "Y"}, "TT3", "VP", "unmet"),
    (
        "TT3 index required and named",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(impact="PAR INDEX; SIPAS"),
        {"tt3_need_index": "Y"},
        "TT3",
        "VP",
        "met",
    ),
    (
        "TT3 author worked in the unit that year",
        lambda d: (
            find(d["initiatives"], initiative_id="SK01").update(year=2020),
            set_rating(d, "CB03", 2024, "HTTNV", unit="VP"),
        ),
        None,
        "TT3",
        "VP",
        "met",
    ),
    ("TT4 all met", None, None, "TT4", "TT", "met"),
    (
        "TT4 socio-economic target not met",
        lambda d: set_result(d, "TT", 2025, socio_targets="Không đạt"),
        None,
        "TT4",
        "TT",
        "unmet",
    ),
    (
        "TT4 budget not assigned passes",
        lambda d: set_result(d, "TT", 2025, budget="Không giao"),
        None,
        "TT4",
        "TT",
        "met",
    ),
    (
        "TT4 budget exceeded passes",
        lambda d: set_result(d, "TT", 2025, budget="vượt"),
        None,
        "TT4",
        "TT",
        "met",
    ),
    (
        "TT4 programme not completed",
        lambda d: set_result(d, "TT", 2023, programmes="Không hoàn thành"),
        None,
        "TT4",
        "TT",
        "unmet",
    ),
    (
        "TT4 missing year row",
        lambda d: drop(d["results"], unit_id="TT", year=2022),
        None,
        "TT4",
        "TT",
        "missing",
    ),
    ("TT5 no discipline", None, None, "TT5", "VP", "met"),
    (
        "TT5 staff disciplined in the period",
        lambda d: discipline(d, date(2023, 3, 1), staff="CB02"),
        None,
        "TT5",
        "VP",
        "unmet",
    ),
    (
        "TT5 other unit unaffected",
        lambda d: discipline(d, date(2023, 3, 1), staff="CB02"),
        None,
        "TT5",
        "TT",
        "met",
    ),
    (
        "TT5 decided 12+ months before the period",
        lambda d: discipline(d, date(2021, 1, 1), staff="CB02"),
        None,
        "TT5",
        "VP",
        "met",
    ),
    (
        "TT5 decided within 12 months before",
        lambda d: discipline(d, date(2021, 6, 1), staff="CB02"),
        None,
        "TT5",
        "VP",
        "unmet",
    ),
    (
        "TT5 window of 0 months",
        lambda d: discipline(d, date(2021, 6, 1), staff="CB02"),
        {"discipline_months": 0},
        "TT5",
        "VP",
        "met",
    ),
    (
        "TT5 decided after the period",
        lambda d: discipline(d, date(2026, 3, 1), staff="CB02"),
        None,
        "TT5",
        "VP",
        "met",
    ),
    (
        "TT5 unit-level breach",
        lambda d: discipline(d, date(2024, 8, 1), unit="TT", form="Vi phạm pháp luật"),
        None,
        "TT5",
        "TT",
        "unmet",
    ),
    (
        "TT5 the unit at the decision date",
        lambda d: (
            set_rating(d, "CB02", 2023, "HTTNV", unit="TT"),
            discipline(d, date(2023, 3, 1), staff="CB02"),
        ),
        None,
        "TT5",
        "TT",
        "unmet",
    ),
    (
        "TT5 not the unit of later years",
        lambda d: (
            set_rating(d, "CB02", 2023, "HTTNV", unit="TT"),
            discipline(d, date(2023, 3, 1), staff="CB02"),
        ),
        None,
        "TT5",
        "VP",
        "met",
    ),
    ("TT6 everyone rated well", None, None, "TT6", "VP", "met"),
    ("TT6 one staff rated HTNV", lambda d: set_rating(d, "CB02", 2024, "HTNV"), None, "TT6", "VP", "unmet"),
    (
        "TT6 minimum rating lowered",
        lambda d: set_rating(d, "CB02", 2024, "HTNV"),
        {"min_rating": "HTNV"},
        "TT6",
        "VP",
        "met",
    ),
    (
        "TT6 share of 50%",
        lambda d: set_rating(d, "CB02", 2024, "HTNV"),
        {"tt6_min_pct": 50},
        "TT6",
        "VP",
        "met",
    ),
    (
        "TT6 missing rating",
        lambda d: drop(d["ratings"], staff_id="CB04", year=2025),
        None,
        "TT6",
        "TT",
        "missing",
    ),
    (
        "TT6 missing rating cannot save a failing year",
        lambda d: (drop(d["ratings"], staff_id="CB04", year=2025), set_rating(d, "CB03", 2025, "KHTNV")),
        None,
        "TT6",
        "TT",
        "unmet",
    ),
    (
        "TT6 unit founded inside the period judged from then",
        lambda d: (
            find(d["units"], unit_id="TT").update(founded=date(2024, 1, 1)),
            set_rating(d, "CB04", 2022, "HTNV"),
        ),
        None,
        "TT6",
        "TT",
        "met",
    ),
    ("CN1 author", None, None, "CN1", "CB02", "met"),
    (
        "CN1 not an author",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(authors="CB01"),
        None,
        "CN1",
        "CB02",
        "unmet",
    ),
    ("CN1 replicable required, blank", None, {"cn1_need_replicable": "Y"}, "CN1", "CB02", "missing"),
    (
        "CN1 replicable required, yes",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(replicable="Có"),
        {"cn1_need_replicable": "Y"},
        "CN1",
        "CB02",
        "met",
    ),
    (
        "CN1 replicable required, no",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(replicable="Không"),
        {"cn1_need_replicable": "Y"},
        "CN1",
        "CB02",
        "unmet",
    ),
    (
        "CN1 lower-case author code",
        lambda d: find(d["initiatives"], initiative_id="SK01").update(authors="cb01;cb02"),
        None,
        "CN1",
        "CB02",
        "met",
    ),
    ("CN2 rated well every year", None, None, "CN2", "CB02", "met"),
    (
        "CN2 abbreviation and loose spelling",
        lambda d: (
            set_rating(d, "CB02", 2022, "httnv"),
            set_rating(d, "CB02", 2023, "Hoan thanh xuat sac nhiem vu"),
        ),
        None,
        "CN2",
        "CB02",
        "met",
    ),
    (
        "CN2 rated HTNV once",
        lambda d: set_rating(d, "CB02", 2025, "Hoàn thành nhiệm vụ"),
        None,
        "CN2",
        "CB02",
        "unmet",
    ),
    (
        "CN2 missing year",
        lambda d: drop(d["ratings"], staff_id="CB02", year=2023),
        None,
        "CN2",
        "CB02",
        "missing",
    ),
    (
        "CN2 joined mid-2023: 2022 not judged",
        lambda d: (
            find(d["staff"], staff_id="CB02").update(joined=date(2023, 3, 1)),
            drop(d["ratings"], staff_id="CB02", year=2022),
        ),
        None,
        "CN2",
        "CB02",
        "met",
    ),
    (
        "CN2 joined late 2023: under 6 months not judged",
        lambda d: (
            find(d["staff"], staff_id="CB02").update(joined=date(2023, 9, 1)),
            drop(d["ratings"], staff_id="CB02", year=2022),
            drop(d["ratings"], staff_id="CB02", year=2023),
        ),
        None,
        "CN2",
        "CB02",
        "met",
    ),
    (
        "CN2 joined late 2023 judged when the minimum is 3 months",
        lambda d: (
            find(d["staff"], staff_id="CB02").update(joined=date(2023, 9, 1)),
            drop(d["ratings"], staff_id="CB02", year=2022),
            drop(d["ratings"], staff_id="CB02", year=2023),
        ),
        {"min_months": 3},
        "CN2",
        "CB02",
        "missing",
    ),
    ("CN3 clean", None, None, "CN3", "CB02", "met"),
    (
        "CN3 disciplined in the period",
        lambda d: discipline(d, date(2025, 12, 31), staff="CB02", form="Cảnh cáo"),
        None,
        "CN3",
        "CB02",
        "unmet",
    ),
    (
        "CN3 old form before 2025 reform",
        lambda d: discipline(d, date(2022, 2, 1), staff="CB02", form="Hạ bậc lương"),
        None,
        "CN3",
        "CB02",
        "unmet",
    ),
    (
        "CN3 breach of law",
        lambda d: discipline(d, date(2024, 2, 1), staff="CB02", form="Vi phạm pháp luật"),
        None,
        "CN3",
        "CB02",
        "unmet",
    ),
    (
        "CN3 someone else disciplined",
        lambda d: discipline(d, date(2024, 2, 1), staff="CB01"),
        None,
        "CN3",
        "CB02",
        "met",
    ),
]


@pytest.mark.parametrize(
    ("change", "settings", "criterion", "subject", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_criterion(tmp_path, change, settings, criterion, subject, expected):
    data = department()
    if change:
        change(data)
    result = evaluate(tmp_path, data, settings)
    got = outcome(result, criterion, subject)
    assert got.status == expected, got.render("en")
    assert got.render("vi") and got.render("en")


def test_reason_cites_the_source_cell_and_setting(tmp_path):
    data = department()
    set_rating(data, "CB02", 2024, "HTNV")
    result = evaluate(tmp_path, data)
    reason = outcome(result, "CN2", "CB02").render("vi")
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
    reason = outcome(result, "CN2", "CB02").render("en")
    assert reason.startswith("2024: Hoàn thành nhiệm vụ (")
    assert "below Xếp loại tối thiểu (TT6, CN2) = Hoàn thành tốt nhiệm vụ (Cấu hình!B" in reason
