"""Build the dossier's Word templates (python-docx), in the layout of Nghị định 30/2020.

Each template is an ordinary .docx a clerk can open and edit in Word: the wording comes from the
catalog (`i18n/documents.py`), and the facts are Jinja tags (`{{ co_quan }}`, `{%tr for r in
tap_the %}`) that docxtpl fills from `context.py`. Layout (Phụ lục I): A4; margins top and bottom
20 mm, left 30 mm, right 15 mm; Times New Roman 14 (13 in the heading, 12 in tables); Quốc hiệu
in capitals 13 bold and Tiêu ngữ 14 bold with a rule under it; the agency line with its rule;
"Số: …" left blank for the office; place and date in italics; "Nơi nhận:" 12 bold italic with its
list in 11; the signature block; page numbers centred at the top from page 2.

Which template is which document lives in `registry.py`; `python -m parcom_excel.documents.registry`
rewrites the shipped copies in `workbook/mau_van_ban/` (a test fails when they drift from this code).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .. import contract as C
from ..i18n import CATALOG
from ..nominations import NOMINATION_COLUMNS

FONT = "Times New Roman"
BODY, HEAD, TABLE, SMALL = 14, 13, 12, 11  # points
NATION = 12  # Quốc hiệu and the agency lines: 12–13 (Phụ lục I), 12 keeps each on one line
TEXT_WIDTH = 165  # mm: A4 210 less the 30 + 15 margins
FIXED_TIME = (2022, 1, 1, 8, 0, 0)  # zip entries: the same template bytes on every build

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "workbook" / "mau_van_ban"

# fields whose values are sentences or names (left-aligned); numbers, years and codes are centred
_TEXT_FIELDS = {
    "ten",
    "chuc_vu",
    "don_vi",
    "thanh_tich",
    "xep_loai",
    "cap",
    "quyet_dinh",
    "chi_so",
    "hinh_thuc",
}
DOTS = "…………………………"  # a name the signer writes by hand
_FIELD = re.compile(r"\{([a-z_][a-z_0-9]*)\}")


def jinja(key: str, lang: str) -> str:
    """A catalog line with its `{field}`s as Jinja tags: "{dia_danh}, ngày …" -> "{{ dia_danh }}, ngày …"."""
    return _FIELD.sub(lambda m: "{{ " + m.group(1).replace("__", ".") + " }}", CATALOG[key].get(lang))


class Builder:
    """One template being written: the helpers lay out paragraphs and tables the same way."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.doc = Document()
        self._page()
        self._styles()

    # ------------------------------------------------------------ page and styles
    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.header_distance = section.footer_distance = Mm(10)
        section.different_first_page_header_footer = True  # no number on page 1
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run()
        _font(run, HEAD)
        for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            else:
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)

    def _styles(self) -> None:
        for name in ("Normal", "Header", "Footer"):
            style = self.doc.styles[name]
            style.font.name = FONT
            style.font.size = Pt(BODY)
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), FONT)
        normal = self.doc.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after = Pt(0), Pt(6)
        normal.line_spacing = 1.1
        core = self.doc.core_properties
        core.author = core.last_modified_by = "parcom"
        core.title = core.subject = core.keywords = core.comments = ""
        from datetime import datetime

        core.created = core.modified = datetime(*FIXED_TIME)
        core.revision = 1

    # ------------------------------------------------------------ text
    def para(
        self,
        text: str,
        *,
        container=None,
        size: int = BODY,
        bold: bool = False,
        italic: bool = False,
        align: str = "justify",
        indent: bool = False,
        after: float = 6,
        keep: bool = False,
    ):
        target = container if container is not None else self.doc
        p = target.add_paragraph()
        p.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        fmt = p.paragraph_format
        fmt.space_after = Pt(after)
        fmt.space_before = Pt(0)
        if indent:
            fmt.first_line_indent = Mm(12.7)
        if keep:
            fmt.keep_with_next = True
        if text:
            run = p.add_run(text)
            _font(run, size, bold, italic)
        return p

    def line(self, key: str, **kw):
        """A catalog line as a paragraph (first-line indented body text by default)."""
        kw.setdefault("indent", True)
        return self.para(jinja(key, self.lang), **kw)

    def tag(self, statement: str) -> None:
        """A paragraph-level Jinja statement (docxtpl removes the paragraph that carries it)."""
        self.para("{%p " + statement + " %}", after=0)

    def rule(self, container, width_mm: float, cell_mm: float) -> None:
        """The short solid line under the agency name and under the motto (Phụ lục I)."""
        p = container.add_paragraph()
        fmt = p.paragraph_format
        side = max(0.0, (cell_mm - width_mm) / 2)
        fmt.left_indent = fmt.right_indent = Mm(side)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(2)
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:top")
        for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            top.set(qn(attr), value)
        borders.append(top)
        p._p.get_or_add_pPr().insert_element_before(  # where CT_PPr wants it
            borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr"
        )
        _font(p.add_run(""), 2)

    def page_break(self) -> None:
        p = self.doc.add_paragraph()
        p.add_run().add_break(WD_BREAK.PAGE)

    # ------------------------------------------------------------ blocks
    def heading(
        self,
        number_key: str | None,
        upper: str = "{{ co_quan_chu_quan }}",
        lower: str = "{{ co_quan }}",
        draft: bool = False,
    ) -> None:
        """Agency lines with number (left), Quốc hiệu, Tiêu ngữ and the date line (right)."""
        # The heading reaches 8 mm into the left margin, as printed headings usually do, so that
        # the agency's name and the Quốc hiệu each hold on one line.
        left_mm, right_mm = 73, TEXT_WIDTH + 8 - 73
        table = self._grid(1, (left_mm, right_mm))
        _indent(table, -8)
        left, right = table.rows[0].cells
        _clear(left)
        _clear(right)
        self.para(upper, container=left, size=NATION, align="center", after=0)
        self.para(lower, container=left, size=NATION, bold=True, align="center", after=0)
        self.rule(left, 24, left_mm)
        if number_key:
            self.para(jinja(number_key, self.lang), container=left, size=HEAD, align="center", after=0)
        if draft:  # "DỰ THẢO" while a seat of the list is undecided (SPEC §5)
            self.para("{%p if du_thao %}", container=left, size=HEAD, after=0)
            self.para(
                jinja("doc_draft", self.lang), container=left, size=HEAD, bold=True, align="center", after=0
            )
            self.para("{%p endif %}", container=left, size=HEAD, after=0)
        self.para(
            jinja("doc_nation", self.lang), container=right, size=NATION, bold=True, align="center", after=0
        )
        self.para(
            jinja("doc_motto", self.lang), container=right, size=BODY, bold=True, align="center", after=0
        )
        self.rule(right, 62, right_mm)
        self.para("", container=right, size=HEAD, after=0)
        self.para(
            jinja("doc_date_line", self.lang),
            container=right,
            size=BODY,
            italic=True,
            align="center",
            after=0,
        )
        self.para("", after=6)

    def title(self, *keys: str) -> None:
        first, *rest = keys
        self.para(jinja(first, self.lang), bold=True, align="center", after=0, keep=True)
        for key in rest:
            self.para(jinja(key, self.lang), bold=True, align="center", after=0, keep=True)
        self.rule(self.doc, 40, TEXT_WIDTH)
        self.para("", after=0)

    def draft_note(self) -> None:
        """On the first page of a draft: each undecided seat and what decides it."""
        self.tag("if du_thao")
        self.line("doc_draft_note", italic=True, bold=True, indent=False, after=2, keep=True)
        self.tag("for n in chua_quyet_dinh")
        self.para("- {{ n }}", italic=True, after=2, keep=True)
        self.tag("endfor")
        self.para("", after=0)
        self.tag("endif")

    def signature(
        self,
        recipients: Iterable[str] | None,
        left: tuple[str, ...] | None = None,
        right: tuple[str, ...] = ("{{ chuc_vu_nguoi_ky }}", "{{ nguoi_ky }}"),
        hint: str = "doc_sign_hint",
    ) -> None:
        """ "Nơi nhận:" and its list (or a second signer) on the left, title, space and name on the right.

        The block never splits across pages (its row cannot split) and never leaves the text before
        it alone (the blank line before it keeps with it; callers mark their last line `keep`)."""
        self.para("", after=0, keep=True)
        table = self._grid(1, (TEXT_WIDTH / 2 - 5, TEXT_WIDTH / 2 + 5))
        _cant_split(table.rows[0])
        cell_l, cell_r = table.rows[0].cells
        _clear(cell_l)
        _clear(cell_r)
        if recipients is not None:
            self.para(
                jinja("doc_recipients", self.lang),
                container=cell_l,
                size=TABLE,
                bold=True,
                italic=True,
                align="left",
                after=0,
            )
            for key in recipients:
                self.para(jinja(key, self.lang), container=cell_l, size=SMALL, align="left", after=0)
        elif left is not None:
            self._signer(cell_l, left[0], left[1], left[2] if len(left) > 2 else hint)
        self._signer(cell_r, right[0], right[1], right[2] if len(right) > 2 else hint)

    def _signer(self, cell, title: str, name: str, hint: str) -> None:
        """Title, the hint ("(Ký, ghi rõ họ tên)": a catalog key, or a placeholder), space, name."""
        hint = jinja(hint, self.lang) if hint in CATALOG else hint
        self.para(title, container=cell, size=BODY, bold=True, align="center", after=0)
        self.para(hint, container=cell, size=HEAD, italic=True, align="center", after=0)
        for _ in range(4):
            self.para("", container=cell, size=BODY, align="center", after=0)
        self.para(name, container=cell, size=BODY, bold=True, align="center", after=0)

    def table(
        self,
        headers: list[str],
        fields: list[str],
        loop: str,
        widths: tuple[float, ...],
    ) -> None:
        """A bordered table: a header row, then one row per item of `loop` ("r in tap_the").

        A numbering column ("STT") is as wide as its header and a three-digit number measure, so it
        never wraps; the widest column gives up the difference."""
        if headers[0] == "col.no":
            widths = _number_column(widths, jinja("col.no", self.lang))
        table = self._grid(4, widths, borders=True)
        for cell, key in zip(table.rows[0].cells, headers, strict=True):
            _clear(cell)
            self.para(
                jinja(key, self.lang) if key in CATALOG else key,
                container=cell,
                size=TABLE,
                bold=True,
                align="center",
                after=0,
            )
        for r, text in ((1, "{%tr for " + loop + " %}"), (3, "{%tr endfor %}")):
            _clear(table.rows[r].cells[0])
            self.para(text, container=table.rows[r].cells[0], size=TABLE, align="left", after=0)
        var = loop.split()[0]
        for i, (cell, name) in enumerate(zip(table.rows[2].cells, fields, strict=True)):
            _clear(cell)
            align = "left" if i and name in _TEXT_FIELDS else "center"
            self.para("{{ " + f"{var}.{name}" + " }}", container=cell, size=TABLE, align=align, after=0)
        _repeat_header(table.rows[0])
        self.para("", after=0)

    def award_list(self, title_key: str, ref_key: str) -> None:
        """The attached list (Danh sách kèm theo): collectives, then individuals."""
        self.page_break()
        self.para(jinja("doc_attached_list", self.lang), bold=True, align="center", after=0)
        self.para(jinja(title_key, self.lang), bold=True, align="center", after=0)
        self.para(jinja(ref_key, self.lang), italic=True, align="center", size=HEAD, after=6)
        columns = [c for c in NOMINATION_COLUMNS if c.doc_width]  # the sheet's list, declared once
        headers, fields = [c.header for c in columns], [c.field for c in columns]
        widths = tuple(c.doc_width for c in columns)
        for group, heading in (("tap_the", "doc_collectives"), ("ca_nhan", "doc_individuals")):
            self.para(jinja(heading, self.lang), bold=True, align="left", after=3, keep=True)
            self.tag(f"if {group}")
            self.table(headers, fields, f"r in {group}", widths)
            self.tag("else")
            self.para(jinja("doc_none", self.lang), italic=True, align="left")
            self.tag("endif")

    def _grid(self, rows: int, widths: tuple[float, ...], borders: bool = False):
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        if borders:
            table.style = self.doc.styles["Table Grid"]
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(Mm(width).twips)))
        return table

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _fixed_zip(buffer.getvalue())


