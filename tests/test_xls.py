"""Excel 97–2003 (.xls) workbooks: checked like any other, never written into."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from parcom_excel.core import fingerprint_inputs
from parcom_excel.io.files import FileAdapter
from parcom_excel.reader import read_inputs
from tests.workbooks import department, run_cli, write_book

XLS = Path(__file__).parent / "data" / "department.xls"


def test_the_xls_file_reads_as_the_same_data_as_its_xlsx(tmp_path: Path) -> None:
    xlsx = write_book(tmp_path / "department.xlsx", department())
    from_xls = read_inputs(FileAdapter(XLS))
    from_xlsx = read_inputs(FileAdapter(xlsx))
    assert {k: len(t) for k, t in from_xls.tables.items()} == {k: len(t) for k, t in from_xlsx.tables.items()}
    # same values, types and settings; if department() changed, remake the file (tests/data/README.md)
    assert fingerprint_inputs(from_xls, None, None) == fingerprint_inputs(from_xlsx, None, None)


def test_validate_checks_an_xls_file(tmp_path: Path) -> None:
    book = shutil.copy(XLS, tmp_path / "cu.xls")
    result = run_cli("validate", book, "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["errors"] == 0


def test_evaluate_refuses_to_write_into_an_xls_file_in_one_sentence(tmp_path: Path) -> None:
    book = Path(shutil.copy(XLS, tmp_path / "cu.xls"))
    before = book.read_bytes()
    for extra in ([], ["-o", tmp_path / "ket_qua.xlsx"]):
        result = run_cli("evaluate", book, *extra)
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        message = result.stderr.strip()
        assert message.count("\n") == 0 and "cu.xls" in message and ".xlsx" in message
    assert book.read_bytes() == before
    assert not (tmp_path / "ket_qua.xlsx").exists()
