"""The dossier (SPEC §5): documents drafted from real workbooks, read back with python-docx."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import docx
import pytest
from lxml import etree

from parcom_excel import contract as C
from parcom_excel.button import draft_dossier
from parcom_excel.core import run
from parcom_excel.documents import registry as R
from parcom_excel.documents import templates as T
from parcom_excel.documents.dossier import default_folder, to_pdf, write_dossier
from parcom_excel.io.files import FileAdapter
from parcom_excel.rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, MET, MISSING

from .helpers_rich import NS_MAIN, rewrite_zip
from .workbooks import ROOT, department, run_cli, write_book

SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"
WHEN = datetime(2026, 1, 5, 9, 30)
VALIDATE = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"


def evaluated(path: Path):
    result = run(FileAdapter(path), write=False)
    assert not result.errors, [p.message() for p in result.errors]
    return result.evaluation


def text_of(path: Path) -> str:
    """Every paragraph of the body and of every table cell, in order."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    evaluation = evaluated(SAMPLE)
    folder = tmp_path_factory.mktemp("dossier")
    return evaluation, write_dossier(evaluation, folder, when=WHEN)


def report_of(folder: Path, code: str) -> Path:
    """The one report of nominee `code`: 02_Bao_cao_thanh_tich_<name>_<code>.docx."""
    (found,) = folder.glob(f"02_Bao_cao_thanh_tich_*_{code}.docx")
    return found


def chosen(evaluation, award: str):
    return [c for c in evaluation.units + evaluation.people if c.award == award]


def test_one_file_per_document_with_names_a_clerk_recognises(sample):
    evaluation, done = sample
    merit = chosen(evaluation, "bk")
    assert merit and chosen(evaluation, "gk")
    names = [p.name for p in done.files]
    assert names == [
        "01_To_trinh_Bang_khen.docx",
        *[report_of(done.folder, c.id).name for c in sorted(merit, key=lambda c: c.kind != "unit")],
        "03_Quyet_dinh_Giay_khen.docx",
        "04_Bien_ban_Hoi_dong.docx",
        "05_Bao_cao_tong_ket.docx",  # the sample's period ends in 2025, the movement's last year
    ]


def test_every_nominee_in_its_document_and_no_tag_left(sample):
    evaluation, done = sample
    texts = {p.name: text_of(p) for p in done.files}
    for text in texts.values():
        assert "{{" not in text and "{%" not in text and "}}" not in text
    submission, decision = texts["01_To_trinh_Bang_khen.docx"], texts["03_Quyet_dinh_Giay_khen.docx"]
    for award, text in (("bk", submission), ("gk", decision)):
        units = [c for c in chosen(evaluation, award) if c.kind == "unit"]
        people = [c for c in chosen(evaluation, award) if c.kind == "person"]
        for c in units + people:
            assert c.name in text
    others = {c.name for c in evaluation.units + evaluation.people if not c.award}
    others.discard(evaluation.world.settings.signer_name)  # the Giám đốc signs, he is not listed
    assert not any(name in submission.split("DANH SÁCH")[1] for name in others if len(name) > 12)
    minutes = texts["04_Bien_ban_Hoi_dong.docx"]
    for c in chosen(evaluation, "bk") + chosen(evaluation, "gk"):
        assert c.name in minutes
    assert "[chưa có: ngày họp Hội đồng]" in minutes  # no council data in the workbook yet
    assert not any("TT1" in t or "CN3" in t for t in texts.values())  # criteria by name, never code


def test_review_figures_equal_the_evaluation(sample):
    evaluation, done = sample
    review = docx.Document(str(next(p for p in done.files if p.name.startswith("05_"))))
    tables: dict[str, list[list[str]]] = {}
    for table in review.tables:
        for row in table.rows:
            cells = [c.text for c in row.cells]
            tables.setdefault(cells[0], []).append(cells)
    for criteria, group in (
        (COLLECTIVE_CRITERIA, evaluation.units),
        (INDIVIDUAL_CRITERIA, evaluation.people),
    ):
        for criterion in criteria:
            statuses = [c.outcomes[criterion.id].status for c in group]
            met, missing = statuses.count(MET), statuses.count(MISSING)
            unmet = len(group) - met - missing  # lacking data is its own state, never counted as failed
            row = tables[criterion.label()][0 if criteria is COLLECTIVE_CRITERIA else -1]
            assert row[1:5] == [str(met), str(unmet), str(missing), str(len(group))], criterion.id
    rows = {cells[0]: cells for found in tables.values() for cells in found}
    world = evaluation.world
    counted = [i for i in world.initiatives if world.counts(i)]
    assert rows["Cơ sở"][1] == str(sum(i.level == "CS" for i in counted))
    text = text_of(next(p for p in done.files if p.name.startswith("05_")))
    assert f"{len(evaluation.units)} tập thể và {len(evaluation.people)} cá nhân được đánh giá" in text
    assert f"{evaluation.unit_tally.eligible} tập thể và {evaluation.people_tally.eligible} cá nhân" in text


