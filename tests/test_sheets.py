"""The output sheets of the sample, written and read back: the language, the states they tell,
the tables derived from their declared columns."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from parcom_excel.measure import wrapped_lines
from parcom_excel.nominations import NOMINATION_COLUMNS
from parcom_excel.rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, MET, MISSING, UNMET

from .workbooks import ROOT, run_cli

SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"
# Letters of Vietnamese that English does not have (lower case: texts are compared casefolded).
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sheets")
    written = {}
    for lang in ("vi", "en"):
        out = folder / f"{lang}.xlsx"
        done = run_cli("evaluate", SAMPLE, "-o", out, "--lang", lang, "--council-sheet")
        assert done.returncode == 0, done.stderr
        written[lang] = out
    return written


def _users_words() -> re.Pattern[str]:
    """Every text the user typed into the sample: the data sheets' cells (headers included: a
    column is named as the workbook names it) and the settings' names and values; the guide's
    and the settings' explanations are ours."""
    book = openpyxl.load_workbook(SAMPLE, read_only=True)
    data = {s.name("vi") for s in C.DATA_SHEETS}
    typed = {name.casefold() for name in book.sheetnames}
    for ws in book.worksheets:
        if ws.title not in data and ws.title != C.SETTINGS_SHEET.name("vi"):
            continue
        for row in ws.iter_rows(values_only=True):
            cells = row[:2] if ws.title == C.SETTINGS_SHEET.name("vi") else row
            typed |= {v.strip().casefold() for v in cells if isinstance(v, str) and v.strip()}
    return re.compile("|".join(re.escape(t) for t in sorted(typed, key=len, reverse=True)))


def _ours_in_vietnamese(path: Path, lang: str) -> list[str]:
    users = _users_words()
    book = openpyxl.load_workbook(path, read_only=True)
    names = [C.output_name(key, lang) for key in C.OUTPUT_SHEETS] + [C.COUNCIL.name(lang)]
    assert set(names) <= set(book.sheetnames)
    found = []
    for name in names:
        for r, row in enumerate(book[name].iter_rows(values_only=True), 1):
            for value in row:
                if isinstance(value, str) and VIETNAMESE.search(users.sub(" ", value.casefold())):
                    found.append(f"{name}!{r}: {value}")
    return found


def test_english_output_sheets_hold_no_vietnamese_but_the_users(books: dict[str, Path]) -> None:
    assert _ours_in_vietnamese(books["en"], "en") == []
    # the same scan finds our Vietnamese in a Vietnamese run: it can fail
    assert len(_ours_in_vietnamese(books["vi"], "vi")) > 50


def _table(path: Path, sheet: str, header_first: str) -> list[dict[str, object]]:
    """The rows of the table whose header row starts with `header_first`, by header."""
    rows = list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    top = next(i for i, row in enumerate(rows) if row and row[0] == header_first)
    header = rows[top]
    body = []
    for row in rows[top + 1 :]:
        if not row or row[0] is None:
            break
        body.append(dict(zip(header, row, strict=False)))
    return body


def test_eligible_outside_the_quota_says_which_quota(books: dict[str, Path]) -> None:
    evaluation = run(FileAdapter(SAMPLE), write=False).evaluation
    settings = evaluation.world.settings
    for key, group, target in (
        ("units_result", evaluation.units, "collectives"),
        ("staff_result", evaluation.people, "individuals"),
    ):
        rows = {row[_id_header(key)]: row for row in _table(books["vi"], C.output_name(key), "STT")}
        who = "tập thể" if target == "collectives" else "cá nhân"
        quotas = ", ".join(
            f"{award.label()} tối đa {settings.quota(award.key, target)[1]} {who}" for award in C.AWARDS
        )
        outside = [c for c in group if c.eligible and c.nominable and not c.award]
        assert outside, "the sample has eligible candidates beyond the quotas"
        for c in group:
            note = rows[c.id]["Ghi chú"] or ""
            said = f"Ngoài số lượng khen thưởng: {quotas}" in note
            assert said == (c in outside), (c.id, note)


def _id_header(key: str) -> str:
    return (C.UNITS.column("unit_id") if key == "units_result" else C.STAFF.column("staff_id")).label()


