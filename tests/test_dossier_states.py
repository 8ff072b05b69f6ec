"""The dossier follows the council (SPEC §2c, §5): the sample in four states, its documents read
back, and their names and counts set against the workbook's own list in that state."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from parcom_excel import contract as C
from parcom_excel.core import run
from parcom_excel.documents.book import draft_book
from parcom_excel.documents.dossier import to_pdf, write_dossier
from parcom_excel.documents.templates import text_mm
from parcom_excel.io.files import FileAdapter

from .workbooks import ROOT, department, run_cli, write_book

SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"
WHEN = datetime(2026, 1, 5, 9, 30)
MEETING = {"council_date": "05/01/2026", "council_members": 9, "council_present": 7}
YES, NO = C.VOTE.get("YES").label(), C.VOTE.get("NO").label()
BK, GK = (a.label() for a in C.AWARDS)
# The sample ties CB030 and CB038 for the one individual Merit; the rest follow the ranking.
VOTES = {
    "before": [],
    "partial": [("QLKH", BK, 7, YES), ("CB030", BK, 6, YES), ("CB002", GK, 2, NO)],
    "full": [
        ("QLKH", BK, 7, YES),
        ("CB030", BK, 6, YES),
        *((code, GK, 7, YES) for code in ("KHTC", "VP", "CB038", "CB036", "CB002", "CB063", "CB049")),
    ],
}
STATES = ["before", "partial", "full", "so_ket"]


def with_votes(path: Path, rows: list[tuple[str, str, int, str]]) -> Path:
    """The sample with the council's votes typed on `Hội đồng` and the meeting in `Cấu hình`."""
    book = openpyxl.load_workbook(SAMPLE)
    sheet = book[C.COUNCIL.vi]
    for r, row in enumerate(rows, 2):
        for column, value in zip((1, 3, 4, 5), row, strict=True):
            sheet.cell(r, column, value)
    meeting = {C.SETTINGS_BY_KEY[key].vi: value for key, value in MEETING.items()} if rows else {}
    for row in book[C.SETTINGS_SHEET.vi].iter_rows(min_row=2):
        if row[0].value in meeting:
            row[1].value = meeting[row[0].value]
    book.save(path)
    return path


class State:
    """One state of the sample: the book evaluated (its list written back) and its dossier."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        if name == "so_ket":  # the README's own example: a sơ kết copy of the book
            self.book = folder / "so_ket.xlsx"
            done = run_cli("evaluate", SAMPLE, "-o", self.book, "--from-year", "2022", "--to-year", "2023")
            assert done.returncode == 0, done.stdout + done.stderr
            years = {"from_year": 2022, "to_year": 2023}
        else:
            self.book = with_votes(folder / f"{name}.xlsx", VOTES[name])
            assert not run(FileAdapter(self.book)).errors  # writes the list and the Nhật ký row
            years = {}
        result = run(FileAdapter(self.book), write=False, **years)
        assert not result.errors
        self.evaluation = result.evaluation
        self.folder = folder / "ho_so"
        self.drafted = draft_book(self.book, self.folder)  # the period read back from Nhật ký
        assert self.drafted.code == 0, self.drafted.text

    def doc(self, stem: str) -> docx.Document:
        return docx.Document(str(next(self.folder.glob(f"{stem}*.docx"))))

    def sheet_names(self) -> set[str]:
        """Every candidate named on the workbook's own list (sheet `Đề nghị khen thưởng`)."""
        sheet = openpyxl.load_workbook(self.book, read_only=True)[C.output_name("nominations")]
        cells = {str(v) for row in sheet.iter_rows(values_only=True) for v in row[1:2] if v}
        return {c.name for c in (*self.evaluation.units, *self.evaluation.people)} & cells

    def listed(self, award: str, kind: str):
        group = self.evaluation.units if kind == "unit" else self.evaluation.people
        return [c for c in group if c.award == award]


@pytest.fixture(scope="module", params=STATES)
def state(request, tmp_path_factory):
    return State(request.param, tmp_path_factory.mktemp(request.param))