def test_reports_hold_the_records(sample):
    evaluation, done = sample
    world = evaluation.world
    for c in chosen(evaluation, "bk"):
        text = text_of(report_of(done.folder, c.id))
        assert c.name in text and "Bằng khen của Chủ tịch UBND tỉnh" in text
        assert "[Đơn vị/cá nhân bổ sung:" in text  # what only the nominee can write
        if c.kind == "person":
            person = world.people[c.id]
            for year, rating in world.rated_years(person):
                assert C.RATING.get(rating.rating).label() in text and str(year) in text
            for initiative in world.by_author.get(c.id, []):
                if world.counts(initiative):
                    assert initiative.title in text
                    if initiative.decision_no:
                        assert initiative.decision_no in text
            if person.birth:  # the sample's Ngày sinh, or a visible gap
                assert f"{person.birth:%d/%m/%Y}" in text
            else:
                assert "[chưa có: ngày sinh]" in text
        else:
            for initiative in world.initiatives_of_unit(c.id):
                assert initiative.title in text
            result = world.results[(c.id, world.settings.to_year)]
            assert str(result.assigned) in text


def test_layout_of_nghi_dinh_30(sample):
    _, done = sample
    for path in done.files:
        document = docx.Document(str(path))
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
        assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
        assert section.different_first_page_header_footer  # no number on page 1
        assert "PAGE" in section.header._element.xml  # numbered from page 2
        assert document.styles["Normal"].font.name == "Times New Roman"
        runs = [r for p in document.paragraphs for r in p.runs]
        runs += [
            r
            for t in document.tables
            for row in t.rows
            for c in row.cells
            for p in c.paragraphs
            for r in p.runs
        ]
        sizes = {r.font.size.pt for r in runs if r.text.strip() and r.font.size}
        assert sizes and min(sizes) >= 11 and max(sizes) <= 14
        assert {r.font.name for r in runs if r.text.strip()} <= {"Times New Roman", None}
        text = text_of(path)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        assert "Hưng Yên, ngày 05 tháng 01 năm 2026" in text  # leading zeros
        date_line = next(
            p for t in document.tables for c in t.rows[0].cells for p in c.paragraphs if "ngày 05" in p.text
        )
        assert all(r.font.italic for r in date_line.runs if r.text.strip())


def test_gaps_are_visible_when_optional_data_is_missing(tmp_path):
    data = department()
    data["staff"][1]["position"] = None  # CB02, an author: no position
    data["initiatives"][0]["decision_no"] = None
    data["initiatives"][0]["decision_date"] = None
    book = write_book(tmp_path / "thieu.xlsx", data, {"signer_name": ""})
    evaluation = evaluated(book)
    done = write_dossier(evaluation, tmp_path / "ho_so", when=WHEN)
    texts = "\n".join(text_of(p) for p in done.files)
    assert "[chưa có: họ tên người ký]" in texts
    assert "[chưa có: số, ngày kế hoạch của cơ quan]" in texts
    assert "Căn cứ Kế hoạch số 60/KH-UBND ngày 05/4/2022" in texts  # a blank setting keeps its default
    merit_people = [c for c in evaluation.people if c.award == "bk"]
    for c in merit_people:
        report = text_of(report_of(done.folder, c.id))
        if c.id == "CB02":
            assert "Chức vụ: [chưa có: chức vụ]" in report
        if any(i.id == "SK01" for i in evaluation.world.by_author.get(c.id, [])):
            assert "[chưa có: số quyết định]" in report
    to_write = re.findall(r"\[[^\[\]]*bổ sung[^\[\]]*\]", texts, re.IGNORECASE)  # "[Đơn vị bổ sung: …]"
    assert to_write and done.gaps == texts.count("[chưa có:") + len(to_write)
    assert f"còn {done.gaps} chỗ phải điền tay" in done.summary("vi")
    assert "Số QĐ" not in texts and "None" not in texts


