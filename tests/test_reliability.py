"""Issue #15: what offices actually do to a workbook (far cells, races, links, leftovers...).

Each test builds the situation as a real file and checks what the user sees and what is on disk.
"""

from __future__ import annotations

import csv
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from parcom_excel.core import run
from parcom_excel.io import safety
from parcom_excel.io.files import FileAdapter
from parcom_excel.io.package import write_outputs
from parcom_excel.model import OutputSheet
from parcom_excel.problems import ParcomError
from parcom_excel.reader import read_inputs
from tests.helpers_rich import read_parts, rewrite_zip
from tests.workbooks import ROOT, department, run_cli, write_book

STAFF_PART = "xl/worksheets/sheet4.xml"  # "Cán bộ" in write_book's order (Cấu hình, Đơn vị, Cán bộ...)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "book.xlsx", department())


def _sheet_part(path: Path, sheet: str) -> str:
    adapter = FileAdapter(path)
    return adapter._sheet_parts()[sheet]


def _add_cell(
    path: Path, sheet: str, ref: str, xml: str = "<is><t>x</t></is>", kind: str = "inlineStr"
) -> None:
    part = _sheet_part(path, sheet)
    row = re.sub(r"[A-Z]", "", ref)

    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part].replace(
            b"</sheetData>", f'<row r="{row}"><c r="{ref}" t="{kind}">{xml}</c></row></sheetData>'.encode()
        )

    rewrite_zip(path, edit)


