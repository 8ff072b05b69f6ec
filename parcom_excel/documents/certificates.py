"""The Giấy khen certificates: one A4 landscape page per awardee (`parcom documents --certificates`).

The awardees are those of the last Giấy khen decision of this movement recorded in
`Khen thưởng đã nhận` (by `parcom record-awards`): name, unit, achievement, decision number and
date, place and date, signer. Two forms:
- plain paper: the certificate's whole wording, laid out on the page;
- pre-printed blanks (phôi): only the fields, each a paragraph framed at an absolute position
  (Word's frame properties, in twentieths of a point) taken in millimetres from the setting
  `certificate_fields`, so an office can align them to its own blanks; a grid page helps measure.
A name is set in the largest size up to 26 pt whose measured width (Times New Roman's metrics,
which Liberation Serif shares) fits its box.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import contract as C
from ..i18n import render
from ..problems import ParcomError
from ..text import clean, fold

PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
FIELDS = ("ten", "don_vi", "thanh_tich", "quyet_dinh", "noi_ngay", "nguoi_ky")
_TWIPS_PER_MM = 1440 / 25.4
_FONTS = (
    "C:/Windows/Fonts/times.ttf",
    "/Library/Fonts/Times New Roman.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
)


@dataclass
class Awardee:
    name: str
    unit: str
    person: bool


@functools.cache
def _metrics() -> tuple[dict[int, int], int] | None:
    """(code point -> advance width, units per em) of Times New Roman or its metric twin."""
    from fontTools.ttLib import TTFont

    for path in _FONTS:
        if Path(path).exists():
            font = TTFont(path, lazy=True)
            widths = font["hmtx"].metrics
            cmap = font.getBestCmap()
            return {cp: widths[g][0] for cp, g in cmap.items()}, font["head"].unitsPerEm
    return None


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of `text` in Times at `size_pt` (bold about 5% wider)."""
    found = _metrics()
    if found is None:
        em = 0.5 * len(text)  # no font file: a broad average of Times' advance widths
    else:
        widths, upm = found
        em = sum(widths.get(ord(ch), upm // 2) for ch in text) / upm
    return em * size_pt * 25.4 / 72 * (1.05 if bold else 1.0)


def fit_size(text: str, width_mm: float, largest: float, smallest: float = 12, bold: bool = True) -> float:
    """The largest size (by half points) at which `text` fits `width_mm`, never below `smallest`."""
    size = largest
    while size > smallest and text_width_mm(text, size, bold) > width_mm * 0.96:
        size -= 0.5
    return size


def _parse(text: str, cell: str | None, sheet: str, file: str) -> dict[str, tuple[float, float, float]]:
    out: dict[str, tuple[float, float, float]] = {}
    for part in str(text).split(";"):
        if not part.strip():
            continue
        name, _, numbers = part.partition("=")
        try:
            left, top, width = (float(n) for n in numbers.split(","))
        except ValueError:
            left = top = width = -1.0
        if fold(name) not in FIELDS or not (0 <= left < PAGE_W and 0 <= top < PAGE_H and width > 0):
            raise ParcomError("cert_bad_positions", file=file, sheet=sheet, cell=cell, part=clean(part))
        out[fold(name)] = (left, top, min(width, PAGE_W - left))
    return out


def positions(value: Any, cell: str | None, sheet: str, file: str) -> dict[str, tuple[float, float, float]]:
    """The setting `certificate_fields` read: field -> (left, top, width) in mm, the default's
    positions for the fields it leaves out."""
    default = _parse(C.SETTINGS_BY_KEY["certificate_fields"].default, None, sheet, file)
    return default | (_parse(value, cell, sheet, file) if value else {})


# ---------------------------------------------------------------- the Word document


def _frame(doc: Any, text: str, box: tuple[float, float, float], size: float, **style: Any) -> None:
    """A paragraph framed at (left, top) mm from the page's corner, `width` mm wide."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    left, top, width = box
    paragraph = doc.add_paragraph()
    paragraph.alignment = style.get("align", WD_ALIGN_PARAGRAPH.CENTER)
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w:w", round(width * _TWIPS_PER_MM)),
        ("w:hSpace", 0),
        ("w:wrap", "around"),
        ("w:vAnchor", "page"),
        ("w:hAnchor", "page"),
        ("w:x", round(left * _TWIPS_PER_MM)),
        ("w:y", round(top * _TWIPS_PER_MM)),
    ):
        frame.set(qn(key), str(value))
    paragraph._p.get_or_add_pPr().insert(0, frame)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"
    run.bold = style.get("bold", False)
    run.italic = style.get("italic", False)
    if style.get("color"):
        run.font.color.rgb = RGBColor.from_string(style["color"])


def _page(doc: Any, values: dict[str, str], boxes: dict, plain: bool, heads: dict[str, str]) -> None:
    if plain:
        _frame(doc, heads["parent"], (10, 12, 110), 12)
        _frame(doc, heads["agency"], (10, 18, 110), 12, bold=True)
        _frame(doc, heads["nation"], (130, 12, 160), 12, bold=True)
        _frame(doc, heads["motto"], (130, 18, 160), 13, bold=True)
        _frame(doc, heads["giver"], (20, 38, 257), fit_size(heads["giver"], 257, 17), bold=True)
        _frame(doc, heads["give"], (20, 50, 257), 16, bold=True)
        _frame(doc, heads["title"], (20, 60, 257), 40, bold=True, color="C00000")
        _frame(
            doc,
            heads["signer_title"],
            (*boxes["nguoi_ky"][:1], boxes["nguoi_ky"][1] - 26, boxes["nguoi_ky"][2]),
            14,
            bold=True,
        )
    name_box = boxes["ten"]
    _frame(doc, values["ten"], name_box, fit_size(values["ten"], name_box[2], 26), bold=True)
    for key in ("don_vi", "thanh_tich", "quyet_dinh"):
        _frame(doc, values[key], boxes[key], 15 if key != "quyet_dinh" else 13, italic=key == "quyet_dinh")
    _frame(doc, values["noi_ngay"], boxes["noi_ngay"], 14, italic=True)
    _frame(doc, values["nguoi_ky"], boxes["nguoi_ky"], 14, bold=True)


def awardees(evaluation: Any) -> tuple[Any, list[Awardee]]:
    """The last Giấy khen decision of this movement recorded, and who it awards."""
    world = evaluation.world
    movement = fold(world.settings.movement)
    mine = [
        a
        for a in world.past_awards
        if C.AWARD_KIND.parse(a.award or "") == "gk" and a.movement and movement in fold(a.movement)
    ]
    if not mine:
        return None, []
    last = max(mine, key=lambda a: (a.decided, a.decision_no))
    out = []
    for a in mine:
        if a.decision_no != last.decision_no:
            continue
        if a.staff_id and a.staff_id in world.people:
            person = world.people[a.staff_id]
            unit = world.units.get(person.unit_id)
            out.append(Awardee(person.name, unit.name if unit else "", True))
        elif a.unit_id and a.unit_id in world.units:
            out.append(Awardee(world.units[a.unit_id].name, "", False))
    return last, out


def _landscape() -> Any:
    """A Word document of A4 landscape pages."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(10))
    return doc


def _saved(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _heads(settings: Any, lang: str) -> dict[str, str]:
    """The plain form's fixed wording: the agency, the nation's heading, the giver, the title."""
    return {
        "parent": settings.parent_agency,
        "agency": settings.agency,
        "nation": render("cert.nation", lang),
        "motto": render("cert.motto", lang),
        "giver": f"{settings.signer_title} {settings.agency}".upper(),
        "give": render("cert.give", lang),
        "title": render("cert.title", lang),
        "signer_title": settings.signer_title,
    }


def _values(who: Awardee, settings: Any, decision: Any, blank: bool, lang: str) -> dict[str, str]:
    """One certificate's fields; on a blank the printed words ("Ông/Bà:", "Đơn vị:") are left out."""
    day = decision.decided
    name = render("cert.person" if who.person else "cert.collective", lang, name=who.name)
    unit = render("cert.unit", lang, unit=who.unit) if who.unit else ""
    period = {"movement": settings.movement, "first": settings.from_year, "last": settings.to_year}
    place = {"place": settings.place, "d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": day.year}
    return {
        "ten": who.name if blank else name,
        "don_vi": who.unit if blank else unit,
        "thanh_tich": render("cert.achievement", lang, **period),
        "quyet_dinh": render("cert.decision", lang, number=decision.decision_no, date=day),
        "noi_ngay": render("cert.place_date", lang, **place),
        "nguoi_ky": settings.signer_name or render("cert.no_signer", lang),
    }


@dataclass
class CertificateSet:
    """What a certificates run wrote: the Word files (the certificates, and the grid page for
    blanks), their PDFs, how many certificates, and what the PDF conversion said."""

    files: list[Path]
    pdfs: list[Path]
    count: int
    note: str | None = None


def certificates_document(book: Path, *, blank: bool = False, lang: str = "vi") -> tuple[bytes, int]:
    """The certificates of `book`'s last recorded Giấy khen decision, one page each, and how many."""
    from docx.enum.text import WD_BREAK

    from ..core import run
    from ..io.files import FileAdapter

    result = run(FileAdapter(book), lang=lang, write=False)
    if result.evaluation is None:
        errors = sum(p.is_error for p in result.problems)
        raise ParcomError("awards_data_errors", file=book.name, count=errors)
    settings = result.evaluation.world.settings
    decision, people = awardees(result.evaluation)
    if not people:
        raise ParcomError("cert_none", file=book.name, sheet=C.PAST_AWARDS.name(lang))
    key = "certificate_fields"
    boxes = positions(settings.values.get(key), settings.cells.get(key), settings.sheet, book.name)
    doc = _landscape()
    heads = _heads(settings, lang)
    for n, who in enumerate(people):
        if n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _page(doc, _values(who, settings, decision, blank, lang), boxes, not blank, heads)
    return _saved(doc), len(people)


def grid_document(lang: str = "vi") -> bytes:
    """The alignment page: a mark every 10 mm, numbered every 50 mm from the sheet's top left corner."""
    doc = _landscape()
    for top in range(10, int(PAGE_H), 10):
        for left in range(10, int(PAGE_W), 10):
            mark = f"+{left},{top}" if (left % 50 == 0 and top % 50 == 0) else "+"
            _frame(doc, mark, (left - 0.9, top - 2.2, 14), 6, align=0)
    _frame(doc, render("cert.grid_note", lang), (20, 195, 257), 10, italic=True)
    return _saved(doc)


def write_certificates(
    book: Path, folder: Path, *, blank: bool = False, lang: str = "vi", pdf: bool = False
) -> CertificateSet:
    """Draft the certificates (for blanks: and the grid page), and their PDFs when asked, into
    `folder` as one set (io.safety.write_set): all replaced together, or none; a PDF of an
    earlier run that this run does not make again is removed with the swap."""
    from ..io.safety import write_set
    from .dossier import to_pdf

    data, count = certificates_document(book, blank=blank, lang=lang)
    files = {render("cert.file_blank" if blank else "cert.file", lang): data}
    if blank:
        files[render("cert.file_grid", lang)] = grid_document(lang)
    pdfs = [name.removesuffix(".docx") + ".pdf" for name in files]
    said: list[str] = []

    def convert(stage: Path) -> list[str]:
        made, note = to_pdf([stage / name for name in files], stage, lang)
        said.append(note)
        return [p.name for p in made]

    written = write_set(
        folder,
        dict(files),
        ours=lambda name: name in pdfs,
        then=convert if pdf else None,
        expect=pdfs if pdf else [],
    )
    return CertificateSet(
        [p for p in written if p.suffix == ".docx"],
        [p for p in written if p.suffix == ".pdf"],
        count,
        said[0] if said else None,
    )


def certificates_text(book: Path, folder: Path | None, blanks: bool, lang: str, pdf: bool = False) -> str:
    """Write the certificates (and, for blanks, the grid page), and their PDFs when asked; what
    the console says."""
    from .dossier import default_folder

    made = write_certificates(book, folder or default_folder(book), blank=blanks, lang=lang, pdf=pdf)
    lines = [render("cert.written", lang, count=made.count, file=made.files[0])]
    if blanks:
        lines.append(render("cert.grid_written", lang, file=made.files[1]))
    if made.note:
        lines.append(made.note)
    return "\n".join(lines)