def test_signer_and_plan_from_the_settings(tmp_path):
    settings = {"signer_name": "Trần Tùng Chuẩn", "agency_plan": "Kế hoạch số 25/KH-SKHCN ngày 10/5/2022"}
    book = write_book(tmp_path / "ky.xlsx", department(), settings)
    done = write_dossier(evaluated(book), tmp_path / "ho_so", when=WHEN)
    text = text_of(done.folder / "01_To_trinh_Bang_khen.docx")
    assert "Trần Tùng Chuẩn" in text and "Căn cứ Kế hoạch số 25/KH-SKHCN ngày 10/5/2022" in text
    assert "[chưa có: họ tên người ký]" not in text


def test_command_writes_no_document_on_data_errors(tmp_path):
    data = department()
    data["ratings"][0]["rating"] = "Tốt lắm"
    book = write_book(tmp_path / "loi.xlsx", data)
    before = book.read_bytes()
    done = run_cli("documents", book, "-o", tmp_path / "ho_so")
    assert done.returncode == 1
    assert "không soạn văn bản nào" in done.stdout
    assert not (tmp_path / "ho_so").exists() and book.read_bytes() == before


def test_command_default_folder_and_rerun_replaces_stale_drafts(tmp_path):
    book = tmp_path / "so_theo_doi.xlsx"
    shutil.copy(SAMPLE, book)
    folder = default_folder(book)
    folder.mkdir()
    (folder / "02_Bao_cao_thanh_tich_OLD.docx").write_bytes(b"old")
    (folder / "ghi_chu_cua_toi.docx").write_bytes(b"mine")
    done = run_cli("documents", book)
    assert done.returncode == 0, done.stderr
    assert "Đã soạn" in done.stdout and str(folder) in done.stdout
    assert not (folder / "02_Bao_cao_thanh_tich_OLD.docx").exists()  # no longer matches the data
    assert (folder / "ghi_chu_cua_toi.docx").read_bytes() == b"mine"  # not ours: kept
    assert (folder / "01_To_trinh_Bang_khen.docx").exists()
    assert book.read_bytes() == SAMPLE.read_bytes()  # documents never changes the workbook


def test_office_templates_folder(tmp_path):
    own = tmp_path / "mau"
    own.mkdir()
    template = docx.Document(str(T.SHIPPED_DIR / R.BY_KIND["minutes"].template))
    template.add_paragraph("Văn phòng ghi thêm: họp tại phòng 201, {{ co_quan_ten }}.")
    template.save(str(own / R.BY_KIND["minutes"].template))
    book = write_book(tmp_path / "b.xlsx", department())
    done = write_dossier(evaluated(book), tmp_path / "ho_so", templates=own, when=WHEN)
    assert "Văn phòng ghi thêm: họp tại phòng 201, Sở Khoa học và Công nghệ." in text_of(
        done.folder / "04_Bien_ban_Hoi_dong.docx"
    )
    assert any("dùng mẫu có sẵn" in note for note in done.notes)  # the others: built-in ones


def test_a_broken_office_template_is_one_sentence(tmp_path):
    own = tmp_path / "mau"
    own.mkdir()
    template = docx.Document(str(T.SHIPPED_DIR / R.BY_KIND["review"].template))
    template.add_paragraph("Tổng số: {{ tong_so_khong_co }}")
    template.save(str(own / R.BY_KIND["review"].template))
    book = write_book(tmp_path / "b.xlsx", department())
    done = run_cli("documents", book, "-o", tmp_path / "ho_so", "--templates", own)
    assert done.returncode == 2
    assert "tong_so_khong_co" in done.stderr and "Traceback" not in done.stderr
    missing = run_cli("documents", book, "-o", tmp_path / "ho_so", "--templates", tmp_path / "khong_co")
    assert missing.returncode == 2 and "Không tìm thấy thư mục mẫu văn bản" in missing.stderr


def test_shipped_templates_are_the_built_ones():
    for document in R.DOCUMENTS:
        assert (T.SHIPPED_DIR / document.template).read_bytes() == document.build("vi"), (
            f"run python -m parcom_excel.documents.registry ({document.template})"
        )


