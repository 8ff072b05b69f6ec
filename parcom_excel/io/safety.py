"""File-level checks before any parser sees a workbook, and the safe way to replace one.

`preflight` looks at a file with bounded memory: the zip central directory gives entry count,
sizes and compression ratios without inflating anything, and XML parts are scanned in chunks
for DTDs (the door to entity bombs and external entities). Only then may calamine or lxml read
the file. `atomic_write` makes sure a crash, a full disk or a bad result never replaces a good
workbook with a half-written one.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import itertools
import os
import re
import stat
import struct
import tempfile
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..i18n import Msg
from ..problems import ParcomError
from .opc import MAX_INDEX_PART, content_type, office_document, resolve_target, safe_parser

__all__ = ["MAX_INDEX_PART", "content_type", "office_document", "resolve_target", "safe_parser"]

# ---------------------------------------------------------------- limits
# Real workbooks measured while choosing these: a 1,048,576-row sheet of empty styled rows
# deflates at about 20:1, a filled sheet at 5-10:1; deflate itself cannot exceed ~1032:1, so a
# cap of 1000 would only catch perfect bombs. 250:1 leaves a wide margin for honest parts.
MAX_ENTRIES = 10_000
MAX_TOTAL = 4 << 30  # uncompressed bytes of all parts together
MAX_RATIO = 250
RATIO_FLOOR = 16 << 20  # parts smaller than this are never refused for their ratio
CHUNK = 1 << 20

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"

WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsm",
}


# ---------------------------------------------------------------- preflight


ENCODINGS: dict[Path, dict[str, str]] = {}  # file -> XML parts not in UTF-8 -> codec (last preflight)


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
        raise ParcomError("not_readable", file=name, detail=os_reason(exc)) from exc
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
    ENCODINGS.pop(path, None)
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
            codec = _scan_part(zf, info, name)
            if codec is not None and codec != "utf-8":
                ENCODINGS.setdefault(path, {})[info.filename] = codec

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


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_GUESSES = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be", "utf-8", "cp037")
_DECLARED = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_ASCII_LIKE = re.compile(
    r"^(utf[-_]?8|ascii|us[-_]ascii|latin[-_]?1|iso[-_]?8859[-_]\d+|cp125\d|windows[-_]125\d)$", re.I
)
HEAD_LIMIT = 16 << 20  # leading whitespace a part may have before we stop looking for its start


def xml_codec(head: bytes) -> str | None:
    """The codec an XML parser reads this part in (BOM, then the first character, then the
    declaration), or None when the part does not start like XML. Unknown names come back as
    they are declared (the caller refuses them)."""
    body, guesses = head, _GUESSES
    for bom, codec in _BOMS:
        if head.startswith(bom):
            body, guesses = head[len(bom) :], (codec,)
            break
    for codec in guesses:
        width = len(" ".encode(codec))
        blanks = {c.encode(codec) for c in " \t\r\n\ufeff" if codec != "cp037" or c != "\ufeff"}
        at = 0
        while body[at : at + width] in blanks:  # whitespace of any length, in this codec's units
            at += width
        text = body[at : at + 4096].decode(codec, errors="ignore")
        if not text.startswith("<"):
            continue
        declared = _DECLARED.match(text)
        if declared and codec not in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            name = declared.group(1)
            try:
                return codecs.lookup(name).name
            except LookupError:
                return name
        return codecs.lookup(codec).name
    return None


def _marks(codec: str) -> tuple[bytes, ...] | None:
    """The DTD marks as bytes in `codec`, or None when only decoding finds them (UTF-7, EBCDIC)."""
    if _ASCII_LIKE.match(codec) or codec in ("utf-8", "ascii", "latin-1"):
        return tuple(m.encode("ascii") for m in ("<!DOCTYPE", "<!ENTITY"))
    if codec.startswith(("utf-16", "utf-32")):
        return tuple(m.encode(codec) for m in ("<!DOCTYPE", "<!ENTITY"))
    return None


def _scan_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> str | None:
    """Refuse a part holding a DTD, whatever its name, leading whitespace, BOM or encoding.

    Returns the codec of an XML part (None for a part that does not start like XML)."""
    if info.is_dir() or info.file_size == 0:
        return None
    chunks = _chunks(zf, info, name)
    head = b""
    for chunk in chunks:
        head += chunk
        if head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe@\x05\x25\x15") or len(head) > HEAD_LIMIT:
            break
    codec = xml_codec(head)
    if codec is None:
        return None
    try:
        decoder = None if _marks(codec) is not None else codecs.getincrementaldecoder(codec)("replace")
    except LookupError:
        raise ParcomError("bad_encoding", file=name, part=info.filename, encoding=codec) from None
    marks = _marks(codec) or ("<!DOCTYPE", "<!ENTITY")
    overlap = 4 * max(len(m) for m in marks)
    tail: bytes | str = b"" if decoder is None else ""
    pieces = [head] if head else []
    for data in itertools.chain(pieces, chunks):
        window = tail + (data if decoder is None else decoder.decode(data))  # type: ignore[operator]
        if any(mark in window for mark in marks):  # type: ignore[operator]
            raise ParcomError("unsafe_xml", file=name, detail=f"DTD in {info.filename}")
        tail = window[-overlap:]
    return codec


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


def file_mode(path: Path) -> int:
    """The mode a file we write gets: the one it has, or what the umask gives a new file."""
    try:
        return stat.S_IMODE(Path(path).stat().st_mode)
    except OSError:
        return _default_mode()


# ---- who else is at the file: identity, lock, leftovers

TEMP_SUFFIX = ".parcom-tmp"
LOCK_SUFFIX = ".parcom-lock"
LOCK_WAIT = 10.0  # seconds a second run waits for the first before saying so
_HELD: dict[Path, int] = {}  # the lock files this process took: target -> open descriptor
if hasattr(os, "register_at_fork"):  # a forked process (a batch worker) holds none of its parent's
    os.register_at_fork(after_in_child=_HELD.clear)


def identity(path: Path) -> tuple:
    """What says a file is still the one read: size, mtime, inode, and its parts' CRC-32s."""
    st = os.stat(path)
    parts: tuple = ()
    with contextlib.suppress(zipfile.BadZipFile, OSError, ValueError):
        with zipfile.ZipFile(path) as zf:
            parts = tuple((i.filename, i.CRC, i.file_size) for i in zf.infolist())
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev, parts)


