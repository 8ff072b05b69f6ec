"""Scenarios a council member can read (tests/cases/*.toml), run through the whole core.

Each case lists the sheets as the clerk would type them, in Vietnamese, and what the council
should see: the nomination list, criteria statuses, phrases the drafted summaries must (or must
never) contain, and what the errors sheet says. Every case runs in memory (reader, contract,
validation, rules, output sheets, the console summary); one runs end to end as a user would (`parcom evaluate -o`, the
written file read back) so the two paths are known to agree.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.core import run
from parcom_excel.rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA
from tests.workbooks import MemoryBook, run_cli, save_sheets, setting_value

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases").glob("*.toml"))
CRITERIA = {c.id for c in (*COLLECTIVE_CRITERIA, *INDIVIDUAL_CRITERIA)}
# What the award cell of the list may add to a name: a tie, or the council's word not yet given.
MARKS = ("đồng hạng", "cần Hội đồng xét", "chưa biểu quyết")


def sheets_of(case: dict) -> dict[str, list[list[Any]]]:
    given = case.get("settings", {})
    settings = [["Tham số", "Giá trị"]]
    settings += [[s.vi, given.get(s.vi, setting_value(s, s.default))] for s in C.SETTINGS]
    sheets = {C.SETTINGS_SHEET.vi: settings}
    for sheet in C.DATA_SHEETS:
        records = case.get("sheets", {}).get(sheet.vi, [])
        if len(records) == 1 and "rows" in records[0]:
            rows = records[0]["rows"]
        else:
            header = [c.vi for c in sheet.columns]
            rows = [header] + [[r.get(h) for h in header] for r in records]
        sheets[sheet.vi] = rows or [[c.vi for c in sheet.columns]]
    return sheets


def _values(rows) -> list[tuple]:
    """Output rows as plain value tuples, whether from an OutputSheet or a file read back."""
    return [tuple(getattr(c, "value", c) for c in row) for row in rows]


def nominations(rows: list[tuple]) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {}
    award = None
    for row in rows:
        first = row[0] if row else None
        if isinstance(first, str) and first.split(". ", 1)[0] in ("I", "II", "III"):
            award = next(a.vi for a in C.AWARDS if a.vi.upper() in first)
            got[award] = []
        elif award and isinstance(first, int) and row[1]:
            mark = next((m for m in MARKS if m in (row[5] or "")), None)
            got[award].append(row[1] + (f" ({mark})" if mark else ""))
    return got


def summaries(rows: list[tuple]) -> dict[str, str]:
    return {row[1]: row[4] for row in rows if len(row) > 4 and isinstance(row[0], int) and row[1]}


def statuses(sheets: list[list[tuple]]) -> dict[str, str]:
    out = {}
    for rows in sheets:
        header = next(i for i, r in enumerate(rows) if r and r[0] == "STT")
        heads = rows[header]
        for row in rows[header + 1 :]:
            for i, head in enumerate(heads):
                if isinstance(head, str) and head[:3] in CRITERIA:
                    out[f"{row[1]}.{head[:3]}"] = row[i]
    return out


def check(case: dict, sheets: dict[str, list[tuple]]) -> None:
    expect = case["expect"]
    errors_text = " ".join(str(v) for row in sheets.get("Lỗi dữ liệu", []) for v in row if v)
    for phrase in expect.get("errors_sheet_contains", []):
        assert phrase in errors_text, phrase
    if expect.get("exit", 0) == 1:  # data errors: nothing evaluated, only the error list written
        assert "Đề nghị khen thưởng" not in sheets and "Kết quả tính lúc" not in errors_text
        return
    listed = nominations(sheets["Đề nghị khen thưởng"])
    for award in C.AWARDS:
        if award.vi in expect:
            assert listed.get(award.vi, []) == expect[award.vi], f"{award.vi}: {listed.get(award.vi)}"
    found = statuses([sheets["KQ Tập thể"], sheets["KQ Cá nhân"]])
    for key, expected in expect.get("criteria", {}).items():
        assert found[key] == expected, key
    drafted = summaries(sheets["Đề nghị khen thưởng"])
    for name, phrases in expect.get("summary_contains", {}).items():
        for phrase in phrases:
            assert phrase in drafted[name], f"{name}: {phrase!r} not in {drafted[name]!r}"
    for name, phrases in expect.get("summary_never", {}).items():
        for phrase in phrases:
            assert phrase not in drafted[name], f"{name}: {phrase!r} in {drafted[name]!r}"
    listing = " ".join(str(v) for row in sheets["Đề nghị khen thưởng"] for v in row if v)
    for phrase in expect.get("list_contains", []):
        assert phrase in listing, phrase
    results = {
        row[2]: " ".join(str(v) for v in row if v)
        for row in (*sheets["KQ Tập thể"], *sheets["KQ Cá nhân"])
        if len(row) > 2
    }
    for name, phrases in expect.get("results_contain", {}).items():
        for phrase in phrases:
            assert phrase in results[name], f"{name}: {phrase!r} not in {results[name]!r}"


@pytest.mark.parametrize("case_file", CASES, ids=[p.stem for p in CASES])
def test_case(case_file):
    case = tomllib.loads(case_file.read_text(encoding="utf-8"))
    book = MemoryBook(sheets_of(case))
    result = run(book, write=True)
    assert result.exit_code == case["expect"].get("exit", 0), [p.message("vi") for p in result.errors]
    console = result.summary_text("vi")
    for phrase in case["expect"].get("console_contains", []):
        assert phrase in console, f"{phrase!r} not in {console!r}"
    if "console_first_line" in case["expect"]:
        assert console.splitlines()[0].startswith(case["expect"]["console_first_line"]), console
    check(case, {sheet.name: _values(sheet.rows) for sheet in book.written.values()})


def test_a_case_end_to_end_through_the_file(tmp_path):
    case_file = ROOT / "tests" / "cases" / "dong_hang.toml"
    case = tomllib.loads(case_file.read_text(encoding="utf-8"))
    book = save_sheets(tmp_path / "input.xlsx", sheets_of(case))
    out = tmp_path / "output.xlsx"
    done = run_cli("evaluate", book, "-o", out, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    written = openpyxl.load_workbook(out, read_only=True)
    check(case, {name: list(written[name].iter_rows(values_only=True)) for name in written.sheetnames})
