"""Bad files are refused with one sentence naming the file; saving never leaves a broken one."""

from __future__ import annotations

import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import olefile
import pytest

from parcom_excel.io import safety
from parcom_excel.io.safety import atomic_write, lock_file, preflight
from parcom_excel.problems import ParcomError
from tests.helpers_rich import build_cfb, build_rich_workbook, read_parts, rewrite_zip

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)


def refused(path: Path, code: str) -> ParcomError:
    with pytest.raises(ParcomError) as err:
        preflight(path)
    assert err.value.code == code
    for lang in ("vi", "en"):
        assert path.name in err.value.message(lang)
    return err.value


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_rich_workbook(tmp_path / "book.xlsx")


# ---------------------------------------------------------------- what the file is


def test_good_workbooks_pass(book: Path, tmp_path: Path) -> None:
    assert preflight(book) == "xlsx"
    macro = build_rich_workbook(tmp_path / "macro.xlsm", vba=build_cfb({"dir": b"x"}))
    assert preflight(macro) == "xlsm"


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.xlsx", "file_not_found")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    refused(folder, "not_a_spreadsheet")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    refused(path, "not_a_spreadsheet")


def test_text_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("Mã cán bộ;Họ và tên\nCB01;Nguyễn Văn A\n", encoding="utf-8")
    refused(path, "not_a_spreadsheet")


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", '<w:document xmlns:w="urn:w"/>')
    refused(path, "not_a_spreadsheet")
    plain = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "hello")
    refused(plain, "not_a_spreadsheet")


def test_truncated_zip(book: Path) -> None:
    data = book.read_bytes()
    book.write_bytes(data[: len(data) * 3 // 5])
    refused(book, "truncated_file")


def test_damaged_part_fails_its_crc(book: Path) -> None:
    with zipfile.ZipFile(book) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(book.read_bytes())
    name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
    at = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
    data[at] ^= 0xFF
    book.write_bytes(bytes(data))
    refused(book, "truncated_file")


def test_ods(tmp_path: Path) -> None:
    path = tmp_path / "bang.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content xmlns:office='urn:o'/>")
    refused(path, "ods_file")


def test_password_protected_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        build_cfb({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 60, "EncryptedPackage": b"\1" * 9000})
    )
    with olefile.OleFileIO(str(path)) as ole:  # the fixture is a real compound file
        assert ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage")
    refused(path, "encrypted_file")


def test_xls_plain_and_with_password(tmp_path: Path) -> None:
    bof = struct.pack("<HH", 0x0809, 16) + b"\x00\x06\x05\x00" + b"\0" * 12
    plain = tmp_path / "old.xls"
    plain.write_bytes(build_cfb({"Workbook": bof + struct.pack("<HH", 0x00E1, 2) + b"\0\0"}))
    with olefile.OleFileIO(str(plain)) as ole:
        assert ole.exists("Workbook")
    assert preflight(plain) == "xls"
    locked = tmp_path / "locked.xls"
    locked.write_bytes(build_cfb({"Workbook": bof + struct.pack("<HH", 0x002F, 6) + b"\1\0\0\0\0\0"}))
    refused(locked, "encrypted_file")


def test_truncated_ole(tmp_path: Path) -> None:
    path = tmp_path / "cut.xls"
    path.write_bytes(build_cfb({"Workbook": b"\0" * 10})[:700])
    refused(path, "truncated_file")


def _make_strict(parts: dict[str, bytes], rel_too: bool) -> None:
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    )
    if rel_too:
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
        )


@pytest.mark.parametrize("rel_too", [True, False], ids=["strict-relationship", "strict-namespace"])
def test_strict_ooxml(book: Path, rel_too: bool) -> None:
    rewrite_zip(book, lambda parts: _make_strict(parts, rel_too))
    refused(book, "strict_ooxml")


# ---------------------------------------------------------------- crafted files


def test_xml_bomb_in_a_sheet(book: Path) -> None:
    rewrite_zip(book, lambda parts: parts.__setitem__("xl/worksheets/sheet1.xml", BILLION_LAUGHS.encode()))
    err = refused(book, "unsafe_xml")
    assert "xl/worksheets/sheet1.xml" in err.message("en")


def test_dtd_in_utf16_part_with_another_extension(book: Path) -> None:
    doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>'
    rewrite_zip(
        book, lambda parts: parts.__setitem__("customXml/item9.dat", b"\xff\xfe" + doc.encode("utf-16-le"))
    )
    err = refused(book, "unsafe_xml")
    assert "customXml/item9.dat" in err.message("vi")