def body(document: docx.Document):
    """The body's paragraphs and tables, in order."""
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            yield Paragraph(element, document)
        elif element.tag.endswith("}tbl"):
            yield Table(element, document)


def attached_lists(document: docx.Document) -> dict[str, tuple[str, list[list[str]]]]:
    """The attached list: per group ("I." collectives, "II." individuals) its heading and rows."""
    found: dict[str, tuple[str, list[list[str]]]] = {}
    group = None
    for block in body(document):
        if isinstance(block, Paragraph) and re.match(r"^(I|II)\. ", block.text):
            group = block.text.split(".")[0]
            found[group] = (block.text, [])
        elif isinstance(block, Table) and group and block.rows[0].cells[0].text == "STT":
            found[group][1].extend([c.text for c in row.cells] for row in block.rows[1:])
    return found


def count_of(heading: str) -> int:
    return int(re.search(r"\((\d+)\)", heading).group(1))


def test_lists_name_the_seats_the_council_left(state):
    """Counts count seats; a passed (or, before any vote, proposed) candidate is named; every
    other seat is an open row naming who awaits it; no internal note in Tóm tắt thành tích."""
    evaluation = state.evaluation
    voted = bool(evaluation.council and evaluation.council.decided)
    settings = evaluation.world.settings
    for stem, award in (("01_To_trinh", "bk"), ("03_Quyet_dinh", "gk")):
        document = state.doc(stem)
        lists = attached_lists(document)
        text = "\n".join(p.text for p in document.paragraphs)
        counts = {}
        for group, kind, quota in (("I", "unit", "collectives"), ("II", "person", "individuals")):
            heading, rows = lists[group]
            seats = settings.quota(award, quota)[1]  # the sample has enough eligible for every seat
            assert count_of(heading) == len(rows) == seats, (stem, group)
            assert [r[0] for r in rows] == [str(n) for n in range(1, seats + 1)]
            counts[kind] = seats
            listed = state.listed(award, kind)
            named = {c.name for c in listed if (c.council == "approved" if voted else not c.tied)}
            shown = {
                re.sub(r", " + settings.agency_name + "$", "", r[1]) for r in rows if not r[1].startswith("[")
            }
            assert shown == named, (stem, group)
            open_rows = " ".join(r[1] for r in rows if r[1].startswith("["))
            for c in listed:
                if c.name not in named:
                    assert c.name in open_rows, (stem, c.name)
            for row in rows:
                assert "Đồng hạng" not in row[4] and "Hội đồng" not in row[4]  # Tóm tắt thành tích
        body_count = f"{counts['unit']:02d} tập thể và {counts['person']:02d} cá nhân"
        assert body_count in text, stem
    tied = [c for c in evaluation.people if c.tied and c.award == "bk"]
    if tied:  # the seat held for the tie's loser stays visible in the Giấy khen's list
        heads = len(state.listed("bk", "person"))
        assert heads > settings.quota("bk", "individuals")[1]  # heads would overcount: seats do not
        _, rows = attached_lists(state.doc("03_Quyet_dinh"))["II"]
        loser = [r[1] for r in rows if all(c.name in r[1] for c in tied)]
        assert loser and BK in loser[0]


def test_names_equal_the_workbooks_list(state):
    """Every candidate on the workbook's list appears in the document of its award, and no other."""
    names = state.sheet_names()
    assert names == {c.name for c in (*state.evaluation.units, *state.evaluation.people) if c.award}
    lists = {
        award: " ".join(r[1] for _, rows in attached_lists(state.doc(stem)).values() for r in rows)
        for stem, award in (("01_To_trinh", "bk"), ("03_Quyet_dinh", "gk"))
    }
    for c in (*state.evaluation.units, *state.evaluation.people):
        if c.award:
            assert c.name in lists[c.award], c.name
        else:
            assert all(f"{c.name}," not in t and not t.endswith(c.name) for t in lists.values()), c.name


