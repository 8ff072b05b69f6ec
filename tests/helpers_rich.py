"""Builders of rich workbooks (everything openpyxl would drop) and checks that a write kept them.

The workbooks are made with XlsxWriter, then edited at the zip level where Excel writes
something XlsxWriter does not (an x14 dropdown pointing at another sheet, a calcChain).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from parcom_excel.io.opc import NS_EP, NS_MAIN, NS_R, NS_VT

INDEX_PARTS = (
    "[content_types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "docprops/app.xml",
)

X14_DROPDOWN = (
    '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>'Danh mục'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>C2:C20</xm:sqref>"
    "</x14:dataValidation></x14:dataValidations></ext>"
)


# ---------------------------------------------------------------- small binary builders


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid RGB PNG, built by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (version 3, 512-byte sectors) with root-level streams.

    Streams are stored in regular sectors (padded to 4096 bytes, like Excel's Workbook stream),
    so no mini stream is needed.
    """
    ssz = 512
    items = [(name, data.ljust(4096, b"\0")) for name, data in streams.items()]
    n_dir = (len(items) + 1 + 3) // 4
    data_sectors = [len(d) // ssz for _, d in items]
    total = n_dir + sum(data_sectors)
    n_fat = 1
    while n_fat * 128 < total + n_fat:
        n_fat += 1
    fat = [0xFFFFFFFD] * n_fat  # FAT sectors themselves
    first = n_fat
    fat += [first + i + 1 for i in range(n_dir - 1)] + [0xFFFFFFFE]
    starts = []
    at = first + n_dir
    for count in data_sectors:
        starts.append(at)
        fat += [at + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
        at += count
    fat += [0xFFFFFFFF] * (n_fat * 128 - len(fat))

    def entry(
        name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF
    ) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IQ", start, size)
        )

    # Streams form a right-leaning chain under the root (a degenerate but valid red-black tree).
    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if items else 0xFFFFFFFF)]
    for i, ((name, data), start) in enumerate(zip(items, starts, strict=True)):
        right = i + 2 if i + 1 < len(items) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(data), right=right))
    directory = b"".join(entries).ljust(n_dir * ssz, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, n_fat, first, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    )
    difat = list(range(n_fat)) + [0xFFFFFFFF] * (109 - n_fat)
    header += struct.pack("<109I", *difat)
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(d for _, d in items)
    return header + body


# ---------------------------------------------------------------- zip-level edits


def rewrite_zip(path: Path, edit: Callable[[dict[str, bytes]], None]) -> None:
    """Rewrite a package with `edit` applied to its {name: bytes}, keeping the part order."""
    with zipfile.ZipFile(path) as zf:
        order = zf.namelist()
        parts = {name: zf.read(name) for name in order}
    edit(parts)
    order = [n for n in order if n in parts] + [n for n in parts if n not in order]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            zf.writestr(name, parts[name])


def _sheet_part(parts: dict[str, bytes], name: str) -> str:
    book = etree.fromstring(parts["xl/workbook.xml"])
    rels = etree.fromstring(parts["xl/_rels/workbook.xml.rels"])
    rid = next(s.get(f"{{{NS_R}}}id") for s in book.iter(f"{{{NS_MAIN}}}sheet") if s.get("name") == name)
    target = next(r.get("Target") for r in rels if r.get("Id") == rid)
    return "xl/" + target if not target.startswith("/") else target[1:]


def add_x14_dropdown(parts: dict[str, bytes], sheet: str) -> None:
    """Excel's own form of a list validation pointing at another sheet."""
    part = _sheet_part(parts, sheet)
    xml = parts[part].decode()
    if "<extLst>" in xml:
        xml = xml.replace("<extLst>", "<extLst>" + X14_DROPDOWN, 1)
    else:
        xml = xml.replace("</worksheet>", "<extLst>" + X14_DROPDOWN + "</extLst></worksheet>")
    parts[part] = xml.encode()


