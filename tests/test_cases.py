"""Scenario workbooks a council member can read (tests/cases/*.toml), run end to end.

Each case lists the sheets as the clerk would type them, in Vietnamese, and the expected
nomination list. The test writes the workbook, runs `parcom evaluate -o`, and reads the
nomination sheet and the result sheets back from the written file.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from parcom_excel import contract as C
from tests.workbooks import run_cli, setting_value

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted((ROOT / "tests" / "cases").glob("*.toml"))


def build(case: dict, path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = C.SETTINGS_SHEET.vi
    ws.append(["Tham số", "Giá trị"])
    given = case.get("settings", {})
    for setting in C.SETTINGS:
        ws.append([setting.vi, given.get(setting.vi, setting_value(setting, setting.default))])
    for sheet in C.DATA_SHEETS:
        ws = book.create_sheet(sheet.vi)
        records = case.get("sheets", {}).get(sheet.vi, [])
        if len(records) == 1 and "rows" in records[0]:
            rows = records[0]["rows"]
        else:
            header = [c.vi for c in sheet.columns]
            rows = [header] + [[r.get(h) for h in header] for r in records]
        if not rows:
            rows = [[c.vi for c in sheet.columns]]
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, date):
                    cell.number_format = "dd/mm/yyyy"
    book.save(path)
    return path


def nominations(path: Path) -> dict[str, list[str]]:
    ws = openpyxl.load_workbook(path, read_only=True)["Đề nghị khen thưởng"]
    got: dict[str, list[str]] = {}
    award = None
    for row in ws.iter_rows(values_only=True):
        first = row[0] if row else None
        if isinstance(first, str) and first.split(". ", 1)[0] in ("I", "II", "III"):
            award = next(a.vi for a in C.AWARDS if a.vi.upper() in first)
            got[award] = []
        elif award and isinstance(first, int) and row[1]:
            tied = "đồng hạng" in (row[5] or "")
            got[award].append(row[1] + (" (đồng hạng)" if tied else ""))
    return got


def statuses(path: Path) -> dict[str, str]:
    book = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for name in ("KQ Tập thể", "KQ Cá nhân"):
        rows = list(book[name].iter_rows(values_only=True))
        header = next(i for i, r in enumerate(rows) if r and r[0] == "STT")
        heads = rows[header]
        for row in rows[header + 1 :]:
            for i, head in enumerate(heads):
                if isinstance(head, str) and head[:3] in {
                    c.id for c in (*C.COLLECTIVE_CRITERIA, *C.INDIVIDUAL_CRITERIA)
                }:
                    out[f"{row[1]}.{head[:3]}"] = row[i]
    return out


@pytest.mark.parametrize("case_file", CASES, ids=[p.stem for p in CASES])
def test_case(tmp_path, case_file):
    case = tomllib.loads(case_file.read_text(encoding="utf-8"))
    book = build(case, tmp_path / "input.xlsx")
    out = tmp_path / "output.xlsx"
    done = run_cli("evaluate", book, "-o", out, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    got = nominations(out)
    for award, names in case["expect"].items():
        if award == "criteria":
            continue
        assert got.get(award, []) == names, f"{award}: {got.get(award)}"
    found = statuses(out)
    for key, expected in case["expect"].get("criteria", {}).items():
        assert found[key] == expected, key
