"""The Open Packaging Conventions layer: parts, relationships, content types, zip in and out.

One place knows how a workbook package is laid out (the workbook part found through
`_rels/.rels`, part names compared without case, relationship targets resolved against their
source's folder, content types from Overrides and Defaults), and how to write a zip whose
untouched entries are copied as the same compressed bytes. The reader (`files.py`), the writer
(`package.py`, `transplant.py`, `styles.py`) and the preflight (`safety.py`) all use it.
"""

from __future__ import annotations

import dataclasses
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import IO, Any

from ..problems import ParcomError
from ..sheetnames import MARKER_PREFIX as MARKER
from ..sheetnames import parse_marker

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
REL_WORKSHEET = REL + "worksheet"
REL_STYLES = REL + "styles"
REL_CALC_CHAIN = REL + "calcChain"
REL_APP = REL + "extended-properties"
CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"

_CHUNK = 1 << 20
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def qn(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def local_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml(data: bytes) -> Any:
    from lxml import etree

    return etree.fromstring(data, safe_parser())


def serialize(root: Any) -> bytes:
    from lxml import etree

    # The declaration as Excel writes it (lxml would use single quotes).
    return _DECLARATION + etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=False)


def rels_name(part: str) -> str:
    """The relationships part of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels")."""
    folder, _, leaf = part.rpartition("/")
    return f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"


def source_of_rels(rels: str) -> str:
    folder, _, leaf = rels.rpartition("/")
    parent = folder.rpartition("/")[0] if folder.endswith("_rels") else folder
    if folder == "_rels":
        parent = ""
    return f"{parent}/{leaf[:-5]}" if parent else leaf[:-5]


def folder_of(part: str) -> str:
    return part.rpartition("/")[0]


def relative_target(from_part: str, to_part: str) -> str:
    """A relative relationship target from one part to another."""
    base = folder_of(from_part).split("/") if folder_of(from_part) else []
    target = to_part.split("/")
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


MAX_INDEX_PART = 64 << 20  # [Content_Types].xml, .rels: read whole, so they must be small
REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_OFFICE_DOC_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def safe_parser():  # -> lxml.etree.XMLParser (lxml imported lazily)
    """An lxml parser that never loads a DTD, expands an entity or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


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


# ---------------------------------------------------------------- XML trees


def sub_element(parent: Any, tag: str, index: int | None = None) -> Any:
    """A new child using the prefixes already declared around it (never ns0)."""
    from lxml import etree

    el = etree.SubElement(parent, tag)
    if index is not None:
        parent.insert(index, el)
    return el


def clone_element(parent: Any, source: Any) -> Any:
    """Rebuild `source` under `parent` so it takes the parent's prefixes."""
    el = sub_element(parent, source.tag)
    for key, value in source.attrib.items():
        el.set(key, value)
    el.text = source.text
    for child in source:
        if isinstance(child.tag, str):
            clone_element(el, child).tail = child.tail
    return el


def child_count(container: Any) -> int:
    return sum(1 for child in container if isinstance(child.tag, str))


def new_rel_id(rels: Any) -> str:
    ids = {rel.get("Id", "") for rel in rels}
    numbers = [int(i[3:]) for i in ids if i.startswith("rId") and i[3:].isdigit()]
    n = max(numbers, default=0) + 1
    while f"rId{n}" in ids:
        n += 1
    return f"rId{n}"


# ---------------------------------------------------------------- the user's package


class Package:
    """The user's zip with its index parts parsed; every other part stays bytes on disk."""

    def __init__(self, zf: zipfile.ZipFile, label: str) -> None:
        self.zf, self.label = zf, label
        self.infos = zf.infolist()
        self.lookup = {info.filename.lower(): info for info in self.infos}
        self.types = self.xml("[Content_Types].xml")
        root_rels = self.xml("_rels/.rels")
        if self.types is None or root_rels is None:
            raise ParcomError("not_a_spreadsheet", file=label)
        self.workbook_part = self.app_part = None
        for rel in root_rels:
            target = resolve_target("", rel.get("Target") or "")
            if rel.get("Type", "").endswith("/officeDocument"):
                self.workbook_part = self.real(target)
            elif rel.get("Type") == REL_APP:
                self.app_part = self.real(target)
        if self.workbook_part is None or not self.has(self.workbook_part):
            raise ParcomError("not_a_spreadsheet", file=label)
        self.workbook = self.xml(self.workbook_part)
        self.wb_rels_part = self.real(rels_name(self.workbook_part))
        self.wb_rels = self.xml(self.wb_rels_part)
        if self.wb_rels is None:
            self.wb_rels = parse_xml(f'<Relationships xmlns="{NS_PKG_REL}"/>'.encode())
        self.targets: dict[str, tuple[str, str]] = {}  # rId -> (type, part)
        wb_dir = folder_of(self.workbook_part)
        for rel in self.wb_rels:
            if rel.get("TargetMode") == "External":
                continue
            part = self.real(resolve_target(wb_dir, rel.get("Target") or ""))
            self.targets[rel.get("Id", "")] = (rel.get("Type", ""), part)
        self.styles_part = next((p for t, p in self.targets.values() if t == REL_STYLES), None)
        self.sheets_el = self.workbook.find(qn(NS_MAIN, "sheets"))
        if self.sheets_el is None:
            raise ParcomError("not_a_spreadsheet", file=label)

    def real(self, part: str) -> str:
        """The part name as stored in the zip (names are case-insensitive)."""
        info = self.lookup.get(part.lower())
        return info.filename if info else part

    def has(self, part: str) -> bool:
        return part.lower() in self.lookup

    def read(self, part: str) -> bytes:
        return self.zf.read(self.lookup[part.lower()])

    def xml(self, part: str) -> Any:
        """An index part, parsed whole: refused past a size no honest index part reaches."""
        if not self.has(part):
            return None
        from lxml import etree

        size = self.lookup[part.lower()].file_size
        if size > MAX_INDEX_PART:
            raise ParcomError("too_large", file=self.label, detail=f"{part}: {size >> 20} MB")
        try:
            return parse_xml(self.read(part))
        except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
            raise ParcomError("truncated_file", file=self.label, detail=f"{part}: {exc}") from exc

    def sheets(self) -> list[tuple[Any, str | None, str]]:
        """(element, part, relationship type) of every sheet, in tab order."""
        out = []
        for el in self.sheets_el.findall(qn(NS_MAIN, "sheet")):
            kind, part = self.targets.get(el.get(qn(NS_R, "id"), ""), ("", None))
            out.append((el, part, kind))
        return out

    def defined_names(self) -> Any:
        return self.workbook.find(qn(NS_MAIN, "definedNames"))

    def markers(self) -> dict[str, tuple[Any, str | None]]:
        """Marker key (as stored) -> (definedName element, the sheet name it points at)."""
        found: dict[str, tuple[Any, str | None]] = {}
        names = self.defined_names()
        if names is None:
            return found
        for el in names.findall(qn(NS_MAIN, "definedName")):
            name = el.get("name", "")
            if not name.lower().startswith(MARKER) or el.get("localSheetId") is not None:
                continue
            parsed = parse_marker(name, el.text)
            found[name[len(MARKER) :].lower()] = (el, parsed[1] if parsed else None)
        return found