def add_calc_chain(parts: dict[str, bytes], sheet_id: int = 1, cell: str = "D2") -> None:
    parts["xl/calcChain.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="{NS_MAIN}">'
        f'<c r="{cell}" i="{sheet_id}"/></calcChain>'
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'calcChain" Target="calcChain.xml"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.calcChain+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()


def protect_structure(parts: dict[str, bytes]) -> None:
    xml = parts["xl/workbook.xml"].decode()
    parts["xl/workbook.xml"] = re.sub(
        r"(<bookViews>)", r'<workbookProtection lockStructure="1"/>\1', xml, count=1
    ).encode()


# ---------------------------------------------------------------- the rich workbook


def build_rich_workbook(
    path: Path,
    *,
    date_1904: bool = False,
    user_sheet: str | None = None,
    vba: bytes | None = None,
    rows: int = 12,
) -> Path:
    """A workbook with what users have and openpyxl loses; `user_sheet` adds a sheet by that name."""
    import xlsxwriter

    path = Path(path)
    wb = xlsxwriter.Workbook(str(path), {"date_1904": date_1904})
    wb.set_properties({"created": __import__("datetime").datetime(2024, 1, 2)})
    bold = wb.add_format({"bold": True, "font_color": "#1F4E78"})
    money = wb.add_format({"num_format": '#,##0.00 "₫"'})
    data = wb.add_worksheet("Dữ liệu")
    data.write_row(0, 0, ["Mã", "Tên", "Loại", "Điểm", "Gấp đôi"], bold)
    for r in range(1, rows + 1):
        data.write_string(r, 0, f"DV{r:02d}")
        data.write_string(r, 1, f"Đơn vị {r}")
        data.write_string(r, 2, ["Phòng", "Ban", "Trung tâm"][r % 3])
        data.write_number(r, 3, r * 1.5, money)
        data.write_formula(r, 4, f"=D{r + 1}*2", None, r * 3.0)
    data.add_table(0, 6, 4, 7, {"name": "BangDiem", "columns": [{"header": "Năm"}, {"header": "Số"}]})
    data.write_comment("B2", "Ghi chú của người dùng")
    data.conditional_format(
        1, 3, rows, 3, {"type": "data_bar", "data_bar_2010": True, "bar_color": "#63BE7B"}
    )
    data.conditional_format(1, 4, rows, 4, {"type": "cell", "criteria": ">", "value": 10, "format": bold})
    data.insert_image("J2", "dot.png", {"image_data": __import__("io").BytesIO(tiny_png())})
    data.insert_button("J8", {"macro": "say_hello", "caption": "Bấm"})
    chart = wb.add_chart({"type": "column"})
    chart.add_series(
        {"name": "Điểm", "categories": ["Dữ liệu", 1, 1, rows, 1], "values": ["Dữ liệu", 1, 3, rows, 3]}
    )
    data.insert_chart("J12", chart)
    data.freeze_panes(1, 0)
    lists = wb.add_worksheet("Danh mục")
    lists.write_column(0, 0, ["Phòng", "Ban", "Trung tâm"])
    lists.hide()
    wb.define_name("DanhMucLoai", "='Danh mục'!$A$1:$A$3")
    wb.define_name("'Dữ liệu'!Cuc_bo", "='Dữ liệu'!$A$1")
    if user_sheet:
        mine = wb.add_worksheet(user_sheet)
        mine.write_string(0, 0, "Ghi chép riêng của người dùng")
    if vba is not None:
        wb.add_vba_project(__import__("io").BytesIO(vba), is_stream=True)
    wb.close()
    rewrite_zip(path, lambda parts: add_x14_dropdown(parts, "Dữ liệu"))
    return path


def build_big_workbook(path: Path, rows: int = 100_000, cols: int = 10) -> Path:
    """A large single-sheet workbook written directly as XML (XlsxWriter would take seconds)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    wb.add_worksheet("Data").write_string(0, 0, "placeholder")
    wb.close()

    def edit(parts: dict[str, bytes]) -> None:
        out = [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS_MAIN}"><sheetData>'
        ]
        for r in range(1, rows + 1):
            cells = "".join(f'<c r="{chr(65 + c)}{r}"><v>{r * 10 + c}</v></c>' for c in range(cols))
            out.append(f'<row r="{r}">{cells}</row>')
        out.append("</sheetData></worksheet>")
        parts["xl/worksheets/sheet1.xml"] = "".join(out).encode()

    rewrite_zip(path, edit)
    return path


# ---------------------------------------------------------------- reading packages


def blank_book(path: Path) -> Path:
    """A workbook of one empty user sheet, saved by openpyxl."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Dữ liệu"
    book.save(path)
    return path


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    out: list[str] = base.split("/") if base else []
    for piece in target.split("/"):
        if piece == "..":
            out.pop()
        elif piece not in (".", ""):
            out.append(piece)
    return "/".join(out)


def _rels_of(part: str) -> str:
    folder, _, leaf = part.rpartition("/")
    return f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"


def workbook_part(parts: dict[str, bytes]) -> str:
    rels = etree.fromstring(parts["_rels/.rels"])
    target = next(r.get("Target") for r in rels if r.get("Type", "").endswith("/officeDocument"))
    return _resolve("", target)


def sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> part name."""
    wb = workbook_part(parts)
    base = wb.rpartition("/")[0]
    book = etree.fromstring(parts[wb])
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(parts[_rels_of(wb)])}
    return {
        s.get("name"): _resolve(base, rels[s.get(f"{{{NS_R}}}id")]) for s in book.iter(f"{{{NS_MAIN}}}sheet")
    }


def reachable(parts: dict[str, bytes], start: str) -> set[str]:
    """A part and every part its relationships lead to, inside the package."""
    lower = {n.lower(): n for n in parts}
    seen: set[str] = set()
    todo = [start]
    while todo:
        part = lower.get(todo.pop().lower())
        if part is None or part in seen:
            continue
        seen.add(part)
        rels = lower.get(_rels_of(part).lower())
        if rels:
            seen.add(rels)
            for rel in etree.fromstring(parts[rels]):
                if rel.get("TargetMode") != "External":
                    todo.append(_resolve(part.rpartition("/")[0], rel.get("Target")))
    return seen


def canonical(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


# ---------------------------------------------------------------- the invariants


def check_preserved(
    original: dict[str, bytes], result: dict[str, bytes], ours: list[str], replaced: bool = False
) -> None:
    """Everything of the user's is kept: parts byte for byte, index parts but for our entries.

    `ours` are the names of our sheets in `result`. `replaced` allows the calcChain to go.
    """
    wb = workbook_part(original)
    index = {p.lower() for p in INDEX_PARTS} | {wb.lower(), _rels_of(wb).lower()}
    result_sheets = sheet_parts(result)
    our_parts: set[str] = set()
    for name in ours:
        our_parts |= reachable(result, result_sheets[name])
    previous = {p.lower() for p in our_parts_in(original)}  # ours from an earlier run, if any
    user_lower = {n.lower() for n in original} - previous
    assert not {p.lower() for p in our_parts} & user_lower, "one of our parts took the name of a user part"

    missing = [n for n in original if n not in result]
    allowed = [n for n in missing if replaced and n.lower().endswith("calcchain.xml")]
    assert missing == allowed, f"parts lost: {sorted(set(missing) - set(allowed))}"
    extra = set(result) - set(original)
    assert extra <= our_parts, f"parts added that are not ours: {sorted(extra - our_parts)}"
    for name, data in original.items():
        if name.lower() in index or name in missing or name.lower() in previous:
            continue
        assert result[name] == data, f"{name} changed"

    our_lower = {p.lower() for p in our_parts}
    sheet_index = list(result_sheets)
    our_positions = {str(sheet_index.index(n)) for n in ours}
    for name in original:
        key = name.lower()
        if key not in index or name not in result:
            continue
        before, after = original[name], result[name]
        if key == "[content_types].xml":
            after = _strip_types(after, our_lower, replaced)
            before = _strip_types(before, previous, replaced)
        elif key == wb.lower():
            after = _strip_workbook(after, ours, our_positions, before)
        elif key == _rels_of(wb).lower():
            after = _strip_rels(after, wb, our_lower, replaced)
            before = _strip_rels(before, wb, previous, replaced)
        elif key.endswith("styles.xml"):
            after = _strip_styles(after, before)
        elif key.endswith("app.xml"):
            after = _strip_app(after, before, ours)
        assert canonical(after) == canonical(before), f"{name} differs beyond our entries"


def our_parts_in(parts: dict[str, bytes]) -> set[str]:
    """Parts of sheets carrying our marker in `parts` (none in a user's original)."""
    wb = workbook_part(parts)
    book = etree.fromstring(parts[wb])
    sheets = sheet_parts(parts)
    out: set[str] = set()
    for dn in book.iter(f"{{{NS_MAIN}}}definedName"):
        if dn.get("name", "").startswith("_parcom_"):
            sheet = (dn.text or "").rsplit("!", 1)[0].strip("'").replace("''", "'")
            if sheet in sheets:
                out |= reachable(parts, sheets[sheet])
    return out


def _strip_types(data: bytes, drop: set[str], replaced: bool) -> bytes:
    root = etree.fromstring(data)
    for node in list(root):
        part = (node.get("PartName") or "").lstrip("/").lower()
        if part in drop or (replaced and part.endswith("calcchain.xml")):
            root.remove(node)
    return etree.tostring(root)


def _strip_rels(data: bytes, wb: str, drop: set[str], replaced: bool) -> bytes:
    root = etree.fromstring(data)
    base = wb.rpartition("/")[0]
    for rel in list(root):
        part = _resolve(base, rel.get("Target")).lower()
        if part in drop or (replaced and rel.get("Type", "").endswith("/calcChain")):
            root.remove(rel)
    return etree.tostring(root)


def _strip_workbook(data: bytes, ours: list[str], positions: set[str], before: bytes) -> bytes:
    root = etree.fromstring(data)
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    for sheet in list(sheets):
        if sheet.get("name") in ours:
            sheets.remove(sheet)
    names = root.find(f"{{{NS_MAIN}}}definedNames")
    if names is not None:
        for dn in list(names):
            if dn.get("name", "").startswith("_parcom_") or dn.get("localSheetId") in positions:
                names.remove(dn)
        had = etree.fromstring(before).find(f"{{{NS_MAIN}}}definedNames") is not None
        if not len(names) and not had:
            root.remove(names)
    return etree.tostring(root)


def _strip_styles(data: bytes, before: bytes) -> bytes:
    root, old = etree.fromstring(data), etree.fromstring(before)
    for child in list(root):
        match = old.find(child.tag)
        if match is None:
            root.remove(child)  # a list we created (numFmts)
            continue
        if child.tag.rsplit("}", 1)[-1] in ("numFmts", "fonts", "fills", "borders", "cellXfs"):
            keep = len(match)
            for extra in list(child)[keep:]:
                child.remove(extra)
            if match.get("count") is not None:
                child.set("count", match.get("count"))
    return etree.tostring(root)


def _strip_app(data: bytes, before: bytes, ours: list[str]) -> bytes:
    root, old = etree.fromstring(data), etree.fromstring(before)
    titles = root.find(f"{{{NS_EP}}}TitlesOfParts/{{{NS_VT}}}vector")
    old_titles = old.find(f"{{{NS_EP}}}TitlesOfParts/{{{NS_VT}}}vector")
    if titles is None or old_titles is None:
        return data
    for el in list(titles):
        if el.text in ours:
            titles.remove(el)
    titles.set("size", old_titles.get("size"))
    pairs = root.find(f"{{{NS_EP}}}HeadingPairs/{{{NS_VT}}}vector")
    old_pairs = old.find(f"{{{NS_EP}}}HeadingPairs/{{{NS_VT}}}vector")
    for new, prev in zip(pairs.iter(f"{{{NS_VT}}}i4"), old_pairs.iter(f"{{{NS_VT}}}i4"), strict=True):
        new.text = prev.text
    return etree.tostring(root)
