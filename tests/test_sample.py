"""The sample data: contract types and keys, determinism, and the special cases it documents.

The outcomes the sample promises (`sample.EXPECTED`) are checked through the real evaluator
in tests/test_sample_outcomes.py.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from python_calamine import CalamineWorkbook

from parcom_excel import contract as c
from parcom_excel import sample as sample_module
from parcom_excel.core import run
from parcom_excel.documents.dossier import write_dossier
from parcom_excel.i18n import render
from parcom_excel.io.files import FileAdapter
from parcom_excel.sample import EXPECTED, SampleData, make_sample
from parcom_excel.text import clean

SAMPLE = Path(__file__).resolve().parents[1] / "workbook" / "parcom_sample.xlsx"

PERIOD = range(2022, 2026)
GOOD = {"HTXSNV", "HTTNV"}


@pytest.fixture(scope="module")
def data() -> SampleData:
    return make_sample()


# ---------------------------------------------------------------- contract
# the sample's council has not voted yet: its list is a proposal (Hội đồng stays empty)
@pytest.mark.parametrize("sheet", [s for s in c.DATA_SHEETS if s.key != "council"], ids=lambda s: s.key)
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
    assert {u["unit_kind"] for u in data.rows("units")} == {"PCM", "DVTS", "DVTTS", "LDS"}
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


# ---------------------------------------------------------------- as the plan tells it
def test_signed_and_led_as_the_plan_is(data: SampleData) -> None:
    """The plan is signed "GIÁM ĐỐC Trần Tùng Chuẩn"; the Sở's leaders are a unit of their own."""
    staff = data.rows("staff")
    directors = [(s["full_name"], s["unit_id"]) for s in staff if s["position"] == "Giám đốc"]
    assert directors == [("Trần Tùng Chuẩn", "BGD")] and data.settings["signer_name"] == "Trần Tùng Chuẩn"
    assert c.SETTINGS_BY_KEY["signer_title"].default == "GIÁM ĐỐC"
    leaders = [s for s in staff if s["position"] in ("Giám đốc", "Phó Giám đốc")]
    assert len(leaders) == 4 and {s["unit_id"] for s in leaders} == {"BGD"}
    units = {u["unit_id"]: u["unit_name"] for u in data.rows("units")}
    assert units["BGD"] == "Ban Giám đốc Sở"
    assert "Sở Khoa học và Công nghệ" in data.settings["agency_plan"]


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [
        p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs
    ]
    return "\n".join(parts)


def test_first_run_leaves_no_gap_the_plan_answers(tmp_path: Path) -> None:
    """The nomination list and the dossier of the shipped sample lack nothing the plan tells."""
    book = tmp_path / "mau.xlsx"
    shutil.copy(SAMPLE, book)
    result = run(FileAdapter(book))
    assert result.status == "evaluated"
    sheet = CalamineWorkbook.from_path(str(book)).get_sheet_by_name(c.output_name("nominations"))
    listing = "\n".join(str(v) for row in sheet.to_python() for v in row)
    assert "Trần Tùng Chuẩn" in listing and "[chưa có" not in listing
    assert "Phó Giám đốc" in listing and "Ban Giám đốc Sở" in listing  # CB002, not the Office's deputy
    done = write_dossier(result.evaluation, tmp_path / "ho_so")
    gaps: set[str] = set()
    for path in done.files:
        text = document_text(path)
        gaps |= set(re.findall(r"\[chưa có: ([^\]]+)\]", text))
        if path.name.startswith(("01_", "03_")):  # the Tờ trình and the Quyết định cite the plan
            assert "Căn cứ Kế hoạch năm 2022 của Sở Khoa học và Công nghệ" in text
        if path.name.startswith(("01_", "03_", "05_")):  # and the Giám đốc signs them
            assert "Trần Tùng Chuẩn" in text
    answered = {render(k) for k in ("doc_gap_signer", "doc_gap_agency_plan")}
    assert gaps and not gaps & answered
    # what the plan cannot tell: the council has not met, the reward money is the office's to set
    # (the plan names none), and the founding date of a unit older than the movement
    meeting = ("doc_gap_meeting_date", "doc_gap_members", "doc_gap_present")
    reward = (
        "doc_gap_reward_collective",
        "doc_gap_reward_person",
        "doc_gap_reward_basis",
        "doc_gap_reward_fund",
    )
    unknown = {render(k) for k in (*meeting, *reward, "doc_gap_founded")}
    assert gaps <= unknown, gaps - unknown
