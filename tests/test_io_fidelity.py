"""Writing our sheets into workbooks made by Excel keeps every part of them.

The corpus sits beside the repository (../shared/corpus/excel-made, read-only): real files with
pivots, slicers, timelines, sparklines, form controls, ActiveX, VBA, rich data, external links,
x14 validations and data bars. Each is copied, written twice, and compared part by part.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from parcom_excel.io.package import owned_sheets, write_outputs
from parcom_excel.io.safety import preflight
from parcom_excel.model import Cell, Chart, OutputSheet
from parcom_excel.problems import ParcomError
from tests.helpers_rich import check_preserved, read_parts, sheet_parts

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "excel-made"
FILES = sorted(p for p in CORPUS.glob("*.xls*")) if CORPUS.is_dir() else []

# Files the preflight must refuse, with the reason. None of the current corpus is refused:
# cx_tdf104310.xlsx carries an empty <workbookProtection/> (LibreOffice writes it), which does
# not lock the structure, so it is written like the others.
REFUSED: dict[str, str] = {}

UNITS, LOG = "KQ Tập thể", "Nhật ký"

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def outputs(n: int) -> list[OutputSheet]:
    rows: list[list[Cell | None]] = [[Cell("Đơn vị", "header"), Cell("Tỉ lệ đạt", "header")]]
    rows += [[Cell(f"Đơn vị {i}"), Cell(i / (n + 1), "pct")] for i in range(1, n + 1)]
    rows.append([Cell('=HYPERLINK("http://x","y")'), Cell("=1+1")])
    chart = Chart("Tỉ lệ đạt", categories=(1, n, 0), series=[(0, 1, 1, 1)], last_row=n, anchor=(1, 3))
    return [
        OutputSheet(
            "units_result", UNITS, rows, widths={0: 24}, freeze=(1, 0), repeat_rows=(0, 0), chart=chart
        ),
        OutputSheet("log", LOG, [[Cell("Lần chạy", "header")], [Cell(n, "int")]]),
    ]


def _openpyxl_opens(path: Path) -> bool:
    try:
        openpyxl.load_workbook(path, read_only=True).close()
    except Exception:  # some corpus files are beyond openpyxl; calamine is our reader anyway
        return False
    return True


@pytest.mark.skipif(not FILES, reason=f"corpus not found at {CORPUS}")
@pytest.mark.parametrize("source", FILES, ids=[p.name for p in FILES])
def test_corpus_workbook_keeps_every_part(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    if source.name in REFUSED:
        with pytest.raises(ParcomError) as err:
            preflight(path)
        assert err.value.code == REFUSED[source.name] and path.name in err.value.message("vi")
        return

    original = read_parts(path)
    user_sheets = list(sheet_parts(original))
    opens_before = _openpyxl_opens(path)

    write_outputs(path, outputs(3))
    first = read_parts(path)
    check_preserved(original, first, [UNITS, LOG])
    assert list(sheet_parts(first)) == [*user_sheets, UNITS, LOG]

    write_outputs(path, outputs(5))
    second = read_parts(path)
    check_preserved(original, second, [UNITS, LOG], replaced=True)
    assert list(sheet_parts(second)) == [*user_sheets, UNITS, LOG]
    assert sorted(n for n in second if not n.lower().endswith("calcchain.xml")) == sorted(
        n for n in first if not n.lower().endswith("calcchain.xml")
    )
    styles = next(n for n in second if n.lower() == "xl/styles.xml")
    assert second[styles] == first[styles]
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None

    assert preflight(path) == preflight(source)
    assert owned_sheets(path) == {"units_result": UNITS, "log": LOG}
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_name(UNITS).to_python()
    assert [r[0] for r in rows] == [
        "Đơn vị",
        *[f"Đơn vị {i}" for i in range(1, 6)],
        '=HYPERLINK("http://x","y")',
    ]
    assert rows[-1][1] == "=1+1"
    assert book.get_sheet_by_name(LOG).to_python()[1][0] == 5
    if opens_before:
        ws = openpyxl.load_workbook(path)[UNITS]
        assert ws["A2"].value == "Đơn vị 1" and ws["A7"].data_type == "s"
