"""Issue #23: the dossier written as carefully as the workbook, and the refusals that said the
wrong thing. Each test runs the real command on real files; kills and saves are injected from
outside the product (tests/batch_faults/sitecustomize.py on PYTHONPATH)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from parcom_excel.documents.dossier import report_names
from parcom_excel.io import safety
from tests.test_fileset import read_only_folder
from tests.workbooks import ROOT, department, run_cli, write_book

FAULTS = Path(__file__).parent / "batch_faults"


def with_faults(**faults: str) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(FAULTS), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, **faults}


def recoded(data: dict, codes: dict[str, str], names: dict[str, str] | None = None) -> dict:
    """The department with staff codes (and names) changed everywhere they appear."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, codes)) + r")\b")
    for rows in data.values():
        for row in rows:
            for key, value in row.items():
                if isinstance(value, str):
                    row[key] = pattern.sub(lambda m: codes[m.group(1)], value)
                    row[key] = (names or {}).get(row[key], row[key]) if key == "full_name" else row[key]
    return data


def fake_soffice(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `soffice` is a script of the test (never run when the process is
    killed as it starts it), and whose temp folder is an empty one of the test."""
    tools, temp = tmp_path / "bin", tmp_path / "temp"
    tools.mkdir()
    temp.mkdir()
    fake = tools / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    return {"PATH": f"{tools}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(temp)}, temp


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def whole(folder: Path) -> None:
    """Every file of the folder is a Word document that opens."""
    for path in folder.iterdir():
        assert path.suffix == ".docx", path.name
        docx.Document(str(path))


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "book.xlsx", department())


@pytest.fixture
def written(book: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "ho_so"
    done = run_cli("documents", book, "-o", folder)
    assert done.returncode == 0, done.stderr
    return folder


# ---------------------------------------------------------------- 1. kill -9 while writing


@pytest.mark.parametrize("step", [1, 4, 9])
def test_a_kill_while_writing_then_one_run_leaves_one_whole_set(book: Path, written: Path, step: int) -> None:
    names = listing(written)
    killed = run_cli("documents", book, "-o", written, env=with_faults(FAULT_KILL_AT=str(step)), fresh=True)
    assert killed.returncode == -9, killed.stderr
    done = run_cli("documents", book, "-o", written)
    assert done.returncode == 0, done.stderr
    assert listing(written) == names  # no temp file, stage or lock of ours left
    whole(written)


def test_a_kill_while_converting_to_pdf_leaves_no_libreoffice_profile(
    book: Path, written: Path, tmp_path: Path
) -> None:
    env, temp = fake_soffice(tmp_path)
    names = listing(written)
    killed = run_cli(
        "documents",
        book,
        "-o",
        written,
        "--pdf",
        env={**env, **with_faults(FAULT_KILL_CONVERT="1")},
        fresh=True,
    )
    assert killed.returncode == -9, killed.stderr
    done = run_cli("documents", book, "-o", written, env={"TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert listing(written) == names and os.listdir(temp) == []


# ---------------------------------------------------------------- 2. a draft that cannot be replaced


def _immutable(path: Path) -> None:
    if os.geteuid() != 0 or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("needs root and chattr to make a file immutable")


@pytest.mark.parametrize("how", ["word", "read-only", "immutable"])
def test_a_draft_open_in_word_or_read_only_stops_the_run_before_any_change(
    book: Path, written: Path, how: str
) -> None:
    draft = sorted(written.glob("02_*.docx"))[-1]  # one in the middle of the set
    if how == "word":
        lock = written / ("~$" + draft.name[2:])  # Word's owner file for a long name
        lock.write_bytes(b"owner")
    elif how == "read-only":
        draft.chmod(0o444)
    else:
        _immutable(draft)
    before = {p.name: (p.stat().st_ino, stat.S_IMODE(p.stat().st_mode)) for p in written.iterdir()}
    try:
        done = run_cli("documents", book, "-o", written)
    finally:
        if how == "immutable":
            subprocess.run(["chattr", "-i", str(draft)], check=True)
    assert done.returncode == 2, done.stdout
    assert draft.name in done.stderr and done.stderr.strip().count("\n") == 0
    assert "Traceback" not in done.stderr and "không lường trước" not in done.stderr
    after = {p.name: (p.stat().st_ino, stat.S_IMODE(p.stat().st_mode)) for p in written.iterdir()}
    assert after == before  # nothing replaced, the read-only draft still 0444


# ---------------------------------------------------------------- 3. and 4. file names


def test_codes_that_differ_only_in_vietnamese_letters_get_a_report_each(tmp_path: Path) -> None:
    data = recoded(department(), {"CB02": "CBĐ030", "CB04": "CBƯ030"})
    book = write_book(tmp_path / "book.xlsx", data)
    done = run_cli("documents", book, "-o", tmp_path / "ho_so")
    assert done.returncode == 0, done.stderr
    reports = sorted((tmp_path / "ho_so").glob("02_*_CB*030.docx"))
    assert [p.name for p in reports] == [
        "02_Bao_cao_thanh_tich_Pham_Thi_Dung_CBU030.docx",
        "02_Bao_cao_thanh_tich_Tran_Thi_Binh_CBD030.docx",
    ]
    texts = ["\n".join(p.text for p in docx.Document(str(r)).paragraphs) for r in reports]
    assert "Phạm Thị Dung" in texts[0] and "Trần Thị Bình" in texts[1]


def test_names_that_still_meet_get_suffixes_and_the_console_names_both(tmp_path: Path) -> None:
    data = recoded(department(), {"CB02": "CBĐ030", "CB04": "CBD030"}, {"Phạm Thị Dung": "Trần Thị Bình"})
    book = write_book(tmp_path / "book.xlsx", data)
    done = run_cli("documents", book, "-o", tmp_path / "ho_so")
    assert done.returncode == 0, done.stderr
    reports = sorted(p.name for p in (tmp_path / "ho_so").glob("02_*Tran_Thi_Binh*"))
    assert len(reports) == 2 and all(
        re.fullmatch(r"02_Bao_cao_thanh_tich_Tran_Thi_Binh_CBD030_[0-9a-f]{6}\.docx", r) for r in reports
    )
    note = next(line for line in done.stdout.splitlines() if "CBĐ030" in line and "CBD030" in line)
    assert all(r in note for r in reports)


def test_report_names_are_unique_bounded_and_readable() -> None:
    long = "ĐV" + "x" * 298
    parts, notes = report_names(
        [
            ("CBĐ030", "Nguyễn Văn Đức"),
            ("cbd030", "Nguyễn Văn Đức"),
            (long, "Phòng Kế hoạch – Tài chính"),
            (long + "y", "Phòng Kế hoạch – Tài chính"),
        ],
        "02_Bao_cao_thanh_tich_{}",
    )
    assert parts["CBĐ030"].startswith("Nguyen_Van_Duc_CBD030_") and parts["cbd030"].startswith(
        "Nguyen_Van_Duc_cbd030_"
    )
    assert len({s.casefold() for s in parts.values()}) == 4 and len(notes) == 1
    assert (
        "CBĐ030" in notes[0]
        and "cbd030" in notes[0]
        and f"02_Bao_cao_thanh_tich_{parts['cbd030']}.docx" in notes[0]
    )
    assert all(len(s) <= 80 for s in parts.values())
    assert parts[long].startswith("Phong_Ke_hoach_Tai_chinh_DVxxx") and parts[long] != parts[long + "y"]


def test_a_300_character_code_gives_bounded_names_and_a_whole_dossier(tmp_path: Path) -> None:
    code = "VP" + "Đ" * 298
    data = department()
    for rows in data.values():
        for row in rows:
            if row.get("unit_id") == "VP":
                row["unit_id"] = code
    book = write_book(tmp_path / "book.xlsx", data)
    folder = tmp_path / "ho_so"
    done = run_cli("documents", book, "-o", folder)
    assert done.returncode == 0, done.stderr
    assert all(len(name) <= 120 for name in listing(folder))
    (report,) = folder.glob("02_Bao_cao_thanh_tich_Van_phong_So_VPDDD*.docx")
    assert "Văn phòng Sở" in "\n".join(p.text for p in docx.Document(str(report)).paragraphs)


# ---------------------------------------------------------------- 5. a read-only folder


def test_a_read_only_output_folder_is_said_to_be_read_only(book: Path, written: Path) -> None:
    names = listing(written)
    with read_only_folder(written):
        done = run_cli("documents", book, "-o", written)
    assert done.returncode == 2
    assert str(written) in done.stderr and "chỉ cho phép đọc" in done.stderr
    assert "không lường trước" not in done.stderr and "Traceback" not in done.stderr
    assert listing(written) == names


# ---------------------------------------------------------------- 6. two long-named books at once


def test_two_books_whose_long_names_begin_alike_do_not_share_a_lock(tmp_path: Path) -> None:
    stem = "Bao cao thi dua cai cach hanh chinh " * 3
    first = write_book(tmp_path / f"{stem}phong A.xlsx", department())
    second = write_book(tmp_path / f"{stem}phong B.xlsx", department())
    assert first.name[:100] == second.name[:100]
    safety.hold_lock(first)
    try:
        done = run_cli("evaluate", second, env={"PARCOM_LOCK_WAIT": "0.5"})
    finally:
        safety.release_locks()
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# ---------------------------------------------------------------- 7. a save during the run


def test_a_save_during_the_read_is_not_called_damage(book: Path, tmp_path: Path) -> None:
    newer = write_book(tmp_path / "newer.xlsx", department())
    done = run_cli("validate", book, env=with_faults(FAULT_SAVE_DURING_READ=str(newer)), fresh=True)
    assert done.returncode == 2
    assert "đã thay đổi trong lúc" in done.stderr and "book.xlsx" in done.stderr
    assert "hỏng" not in done.stderr.replace("không hỏng", "") and "chép lại tệp gốc" not in done.stderr


def test_a_damaged_file_nobody_saves_is_still_called_damaged(book: Path) -> None:
    data = book.read_bytes()
    with zipfile.ZipFile(book) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("xl/worksheets/"))
    at = info.header_offset + 30 + len(info.filename) + 10
    book.write_bytes(data[:at] + bytes(b ^ 0xFF for b in data[at : at + 20]) + data[at + 20 :])
    done = run_cli("validate", book)
    assert done.returncode == 2 and "hỏng" in done.stderr and "đã thay đổi" not in done.stderr


# ---------------------------------------------------------------- 8. special bits


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_setgid_and_the_mode_are_kept_on_an_in_place_run(book: Path) -> None:
    book.chmod(0o2775)
    done = run_cli("evaluate", book)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(book.stat().st_mode) == 0o2775


# ---------------------------------------------------------------- 8. no English inside a refusal


def test_documents_into_a_file_says_so_in_one_vietnamese_sentence(book: Path, tmp_path: Path) -> None:
    (tmp_path / "a_file").write_bytes(b"x")
    done = run_cli("documents", book, "-o", tmp_path / "a_file")
    assert done.returncode == 2
    assert "là một tệp, không phải thư mục" in done.stderr and str(tmp_path / "a_file") in done.stderr
    assert not re.search(r"Invalid value|Directory|is a file", done.stderr)
    assert (tmp_path / "a_file").read_bytes() == b"x"


def _nobody_python() -> tuple[list[str], dict[str, str]] | None:
    """An interpreter an unprivileged user may run, with this package and its dependencies on its
    path (the test's own may live under root's home), or None."""
    import sysconfig

    path = os.pathsep.join([str(ROOT), sysconfig.get_paths()["purelib"]])
    for python in (sys.executable, f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"):
        try:
            probe = subprocess.run(
                [python, "-c", "import parcom_excel.cli"],
                user=65534,
                capture_output=True,
                env={"PYTHONPATH": path},
            )
        except OSError:
            continue
        if probe.returncode == 0:
            return [python, str(ROOT / "cli.py")], {"PYTHONPATH": path}
    return None


def test_an_unreadable_workbook_is_refused_without_english(book: Path) -> None:
    import tempfile

    if os.geteuid() != 0:
        book.chmod(0)
        done = run_cli("validate", book)
    else:  # root reads anything: the refusal is seen by an unprivileged user
        folder = Path(tempfile.mkdtemp())
        try:
            folder.chmod(0o755)
            unreadable = Path(shutil.copy(book, folder / "book.xlsx"))
            unreadable.chmod(0)
            nobody = _nobody_python()
            if nobody is None:
                pytest.skip("root, and no interpreter an unprivileged user may run")
            command, env = nobody
            done = subprocess.run(
                [*command, "validate", str(unreadable)],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env={**env, "HOME": str(folder), "PYTHONIOENCODING": "utf-8"},
                cwd=folder,
                user=65534,
                timeout=120,
            )
        finally:
            shutil.rmtree(folder)
    assert done.returncode == 2, done.stderr
    assert "book.xlsx" in done.stderr and "không có quyền" in done.stderr
    assert "Permission denied" not in done.stderr and "Traceback" not in done.stderr