def _font(run, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _indent(table, mm: float) -> None:
    """Shift a table left (negative) or right of the text's left edge, and pad its cells little."""
    props = table._tbl.tblPr
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(Mm(mm).twips)))
    indent.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(int(Mm(1).twips)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    # where CT_TblPr wants them: … jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    props.insert_element_before(indent, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    props.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _clear(cell) -> None:
    """A new cell holds one empty paragraph: remove it so the cell holds only what we add."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)


def _cant_split(row) -> None:
    """A row that moves whole to the next page rather than break (w:cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


# Advance widths of Times New Roman (per 1000 em, bold and regular alike for these glyphs);
# any other character counts as the widest capital.
_ADVANCE = {**dict.fromkeys("0123456789", 500), "S": 556, "T": 667, "N": 722, "o": 500, ".": 250, " ": 250}
_CELL_PADDING = 2 * 108 / 56.7  # mm: Table Grid's default left and right cell margins (108 twips each)


def text_mm(text: str, size: float) -> float:
    """How wide `text` prints in Times New Roman at `size` points, in mm."""
    return sum(_ADVANCE.get(ch, 722) for ch in text) / 1000 * size * 25.4 / 72


def _number_column(widths: tuple[float, ...], header: str) -> tuple[float, ...]:
    need = max(text_mm(header, TABLE), text_mm("999", TABLE)) + _CELL_PADDING + 1.5  # slack
    first = round(max(widths[0], need), 1)
    widest = max(range(1, len(widths)), key=lambda i: widths[i])
    adjusted = list(widths)
    adjusted[0], adjusted[widest] = first, widths[widest] - (first - widths[0])
    return tuple(adjusted)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    props.append(header)


def _fixed_zip(data: bytes) -> bytes:
    """The same bytes for the same content: fixed entry times, the parts' order kept."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- the six templates


def submission(lang: str) -> bytes:
    """01 Tờ trình of the Director to the Provincial Chairman, through the Department of Home Affairs."""
    b = Builder(lang)
    b.heading("doc_number_ttr", draft=True)
    b.title("doc_ttr_title", "doc_ttr_subject")
    b.draft_note()
    b.line("doc_ttr_to", align="center", indent=False, after=0)
    b.line("doc_ttr_through", align="center", indent=False, italic=True)
    for key in (
        "doc_basis_law",
        "doc_basis_decree",
        "doc_basis_province",
        "doc_basis_agency",
        "doc_basis_minutes",
    ):
        b.line(key, italic=True)
    b.line("doc_ttr_body")
    b.line("doc_ttr_close", keep=True)
    b.signature(("doc_ttr_rcpt_1", "doc_ttr_rcpt_2", "doc_rcpt_archive"))
    b.award_list("doc_ttr_list_title", "doc_ttr_list_ref")
    return b.save()


def _initiatives_and_discipline(b: Builder, initiatives_key: str, discipline_key: str) -> None:
    b.line(initiatives_key, indent=False, bold=True, keep=True)
    b.tag("if sang_kien")
    b.table(
        [
            "col.no",
            "doc_col_initiative",
            "doc_col_level",
            "doc_col_year",
            "doc_col_decision",
            "doc_col_index",
        ],
        ["stt", "ten", "cap", "nam", "quyet_dinh", "chi_so"],
        "i in sang_kien",
        (12, 58, 22, 15, 36, 22),
    )
    b.tag("endif")
    b.line("doc_initiative_effect")
    b.line(discipline_key, indent=False, bold=True, keep=True)
    b.para("{{ ky_luat }}", indent=True)


def _award_history(b: Builder) -> None:
    b.line("doc_bc_part3", indent=False, bold=True, keep=True)
    b.tag("if khen_thuong_da_nhan")
    b.tag("for k in khen_thuong_da_nhan")
    b.line("doc_award_history_row", keep=True)
    b.tag("endfor")
    b.tag("else")
    b.line("doc_award_history_none", keep=True)
    b.tag("endif")


def report_person(lang: str) -> bytes:
    """02 Báo cáo thành tích of an individual (form "khen thưởng thi đua theo chuyên đề")."""
    b = Builder(lang)
    b.heading(None, upper="{{ co_quan }}", lower="{{ don_vi_hoa }}")
    b.title("doc_bc_title", "doc_bc_subject")
    b.line("doc_bc_part1", indent=False, bold=True, keep=True)
    for key in (
        "doc_p_name",
        "doc_p_gender",
        "doc_p_born",
        "doc_p_kind",
        "doc_p_position",
        "doc_p_unit",
        "doc_p_more",
    ):
        b.line(key, indent=False, after=2)
    b.line("doc_bc_part2", indent=False, bold=True, keep=True)
    b.line("doc_p_duties")
    b.line("doc_p_results", keep=True)
    b.line("doc_p_ratings", indent=False, bold=True, keep=True)
    b.table(["doc_col_year", "doc_col_rating"], ["nam", "xep_loai"], "y in xep_loai", (30, 110))
    _initiatives_and_discipline(b, "doc_p_initiatives", "doc_p_discipline")
    _award_history(b)
    b.signature(
        None,
        left=("{{ thu_truong.xac_nhan }}", "{{ thu_truong.ho_ten }}", "{{ thu_truong.ky }}"),
        right=(jinja("doc_bc_reporter", lang), "{{ nguoi.ho_ten }}"),
        hint="doc_sign_hint_plain",
    )
    return b.save()


def report_unit(lang: str) -> bytes:
    """02 Báo cáo thành tích of a collective (form "khen thưởng thi đua theo chuyên đề")."""
    b = Builder(lang)
    b.heading(None, upper="{{ co_quan }}", lower="{{ don_vi_hoa }}")
    b.title("doc_bc_title", "doc_bc_subject")
    b.line("doc_bc_part1", indent=False, bold=True, keep=True)
    for key in ("doc_u_name", "doc_u_kind", "doc_u_founded", "doc_u_address", "doc_u_duties", "doc_u_staff"):
        b.line(key, indent=False, after=2)
    b.line("doc_bc_part2", indent=False, bold=True, keep=True)
    b.line("doc_u_results", indent=False, bold=True, keep=True)
    b.table(
        [
            "doc_col_year",
            "doc_col_tasks",
            "doc_col_on_time",
            "doc_col_docs",
            "doc_col_socio",
            "doc_col_budget",
            "doc_col_programmes",
        ],
        ["nam", "giao", "dung_han", "van_ban", "kt_xh", "ngan_sach", "chuong_trinh"],
        "y in ket_qua_nam",
        (15, 24, 24, 22, 24, 24, 32),
    )
    b.line("doc_u_ratings", indent=False, bold=True, keep=True)
    ratings = C.RATING.labels(lang)
    b.table(
        ["doc_col_year", "doc_col_staff", *ratings],
        ["nam", "tong", "htxs", "htt", "ht", "kht"],
        "y in xep_loai_nam",
        (15, 30, 30, 30, 30, 30),
    )
    _initiatives_and_discipline(b, "doc_u_initiatives", "doc_u_discipline")
    b.line("doc_u_more", indent=False, bold=True)
    _award_history(b)
    b.signature(
        None,
        left=(jinja("doc_bc_upper_confirm", lang), "{{ nguoi_ky }}"),
        right=("{{ thu_truong.chuc_vu }}", "{{ thu_truong.ho_ten }}", "{{ thu_truong.ky }}"),
    )
    return b.save()


def decision(lang: str) -> bytes:
    """03 Quyết định of the Director awarding the Certificate, Điều 1–3, list attached."""
    b = Builder(lang)
    b.heading("doc_number_qd", draft=True)
    b.title("doc_qd_title", "doc_qd_subject")
    b.draft_note()
    b.para("{{ tham_quyen }}", bold=True, align="center")
    for key in (
        "doc_basis_law",
        "doc_basis_decree",
        "doc_qd_basis_functions",
        "doc_basis_agency",
        "doc_basis_minutes",
        "doc_qd_basis_proposal",
    ):
        b.line(key, italic=True)
    b.line("doc_qd_decides", bold=True, align="center", indent=False)
    for key in ("doc_qd_art1", "doc_qd_art2"):
        b.line(key)
    b.line("doc_qd_art3", keep=True)
    b.signature(("doc_qd_rcpt_1", "doc_rcpt_archive"))
    b.award_list("doc_qd_list_title", "doc_qd_list_ref")
    return b.save()


def minutes(lang: str) -> bytes:
    """04 Biên bản of the council's meeting: attendance, figures, votes per candidate, conclusion."""
    b = Builder(lang)
    b.heading("doc_number_bb", upper="{{ co_quan }}", lower=jinja("doc_bb_council", lang))
    b.title("doc_bb_title", "doc_bb_subject")
    for key in ("doc_bb_time", "doc_bb_place", "doc_bb_members", "doc_bb_content"):
        b.line(key)
    b.line("doc_bb_figures")
    b.line("doc_bb_votes", keep=True)
    b.tag("if phieu")
    b.table(
        ["col.no", "doc_col_name", "doc_col_award", "doc_col_votes", "doc_col_decision_vote"],
        ["stt", "ten", "hinh_thuc", "dong_y", "ket_luan"],
        "v in phieu",
        (12, 50, 48, 25, 30),
    )
    b.tag("endif")
    b.line("doc_bb_pending", keep=True)
    b.tag("for n in con_lai")
    b.para("- {{ n }}", indent=True, after=2)
    b.tag("else")
    b.line("doc_bb_pending_none")
    b.tag("endfor")
    b.line("doc_bb_conclusion", keep=True)
    b.tag("for k in ket_luan")
    b.para("{{ k }}", indent=True, after=2)
    b.tag("endfor")
    b.line("doc_bb_close", keep=True)
    b.signature(
        None,
        left=(jinja("doc_bb_secretary", lang), DOTS),
        right=(jinja("doc_bb_chair", lang), DOTS),
        hint="doc_sign_hint_plain",
    )
    return b.save()


def review(lang: str) -> bytes:
    """05 Báo cáo sơ kết / tổng kết with the evaluation's figures."""
    b = Builder(lang)
    b.heading("doc_number_bc")
    b.title("doc_rp_title", "doc_rp_subject")
    b.line("doc_rp_part1", indent=False, bold=True, keep=True)
    b.line("doc_rp_part1_text")
    b.line("doc_rp_part2", indent=False, bold=True, keep=True)
    b.line("doc_rp_scope")
    criteria = [
        "doc_col_criterion",
        "doc_col_met",
        "doc_col_unmet",
        "doc_col_missing",
        "doc_col_evaluated",
        "doc_col_share",
    ]
    fields = ["ten", "dat", "khong_dat", "thieu", "so_xet", "ty_le"]
    for heading, rows in (
        ("doc_rp_collective", "tong_hop.tieu_chi_tap_the"),
        ("doc_rp_individual", "tong_hop.tieu_chi_ca_nhan"),
    ):
        b.line(heading, indent=False, bold=True, keep=True)
        b.table(criteria, fields, f"c in {rows}", (61, 20, 20, 22, 22, 20))
    b.line("doc_rp_initiatives", indent=False, bold=True, keep=True)
    b.table(["doc_col_level", "doc_col_count"], ["cap", "so"], "s in tong_hop.sang_kien_cap", (60, 40))
    b.line("doc_rp_part3", indent=False, bold=True, keep=True)
    b.tag("for a in tong_hop.khen_thuong")
    b.line("doc_rp_award_line")
    b.tag("endfor")
    b.line("doc_rp_part4", indent=False, bold=True, keep=True)
    b.line("doc_rp_part4_text", keep=True)
    b.signature(("doc_rp_rcpt_1", "doc_rp_rcpt_2", "doc_rcpt_archive"))
    return b.save()