def _tag(target: Path) -> str:
    """The name our lock and temp files beside `target` carry: the start of its name, so a person
    recognises them, and a hash of its whole path, so two files never share one however alike
    their names. Case and Unicode form are folded first, as Windows and macOS fold them: two
    names one folder cannot tell apart share one lock."""
    real = os.path.realpath(target)
    folded = unicodedata.normalize("NFC", real).casefold()
    digest = hashlib.sha256(folded.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return f"{os.path.basename(real)[:40]}.{digest}"


def _temp_pattern(dest: Path) -> re.Pattern[str]:
    return re.compile(r"^\." + re.escape(_tag(dest)) + r"\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")


def lock_path(target: Path) -> Path:
    return Path(os.path.realpath(target)).with_name("." + _tag(target) + LOCK_SUFFIX)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _lock_owner(lock: Path) -> tuple[int, str] | None:
    """(pid, host) written in a lock file, or None when it is unreadable or garbled."""
    try:
        pid, host = lock.read_text("utf-8").split()[:2]
        return int(pid), host
    except (OSError, ValueError):
        return None


def _stale(lock: Path) -> bool:
    import socket

    owner = _lock_owner(lock)
    if owner is None:  # half-written: stale once it is older than a run can take to write it
        with contextlib.suppress(OSError):
            return time.time() - lock.stat().st_mtime > 60
        return True
    pid, host = owner
    return host == socket.gethostname() and not _alive(pid)


def _take(lock: Path, wait: float | None, busy: Callable[[], ParcomError]) -> int | None:
    """Create `lock` for this process, waiting up to `wait` seconds for a live owner and removing
    a dead one's; `busy()` is raised when the wait ends. None: the folder cannot be written.

    The lock appears whole or not at all: its owner line is written to a file of this process
    first, then linked to the lock's name (where the volume has no hard links, it is created
    and written in place)."""
    wait = float(os.environ.get("PARCOM_LOCK_WAIT", LOCK_WAIT)) if wait is None else wait
    deadline = time.monotonic() + wait
    _clear_dead_claims(lock)
    while True:
        try:
            _claim(lock)
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            if time.monotonic() >= deadline:
                raise busy() from None
            time.sleep(0.2)
            continue
        except OSError:
            return None
        try:
            return os.open(lock, os.O_RDONLY)
        except OSError:
            return None


def _owner_line() -> bytes:
    import socket

    return f"{os.getpid()} {socket.gethostname()}\n".encode()


def _claim(lock: Path) -> None:
    mine = lock.with_name(f"{lock.name}.{os.getpid()}")
    try:
        fd = os.open(mine, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o644)
    except OSError:
        mine = None  # type: ignore[assignment]
    if mine is not None:
        try:
            os.write(fd, _owner_line())
            os.fsync(fd)
            os.close(fd)
            os.link(mine, lock)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (FAT, some shares): create the lock in place
        finally:
            with contextlib.suppress(OSError):
                os.unlink(mine)
    fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    try:
        os.write(fd, _owner_line())
        os.fsync(fd)
    except OSError:
        os.close(fd)
        os.unlink(lock)  # never an empty lock that others would wait on
        raise
    os.close(fd)


def _clear_dead_claims(lock: Path) -> None:
    """`<lock>.<pid>` files of runs killed while taking the lock."""
    pattern = re.compile(re.escape(lock.name) + r"\.([0-9]+)$")
    with contextlib.suppress(OSError):
        for entry in os.scandir(lock.parent):
            found = pattern.match(entry.name)
            if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def hold_lock(target: Path, wait: float | None = None) -> None:
    """Take the lock file beside `target` for this process (released by `release_locks`).

    A second evaluation of the same workbook waits up to LOCK_WAIT seconds, then is refused in
    one sentence; a lock left by a run that died is removed."""
    target = Path(os.path.realpath(target))
    if target in _HELD:
        return
    lock = lock_path(target)
    fd = _take(lock, wait, lambda: ParcomError("another_run", file=target.name, lock=lock.name))
    if fd is not None:  # else a folder we cannot write to: the write itself will say so
        _HELD[target] = fd


def release_locks() -> None:
    """Remove every lock file this process holds."""
    for target, fd in list(_HELD.items()):
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            lock_path(target).unlink()
        _HELD.pop(target, None)


def _clear_temps(folder: Path, pattern: re.Pattern[str]) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if pattern.match(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def clear_leftovers(target: Path, pid: int | None = None, scratch: Path | None = None) -> None:
    """Remove what a stopped run of ours left beside `target` (and in `scratch`): its temp files
    and its lock (when the lock is `pid`'s, or stale). Only called while nothing of ours writes
    `target`."""
    target = Path(os.path.realpath(target))
    lock = lock_path(target)
    owner = _lock_owner(lock) if lock.exists() else None
    if lock.exists() and ((owner is not None and owner[0] == pid) or _stale(lock)):
        with contextlib.suppress(OSError):
            lock.unlink()
    if lock.exists() and target not in _HELD:
        return  # another live run holds it: its temp files are its own
    pattern = _temp_pattern(target)
    for folder in {target.parent, *([Path(scratch)] if scratch else [])}:
        _clear_temps(folder, pattern)


def _clear_old_scratch() -> None:
    """Folders `parcom-XXXXXXXX` (and LibreOffice profiles `parcom_lo_XXXXXXXX`) that earlier
    versions left in the temp folder when killed."""
    import shutil

    folder = tempfile.gettempdir()
    pattern = re.compile(r"^parcom(-|_lo_)[A-Za-z0-9_]{8}$")
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if pattern.match(entry.name) and entry.is_dir(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if time.time() - entry.stat(follow_symlinks=False).st_mtime > 3600:
                        shutil.rmtree(entry.path, ignore_errors=True)


# ---- the atomic save: the one way every writer of ours replaces a file


def writable_target(dest: Path, strict: bool = False) -> Path:
    """The real file a write of `dest` goes to (through symbolic links), refused when read-only.
    `strict`: an OSError other than "no such file" is raised as it is, for the caller to word."""
    dest = Path(os.path.realpath(dest))
    try:
        st = dest.stat()
    except FileNotFoundError:
        return dest
    except OSError as exc:
        if strict:
            raise
        raise ParcomError("not_writable", file=dest.name, detail=os_reason(exc)) from exc
    if not (st.st_mode & 0o222) or not os.access(dest, os.W_OK):
        raise ParcomError("read_only", file=dest.name)
    return dest


def _keep_metadata(st: os.stat_result | None, src: Path, tmp: Path) -> None:
    """Give `tmp` the owner, group, extended attributes (ACLs among them) and mode of the file it
    replaces (`st`, `src`), where allowed; a new file gets what the umask gives (not mkstemp's
    0600). The mode comes last: changing the owner clears setuid and setgid."""
    if st is not None:
        for uid in (st.st_uid, -1):
            try:
                os.chown(tmp, uid, st.st_gid)
                break
            except OSError:
                continue
        if hasattr(os, "listxattr"):
            with contextlib.suppress(OSError):
                for name in os.listxattr(src):
                    with contextlib.suppress(OSError):
                        os.setxattr(tmp, name, os.getxattr(src, name))
    os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else _default_mode())


def _copy_into(tmp: Path, dest: Path) -> None:
    """Write the verified result into `dest`'s own inode (a hard-linked workbook stays linked).
    The space is reserved first, so a full disk stops the copy before a byte changes."""
    size = tmp.stat().st_size
    with tmp.open("rb") as src, dest.open("r+b") as out:
        if hasattr(os, "posix_fallocate") and size > 0:
            os.posix_fallocate(out.fileno(), 0, size)
        out.seek(0)
        while chunk := src.read(CHUNK):
            out.write(chunk)
        out.truncate(size)
        out.flush()
        os.fsync(out.fileno())


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind a failure (writers such as XlsxWriter wrap it in their own)."""
    while exc is not None and not isinstance(exc, OSError):
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return exc


_REASONS = {
    errno.EACCES: "os.denied",
    errno.EPERM: "os.denied",
    errno.ENOSPC: "os.no_space",
    getattr(errno, "EDQUOT", errno.ENOSPC): "os.no_space",
    errno.EROFS: "os.read_only_disk",
    errno.ENOTDIR: "os.not_dir",
    errno.EISDIR: "os.is_dir",
    errno.ENOENT: "os.no_dir",
    errno.EBUSY: "os.busy",
    getattr(errno, "ETXTBSY", errno.EBUSY): "os.busy",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io",
}


def os_reason(exc: OSError) -> Msg | str:
    """Why the system refused, in the user's language where the catalog has it (the system's own
    English otherwise)."""
    key = _REASONS.get(exc.errno or 0)
    return Msg(key) if key else (exc.strerror or type(exc).__name__)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def replace_file(
    dest: Path,
    write: Callable[[Path], None],
    *,
    verify: Callable[[Path, str], None] | None = None,
    unchanged: Callable[[], None] | None = None,
    scratch: Path | None = None,
    refuse: Callable[[OSError], ParcomError] | None = None,
) -> Path:
    """Write `dest` through a temp file, then swap it in with `os.replace`: a crash, a full disk
    or a failed `verify(temp, label)` never leaves a half-written file in its place.

    The temp file lives beside `dest` (or in `scratch`, same volume) under a name made from
    `dest` (`_tag`), so the next write of `dest` removes what a killed run left. `dest` is
    followed through symbolic links and refused when read-only; it keeps its mode (special bits
    included), owner, group and extended attributes, and a hard-linked file is written into its
    own inode. `unchanged` is called just before the swap: it raises when the file read is not
    the one on disk any more. `refuse` turns an OSError into the sentence the caller wants
    (default: `not_writable`). Returns the real path written."""

    def fail(exc: OSError) -> ParcomError:
        if refuse is not None:
            return refuse(exc)
        return ParcomError("not_writable", file=Path(dest).name, detail=os_reason(exc))

    try:
        dest = writable_target(dest, strict=True)
        st: os.stat_result | None = dest.stat() if dest.exists() else None
    except OSError as exc:
        raise fail(exc) from exc
    clear_leftovers(dest, scratch=scratch)
    _clear_old_scratch()
    tmp: Path | None = None
    try:
        tmp = _mkstemp(dest, scratch)
        write(tmp)
        _fsync(tmp)
        if verify is not None:
            verify(tmp, dest.name)
        _keep_metadata(st, dest, tmp)
        if unchanged is not None:
            unchanged()
        if st is not None and st.st_nlink > 1:
            _copy_into(tmp, dest)
        else:
            os.replace(tmp, dest)
            tmp = None
        _fsync_dir(dest.parent)
    except ParcomError:
        raise
    except Exception as exc:
        cause = _os_error(exc)
        if cause is not None:
            raise fail(cause) from exc
        # a bug or a limit of the writer, not the folder: say so
        raise ParcomError("write_failed", file=dest.name, detail=f"{type(exc).__name__}: {exc}") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return dest


def _mkstemp(dest: Path, scratch: Path | None) -> Path:
    """An empty temp file named for `dest`, in `scratch` when it can hold one, else beside `dest`."""
    prefix = f".{_tag(dest)}."
    for folder in ([scratch] if scratch else []) + [dest.parent]:
        try:
            fd, raw = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)
        except OSError:
            if folder == dest.parent:
                raise
            continue
        os.close(fd)
        return Path(raw)
    raise AssertionError("unreachable")


def atomic_write(
    dest: Path,
    write: Callable[[Path], None],
    unchanged: Callable[[], None] | None = None,
    *,
    package: bool = True,
) -> None:
    """A workbook written by `replace_file`, verified to re-open before it replaces `dest`.
    `package=False` writes a file that is not an Office package (a script, a zip of documents):
    everything as above except that check."""
    replace_file(dest, write, verify=verify_package if package else None, unchanged=unchanged)


def write_bytes(dest: Path, data: bytes, **options: Any) -> Path:
    """`data` into `dest` through `replace_file` (same options)."""
    return replace_file(dest, lambda tmp: tmp.write_bytes(data), **options)


def write_text(dest: Path, text: str, encoding: str = "utf-8", **options: Any) -> Path:
    """`text` into `dest` through `replace_file`, its line ends as given."""
    return replace_file(dest, lambda tmp: tmp.write_text(text, encoding=encoding, newline=""), **options)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---- a set of files written as one unit (a dossier, unit copies, certificates, a bundle)
#
# The set is staged in a hidden folder inside the target folder, `.parcom-set.XXXXXXXX.parcom-tmp`
# (same volume, so every move is a rename). Once every file is there, a manifest `.parcom-swap`
# names them, the files they replace move into `.parcom-old` inside the stage, and the new
# files move out into the folder. A failure rolls that back at once; a killed run's stage is
# rolled back, then removed, by the next `write_set` into the folder (which holds the folder's
# lock, so every stage it finds is a dead run's). Until then the old set lies whole in the stage.

SET_STAGE = re.compile(r"^\.parcom-set\.[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + "$")
SET_LOCK = ".parcom-set" + LOCK_SUFFIX
_SWAP = ".parcom-swap"  # in a stage: the swap has begun; lists the set's names
_OLD = ".parcom-old"  # in a stage: the files the swap moved out of the folder
NAME_MAX = 255  # bytes of UTF-8 in one name (ext4, APFS; NTFS counts 255 UTF-16 units)
_STAGE_DEPTH = len("/.parcom-set.XXXXXXXX.parcom-tmp/.parcom-old/")
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.I)

Content = bytes | Callable[[Path], None]


def _path_max(folder: Path) -> int:
    if os.name == "nt":
        return 259  # MAX_PATH less its terminating NUL: what Word and Explorer still live by
    try:
        return os.pathconf(folder, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):
        return 4095


def _fold(name: str) -> str:
    """What a name is on a folder that ignores case and Unicode form (Windows, macOS)."""
    return unicodedata.normalize("NFC", name).casefold()


def name_digest(text: str, size: int = 6) -> str:
    """A short hash of a text (NFC), to tell apart file names made from it."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()[:size]


def keep_apart(stems: dict[str, str], suffix: Callable[[str, str], str]) -> list[list[str]]:
    """Give every stem that meets another once case and Unicode form are folded (as Windows and
    macOS fold file names) the suffix `suffix(key, stem)` made from its own key; return the keys
    of each group that met, for the caller to name them. `stems`: key -> file-name stem."""
    groups: dict[str, list[str]] = {}
    for key, stem in stems.items():
        groups.setdefault(_fold(stem), []).append(key)
    met = [keys for keys in groups.values() if len(keys) > 1]
    for keys in met:
        for key in keys:
            stems[key] = suffix(key, stems[key])
    return met


def check_names(folder: Path, names: list[str]) -> None:
    """Refuse, before anything is written, a set whose names some system would not keep apart
    or could not create: forbidden characters, too long, or equal once case and form are folded."""
    seen: dict[str, str] = {}
    limit = _path_max(_existing(folder)) - len(str(folder)) - _STAGE_DEPTH
    for name in names:
        if (
            not name.strip(" .")
            or _FORBIDDEN.search(name)
            or _DEVICES.match(name)
            or name.endswith((" ", "."))
            or name.startswith(".parcom")
        ):
            raise ParcomError("set_bad_name", file=name, folder=str(folder))
        size = len(name.encode("utf-8", "surrogateescape"))
        if size > NAME_MAX or size > limit:
            raise ParcomError(
                "set_name_too_long", file=name, folder=str(folder), limit=max(0, min(NAME_MAX, limit))
            )
        other = seen.setdefault(_fold(name), name)
        if other != name:
            raise ParcomError("set_names_collide", file=name, other=other, folder=str(folder))


def _existing(folder: Path) -> Path:
    """The folder, or its nearest ancestor that exists."""
    folder = Path(os.path.abspath(folder))
    while not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    return folder


def check_folder(folder: Path) -> None:
    """The folder (or the ancestor it will be made in) is a folder this process can write into."""
    at = _existing(folder)
    if not at.is_dir():
        raise ParcomError("set_folder_is_file", folder=str(folder), file=str(at))
    if not os.access(at, os.W_OK | os.X_OK):
        raise ParcomError("set_folder_read_only", folder=str(folder))


def owner_file(path: Path) -> Path | None:
    """The file Word, Excel (`~$…`) or LibreOffice (`.~lock.…#`) keeps beside a file it has open."""
    found = lock_file(path)
    if found is None:
        office = path.with_name(f".~lock.{path.name}#")
        found = office if office.is_file() else None
    return found


def _check_target(folder: Path, name: str, content: Content | None) -> None:
    """A file the set replaces or removes: refused when open elsewhere, read-only, or a folder
    in the way of a file."""
    path = folder / name
    owner = owner_file(path)
    if owner is not None:
        raise ParcomError("set_open_elsewhere", file=name, lock=owner.name, folder=str(folder))
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ParcomError("set_write_failed", folder=str(folder), detail=os_reason(exc)) from exc
    if stat.S_ISLNK(st.st_mode):
        return  # the link is replaced, never what it points at
    if stat.S_ISDIR(st.st_mode) and isinstance(content, bytes):
        raise ParcomError("set_member_blocked", file=name, folder=str(folder))
    if not (st.st_mode & 0o222) or not os.access(path, os.W_OK):
        raise ParcomError("set_member_read_only", file=name, folder=str(folder))


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _roll_back(stage: Path) -> None:
    """Undo whatever part of a swap `stage` went through, then remove it. Safe to repeat: a
    file moved in goes back into the stage before the old ones come out of `.parcom-old`."""
    import json
    import shutil

    folder = stage.parent
    manifest = stage / _SWAP
    if manifest.exists():
        try:
            names = json.loads(manifest.read_text("utf-8"))["names"]
        except (OSError, ValueError, KeyError):
            names = []  # written before any move: nothing to undo
        for name in names:
            if not os.path.lexists(stage / name) and os.path.lexists(folder / name):
                os.rename(folder / name, stage / name)
        old = stage / _OLD
        if old.is_dir():
            for entry in os.listdir(old):
                if not os.path.lexists(folder / entry):
                    os.rename(old / entry, folder / entry)
        _fsync_dir(folder)
    shutil.rmtree(stage, ignore_errors=True)


def _clear_dead_stages(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if SET_STAGE.match(entry.name) and entry.is_dir(follow_symlinks=False):
                _roll_back(Path(entry.path))


def _stage_one(stage: Path, name: str, content: Content) -> None:
    path = stage / name
    if isinstance(content, bytes):
        with open(path, "xb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        return
    content(path)
    if path.is_dir() and not path.is_symlink():
        for root, _, files in os.walk(path):
            for file in files:
                _fsync(Path(root) / file)
    elif path.is_file():
        _fsync(path)


def _keep_all(folder: Path, stage: Path, names: list[str]) -> None:
    """Each staged file gets the mode, owner and attributes of the file it will replace."""
    for name in names:
        path = stage / name
        if path.is_symlink() or not path.is_file():
            continue
        try:
            st: os.stat_result | None = os.stat(folder / name)
        except OSError:
            st = None
        _keep_metadata(st if st is not None and stat.S_ISREG(st.st_mode) else None, folder / name, path)


def _swap(folder: Path, stage: Path, names: list[str], olds: list[str]) -> None:
    import json

    manifest = stage / _SWAP
    manifest.write_text(json.dumps({"names": names}, ensure_ascii=False), "utf-8")
    _fsync(manifest)
    _fsync_dir(stage)
    (stage / _OLD).mkdir()
    for name in olds:
        os.rename(folder / name, stage / _OLD / name)
    for name in names:
        os.rename(stage / name, folder / name)
    _fsync_dir(folder)
    manifest.unlink()  # the new set is in: from here on nothing is rolled back
    _fsync_dir(stage)


def write_set(
    folder: Path,
    files: dict[str, Content],
    *,
    ours: Callable[[str], bool] | None = None,
    then: Callable[[Path], list[str]] | None = None,
    expect: list[str] | tuple[str, ...] = (),
) -> list[Path]:
    """Write `files` (name -> bytes, or a function that writes the file or folder at the path it
    is given) into `folder` as one unit: afterwards the folder holds the whole new set, or, after
    any failure, the whole previous one.

    Everything is checked before anything is written: names (`check_names`), the folder, and
    every file the set replaces (the same names, and the files `ours(name)` calls an earlier
    set's: they are removed with the swap) — open in Word or LibreOffice, read-only, in the way.
    Replaced files keep their mode, owner, group and attributes. `then(stage)` runs once every
    file is staged (a converter writing PDFs beside them); the names it returns, which `expect`
    lists in advance, join the set. Two runs into one folder take turns (`set_busy`). Returns
    the set's paths in the folder."""
    folder = Path(os.path.abspath(folder))
    names = list(files)
    check_names(folder, names + [n for n in expect if n not in files])
    check_folder(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    folder = Path(os.path.realpath(folder))
    lock = folder / SET_LOCK
    fd = _take(lock, None, lambda: ParcomError("set_busy", folder=str(folder), lock=lock.name))
    if fd is None:
        raise ParcomError("set_folder_read_only", folder=str(folder))
    try:
        _clear_dead_stages(folder)
        return _write_locked(folder, files, ours, then, [*names, *(n for n in expect if n not in files)])
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
        with contextlib.suppress(OSError):
            lock.unlink()


def _folder_error(folder: Path, exc: OSError) -> ParcomError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ParcomError("set_folder_read_only", folder=str(folder))
    return ParcomError("set_write_failed", folder=str(folder), detail=os_reason(exc))


def _olds(folder: Path, names: list[str], ours: Callable[[str], bool] | None) -> list[str]:
    """What the swap moves out: the set's own names present now, and earlier sets' files."""
    present = set(os.listdir(folder))
    earlier = {n for n in present if ours is not None and ours(n) and not n.startswith(".parcom")}
    return sorted(earlier | {n for n in names if n in present})


def _write_locked(
    folder: Path,
    files: dict[str, Content],
    ours: Callable[[str], bool] | None,
    then: Callable[[Path], list[str]] | None,
    checked: list[str],
) -> list[Path]:
    for name in sorted(set(_olds(folder, checked, ours)) | set(checked)):
        _check_target(folder, name, files.get(name))  # a name still to come may have an owner file
    stage: Path | None = None
    try:
        stage = Path(tempfile.mkdtemp(prefix=".parcom-set.", suffix=TEMP_SUFFIX, dir=folder))
        for name, content in files.items():
            _stage_one(stage, name, content)
        names = list(files)
        if then is not None:
            names += [n for n in then(stage) if n not in files and n in checked]
        _keep_all(folder, stage, names)
        _fsync_dir(stage)
    except ParcomError:
        if stage is not None:
            _roll_back(stage)
        raise
    except Exception as exc:
        if stage is not None:
            _roll_back(stage)
        cause = _os_error(exc)
        if cause is None:
            raise
        raise _folder_error(folder, cause) from exc
    current = _olds(folder, names, ours)
    try:
        _swap(folder, stage, names, current)
    except BaseException as exc:
        _roll_back(stage)
        if isinstance(exc, OSError):
            culprit = Path(exc.filename or "").name if exc.filename else "?"
            raise ParcomError(
                "set_swap_failed", file=culprit, folder=str(folder), detail=os_reason(exc)
            ) from exc
        raise
    _roll_back(stage)  # the manifest is gone: this only removes the stage and the old files
    return [folder / n for n in names]


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