def test_english_documents(tmp_path):
    book = write_book(tmp_path / "b.xlsx", department())
    evaluation = run(FileAdapter(book), lang="en", write=False).evaluation
    done = write_dossier(evaluation, tmp_path / "ho_so", lang="en", when=WHEN)
    text = text_of(done.folder / "01_To_trinh_Bang_khen.docx")
    assert "SUBMISSION" in text and "SOCIALIST REPUBLIC OF VIET NAM" in text and "{{" not in text


def test_the_button_writes_beside_the_workbook(tmp_path):
    book = write_book(tmp_path / "so.xlsx", department(), {"documents_on_evaluate": "Y"})
    evaluation = evaluated(book)
    assert evaluation.world.settings.documents_on_evaluate == "Y"

    class SavedBook:  # what draft_dossier reads of xlwings' Book: its full path
        fullname = str(book)

    class NewBook:
        fullname = "Book1"

    said = draft_dossier(SavedBook(), evaluation)
    assert "Hồ sơ là bản DỰ THẢO" in said  # the alert says why: no vote is recorded yet
    assert (
        str(tmp_path / "so_ho_so") in said and (tmp_path / "so_ho_so" / "04_Bien_ban_Hoi_dong.docx").exists()
    )
    assert "chưa được lưu" in draft_dossier(NewBook(), evaluation)
    setting = C.SETTINGS_BY_KEY["documents_on_evaluate"]
    assert setting.label("vi") == "Soạn hồ sơ khi bấm Đánh giá" and setting.default == "N"


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    pdfs, note = to_pdf([tmp_path / "a.docx"], tmp_path, "vi")
    assert pdfs == [] and "Không có LibreOffice" in note


# ---------------------------------------------------------------- Office's validator and LibreOffice


def _validator() -> Path:
    if not VALIDATE.exists():
        pytest.skip(f"{VALIDATE} is not on this machine")
    return VALIDATE


def test_documents_and_output_workbook_pass_the_open_xml_validator(sample, tmp_path):
    validate = _validator()
    _, done = sample
    out = tmp_path / "ket_qua.xlsx"
    assert run_cli("evaluate", SAMPLE, "-o", out).returncode == 0
    files = [*done.files, *(T.SHIPPED_DIR / d.template for d in R.DOCUMENTS), out]
    checked = subprocess.run([str(validate), *map(str, files)], capture_output=True, text=True, timeout=600)
    if checked.returncode == 3:
        pytest.skip(f"the validator could not be set up: {checked.stdout[-300:]}{checked.stderr[-300:]}")
    assert checked.returncode == 0, checked.stdout[-3000:]


def _pdf_pages(pdf: Path) -> list[str]:
    pages = []
    count = int(
        next(
            line
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        ).split()[1]
    )
    for n in range(1, count + 1):
        pages.append(
            subprocess.run(
                ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                capture_output=True,
                text=True,
            ).stdout
        )
    return pages


def _need_libreoffice() -> None:
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) or poppler-utils (pdftotext) is not installed")


def test_documents_render_to_pdf(sample, tmp_path):
    _need_libreoffice()
    _, done = sample
    files = [shutil.copy(p, tmp_path / p.name) for p in done.files]
    pdfs, note = to_pdf([Path(f) for f in files], tmp_path, "vi")
    assert len(pdfs) == len(files), note
    for pdf in pdfs:
        pages = _pdf_pages(pdf)
        assert 1 <= len(pages) <= 6, pdf.name
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]


def _show_only(parts: dict[str, bytes], sheet: str) -> None:
    """Hide every sheet of the package but `sheet`, and open on it."""
    book = etree.fromstring(parts["xl/workbook.xml"])
    sheets = list(book.iter(f"{{{NS_MAIN}}}sheet"))
    for element in sheets:
        if element.get("name") == sheet:
            element.attrib.pop("state", None)
        else:
            element.set("state", "hidden")
    for view in book.iter(f"{{{NS_MAIN}}}workbookView"):
        view.set("activeTab", str([e.get("name") for e in sheets].index(sheet)))
        view.set("firstSheet", view.get("activeTab"))
    parts["xl/workbook.xml"] = etree.tostring(book, xml_declaration=True, encoding="UTF-8", standalone=True)