def _first_page(document: docx.Document) -> list[str]:
    """The text before the attached list's page break (the page the note must stand on)."""
    lines = []
    for block in body(document):
        if isinstance(block, Paragraph):
            if 'w:br w:type="page"' in block._p.xml or "DANH SÁCH" == block.text:
                break
            lines.append(block.text)
        else:
            lines += [p.text for cell in block._cells for p in cell.paragraphs]
    return lines


def test_draft_until_every_seat_is_decided(state):
    """DỰ THẢO in the heading and a first-page note naming each undecided seat, until all passed."""
    final = state.name == "full"
    assert ("Hồ sơ chính thức" in state.drafted.text) == final
    assert ("bản DỰ THẢO" in state.drafted.text) != final
    for stem, award in (("01_To_trinh", "bk"), ("03_Quyet_dinh", "gk")):
        first = _first_page(state.doc(stem))
        waiting = [
            c
            for c in state.listed(award, "unit") + state.listed(award, "person")
            if c.council != "approved" or c.tied
        ]
        if state.name == "before" and award == "gk":
            waiting += [c for c in state.evaluation.people if c.tied]  # the open seat of the tie
        assert ("DỰ THẢO" in first) == bool(waiting), stem
        note = "\n".join(line for line in first if line.startswith("- "))
        for c in waiting:
            assert c.name in note, (stem, c.name)
        if not waiting:
            assert not any(line.startswith("Dự thảo") for line in first)


def test_minutes_have_a_line_for_every_decision_left(state):
    minutes = "\n".join(p.text for p in state.doc("04_Bien_ban").paragraphs)
    left = minutes.split("6. ")[1].split("7. ")[0]
    conclusion = minutes.split("7. ")[1]
    undecided = [
        c for c in (*state.evaluation.units, *state.evaluation.people) if c.award and c.council != "approved"
    ]
    for c in undecided:
        assert c.name in left, c.name
    if state.name == "before":  # the choice between the tied is a decision of its own
        tied = [c for c in state.evaluation.people if c.tied]
        assert any(
            all(c.name in line for c in tied) and "chọn 01 trong 02" in line for line in left.splitlines()
        )
    if state.name == "full":
        assert "Không còn nội dung nào" in left
    votes = state.evaluation.council.votes if state.evaluation.council else []
    for vote in votes:
        word = YES if vote.decision == "YES" else NO
        line = next(x for x in conclusion.splitlines() if x.startswith(f"- {word}:"))
        assert vote.name in line
    assert bool(votes) == ("- Đồng ý:" in conclusion)


def test_final_refuses_until_the_list_is_final(state, tmp_path):
    folder = tmp_path / "ho_so"
    done = run_cli("documents", state.book, "-o", folder, "--final")
    if state.name == "full":
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Hồ sơ chính thức" in done.stdout and (folder / "03_Quyet_dinh_Giay_khen.docx").exists()
        return
    assert done.returncode == 1 and not folder.exists()
    assert "danh sách chưa chính thức nên không soạn văn bản nào" in done.stdout
    for c in (*state.evaluation.units, *state.evaluation.people):
        if c.award and c.council != "approved":
            assert c.name in done.stdout


def test_the_period_evaluated_last(state):
    review = next(state.folder.glob("05_*.docx"))
    title = "\n".join(p.text for p in docx.Document(str(review)).paragraphs[:4])
    if state.name == "so_ket":
        assert (
            review.name == "05_Bao_cao_so_ket.docx" and "Sơ kết phong trào" in title and "2022–2023" in title
        )
        assert (
            "kỳ 2022–2023 của lần Đánh giá gần nhất" in state.drafted.text
            and "2022–2025" in state.drafted.text
        )
        full = run(FileAdapter(SAMPLE), write=False).evaluation  # Cấu hình's period would name others
        placed = {(c.id, c.award, c.tied) for c in (*state.evaluation.units, *state.evaluation.people)}
        assert {(c.id, c.award, c.tied) for c in (*full.units, *full.people)} != placed
        submission = "\n".join(p.text for p in state.doc("01_To_trinh").paragraphs)
        assert "sơ kết giai đoạn 2022–2023" in submission
    else:
        assert review.name == "05_Bao_cao_tong_ket.docx" and "Tổng kết phong trào" in title
        assert "lần Đánh giá gần nhất" not in state.drafted.text  # Nhật ký and Cấu hình agree