def test_zip_bomb_refused_from_the_directory(tmp_path: Path) -> None:
    path = build_rich_workbook(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf, zf.open("xl/media/zeros.bin", "w") as out:
        block = bytes(1 << 20)
        for _ in range(100):
            out.write(block)
    assert path.stat().st_size < 1 << 20  # 100 MB of zeros in about 100 KB
    tracemalloc.start()
    try:
        err = refused(path, "too_large")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "xl/media/zeros.bin" in err.message("en")
    assert peak < 8 << 20


def test_scanning_a_huge_part_keeps_memory_bounded(tmp_path: Path, monkeypatch) -> None:
    path = build_rich_workbook(tmp_path / "huge.xlsx")

    def big_sheet(parts: dict[str, bytes]) -> None:
        parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"].replace(
            b"</worksheet>", b"<!--" + b" " * (80 << 20) + b"--></worksheet>"
        )

    rewrite_zip(path, big_sheet)
    monkeypatch.setattr(safety, "MAX_RATIO", 10**6)  # let the directory check pass: the scan runs
    tracemalloc.start()
    try:
        assert preflight(path) == "xlsx"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"{peak / 2**20:.1f} MB"


def test_too_many_parts(tmp_path: Path) -> None:
    path = build_rich_workbook(tmp_path / "many.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
        for i in range(safety.MAX_ENTRIES):
            zf.writestr(f"xl/junk/{i}.txt", b"")
    err = refused(path, "too_large")
    assert "parts" in err.message("en")


def test_total_size_cap(book: Path, monkeypatch) -> None:
    total = sum(len(data) for data in read_parts(book).values())
    monkeypatch.setattr(safety, "MAX_TOTAL", total - 1)
    refused(book, "too_large")
    monkeypatch.setattr(safety, "MAX_TOTAL", total)
    assert preflight(book) == "xlsx"


# ---------------------------------------------------------------- lock files and saving


def test_lock_file_names(tmp_path: Path) -> None:
    path = tmp_path / "Thi dua 2024.xlsx"
    assert lock_file(path) is None
    (tmp_path / "~$i dua 2024.xlsx").write_bytes(b"user")  # Excel's form for long names
    assert lock_file(path) == tmp_path / "~$i dua 2024.xlsx"
    (tmp_path / "~$i dua 2024.xlsx").unlink()
    (tmp_path / "~$Thi dua 2024.xlsx").write_bytes(b"user")
    assert lock_file(path) == tmp_path / "~$Thi dua 2024.xlsx"


def test_locked_workbook_is_not_written(book: Path, tmp_path: Path) -> None:
    from parcom_excel.io.package import write_outputs
    from tests.test_io_package import make_outputs

    (tmp_path / "~$book.xlsx").write_bytes(b"user")
    before = book.read_bytes()
    with pytest.raises(ParcomError) as err:
        write_outputs(book, make_outputs())
    assert err.value.code == "locked_by_excel" and "book.xlsx" in err.value.message("vi")
    assert book.read_bytes() == before


def test_atomic_write_failure_keeps_original_and_cleans_up(book: Path) -> None:
    before = book.read_bytes()

    def half_then_crash(tmp: Path) -> None:
        tmp.write_bytes(before[: len(before) // 2])
        raise RuntimeError("writer crashed")

    with pytest.raises(ParcomError) as err:
        atomic_write(book, half_then_crash)
    assert err.value.code == "write_failed" and "book.xlsx" in err.value.message("en")
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


def test_atomic_write_refuses_a_result_that_does_not_verify(book: Path) -> None:
    before = book.read_bytes()
    with pytest.raises(ParcomError) as err:
        atomic_write(book, lambda tmp: tmp.write_bytes(before[:-100]))
    assert err.value.code == "not_writable" and "verify" in err.value.message("en")
    assert book.read_bytes() == before
    assert [p.name for p in book.parent.iterdir()] == ["book.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_atomic_write_modes(book: Path, tmp_path: Path) -> None:
    data = book.read_bytes()
    os.chmod(book, 0o604)
    atomic_write(book, lambda tmp: tmp.write_bytes(data))
    assert book.stat().st_mode & 0o777 == 0o604
    fresh = tmp_path / "fresh.xlsx"
    atomic_write(fresh, lambda tmp: tmp.write_bytes(data))
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_atomic_write_in_read_only_folder(book: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "out.xlsx"
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(ParcomError) as err:
            atomic_write(target, lambda tmp: tmp.write_bytes(book.read_bytes()))
        assert err.value.code == "not_writable" and "out.xlsx" in err.value.message("vi")
    finally:
        os.chmod(folder, 0o700)