def test_lacking_data_is_counted_apart_from_failing(books: dict[str, Path]) -> None:
    evaluation = run(FileAdapter(SAMPLE), write=False).evaluation
    rows = _table(books["vi"], C.output_name("dashboard"), "Tiêu chí")
    by_id = {str(row["Tiêu chí"]).split(" – ")[0]: row for row in rows}
    lacking = 0
    for criteria, group in (
        (COLLECTIVE_CRITERIA, evaluation.units),
        (INDIVIDUAL_CRITERIA, evaluation.people),
    ):
        for criterion in criteria:
            row = by_id[criterion.id]
            statuses = [c.outcomes[criterion.id].status for c in group]
            met, unmet, missing = (statuses.count(s) for s in (MET, UNMET, MISSING))
            assert (row["Số đạt"], row["Số không đạt"], row["Số thiếu dữ liệu"]) == (met, unmet, missing)
            assert row["Tỷ lệ đạt"] == pytest.approx(met / (met + unmet))
            lacking += missing
    assert lacking, "the sample has candidates lacking data"
    # the per-unit table names the state, never 0% for a unit that lacks data
    units = _table(books["vi"], C.output_name("dashboard"), "Đơn vị")
    missing_units = [u for u in evaluation.units if u.outcomes["TT1"].status == MISSING]
    assert missing_units
    for unit in evaluation.units:
        row = next(r for r in units if r["Đơn vị"] == unit.name)
        assert (
            row["TT1"]
            == {MET: "Đạt", UNMET: "Không đạt", MISSING: "Thiếu dữ liệu"}[unit.outcomes["TT1"].status]
        )


def test_the_tables_follow_their_declared_columns(books: dict[str, Path]) -> None:
    book = openpyxl.load_workbook(books["vi"])
    kq = book[C.output_name("staff_result")]
    assert kq.freeze_panes == "D5" and kq.print_title_cols == "$A:$C" and kq.print_title_rows == "$4:$4"
    assert kq.auto_filter.ref.startswith("A4:")
    nominations = book[C.output_name("nominations")]
    header = next(
        row for row in nominations.iter_rows(values_only=True) if row and row[0] == "STT" and row[1]
    )
    assert len(header) >= len(NOMINATION_COLUMNS)
    for i, column in enumerate(NOMINATION_COLUMNS):
        letter = openpyxl.utils.get_column_letter(i + 1)
        assert nominations.column_dimensions[letter].width == pytest.approx(column.sheet_width, abs=1)
    log = book[C.output_name("log")]
    assert log.page_setup.fitToWidth in (None, 1) and log.page_setup.scale and log.page_setup.scale >= 60


def test_every_nomination_row_is_as_tall_as_its_text_laid_out(books: dict[str, Path]) -> None:
    """Each row holds its longest cell laid out in the template's real columns (Arial 11 default:
    8 pixels a character) at LibreOffice's line height for Times New Roman 12 (13.3 points),
    with no line cut; the estimate by character count it replaced fell short of it."""
    book = openpyxl.load_workbook(books["vi"])
    ws = book[C.output_name("nominations")]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(6)]
    room = [(int(w * 8 + 5) - 6) * 0.75 for w in widths]
    checked = 0
    for row in ws.iter_rows(min_row=1):
        if row[0].value is None or not isinstance(row[0].value, int) or len(row) < 6:
            continue
        height = ws.row_dimensions[row[0].row].height
        for cell, width in zip(row[:6], room, strict=True):
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                lines = wrapped_lines(cell.value, width, "Times New Roman", 12, bool(cell.font.b))
                assert height >= lines * 13.3, (cell.coordinate, height, lines)
                checked += 1
    assert checked > 20


def test_reasons_wrap_in_cells_without_links(books: dict[str, Path]) -> None:
    ws = openpyxl.load_workbook(books["vi"])[C.output_name("units_result")]
    header = [c.value for c in ws[4]]
    reasons = [i for i, h in enumerate(header) if h and str(h).startswith("Lý do")]
    assert len(reasons) == len(COLLECTIVE_CRITERIA)
    linked = 0
    for row in ws.iter_rows(min_row=5):
        for i in reasons:
            cell = row[i]
            assert cell.hyperlink is None and cell.alignment.wrap_text and cell.border.bottom.style == "thin"
            linked += row[i - 1].hyperlink is not None  # the status beside it links to the source
    assert linked > len(reasons)
