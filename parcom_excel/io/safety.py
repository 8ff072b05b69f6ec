"""File-level checks before any parser sees a workbook, and the safe way to replace one.

`preflight` looks at a file with bounded memory: the zip central directory gives entry count,
sizes and compression ratios without inflating anything, and XML parts are scanned in chunks
for DTDs (the door to entity bombs and external entities). Only then may calamine or lxml read
the file. `atomic_write` makes sure a crash, a full disk or a bad result never replaces a good
workbook with a half-written one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from ..problems import ParcomError

# ---------------------------------------------------------------- limits
# Real workbooks measured while choosing these: a 1,048,576-row sheet of empty styled rows
# deflates at about 20:1, a filled sheet at 5-10:1; deflate itself cannot exceed ~1032:1, so a
# cap of 1000 would only catch perfect bombs. 250:1 leaves a wide margin for honest parts.
MAX_ENTRIES = 10_000
MAX_TOTAL = 4 << 30  # uncompressed bytes of all parts together
MAX_RATIO = 250
RATIO_FLOOR = 16 << 20  # parts smaller than this are never refused for their ratio
MAX_INDEX_PART = 64 << 20  # [Content_Types].xml, .rels: read whole, so they must be small
CHUNK = 1 << 20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_OFFICE_DOC_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"

WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsm",
}

# A DTD is only legal in the prolog, but we refuse it anywhere, in UTF-8 and both UTF-16 forms.
_DTD_MARKS = tuple(
    mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
_DTD_OVERLAP = max(len(m) for m in _DTD_MARKS) - 1
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def safe_parser():  # -> lxml.etree.XMLParser (lxml imported lazily)
    """An lxml parser that never loads a DTD, expands an entity or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


# ---------------------------------------------------------------- preflight


def preflight(path: Path) -> str:
    """Say what the file is ("xlsx", "xlsm", "xls"), or refuse it with one clear sentence."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ParcomError("file_not_found", file=str(path))
    if not path.is_file():
        raise ParcomError("not_a_spreadsheet", file=name)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ParcomError("not_readable", file=name, detail=exc.strerror or str(exc)) from exc
    if head == OLE_MAGIC:
        return _check_ole(path)
    if head[:4] in ZIP_MAGICS:
        return _check_zip(path)
    raise ParcomError("not_a_spreadsheet", file=name)


def _too_large(name: str, detail: str) -> ParcomError:
    return ParcomError("too_large", file=name, detail=detail)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _check_zip(path: Path) -> str:
    name = path.name
    _check_eocd_count(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise ParcomError("truncated_file", file=name, detail=str(exc)) from exc
    with zf:
        infos = zf.infolist()
        _check_directory(name, infos)
        lookup = {info.filename.lower(): info for info in infos}

        mimetype = lookup.get("mimetype")
        if mimetype is not None and mimetype.file_size <= 256:
            if _read_small(zf, mimetype, name).strip().startswith(ODS_MIME):
                raise ParcomError("ods_file", file=name)

        for info in infos:
            _scan_part(zf, info, name)

        types_info = lookup.get("[content_types].xml")
        rels_info = lookup.get("_rels/.rels")
        if types_info is None or rels_info is None:
            raise ParcomError("not_a_spreadsheet", file=name)
        part, strict = office_document(_parse_small(zf, rels_info, name))
        if strict:
            raise ParcomError("strict_ooxml", file=name)
        info = lookup.get(part.lower()) if part else None
        if info is None:
            raise ParcomError("not_a_spreadsheet", file=name)
        kind = WORKBOOK_TYPES.get(content_type(_parse_small(zf, types_info, name), part) or "")
        namespace = _root_namespace(zf, info, name)
        if namespace == NS_STRICT_MAIN:
            raise ParcomError("strict_ooxml", file=name)
        if kind is None or namespace != NS_MAIN:
            raise ParcomError("not_a_spreadsheet", file=name)
        return kind


def _check_eocd_count(path: Path) -> None:
    """Refuse a directory announcing too many entries before zipfile builds them all in memory."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 65_557))
        tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return  # zipfile reports the damage
    (count,) = struct.unpack_from("<H", tail, at + 10)
    if count != 0xFFFF and count > MAX_ENTRIES:
        raise _too_large(path.name, f"{count:,} parts")


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise _too_large(name, f"{len(infos):,} parts")
    seen: set[str] = set()
    total = 0
    for info in infos:
        key = info.filename.lower()
        if key in seen:  # two parts with one name: a damaged or tampered package
            raise ParcomError("truncated_file", file=name, detail=f"duplicate part {info.filename}")
        seen.add(key)
        if info.flag_bits & 0x1:
            raise ParcomError("encrypted_file", file=name)
        total += info.file_size
        if total > MAX_TOTAL:
            raise _too_large(name, f"more than {_mb(MAX_TOTAL)} uncompressed")
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise _too_large(name, f"{info.filename}: {_mb(info.file_size)} compressed {ratio:,.0f}:1")


