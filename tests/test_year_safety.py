"""Issue #23, last item: the files the office's year writes get the dossier's care. The units'
copies of one `split` and the certificates of one `documents --certificates/--blanks` run are
each one set (io.safety.write_set); the merged master keeps its mode and holds the run lock.
Real commands on real files; kills are injected from outside the product
(tests/batch_faults/sitecustomize.py on PYTHONPATH)."""

from __future__ import annotations

import os
import re
import socket
import stat
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.awards import record_awards
from parcom_excel.io import safety
from parcom_excel.io.files import FileAdapter
from parcom_excel.sample import make_sample
from parcom_excel.split import read_identity
from parcom_excel.template import build_template
from tests.test_dossier_safety import fake_soffice, listing, with_faults
from tests.workbooks import run_cli


def _master(path: Path, units: list[tuple[str, str]] = ()) -> Path:
    """The sample office's master before the round, with `units` (code, name) added."""
    data = make_sample()
    data.tables["units"] += [{"unit_id": code, "unit_name": name} for code, name in units]
    return build_template(path, sample=data)


def _copies(folder: Path) -> dict[str, tuple[str, str]]:
    """Each file of the folder read as a unit's copy: name -> (unit, round). A file that is not
    a whole copy fails the test."""
    out = {}
    for path in folder.iterdir():
        identity = read_identity(FileAdapter(path))
        assert identity is not None, path.name
        out[path.name] = (identity.unit, identity.round.key)
    return out