# ---------------------------------------------------------------- zip writing


@dataclasses.dataclass
class Packed:
    """A part already deflated: its compressed bytes, CRC-32 and size."""

    data: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, pieces: Iterable[bytes]) -> Packed:
        """Deflate pieces as they come, so a large part is never whole in memory."""
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        out: list[bytes] = []
        crc = size = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
            size += len(piece)
            out.append(compressor.compress(piece))
        out.append(compressor.flush())
        return cls(b"".join(out), crc, size)


class ZipOut:
    """A minimal zip writer that can copy an entry's compressed bytes without inflating them."""

    def __init__(self, fh: IO[bytes], label: str) -> None:
        self.fh, self.label = fh, label
        self.entries: list[bytes] = []
        self.offset = 0

    def _emit(self, data: bytes) -> None:
        self.fh.write(data)
        self.offset += len(data)

    def _check(self, *values: int) -> None:
        if any(v >= 0xFFFFFFFF for v in values) or len(self.entries) >= 0xFFFF:
            raise ParcomError("too_large", file=self.label, detail="result over 4 GB")

    def _entry(
        self, name: str, method: int, flags: int, date_time: tuple, crc: int, csize: int, size: int
    ) -> None:
        raw_name = name.encode("utf-8")
        if not 1980 <= date_time[0] <= 2107:
            date_time = _FIXED_TIME
        flags = (flags & 0x0006) | (0x0800 if not name.isascii() else 0)
        dostime = (date_time[3] << 11) | (date_time[4] << 5) | (date_time[5] // 2)
        dosdate = ((date_time[0] - 1980) << 9) | (date_time[1] << 5) | date_time[2]
        self._check(self.offset, csize, size)
        header_offset = self.offset
        # the fields the local header and the central directory share, from "flags" to "name length"
        common = (flags, method, dostime, dosdate, crc, csize, size, len(raw_name))
        self._emit(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, *common, 0) + raw_name)
        self.entries.append(
            struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, *common, 0, 0, 0, 0, 0, header_offset)
            + raw_name
        )

    def copy(self, source: IO[bytes], info: zipfile.ZipInfo) -> None:
        """Copy one entry's compressed bytes as they are."""
        source.seek(info.header_offset)
        header = source.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ParcomError("truncated_file", file=self.label, detail=f"{info.filename}: bad local header")
        name_len, extra_len = struct.unpack_from("<HH", header, 26)
        source.seek(info.header_offset + 30 + name_len + extra_len)
        self._entry(
            info.filename,
            info.compress_type,
            info.flag_bits,
            info.date_time,
            info.CRC,
            info.compress_size,
            info.file_size,
        )
        left = info.compress_size
        while left:
            chunk = source.read(min(_CHUNK, left))
            if not chunk:
                raise ParcomError("truncated_file", file=self.label, detail=f"{info.filename}: short data")
            self._emit(chunk)
            left -= len(chunk)

    def write(self, name: str, data: bytes | Packed) -> None:
        packed = data if isinstance(data, Packed) else Packed.of([data])
        self._entry(name, zipfile.ZIP_DEFLATED, 0, _FIXED_TIME, packed.crc, len(packed.data), packed.size)
        self._emit(packed.data)

    def close(self) -> None:
        start = self.offset
        for entry in self.entries:
            self._emit(entry)
        size = self.offset - start
        self._check(start, size)
        self._emit(
            struct.pack(
                "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(self.entries), len(self.entries), size, start, 0
            )
        )
        self.fh.flush()