def _open_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> IO[bytes]:
    try:
        return zf.open(info)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, ValueError) as exc:
        raise ParcomError("truncated_file", file=name, detail=f"{info.filename}: {exc}") from exc


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    with _open_part(zf, info, name) as stream:
        while True:
            try:
                chunk = stream.read(CHUNK)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:  # CRC, short data
                raise ParcomError("truncated_file", file=name, detail=f"{info.filename}: {exc}") from exc
            if not chunk:
                return
            yield chunk


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse a part holding a DTD; non-XML parts are scanned only if they start like XML."""
    if info.is_dir() or info.file_size == 0:
        return
    looks_xml = info.filename.lower().endswith(_XML_SUFFIXES)
    tail = b""
    for index, chunk in enumerate(_chunks(zf, info, name)):
        if index == 0 and not looks_xml:
            start = chunk[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
            if not start.startswith(b"<"):
                return
        data = tail + chunk
        if any(mark in data for mark in _DTD_MARKS):
            raise ParcomError("unsafe_xml", file=name, detail=f"DTD in {info.filename}")
        tail = data[-_DTD_OVERLAP:]


def _read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    if info.file_size > MAX_INDEX_PART:
        raise _too_large(name, f"{info.filename}: {_mb(info.file_size)}")
    return b"".join(_chunks(zf, info, name))


def _parse_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str):
    from lxml import etree

    try:
        return etree.fromstring(_read_small(zf, info, name), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise ParcomError("truncated_file", file=name, detail=f"{info.filename}: {exc}") from exc


def office_document(rels) -> tuple[str | None, bool]:
    """The workbook part named by the package relationships, and whether it is Strict OOXML."""
    for rel in rels:
        kind = rel.get("Type")
        if kind in (REL_OFFICE_DOC, REL_OFFICE_DOC_STRICT) and rel.get("TargetMode") != "External":
            return resolve_target("", rel.get("Target") or ""), kind == REL_OFFICE_DOC_STRICT
    return None, False


def resolve_target(base_dir: str, target: str) -> str:
    """A relationship target made into a part name ("xl/worksheets/sheet1.xml")."""
    target = target.split("#", 1)[0]
    if target.startswith("/"):
        joined = PurePosixPath(target.lstrip("/"))
    else:
        joined = PurePosixPath(base_dir) / target
    parts: list[str] = []
    for piece in joined.parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)


def content_type(types, part: str) -> str | None:
    """The content type of a part from a parsed [Content_Types].xml (names are case-insensitive)."""
    wanted = "/" + part.lower()
    default = None
    extension = part.rsplit(".", 1)[-1].lower() if "." in part else ""
    for node in types:
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "Override" and (node.get("PartName") or "").lower() == wanted:
            return node.get("ContentType")
        if tag == "Default" and (node.get("Extension") or "").lower() == extension:
            default = node.get("ContentType")
    return default


def _root_namespace(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> str | None:
    """The namespace of the first element, reading no further than that."""
    from lxml import etree

    with _open_part(zf, info, name) as stream:
        try:
            for _, element in etree.iterparse(
                stream, events=("start",), resolve_entities=False, no_network=True, load_dtd=False
            ):
                return etree.QName(element).namespace
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise ParcomError("truncated_file", file=name, detail=f"{info.filename}: {exc}") from exc
    return None


# ---------------------------------------------------------------- OLE compound files (.xls)

_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE
_ENCRYPTION_STREAMS = ("encryptioninfo", "encryptedpackage")


class _Cfb:
    """Just enough of the compound file format to list streams and read the start of one."""

    def __init__(self, fh: IO[bytes], size: int, name: str) -> None:
        self.fh, self.size, self.name = fh, size, name
        header = fh.read(512)
        if len(header) < 512:
            raise ParcomError("truncated_file", file=name, detail="OLE header")
        shift = struct.unpack_from("<H", header, 30)[0]
        if shift not in (9, 12):
            raise ParcomError("truncated_file", file=name, detail="OLE sector size")
        self.ssz = 1 << shift
        self.max_sectors = size // self.ssz + 1
        n_fat, self.dir_start = struct.unpack_from("<II", header, 44)
        difat_start, n_difat = struct.unpack_from("<II", header, 68)
        if n_fat > self.max_sectors or n_difat > self.max_sectors:
            raise ParcomError("truncated_file", file=name, detail="OLE allocation table")
        fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s < _ENDOFCHAIN]
        per = self.ssz // 4 - 1
        sector = difat_start
        for _ in range(n_difat):
            if sector >= _ENDOFCHAIN:
                break
            values = struct.unpack(f"<{per + 1}I", self._sector(sector))
            fat_sectors.extend(s for s in values[:per] if s < _ENDOFCHAIN)
            sector = values[per]
        self.fat_sectors = fat_sectors[:n_fat]
        self._fat_cache: dict[int, tuple[int, ...]] = {}

    def _sector(self, sector: int) -> bytes:
        offset = (sector + 1) * self.ssz
        if sector >= self.max_sectors or offset >= self.size:
            raise ParcomError("truncated_file", file=self.name, detail="OLE sector out of file")
        self.fh.seek(offset)
        data = self.fh.read(self.ssz)
        return data.ljust(self.ssz, b"\0")  # the last sector may be short in files from some tools

    def _next(self, sector: int) -> int:
        per = self.ssz // 4
        index, slot = divmod(sector, per)
        if index >= len(self.fat_sectors):
            raise ParcomError("truncated_file", file=self.name, detail="OLE chain")
        if index not in self._fat_cache:
            self._fat_cache[index] = struct.unpack(f"<{per}I", self._sector(self.fat_sectors[index]))
        return self._fat_cache[index][slot]

    def chain(self, start: int) -> Iterator[int]:
        sector, steps = start, 0
        while sector < _ENDOFCHAIN:
            steps += 1
            if steps > self.max_sectors:  # a loop in the chain
                raise ParcomError("truncated_file", file=self.name, detail="OLE chain loop")
            yield sector
            sector = self._next(sector)

    def entries(self) -> Iterator[tuple[str, int, int, int]]:
        """(name, object type, start sector, size) of every directory entry."""
        for sector in self.chain(self.dir_start):
            data = self._sector(sector)
            for at in range(0, self.ssz, 128):
                length = struct.unpack_from("<H", data, at + 64)[0]
                kind = data[at + 66]
                if kind == 0 or not 2 <= length <= 64:
                    continue
                entry = data[at : at + length - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<IQ", data, at + 116)
                yield entry, kind, start, size

    def head(self, start: int, length: int) -> bytes:
        out = b""
        for sector in self.chain(start):
            out += self._sector(sector)
            if len(out) >= length:
                break
        return out[:length]


def _check_ole(path: Path) -> str:
    name = path.name
    size = path.stat().st_size
    with path.open("rb") as fh:
        cfb = _Cfb(fh, size, name)
        workbook: tuple[int, int] | None = None
        for entry, kind, start, length in cfb.entries():
            if entry.lower() in _ENCRYPTION_STREAMS:
                raise ParcomError("encrypted_file", file=name)
            if kind == 2 and entry in ("Workbook", "Book") and workbook is None:
                workbook = (start, length)
        # An .xls with a password to open keeps a FilePass record right after the first BOF.
        # Excel pads the Workbook stream to 4096 bytes, so it lives in regular sectors.
        if workbook and workbook[1] >= 4096:
            head = cfb.head(workbook[0], 64)
            if len(head) >= 8:
                rec, rec_len = struct.unpack_from("<HH", head, 0)
                if rec in (0x0809, 0x0209, 0x0409, 0x0009) and len(head) >= 8 + rec_len:
                    (nxt,) = struct.unpack_from("<H", head, 4 + rec_len)
                    if nxt == 0x002F:
                        raise ParcomError("encrypted_file", file=name)
    return "xls"


# ---------------------------------------------------------------- lock file and atomic save


def lock_file(path: Path) -> Path | None:
    """Excel's owner file beside an open workbook (`~$name`, or `~$` + name without 2 chars)."""
    path = Path(path)
    candidates = ["~$" + path.name]
    if len(path.name) > 2:
        candidates.append("~$" + path.name[2:])
    for candidate in candidates:
        lock = path.with_name(candidate)
        if lock.is_file():
            return lock
    return None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(dest: Path, write: Callable[[Path], None]) -> None:
    """Write through a temp file beside `dest`, verify it, then swap it in with `os.replace`."""
    dest = Path(dest)
    try:
        mode = stat.S_IMODE(dest.stat().st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    except OSError as exc:
        raise ParcomError("not_writable", file=dest.name, detail=exc.strerror or str(exc)) from exc
    tmp: Path | None = None
    try:
        fd, raw = tempfile.mkstemp(prefix=f".{dest.stem[:40]}.", suffix=".parcom-tmp", dir=dest.parent)
        os.close(fd)
        tmp = Path(raw)
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        verify_package(tmp, dest.name)
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
        tmp = None
        _fsync_dir(dest.parent)
    except ParcomError:
        raise
    except OSError as exc:
        raise ParcomError("not_writable", file=dest.name, detail=exc.strerror or str(exc)) from exc
    except Exception as exc:
        raise ParcomError("not_writable", file=dest.name, detail=f"{type(exc).__name__}: {exc}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def verify_package(path: Path, label: str) -> None:
    """The written file opens as a zip and its workbook part parses; else nothing is replaced."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as zf:
            lookup = {info.filename.lower(): info for info in zf.infolist()}
            rels = etree.fromstring(zf.read(lookup["_rels/.rels"]), safe_parser())
            part, _ = office_document(rels)
            if not part or part.lower() not in lookup:
                raise ValueError("no workbook part")
            etree.fromstring(zf.read(lookup[part.lower()]), safe_parser())
    except (
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        OSError,
        EOFError,
    ) as exc:
        raise ParcomError("not_writable", file=label, detail=f"result did not verify: {exc}") from exc