def test_output_sheets_print(tmp_path):
    """The nomination list of the sample on at most 4 pages (its rows measured, with slack); no KQ
    page without code and name; the council's sheet and the log on one page each."""
    _need_libreoffice()
    out = tmp_path / "ket_qua.xlsx"
    assert run_cli("evaluate", SAMPLE, "-o", out, "--council-sheet").returncode == 0
    targets = ("nominations", "units_result", "staff_result", "dashboard", "council", "log")
    singles = []
    for target in targets:  # the file as written, with only the target sheet left visible
        single = Path(shutil.copy(out, tmp_path / f"{target}.xlsx"))
        name = C.COUNCIL.name() if target == "council" else C.output_name(target)
        rewrite_zip(single, lambda parts, name=name: _show_only(parts, name))
        singles.append(single)
    subprocess.run(  # one LibreOffice for the four files
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, singles),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    for target, single in zip(targets, singles, strict=True):
        pages = _pdf_pages(single.with_suffix(".pdf"))
        if target in ("council", "log"):
            assert len(pages) == 1, target  # one page wide, not printed in halves
        elif target == "nominations":
            assert len(pages) <= 4
            assert "NGƯỜI LẬP DANH SÁCH" in pages[-1] and "GIÁM ĐỐC" in pages[-1]
            for page in pages[:-1]:  # no page ends on a section heading
                last = [line.strip() for line in page.splitlines() if line.strip()][-1]
                assert not last.startswith(("I.", "II.", "1. ", "2. ")), last
        elif target == "dashboard":
            assert "Tỷ lệ đạt của từng tiêu chí" in pages[0] and "TT1" in pages[0] and "CN3" in pages[0]
            assert "Số thiếu dữ liệu" in pages[0]
        else:
            code = (
                C.UNITS.column("unit_id").label()
                if target == "units_result"
                else C.STAFF.column("staff_id").label()
            )
            name = (
                C.UNITS.column("unit_name").label()
                if target == "units_result"
                else C.STAFF.column("full_name").label()
            )
            for n, page in enumerate(pages, 1):
                assert code in page and name in page, f"{target} page {n} lacks its identifying columns"


def test_report_holds_gender_birth_and_past_awards_from_the_rows(tmp_path):
    from datetime import date

    data = department()
    data["staff"][1].update(gender="Nữ", birth_date=date(1990, 3, 7))  # CB02
    data["past_awards"] = [
        {
            "award": "Giấy khen của Giám đốc Sở",
            "decision_no": "15/QĐ-SKHCN",
            "decision_date": date(2021, 12, 20),
            "staff_id": "CB02",
            "movement": "Thi đua yêu nước năm 2021",
        }
    ]
    evaluation = evaluated(write_book(tmp_path / "book.xlsx", data))
    assert any(c.id == "CB02" and c.award == "bk" for c in evaluation.people)
    done = write_dossier(evaluation, tmp_path / "ho_so", when=WHEN)
    report = text_of(report_of(done.folder, "CB02"))
    assert "Giới tính: Nữ" in report and "07/03/1990" in report
    assert "15/QĐ-SKHCN" in report and "20/12/2021" in report and "Thi đua yêu nước năm 2021" in report
    # CB04 was tied with CB02; a woman goes first among equals (NĐ 152/2025 Đ.4 k.6): one report
    assert not list(done.folder.glob("02_Bao_cao_thanh_tich_*CB04*"))


def test_templates_use_only_the_listed_placeholders():
    """Every name a shipped template reads is on the list the guide sheet and the README show."""
    import zipfile

    from parcom_excel.documents.placeholders import PLACEHOLDERS
    from parcom_excel.i18n import render

    listed = " ".join(f"{tag} {render(key)}" for tag, key in PLACEHOLDERS)
    for document in R.DOCUMENTS:
        with zipfile.ZipFile(T.SHIPPED_DIR / document.template) as package:
            xml = re.sub(r"<[^>]+>", "", package.read("word/document.xml").decode("utf-8"))
        loops = set(re.findall(r"for (\w+) in", xml))
        used = set(re.findall(r"\{\{ (\w+)", xml)) | set(re.findall(r"\{%\w? (?:for \w+ in|if) (\w+)", xml))
        for name in sorted(used - loops):
            base = name.removesuffix("_hoa")
            assert re.search(rf"\b{name}\b", listed) or f"{{{{ {base} }}}}" in listed, (
                document.template,
                name,
            )
