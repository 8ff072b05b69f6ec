"""`parcom batch` on real folders: per-file outcomes, isolation of workers, summaries, --changed-only."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from parcom_excel.batch import (
    START_ENV,
    find_workbooks,
    is_lock_or_temp,
)
from parcom_excel.cli.batch import command as batch_command
from parcom_excel.io.package import owned_sheets
from tests.workbooks import department, find, run_cli, write_book

FAULTS = Path(__file__).parent / "batch_faults"

ROOT = Path(__file__).resolve().parents[1]


def run_batch(*args, env=None):
    """The real command in its own process, as a scheduler would start it (stderr is not a tty)."""
    return run_cli("batch", *args, env=env, timeout=120)


def summary(folder: Path) -> dict[str, dict]:
    data = json.loads((folder / "parcom_batch.json").read_text(encoding="utf-8"))
    return {row["file"]: row for row in data["files"]} | {"_meta": data}


def bad_data():
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "Tốt lắm"
    return data


def test_mixed_folder_in_place(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    write_book(folder / "good.xlsx", department())
    write_book(folder / "bad.xlsx", bad_data())
    (folder / "corrupt.xlsx").write_bytes(os.urandom(4096))
    locked = write_book(folder / "locked.xlsx", department())
    (folder / "~$locked.xlsx").write_bytes(b"\x0cuser" + b"\x00" * 160)
    (folder / "notes.txt").write_text("not a workbook")
    locked_before = locked.read_bytes()

    done = run_batch(folder, "--in-place", "--jobs", "2")

    assert done.returncode == 2, done.stderr
    rows = summary(folder)
    assert rows["good.xlsx"]["outcome"] == "evaluated"
    assert rows["good.xlsx"]["nominations"] > 0 and rows["good.xlsx"]["errors"] == 0
    assert rows["bad.xlsx"]["outcome"] == "data_errors" and rows["bad.xlsx"]["errors"] == 1
    assert "Tốt lắm" in rows["bad.xlsx"]["message"] and "'Đánh giá cá nhân'!C" in rows["bad.xlsx"]["message"]
    assert rows["corrupt.xlsx"]["outcome"] == "unusable"
    assert "corrupt.xlsx" in rows["corrupt.xlsx"]["message"]
    assert rows["locked.xlsx"]["outcome"] == "unusable"
    assert "~$locked.xlsx" in rows["locked.xlsx"]["message"]
    assert rows["~$locked.xlsx"]["outcome"] == "skipped"
    assert "notes.txt" not in rows
    assert rows["_meta"]["exit_code"] == 2 and rows["_meta"]["jobs"] == 2
    # results were written into the good and the bad workbook, the locked one is untouched
    assert {"units_result", "nominations", "log"} <= set(owned_sheets(folder / "good.xlsx"))
    assert "errors" in owned_sheets(folder / "bad.xlsx")
    assert locked.read_bytes() == locked_before
    # the CSV says the same (UTF-8 with BOM so Excel shows the Vietnamese)
    with (folder / "parcom_batch.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:5] == ["Tệp", "Kết quả", "Lỗi", "Đề nghị", "Giây"]
    outcomes = {line[0]: line[5] for line in table[1:]}
    assert outcomes == {
        "bad.xlsx": "data_errors",
        "corrupt.xlsx": "unusable",
        "good.xlsx": "evaluated",
        "locked.xlsx": "unusable",
        "~$locked.xlsx": "skipped",
    }
    # stdout: the summary table; stderr (not a terminal): one plain line per file
    assert "good.xlsx" in done.stdout and "đã đánh giá" in done.stdout and "không dùng được" in done.stdout
    assert "good.xlsx: đã đánh giá" in done.stderr and "corrupt.xlsx: không dùng được" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_out_keeps_originals_recursive_and_changed_only(tmp_path):
    folder, out = tmp_path / "nop", tmp_path / "ket_qua"
    (folder / "phong").mkdir(parents=True)
    good = write_book(folder / "good.xlsx", department())
    other = write_book(folder / "phong" / "other.xlsx", department())
    before = {p: p.read_bytes() for p in (good, other)}

    first = run_batch(folder, "--out", out, "--recursive", "--lang", "en")

    assert first.returncode == 0, first.stdout + first.stderr
    assert {p: p.read_bytes() for p in (good, other)} == before  # originals byte-identical
    assert "log" in owned_sheets(out / "good.xlsx") and "log" in owned_sheets(out / "phong" / "other.xlsx")
    rows = summary(out)
    assert rows["good.xlsx"]["outcome"] == rows["phong/other.xlsx"]["outcome"] == "evaluated"
    assert rows["good.xlsx"]["output"] == str(out / "good.xlsx")
    assert not (folder / "parcom_batch.json").exists()
    assert "evaluated" in first.stdout and "File" in first.stdout

    again = run_batch(folder, "--out", out, "--recursive", "--changed-only")

    assert again.returncode == 0, again.stdout + again.stderr
    rows = summary(out)
    assert rows["good.xlsx"]["outcome"] == rows["phong/other.xlsx"]["outcome"] == "unchanged"
    assert rows["good.xlsx"]["nominations"] > 0  # what the last logged run found
    assert "không đổi" in again.stdout


def _edit_rating(path: Path, rating: str) -> None:
    """A clerk changes one rating in Excel (here openpyxl): the workbook keeps its result sheets."""
    book = openpyxl.load_workbook(path)
    sheet = book["Đánh giá cá nhân"]
    sheet["C2"] = rating
    book.save(path)


def test_changed_only_in_place_follows_the_data(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    a = write_book(folder / "a.xlsx", department())
    b = write_book(folder / "b.xlsx", department())

    first = run_batch(folder, "--in-place", "--changed-only")
    assert first.returncode == 0, first.stdout + first.stderr
    rows = summary(folder)
    assert rows["a.xlsx"]["outcome"] == rows["b.xlsx"]["outcome"] == "evaluated"

    unchanged = b.read_bytes()
    second = run_batch(folder, "--in-place", "--changed-only")
    assert second.returncode == 0, second.stdout + second.stderr
    rows = summary(folder)
    assert rows["a.xlsx"]["outcome"] == rows["b.xlsx"]["outcome"] == "unchanged"
    assert b.read_bytes() == unchanged  # skipped means not rewritten

    _edit_rating(a, "Hoàn thành xuất sắc nhiệm vụ")
    assert "log" in owned_sheets(a)
    third = run_batch(folder, "--in-place", "--changed-only")
    assert third.returncode == 0, third.stdout + third.stderr
    rows = summary(folder)
    assert rows["a.xlsx"]["outcome"] == "evaluated"
    assert rows["b.xlsx"]["outcome"] == "unchanged"


def test_a_crashing_or_hanging_worker_only_fails_its_file(tmp_path):
    """Faults injected from tests/batch_faults (sitecustomize): that file's worker dies with exit 3,
    or hangs; the spawn start method is the one Windows uses."""
    folder = tmp_path / "nop"
    folder.mkdir()
    for name in ("a_good.xlsx", "crash.xlsx", "hang.xlsx", "z_good.xlsx"):
        write_book(folder / name, department())

    done = run_batch(
        folder,
        "--out",
        tmp_path / "out",
        "--jobs",
        "2",
        "--timeout",
        "8",
        env={
            "PYTHONPATH": os.pathsep.join(filter(None, [str(FAULTS), os.environ.get("PYTHONPATH")])),
            "FAULT_CRASH": "crash.xlsx",
            "FAULT_HANG": "hang.xlsx",
            START_ENV: "spawn",
        },
    )

    assert done.returncode == 2, done.stdout + done.stderr
    rows = summary(tmp_path / "out")
    assert rows["crash.xlsx"]["outcome"] == "crashed"
    assert "crash.xlsx" in rows["crash.xlsx"]["message"] and "3" in rows["crash.xlsx"]["message"]
    assert rows["hang.xlsx"]["outcome"] == "crashed" and "8 giây" in rows["hang.xlsx"]["message"]
    assert rows["a_good.xlsx"]["outcome"] == rows["z_good.xlsx"]["outcome"] == "evaluated"
    assert "log" in owned_sheets(tmp_path / "out" / "z_good.xlsx")
    assert not (tmp_path / "out" / "crash.xlsx").exists()
    assert "Traceback" not in done.stderr


def test_target_is_required(tmp_path):
    runner = CliRunner()
    neither = runner.invoke(batch_command, [str(tmp_path)])
    assert neither.exit_code == 2
    assert "--out" in neither.output and "--in-place" in neither.output
    both = runner.invoke(batch_command, [str(tmp_path), "--in-place", "--out", str(tmp_path / "o")])
    assert both.exit_code == 2
    missing = runner.invoke(batch_command, [str(tmp_path / "nowhere"), "--in-place", "--lang", "en"])
    assert missing.exit_code == 2 and "was not found" in missing.output
    empty = runner.invoke(batch_command, [str(tmp_path), "--in-place"])
    assert empty.exit_code == 0 and "không có sổ làm việc" in empty.output
    assert json.loads((tmp_path / "parcom_batch.json").read_text(encoding="utf-8"))["files"] == []


def test_lock_and_temp_names(tmp_path):
    for name in (
        "~$a.xlsx",
        ".~lock.a.xlsx#",
        ".~parcom-x.xlsx",
        "a.xlsx.tmp",
        ".a.1234.parcom-tmp",
        "._a.xlsx",
    ):
        assert is_lock_or_temp(name), name
    assert not is_lock_or_temp("bao_cao~1.xlsx")
    (tmp_path / "sub").mkdir()
    (tmp_path / "out").mkdir()
    for name in ("b.XLSX", "a.xlsm", "c.xls", "sub/d.xlsx", "out/e.xlsx", "f.csv"):
        (tmp_path / name).write_bytes(b"")
    found = [p.relative_to(tmp_path).as_posix() for p in find_workbooks(tmp_path, True, tmp_path / "out")]
    assert found == ["a.xlsm", "b.XLSX", "c.xls", "sub/d.xlsx"]
    assert [p.name for p in find_workbooks(tmp_path, False)] == ["a.xlsm", "b.XLSX", "c.xls"]


def test_unchanged_workbook_with_data_errors_still_exits_1(tmp_path):
    folder = tmp_path / "nop"
    folder.mkdir()
    write_book(folder / "loi.xlsx", bad_data())
    assert run_batch(folder, "--in-place", "--changed-only").returncode == 1
    again = run_batch(folder, "--in-place", "--changed-only")
    assert summary(folder)["loi.xlsx"]["outcome"] == "unchanged"
    assert again.returncode == 1, again.stdout + again.stderr