def _cli_limited(*args: object, limit_mb: int = 1500, env: dict[str, str] | None = None):
    """The CLI in its own process with its address space capped (a dense grid of the whole
    sheet would need hundreds of GB: without the fix this exits 134 or MemoryError)."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("PARCOM_DEBUG", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        env=full_env,
        preexec_fn=cap,
    )


# ---------------------------------------------------------------- 1. far cells


@pytest.mark.parametrize("ref", ["XFD1048576", "ZZZZ160", "XFD1"])
def test_a_value_in_a_far_cell_is_a_warning_not_a_crash(book: Path, ref: str) -> None:
    _add_cell(book, "Cán bộ", ref)
    before = book.read_bytes()
    done = _cli_limited("validate", book, "--lang", "en")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "panicked" not in done.stderr and "Traceback" not in done.stderr and "memory" not in done.stderr
    line = next(line for line in done.stdout.splitlines() if "far outside the table" in line)
    assert ref in line and "'Cán bộ'" in line
    assert book.read_bytes() == before


def test_a_far_cell_in_a_table_column_is_read_as_its_own_row(book: Path) -> None:
    _add_cell(book, "Cán bộ", "A1048576", xml="<v>12345</v>", kind="n")
    inputs = read_inputs(FileAdapter(book))
    staff = inputs.tables["staff"]
    assert staff.rows[-1] == 1048576 and staff.data["staff_id"][-1] == 12345
    assert len(staff.rows) == len(department()["staff"]) + 1
    assert [p.cell for p in inputs.problems if p.code == "stray_cells"] == ["A1048576"]


def test_evaluate_with_a_far_cell_writes_results_in_bounded_memory(book: Path) -> None:
    _add_cell(book, "Cán bộ", "XFD1048576")
    done = _cli_limited("evaluate", book)
    assert done.returncode == 0, done.stderr[-2000:]
    names = FileAdapter(book).sheet_names()
    assert "KQ Tập thể" in names and "Nhật ký" in names


# ---------------------------------------------------------------- 2. replaced while running


def test_a_workbook_replaced_during_the_run_gets_no_stale_results(book: Path, tmp_path: Path) -> None:
    adapter = FileAdapter(book)
    result = run(adapter, write=False)
    newer = write_book(tmp_path / "newer.xlsx", department())  # what a sync client puts in its place
    os.replace(newer, book)
    saved = book.read_bytes()
    with pytest.raises(ParcomError) as err:
        adapter.write(result.outputs)
    assert err.value.code == "changed_while_running" and "book.xlsx" in err.value.message("en")
    assert book.read_bytes() == saved


# ---------------------------------------------------------------- 3. two runs at once


def test_a_second_evaluation_waits_then_says_another_is_running(book: Path) -> None:
    safety.hold_lock(book)
    try:
        lock = safety.lock_path(book)
        assert lock.exists()
        before = book.read_bytes()
        done = run_cli("evaluate", book, "--lang", "en", env={"PARCOM_LOCK_WAIT": "0.5"})
        assert done.returncode == 2
        assert "another parcom run" in done.stderr and lock.name in done.stderr
        assert done.stderr.strip().count("\n") == 0
        assert book.read_bytes() == before
    finally:
        safety.release_locks()
    assert not safety.lock_path(book).exists()
    done = run_cli("evaluate", book)
    assert done.returncode == 0 and not safety.lock_path(book).exists()


def test_the_lock_of_a_run_that_died_is_removed(book: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = safety.lock_path(book)
    lock.write_text(f"{dead.pid} {os.uname().nodename}\n")
    done = run_cli("evaluate", book)
    assert done.returncode == 0, done.stderr
    assert not lock.exists()


# ---------------------------------------------------------------- 4. leftovers


def test_a_run_leaves_nothing_and_removes_its_old_temp_files(book: Path, tmp_path: Path) -> None:
    stale = book.with_name(f".{safety._tag(book)}.abcd1234.parcom-tmp")
    stale.write_bytes(b"half a workbook")
    other = book.with_name(f".{safety._tag(book.with_name('other.xlsx'))}.abcd1234.parcom-tmp")  # not ours
    other.write_bytes(b"x")
    temp = tmp_path / "tmp"
    temp.mkdir()
    old_scratch = temp / "parcom-ab12cd34"
    old_scratch.mkdir()
    (old_scratch / "outputs.xlsx").write_bytes(b"x")
    os.utime(old_scratch, (0, 0))
    before = set(os.listdir(book.parent))
    done = run_cli("evaluate", book, env={"TMPDIR": str(temp)})
    assert done.returncode == 0, done.stderr
    assert set(os.listdir(book.parent)) == before - {stale.name}
    assert os.listdir(temp) == []


def test_a_stopped_batch_worker_leaves_no_temp_or_lock(book: Path) -> None:
    worker = subprocess.Popen([sys.executable, "-c", "pass"])
    worker.wait()
    temp = book.with_name(f".{safety._tag(book)}.zz99yy88.parcom-tmp")
    temp.write_bytes(b"half")
    safety.lock_path(book).write_text(f"{worker.pid} {os.uname().nodename}\n")
    safety.clear_leftovers(book, worker.pid)
    assert not temp.exists() and not safety.lock_path(book).exists()


# ---------------------------------------------------------------- 5. links and permissions


def test_evaluating_through_a_symlink_writes_the_real_workbook(book: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.xlsx"
    link.symlink_to(book)
    done = run_cli("evaluate", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "Nhật ký" in FileAdapter(book).sheet_names()


def test_output_onto_a_symlink_writes_its_target(book: Path, tmp_path: Path) -> None:
    target = shutil.copy(book, tmp_path / "target.xlsx")
    link = tmp_path / "out.xlsx"
    link.symlink_to(target)
    done = run_cli("evaluate", book, "-o", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "Nhật ký" in FileAdapter(Path(target)).sheet_names()


def _mark_owner_and_attribute(book: Path) -> bool:
    """Give the workbook another owner (when we may) and an extended attribute (when the
    file system has them); True if the attribute was set."""
    if os.geteuid() == 0:
        os.chown(book, 1234, 2345)
    try:
        os.setxattr(book, "user.parcom_test", b"kept")
    except OSError:
        return False
    return True


def _check_owner_and_attribute(book: Path, has_xattr: bool) -> None:
    if os.geteuid() == 0:
        assert (book.stat().st_uid, book.stat().st_gid) == (1234, 2345)
    if has_xattr:
        assert os.getxattr(book, "user.parcom_test") == b"kept"


def test_hard_links_owner_group_and_attributes_are_kept(book: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin.xlsx"
    os.link(book, twin)
    has_xattr = _mark_owner_and_attribute(book)
    inode = book.stat().st_ino
    done = run_cli("evaluate", book)
    assert done.returncode == 0, done.stderr
    assert book.stat().st_ino == inode and twin.stat().st_ino == inode
    assert "Nhật ký" in FileAdapter(twin).sheet_names()
    _check_owner_and_attribute(book, has_xattr)


def test_owner_and_attributes_are_kept_on_replace(book: Path) -> None:
    has_xattr = _mark_owner_and_attribute(book)
    inode = book.stat().st_ino
    done = run_cli("evaluate", book)
    assert done.returncode == 0, done.stderr
    assert book.stat().st_ino != inode  # replaced atomically, not rewritten in place
    _check_owner_and_attribute(book, has_xattr)


def test_a_read_only_workbook_is_refused_in_one_sentence(book: Path) -> None:
    os.chmod(book, 0o444)
    before = book.read_bytes()
    done = run_cli("evaluate", book, "--lang", "en")
    assert done.returncode == 2
    assert "read-only" in done.stderr and "book.xlsx" in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert book.read_bytes() == before and stat.S_IMODE(book.stat().st_mode) == 0o444


# ---------------------------------------------------------------- 6. markers


def test_a_marker_on_a_user_sheet_leaves_that_sheet_alone(book: Path) -> None:
    assert run_cli("evaluate", book).returncode == 0

    def edit(parts: dict[str, bytes]) -> None:
        parts["xl/workbook.xml"] = re.sub(
            rb'(<definedName name="_parcom_units_result"[^>]*>)[^<]*',
            lambda m: m.group(1) + "'Đơn vị'!$A$1".encode(),
            parts["xl/workbook.xml"],
        )

    rewrite_zip(book, edit)
    units_part = _sheet_part(book, "Đơn vị")
    units_before = read_parts(book)[units_part]
    done = run_cli("evaluate", book, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert read_parts(book)[units_part] == units_before
    assert "does not look like one" in done.stdout

    # a marker on a user's sheet that is not an input sheet either ("Ghi chú")
    def move(parts: dict[str, bytes]) -> None:
        parts["xl/workbook.xml"] = re.sub(
            rb'(<definedName name="_parcom_staff_result"[^>]*>)[^<]*',
            lambda m: m.group(1) + "'Ghi chú'!$A$1".encode(),
            parts["xl/workbook.xml"],
        )

    import openpyxl

    wb = openpyxl.load_workbook(book)
    wb.create_sheet("Ghi chú")["A1"] = "Ghi chú riêng của văn thư"
    wb.save(book)
    rewrite_zip(book, move)
    assert run_cli("evaluate", book).returncode == 0
    values = FileAdapter(book).grid("Ghi chú").values
    assert values[0][0] == "Ghi chú riêng của văn thư"


# ---------------------------------------------------------------- 7. misleading refusals


def test_an_xls_named_xlsx_is_read_and_refused_for_writing_as_an_xls(tmp_path: Path) -> None:
    book = Path(shutil.copy(ROOT / "tests" / "data" / "department.xls", tmp_path / "cu.xlsx"))
    assert run_cli("validate", book).returncode == 0
    done = run_cli("evaluate", book, "--lang", "en")
    assert (
        done.returncode == 2 and "really an Excel 97–2003 (.xls)" in done.stderr and "cu.xlsx" in done.stderr
    )


def _rename_workbook_part(parts: dict[str, bytes]) -> None:
    parts["xl/wbk.xml"] = parts.pop("xl/workbook.xml")
    parts["xl/_rels/wbk.xml.rels"] = parts.pop("xl/_rels/workbook.xml.rels")
    for name in ("_rels/.rels", "[Content_Types].xml"):
        parts[name] = parts[name].replace(b"xl/workbook.xml", b"xl/wbk.xml")


def _utf16_workbook(parts: dict[str, bytes]) -> None:
    text = parts["xl/workbook.xml"].decode("utf-8")
    text = re.sub(r"encoding=[\"']UTF-8[\"']", 'encoding="UTF-16"', text, flags=re.I)
    if not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="UTF-16"?>' + text
    parts["xl/workbook.xml"] = text.encode("utf-16")


@pytest.mark.parametrize("edit", [_rename_workbook_part, _utf16_workbook], ids=["wbk.xml", "utf-16"])
def test_valid_packages_calamine_would_not_open_are_read(book: Path, edit) -> None:
    rewrite_zip(book, edit)
    done = run_cli("evaluate", book)
    assert done.returncode == 0, done.stderr
    assert "Nhật ký" in FileAdapter(book).sheet_names()
    assert len(read_inputs(FileAdapter(book)).tables["staff"].rows) == len(department()["staff"])


def test_a_damaged_sheet_is_refused_naming_its_part(book: Path) -> None:
    def edit(parts: dict[str, bytes]) -> None:
        parts[STAFF_PART] = parts[STAFF_PART].replace(b"</sheetData>", b"<row><c r=")

    rewrite_zip(book, edit)
    done = run_cli("validate", book, "--lang", "en")
    assert done.returncode == 2 and STAFF_PART in done.stderr, done.stderr


# ---------------------------------------------------------------- 8. -o with another extension

CT = {
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
}


def _workbook_type(path: Path) -> str:
    types = read_parts(path)["[Content_Types].xml"].decode()
    return re.search(r'PartName="/xl/workbook.xml" ContentType="([^"]+)"', types).group(1)


def test_the_content_type_follows_the_output_name(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.xlsm"
    assert run_cli("evaluate", book, "-o", out).returncode == 0
    assert _workbook_type(out) == CT[".xlsm"]
    template = tmp_path / "mau.xltx"
    shutil.copy(book, template)
    rewrite_zip(
        template,
        lambda p: p.update(
            {
                "[Content_Types].xml": p["[Content_Types].xml"].replace(
                    CT[".xlsx"].encode(), CT[".xltx"].encode()
                )
            }
        ),
    )
    assert _workbook_type(template) == CT[".xltx"]
    out = tmp_path / "from_template.xlsx"
    assert run_cli("evaluate", template, "-o", out).returncode == 0
    assert _workbook_type(out) == CT[".xlsx"]


# ---------------------------------------------------------------- 9. CSV injection, summary mode


def test_batch_csv_cells_cannot_be_formulas_and_files_keep_the_workbooks_mode(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = '=HYPERLINK("http:evil","x").xlsx'
    write_book(folder / evil, department())
    out = tmp_path / "out"
    done = run_cli("batch", folder, "--out", out)
    assert done.returncode == 0, done.stderr
    with (out / "parcom_batch.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows[1:] for c in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    mode = stat.S_IMODE((out / evil).stat().st_mode)
    assert stat.S_IMODE((out / "parcom_batch.csv").stat().st_mode) == mode
    assert stat.S_IMODE((out / "parcom_batch.json").stat().st_mode) == mode


def test_batch_in_place_names_out_when_excel_holds_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_book(folder / "a.xlsx", department())
    (folder / "~$a.xlsx").write_bytes(b"owner")
    done = run_cli("batch", folder, "--in-place", "--lang", "en")
    message = next(
        r for r in (folder / "parcom_batch.csv").read_text("utf-8-sig").splitlines() if "a.xlsx" in r
    )
    assert "--out" in message and " -o " not in message, done.stdout


# ---------------------------------------------------------------- 10. DTD in any XML part


@pytest.mark.parametrize(
    "data",
    [
        b" " * 200 + b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
        "\ufeff\n\n" + '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>',
        b"\n" * 70_000 + b"<!DOCTYPE x><x/>",
        "<?xml version='1.0' encoding='UTF-32'?><!DOCTYPE x><x/>",
        '<?xml version="1.0" encoding="cp037"?><!DOCTYPE x><x/>',
    ],
    ids=["spaces", "utf16-bom", "many-newlines", "utf32", "ebcdic"],
)
def test_a_dtd_is_refused_in_any_part_name_and_encoding(book: Path, data) -> None:
    if isinstance(data, str):
        codec = "utf-16" if "UTF-16" in data else "utf-32" if "UTF-32" in data else "cp037"
        data = data.encode(codec)
    rewrite_zip(book, lambda parts: parts.update({"xl/custom.data": data}))
    with pytest.raises(ParcomError) as err:
        safety.preflight(book)
    assert err.value.code == "unsafe_xml" and "xl/custom.data" in err.value.message("en")


def test_binary_parts_are_not_taken_for_xml(book: Path) -> None:
    rewrite_zip(book, lambda parts: parts.update({"xl/media/image1.png": b"\x89PNG\r\n\x1a\n<!DOCTYPE x>"}))
    assert safety.preflight(book) == "xlsx"


# ---------------------------------------------------------------- 11. writer limits


def test_widths_heights_and_emoji_sheet_names_are_clamped(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    sheet = OutputSheet(
        key="errors",
        name="😀" * 20,
        rows=[["a", "b", "c"]],
        widths={0: 300, 1: -8, 2: 20},
        heights={0: 500},
    )
    write_outputs(book, [sheet], out)
    names = FileAdapter(out).sheet_names()
    written = names[-1]
    assert len(written.encode("utf-16-le")) // 2 <= 31 and written.startswith("😀")
    adapter = FileAdapter(out)
    xml = read_parts(out)[adapter._sheet_parts()[written]].decode()
    widths = [float(w) for w in re.findall(r'<col [^>]*width="([^"]+)"', xml)]
    heights = [float(h) for h in re.findall(r'<row [^>]*\sht="([^"]+)"', xml)]
    assert widths and all(0 <= w <= 255 for w in widths)
    assert heights == [409.0]


def test_a_writer_failure_is_not_called_a_folder_problem(book: Path) -> None:
    def fail(tmp: Path) -> None:
        raise ValueError("limit of the writer")

    with pytest.raises(ParcomError) as err:
        safety.atomic_write(book, fail)
    assert err.value.code == "write_failed" and "folder" not in err.value.message("en")


def test_zip_still_opens_after_every_write(book: Path) -> None:
    assert run_cli("evaluate", book).returncode == 0
    with zipfile.ZipFile(book) as zf:
        assert zf.testzip() is None


def test_cells_without_references_are_placed_as_calamine_places_them(book: Path) -> None:
    from parcom_excel.io.extent import FastCheck, layout

    part = _sheet_part(book, "Cán bộ")
    rewrite_zip(book, lambda parts: parts.update({part: re.sub(rb' r="[A-Z]*[0-9]*"', b"", parts[part])}))
    data = read_parts(book)[part]
    check = FastCheck()
    check.feed(data)
    assert not check.passed()  # no references: the exact pass places the cells
    cells = layout(data)
    grid = FileAdapter(book).grid("Cán bộ")
    r1, c1, r2, c2 = cells.block
    assert (r1, c1) == (grid.top, grid.left)
    assert (r2 - r1 + 1, c2 - c1 + 1) == (len(grid.values), max(len(row) for row in grid.values))
    staff = read_inputs(FileAdapter(book)).tables["staff"]
    assert len(staff.rows) == len(department()["staff"])


@pytest.mark.parametrize("ref", ["a1", "A01", "$A$1", "AAAA1", "A12345678"])
def test_odd_references_leave_the_fast_check_to_the_exact_pass(ref: str) -> None:
    from parcom_excel.io.extent import FastCheck

    check = FastCheck()
    check.feed(f'<sheetData><row r="1"><c r="{ref}"><v>1</v></c></row></sheetData>'.encode())
    assert not check.passed()
    plain = FastCheck()
    plain.feed(b'<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c></row></sheetData>')
    assert plain.passed() and plain.bounds == [1, 2, 1, 3]