# ---------------------------------------------------------------- the period, bad inputs


def test_period_given_on_the_command_line_says_so(tmp_path):
    book = tmp_path / "so.xlsx"
    shutil.copy(SAMPLE, book)
    assert run_cli("evaluate", book).returncode == 0  # Nhật ký: 2022–2025
    done = run_cli("documents", book, "-o", tmp_path / "d", "--from-year", "2022", "--to-year", "2023")
    assert done.returncode == 0, done.stderr
    assert "(--from-year/--to-year)" in done.stdout and "2022–2025" in done.stdout
    assert (tmp_path / "d" / "05_Bao_cao_so_ket.docx").exists()
    bad = run_cli("documents", book, "-o", tmp_path / "e", "--from-year", "1999")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and not (tmp_path / "e").exists()


def test_an_unreadable_log_period_falls_back_to_the_settings(tmp_path):
    book = tmp_path / "so.xlsx"
    shutil.copy(SAMPLE, book)
    assert run_cli("evaluate", book).returncode == 0
    workbook = openpyxl.load_workbook(book)
    log = workbook[C.output_name("log")]
    log.cell(log.max_row, 3, "cả kỳ")  # the Kỳ xét cell of the last row, typed over by hand
    workbook.save(book)
    done = run_cli("documents", book, "-o", tmp_path / "d")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert (tmp_path / "d" / "05_Bao_cao_tong_ket.docx").exists()


# ---------------------------------------------------------------- the register of the documents