def _state(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {
        p.name: (p.stat().st_ino, p.stat().st_mtime_ns, stat.S_IMODE(p.stat().st_mode))
        for p in folder.iterdir()
    }


def _one_sentence(done) -> str:
    said = done.stderr.strip()
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in said and "\n" not in said and "không lường trước" not in said, said
    return said


@pytest.fixture(scope="module")
def master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _master(tmp_path_factory.mktemp("year") / "tong_hop.xlsx")


@pytest.fixture
def copies(master: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "gui_don_vi"
    done = run_cli("split", master, "-o", folder, "--year", "2025")
    assert done.returncode == 0, done.stderr
    return folder


# ---------------------------------------------------------------- split: one set


@pytest.mark.parametrize("where", ["first", "swap", "last"])
def test_a_kill_during_split_then_one_run_leaves_one_whole_set(
    copies: Path, master: Path, where: str
) -> None:
    names = listing(copies)
    n = len(names)
    step = {"first": 1, "swap": n + 1, "last": 2 * n}[where]  # renames: n old copies out, n new in
    args = ("split", master, "-o", copies, "--year", "2024", "--force")
    killed = run_cli(*args, env=with_faults(FAULT_KILL_AT=str(step)), fresh=True)
    assert killed.returncode == -9, killed.stderr
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert listing(copies) == names  # no stage, temp file or lock of ours left
    assert {r for _, r in _copies(copies).values()} == {"2024"}  # every copy of the new round


def test_a_copy_open_in_excel_is_refused_and_nothing_replaced(copies: Path, master: Path) -> None:
    copy = sorted(copies.iterdir())[1]
    owner = copies / ("~$" + copy.name[2:])  # Excel's owner file for a long name
    owner.write_bytes(b"owner")
    before = _state(copies)
    said = _one_sentence(run_cli("split", master, "-o", copies, "--year", "2024", "--force"))
    assert copy.name in said and "Excel" in said and owner.name in said
    assert _state(copies) == before


def test_a_read_only_copy_is_refused_and_nothing_replaced(copies: Path, master: Path) -> None:
    copy = sorted(copies.iterdir())[-1]
    copy.chmod(0o444)
    before = _state(copies)
    said = _one_sentence(run_cli("split", master, "-o", copies, "--year", "2024", "--force"))
    assert copy.name in said and "chỉ cho phép đọc" in said
    assert _state(copies) == before  # the copy still 0444, none replaced


def test_a_renamed_unit_leaves_no_copy_under_its_old_name(master: Path, tmp_path: Path) -> None:
    folder = tmp_path / "c"
    assert run_cli("split", master, "-o", folder, "--units", "VP").returncode == 0
    (old,) = listing(folder)
    renamed = _master(tmp_path / "renamed.xlsx")
    book = openpyxl.load_workbook(renamed)
    sheet = book[C.UNITS.vi]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "VP")
    row[1].value = "Văn phòng Sở (mới)"
    book.save(renamed)
    refused = run_cli("split", renamed, "-o", folder, "--units", "VP")
    assert refused.returncode == 2 and old in refused.stdout + refused.stderr  # --force to replace it
    done = run_cli("split", renamed, "-o", folder, "--units", "VP", "--force")
    assert done.returncode == 0, done.stderr
    assert listing(folder) == ["VP - Văn phòng Sở (mới).xlsx"]


def test_units_whose_names_meet_get_a_copy_each_and_the_console_names_both(tmp_path: Path) -> None:
    book = _master(tmp_path / "m.xlsx", [("KT/1", "Phòng Kế toán"), ("KT:1", "phòng kế toán")])
    folder = tmp_path / "c"
    done = run_cli("split", book, "-o", folder, "--year", "2025", "--units", "KT/1,KT:1")
    assert done.returncode == 0, done.stderr
    made = _copies(folder)
    assert sorted(unit for unit, _ in made.values()) == ["KT/1", "KT:1"]
    for name, (unit, _) in made.items():
        stem = "KT-1 - Phòng Kế toán" if unit == "KT/1" else "KT-1 - phòng kế toán"
        assert re.fullmatch(re.escape(stem) + r" \([0-9a-f]{6}\)\.xlsx", name), name
    note = next(line for line in done.stdout.splitlines() if "KT/1" in line and "KT:1" in line)
    assert all(name in note for name in made)


def test_a_300_character_unit_name_gives_a_bounded_name(tmp_path: Path) -> None:
    long = "Phòng " + "Đ" * 294
    book = _master(tmp_path / "m.xlsx", [("DV1", long), ("DV2", long[:-1] + "X")])
    folder = tmp_path / "c"
    done = run_cli("split", book, "-o", folder, "--year", "2025", "--units", "DV1,DV2")
    assert done.returncode == 0, done.stderr
    made = _copies(folder)
    assert sorted(unit for unit, _ in made.values()) == ["DV1", "DV2"]
    for name in made:
        assert len(name.encode("utf-8")) <= 160 and name.startswith(("DV1 - Phòng ĐĐĐ", "DV2 - Phòng ĐĐĐ"))
        assert re.search(r"~[0-9a-f]{6}\.xlsx$", name), name


# ---------------------------------------------------------------- certificates: one set


@pytest.fixture
def awarded(master: Path, tmp_path: Path) -> Path:
    book = tmp_path / "book.xlsx"
    book.write_bytes(master.read_bytes())
    record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    return book


@pytest.fixture
def printed(awarded: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "giay_khen"
    done = run_cli("documents", awarded, "--blanks", "-o", folder)
    assert done.returncode == 0, done.stderr
    assert listing(folder) == ["06_Giay_khen_in_phoi.docx", "06_Luoi_can_phoi.docx"]
    return folder


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_a_kill_during_certificates_then_one_run_leaves_one_whole_set(
    awarded: Path, printed: Path, step: int
) -> None:
    names = listing(printed)
    args = ("documents", awarded, "--blanks", "-o", printed)
    killed = run_cli(*args, env=with_faults(FAULT_KILL_AT=str(step)), fresh=True)
    assert killed.returncode == -9, killed.stderr
    done = run_cli(*args)
    assert done.returncode == 0, done.stderr
    assert listing(printed) == names
    for name in names:
        docx.Document(str(printed / name))


def test_a_kill_while_converting_certificates_leaves_nothing_of_ours(
    awarded: Path, printed: Path, tmp_path: Path
) -> None:
    env, temp = fake_soffice(tmp_path)
    names = listing(printed)
    killed = run_cli(
        "documents",
        awarded,
        "--blanks",
        "-o",
        printed,
        "--pdf",
        env={**env, **with_faults(FAULT_KILL_CONVERT="1")},
        fresh=True,
    )
    assert killed.returncode == -9, killed.stderr
    assert any(n.startswith(".parcom-set.") for n in os.listdir(printed))  # the dead run's stage
    done = run_cli("documents", awarded, "--blanks", "-o", printed, env={"TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert listing(printed) == names and os.listdir(temp) == []


def test_certificates_open_in_word_are_refused_and_nothing_replaced(awarded: Path, printed: Path) -> None:
    owner = printed / "~$_Luoi_can_phoi.docx"  # Word's owner file of 06_Luoi_can_phoi.docx
    owner.write_bytes(b"owner")
    before = _state(printed)
    said = _one_sentence(run_cli("documents", awarded, "--blanks", "-o", printed))
    assert "06_Luoi_can_phoi.docx" in said and owner.name in said
    assert _state(printed) == before


def test_a_stale_pdf_of_an_earlier_run_goes_with_the_swap(awarded: Path, printed: Path) -> None:
    stale = printed / "06_Luoi_can_phoi.pdf"  # as an earlier run with --pdf left it
    stale.write_bytes(b"%PDF-1.4 earlier")
    kept = printed / "ghi_chu.pdf"  # the office's own file
    kept.write_bytes(b"%PDF-1.4 ours to keep")
    done = run_cli("documents", awarded, "--blanks", "-o", printed)
    assert done.returncode == 0, done.stderr
    assert listing(printed) == ["06_Giay_khen_in_phoi.docx", "06_Luoi_can_phoi.docx", "ghi_chu.pdf"]


# ---------------------------------------------------------------- the merged master


def test_collect_keeps_the_masters_mode_and_special_bits(master: Path, tmp_path: Path) -> None:
    book = tmp_path / "tong_hop.xlsx"
    book.write_bytes(master.read_bytes())
    folder = tmp_path / "c"
    assert run_cli("split", book, "-o", folder, "--units", "VP").returncode == 0
    book.chmod(0o2775)
    inode = book.stat().st_ino
    done = run_cli("merge", folder, "--into", book)
    assert done.returncode in (0, 1), done.stderr
    assert stat.S_IMODE(book.stat().st_mode) == 0o2775 and book.stat().st_ino != inode  # rewritten


def test_merge_over_a_master_keeps_its_mode(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "moi.xlsx"
    out.write_bytes(master.read_bytes())
    out.chmod(0o2640)
    done = run_cli("merge", master, "-o", out, "--force")
    assert done.returncode in (0, 1), done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o2640


@pytest.mark.parametrize("how", ["into", "over"])
def test_a_master_being_written_by_another_run_is_refused(master: Path, tmp_path: Path, how: str) -> None:
    book = tmp_path / "tong_hop.xlsx"
    book.write_bytes(master.read_bytes())
    folder = tmp_path / "c"
    assert run_cli("split", book, "-o", folder, "--units", "VP").returncode == 0
    lock = safety.lock_path(book)
    lock.write_text(f"{os.getpid()} {socket.gethostname()}\n")  # a live run's lock
    digest = book.read_bytes()
    args = ("merge", folder, "--into", book) if how == "into" else ("merge", master, "-o", book, "--force")
    said = _one_sentence(run_cli(*args, env={"PARCOM_LOCK_WAIT": "0"}))
    assert book.name in said and lock.name in said
    assert book.read_bytes() == digest and lock.exists()


def test_merge_over_a_master_open_in_excel_is_refused(master: Path, tmp_path: Path) -> None:
    out = tmp_path / "tong_hop_moi.xlsx"
    out.write_bytes(master.read_bytes())
    owner = tmp_path / "~$ng_hop_moi.xlsx"
    owner.write_bytes(b"owner")
    said = _one_sentence(run_cli("merge", master, "-o", out, "--force"))
    assert out.name in said and "Excel" in said
    assert out.read_bytes() == master.read_bytes()