def _all_text(document: docx.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join(parts)


def test_reports_in_the_register_of_the_office(tmp_path):
    data = department()
    book = write_book(tmp_path / "b.xlsx", data, {"reward_coef_person": "0,3", "reward_fund": "Quỹ thi đua"})
    evaluation = run(FileAdapter(book), write=False).evaluation
    done = write_dossier(evaluation, tmp_path / "ho_so", when=WHEN)
    texts = {p.name: _all_text(docx.Document(str(p))) for p in done.files}
    decision = texts["03_Quyet_dinh_Giay_khen.docx"]
    assert "mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng bằng 0,3 lần mức lương cơ sở" in decision
    assert "[chưa có: hệ số tiền thưởng tập thể]" in decision and "chi từ Quỹ thi đua." in decision
    for name, text in texts.items():
        assert "06/2022/QH15 ngày 15 tháng 6 năm 2022" in text or not text.count("Căn cứ Luật"), name
        assert text.count("ngày 05 tháng 01 năm 2026") <= 1 and "05/01/2026" not in text, name  # one date
        assert "sổ theo dõi không ghi nhận" not in text and "trước kỳ xét" not in text, name
    for c in (c for c in (*evaluation.units, *evaluation.people) if c.award == "bk"):
        (report,) = done.folder.glob(f"02_Bao_cao_thanh_tich_*_{c.id}.docx")  # name then code
        document = docx.Document(str(report))
        heading = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
        unit = evaluation.world.units[c.id if c.kind == "unit" else evaluation.world.people[c.id].unit_id]
        assert unit.name.upper() in heading  # agency names in capitals
        division = unit.kind == "PCM"  # a phòng has a Trưởng phòng and no seal of its own
        title = "TRƯỞNG PHÒNG" if division else "THỦ TRƯỞNG ĐƠN VỊ"
        signer = next(
            [p.text for p in cell.paragraphs]
            for t in document.tables
            for cell in t._cells
            if cell.paragraphs and cell.paragraphs[0].text.endswith(title)
        )
        assert ("đóng dấu" in signer[1]) != division, signer
        if c.kind == "unit" and not unit.founded:
            assert "Ngày thành lập: [chưa có: ngày thành lập]" in texts[report.name]


def test_english_documents_hold_no_vietnamese_of_ours(tmp_path):
    book = write_book(tmp_path / "b.xlsx", department())
    evaluation = run(FileAdapter(book), lang="en", write=False).evaluation
    done = write_dossier(evaluation, tmp_path / "ho_so", lang="en", when=WHEN)
    world = evaluation.world
    data = {str(v) for v in world.settings.values.values() if isinstance(v, str) and v}
    data |= {x for p in world.people.values() for x in (p.name, p.position or "")}
    data |= {u.name for u in world.units.values()} | {i.title for i in world.initiatives}
    data |= {i.decision_no for i in world.initiatives if i.decision_no}
    data = {
        x for v in data if len(v) > 2 for x in (v, v.upper(), v[:1].upper() + v[1:].lower())
    }  # as typed, in capitals
    vietnamese = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
    for path in done.files:
        document = docx.Document(str(path))
        texts = [p.text for p in document.paragraphs]
        texts += [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
        for text in texts:
            for value in sorted(data, key=len, reverse=True):
                text = text.replace(value, "")
            assert not vietnamese.search(text), (path.name, text)


# ---------------------------------------------------------------- pages fit for signing


def test_number_column_fits_its_widest_text(state):
    for stem in ("01_To_trinh", "03_Quyet_dinh", "04_Bien_ban"):
        for table in state.doc(stem).tables:
            if table.rows[0].cells[0].text != "STT":
                continue
            layout = table._tbl.tblPr.find(docx.oxml.ns.qn("w:tblLayout"))
            assert layout is not None and layout.get(docx.oxml.ns.qn("w:type")) == "fixed"  # autofit off
            width = int(
                table._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))[0].get(docx.oxml.ns.qn("w:w"))
            )
            assert width / 56.7 >= text_mm("STT", 12) + 2 * 108 / 56.7, stem


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("name", ["before", "full"])
def test_rendered_pages_keep_signatures_whole_and_stt_on_one_line(name, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) or poppler-utils (pdftotext) is not installed")
    book = with_votes(tmp_path / "b.xlsx", VOTES[name])
    evaluation = run(FileAdapter(book), write=False).evaluation
    done = write_dossier(evaluation, tmp_path / "ho_so", when=WHEN)
    pdfs, note = to_pdf(done.files, done.folder, "vi")
    assert len(pdfs) == len(done.files), note
    for pdf in pdfs:
        pages = _pages(pdf)
        signed = next(p for p in pages if "(Ký, ghi rõ họ tên" in p)
        # the title, the hint and the name stand on one page, with the text's closing line "./."
        after = signed.split("(Ký, ghi rõ họ tên")[-1].splitlines()[1:]
        assert any(line.strip() for line in after), pdf.name  # the name follows on the same page
        closing = {"01": "quyết định./.", "03": "này./.", "04": "cùng ngày./.", "05": "thời gian tới.]"}
        assert closing.get(pdf.name[:2], "") in " ".join(signed.split()), pdf.name  # the text before it
        for page in pages:
            lines = [line.strip() for line in page.splitlines()]
            assert "ST" not in lines and not any(re.fullmatch(r"ST\s.*", x) for x in lines), pdf.name
            if "Tóm tắt thành tích" in page:
                assert "STT" in page, pdf.name


def test_every_document_passes_the_open_xml_validator(state):
    validate = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"
    if not validate.exists():
        pytest.skip(f"{validate} is not on this machine")
    files = sorted(state.folder.glob("*.docx"))
    checked = subprocess.run([str(validate), *map(str, files)], capture_output=True, text=True, timeout=600)
    if checked.returncode == 3:
        pytest.skip(f"the validator could not be set up: {checked.stdout[-300:]}{checked.stderr[-300:]}")
    assert checked.returncode == 0, checked.stdout[-3000:]
