"""The office's year on real files: split the master into the units' copies, the clerks fill them
(openpyxl, typed values), collect them back (late, twice, another master), record the awards,
print the certificates. Every file written is read back."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.awards import record_awards
from parcom_excel.collect import collect, collect_text, read_tracker
from parcom_excel.core import run
from parcom_excel.documents.certificates import fit_size, text_width_mm, write_certificates
from parcom_excel.io.files import FileAdapter
from parcom_excel.merge import read_book
from parcom_excel.problems import ParcomError
from parcom_excel.reader import read_inputs
from parcom_excel.sample import make_sample
from parcom_excel.split import read_identity, split
from parcom_excel.template import build_template
from tests.workbooks import ROOT, run_cli

VALIDATOR = ROOT.parent / "shared" / "tools" / "ooxml" / "validate"
YEAR = 2025
DEADLINE = date(2026, 1, 15)


def _sample(**settings: Any):
    data = make_sample()
    data.settings = {"report_deadline": DEADLINE, **settings}
    return data


def _book(path: Path, *, without_year: bool = False, **settings: Any) -> Path:
    data = _sample(**settings)
    if without_year:  # the master before the round: the year's ratings and results not in yet
        for key in ("ratings", "results"):
            data.tables[key] = [r for r in data.tables[key] if r["year"] != YEAR]
    return build_template(path, sample=data)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(copy: Path, reference: Any, wrong: str | None = None) -> None:
    """A unit's clerk fills the copy: each empty rating and result of the year, typed as Excel does."""
    ratings = {(r["staff_id"], r["year"]): r for r in reference.tables["ratings"]}
    results = {(r["unit_id"], r["year"]): r for r in reference.tables["results"]}
    book = openpyxl.load_workbook(copy)
    ws = book[C.RATINGS.vi]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        facts = dict(zip(head, (c.value for c in row), strict=False))
        found = ratings.get((facts["Mã cán bộ"], facts["Năm"]))
        if found and facts["Xếp loại"] is None:
            label = C.RATING.get(found["rating"]).label("vi")
            row[head.index("Xếp loại")].value = wrong if wrong and row[0].row == 2 else label
            if found.get("note"):
                row[head.index("Ghi chú")].value = found["note"]
    ws = book[C.RESULTS.vi]
    head = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        found = results.get((row[head.index("Mã đơn vị")].value, row[head.index("Năm")].value))
        for column in C.RESULTS.columns:
            value = found.get(column.key) if found else None
            if value is None or column.key in ("unit_id", "year"):
                continue
            if column.enum:
                value = C.ENUMS[column.enum].get(value).label("vi")
            row[head.index(column.label("vi"))].value = value
    book.save(copy)


def _verdicts(path: Path) -> dict[str, tuple]:
    evaluation = run(FileAdapter(path), write=False).evaluation
    assert evaluation is not None
    return {
        c.id: (c.award, c.rank, c.held, tuple(sorted((k, o.status) for k, o in c.outcomes.items())))
        for c in [*evaluation.units, *evaluation.people]
    }


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The round as an office lives it; each step's outcome kept for the tests below."""
    root = tmp_path_factory.mktemp("office")
    reference = _book(root / "reference.xlsx")
    master = _book(root / "master.xlsx", without_year=True)
    before = _digest(master)
    made = split(master, root / "copies", year=YEAR)
    assert _digest(master) == before  # split only reads the master
    copies = {code: path for code, path in made.files}
    data = make_sample()
    late, twice = "TTTT", "KHTC"
    for code, path in copies.items():
        _fill(path, data, wrong="Không hoàn thành nhiệm vụ" if code == twice else None)
    resent = root / "resent" / copies[twice].name
    resent.parent.mkdir()
    resent.write_bytes(copies[twice].read_bytes())
    _fill_again(resent, data)
    other = _book(root / "other.xlsx", without_year=True, agency="SỞ NỘI VỤ")
    stranger = split(other, root / "other_copies", year=YEAR, units=["VP"]).files[0][1]
    steps: dict[str, Any] = {"root": root, "master": master, "reference": reference, "copies": copies}
    first = [p for c, p in copies.items() if c != late]
    steps["first"] = collect(master, first, today=date(2026, 1, 10))
    steps["tracker_first"] = read_tracker(read_book(master, master.name))
    steps["second"] = collect(master, [resent], today=date(2026, 1, 20))
    steps["tracker_second"] = read_tracker(read_book(master, master.name))
    steps["third"] = collect(master, [copies[late]], today=date(2026, 1, 22))
    steps["tracker_third"] = read_tracker(read_book(master, master.name))
    digest = _digest(master)
    steps["again"] = collect(master, [copies[late]], today=date(2026, 1, 22))
    steps["unchanged"] = _digest(master) == digest
    with pytest.raises(ParcomError) as refused:
        collect(master, [copies["VP"], stranger], today=date(2026, 1, 22))
    steps["stranger"] = (refused.value.code, _digest(master) == digest)
    steps["late"], steps["twice"] = late, twice
    return steps


def _fill_again(copy: Path, data: Any) -> None:
    """The unit corrects its first sending: the rating typed wrongly in row 2 is set right."""
    ratings = {(r["staff_id"], r["year"]): r for r in data.tables["ratings"]}
    book = openpyxl.load_workbook(copy)
    ws = book[C.RATINGS.vi]
    staff, year_ = ws.cell(2, 2).value, ws.cell(2, 1).value
    ws.cell(2, 3).value = C.RATING.get(ratings[(staff, year_)]["rating"]).label("vi")
    book.save(copy)


def _status(tracks: list, unit: str) -> str:
    return next(t.status for t in tracks if t.unit == unit)


def test_split_writes_each_units_own_rows(year: dict[str, Any]) -> None:
    copy = year["copies"]["VP"]
    identity = read_identity(FileAdapter(copy))
    assert identity is not None and identity.unit == "VP" and identity.round.key == str(YEAR)
    book = read_book(copy, copy.name)
    assert [r.values["unit_id"] for r in book.records["units"]] == ["VP"]
    staff = {r.values["staff_id"] for r in book.records["staff"]}
    assert staff and all(r.values["unit_id"] == "VP" for r in book.records["staff"])
    assert {r.values["staff_id"] for r in book.records["ratings"]} <= staff
    assert [r.values["year"] for r in book.records["results"]] == [YEAR]
    sheets = openpyxl.load_workbook(copy)
    assert sheets[C.SETTINGS_SHEET.vi].protection.sheet and sheets[C.UNITS.vi].protection.sheet
    assert not sheets[C.STAFF.vi].protection.sheet
    assert sheets["_parcom_copy"].sheet_state == "veryHidden"
    guide = " ".join(str(c.value) for row in sheets["Hướng dẫn"].iter_rows(max_row=4) for c in row if c.value)
    assert "Văn phòng Sở (VP)" in guide and "15/01/2026" in guide


def test_tracker_shows_each_state(year: dict[str, Any]) -> None:
    late, twice = year["late"], year["twice"]
    assert _status(year["tracker_first"], late) == "missing"
    assert _status(year["tracker_first"], "VP") == "in"
    assert _status(year["tracker_second"], twice) == "again"
    assert _status(year["tracker_second"], late) == "overdue"  # 20/01 is past the deadline of 15/01
    third = {t.unit: t for t in year["tracker_third"]}
    assert third[late].status == "in" and third[late].late == 7
    assert third[twice].times == 2 and third[twice].changed == 1
    assert not year["third"].missing
    text = collect_text(year["first"], "vi")
    assert f"({late})" in text and "Chưa nhận được" in text


def test_same_copy_twice_changes_nothing(year: dict[str, Any]) -> None:
    assert year["again"].written is False and year["unchanged"]
    assert [o.outcome for o in year["again"].copies] == ["same"]


def test_copy_of_another_master_is_refused(year: dict[str, Any]) -> None:
    assert year["stranger"] == ("collect_other_master", True)


def test_merged_master_evaluates_as_the_sample_filled_directly(year: dict[str, Any]) -> None:
    assert _verdicts(year["master"]) == _verdicts(year["reference"])


def test_awards_recorded_once_and_not_counted_again(year: dict[str, Any], tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(year["master"].read_bytes())
    done = record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    assert done.added
    first = _digest(book)
    again = record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    assert not again.added and _digest(book) == first
    with pytest.raises(ParcomError) as refused:
        record_awards(book, "12/QĐ-SKHCN", date(2026, 2, 1), award="bk")
    assert refused.value.code == "awards_decision_taken"
    verdicts = _verdicts(book)
    for award in done.added:
        if award.initiatives:
            criterion = "TT3" if award.kind == "unit" else "CN1"
            assert dict(verdicts[award.id][3])[criterion] != "met"  # its initiatives are used now
    if VALIDATOR.exists():
        out = subprocess.run([str(VALIDATOR), str(book)], capture_output=True, text=True)
        assert "0 error(s)" in out.stdout, out.stdout


def test_certificates_fit_long_names(year: dict[str, Any], tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(year["master"].read_bytes())
    record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    made = write_certificates(book, tmp_path / "docs")
    path = made.files[0]
    assert made.count >= 1 and path.exists()
    blanks, grid = write_certificates(book, tmp_path / "docs", blank=True).files
    import docx

    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "12/QĐ-SKHCN" in text and "GIẤY KHEN" in text
    assert "GIẤY KHEN" not in "\n".join(p.text for p in docx.Document(str(blanks)).paragraphs)
    assert grid.exists()
    long = "Ông/Bà: Nguyễn Thị Phương Thảo Hoàng Lan Nguyễn Trường Giang"
    size = fit_size(long, 177, 26)
    assert size < 26 and text_width_mm(long, size, True) <= 177
    assert fit_size("Ông/Bà: Lê Văn An", 177, 26) == 26


def test_council_rows_kept_by_merge_into(tmp_path: Path) -> None:
    """#19 item 6: the master's votes and meeting survive a merge (they were dropped silently)."""
    data = _sample(council_date=date(2026, 1, 8), council_members=9, council_present=8)
    data.tables["council"] = [
        {"code": "VP", "name": "Văn phòng Sở", "award": "gk", "votes": 7, "decision": "YES"}
    ]
    master = build_template(tmp_path / "master.xlsx", sample=data)
    unit = tmp_path / "unit.xlsx"
    build_template(unit, sample=_sample())
    out = tmp_path / "out.xlsx"
    result = run_cli("merge", unit, "--into", master, "-o", out)
    assert result.returncode in (0, 1), result.stderr
    rows = openpyxl.load_workbook(out)[C.COUNCIL.vi]
    assert [c.value for c in rows[2]][:5] == ["VP", "Văn phòng Sở", "Giấy khen của Giám đốc Sở", 7, "Đồng ý"]
    settings = {r[0].value: r[1].value for r in openpyxl.load_workbook(out)[C.SETTINGS_SHEET.vi].iter_rows()}
    assert settings["Hội đồng – số thành viên có mặt"] == 8


def test_cli_round_and_bad_inputs(year: dict[str, Any], tmp_path: Path) -> None:
    master = tmp_path / "m.xlsx"
    master.write_bytes(year["master"].read_bytes())
    assert run_cli("split", master, "-o", tmp_path / "c", "--units", "ZZZ").returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = run_cli("merge", empty, "--into", master)
    assert refused.returncode == 2 and "Không tìm thấy sổ đơn vị" in refused.stdout + refused.stderr
    plain = run_cli("merge", year["reference"], "--into", master)
    assert plain.returncode == 2 and "không phải sổ đơn vị" in plain.stdout + plain.stderr
    done = run_cli("split", master, "-o", tmp_path / "c", "--year", "2024", "--units", "VP")
    assert done.returncode == 0, done.stderr
    old = run_cli("merge", tmp_path / "c", "--into", master)
    assert old.returncode == 2 and "cũ hơn kỳ" in old.stdout + old.stderr


def _code(call: Any) -> str:
    with pytest.raises(ParcomError) as refused:
        call()
    return refused.value.code


def test_collect_refuses_unknown_units_and_mixed_rounds(year: dict[str, Any], tmp_path: Path) -> None:
    master = tmp_path / "m.xlsx"
    master.write_bytes(year["master"].read_bytes())
    digest = _digest(master)
    data = _sample()
    data.tables["units"].append({"unit_id": "XX", "unit_name": "Phòng mới", "unit_kind": "PCM"})
    bigger = build_template(tmp_path / "bigger.xlsx", sample=data)  # same agency: the same master's id
    stray = split(bigger, tmp_path / "x", year=YEAR, units=["XX"]).files[0][1]
    assert _code(lambda: collect(master, [stray])) == "collect_unknown_unit"
    later = split(master, tmp_path / "later", year=YEAR + 1, units=["VP"]).files[0][1]
    assert _code(lambda: collect(master, [year["copies"]["TTR"], later])) == "collect_two_rounds"
    assert _digest(master) == digest  # nothing written by a refused merge


def test_certificates_bad_input(year: dict[str, Any], tmp_path: Path) -> None:
    assert _code(lambda: write_certificates(year["reference"], tmp_path)) == "cert_none"
    book = tmp_path / "book.xlsx"
    data = _sample(certificate_fields="ten=abc")
    build_template(book, sample=data)
    record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    assert _code(lambda: write_certificates(book, tmp_path / "d")) == "cert_bad_positions"


def test_split_and_awards_bad_input(tmp_path: Path) -> None:
    data = _sample()
    data.tables["units"] = []
    empty = build_template(tmp_path / "empty.xlsx", sample=data)
    assert _code(lambda: split(empty, tmp_path / "c")) == "split_no_units"
    data = _sample()
    data.tables["ratings"][0]["rating"] = None  # a data error: no rating
    broken = build_template(tmp_path / "broken.xlsx", sample=data)
    digest = _digest(broken)
    assert _code(lambda: record_awards(broken, "1/QĐ", date(2026, 1, 2))) == "awards_data_errors"
    assert _digest(broken) == digest
    said = run_cli("merge", broken)
    assert said.returncode == 2 and "-o" in said.stdout + said.stderr


def _name_fits(path: Path) -> list[tuple[str, float, float]]:
    """Each certificate's name line: its text, its measured width and its frame's width (mm)."""
    import docx
    from docx.oxml.ns import qn

    out = []
    for paragraph in docx.Document(str(path)).paragraphs:
        frame = paragraph._p.pPr.find(qn("w:framePr")) if paragraph._p.pPr is not None else None
        if frame is None or not paragraph.text.startswith(("Ông/Bà:", "Tập thể:")):
            continue
        run_ = paragraph.runs[0]
        width = int(frame.get(qn("w:w"))) / 1440 * 25.4
        out.append((run_.text, text_width_mm(run_.text, run_.font.size.pt, True), width))
    return out


def test_long_names_fit_their_line(year: dict[str, Any], tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(year["master"].read_bytes())
    done = record_awards(book, "12/QĐ-SKHCN", date(2026, 1, 20))
    person = next(a.id for a in done.added if a.kind == "person")
    sheets = openpyxl.load_workbook(book)
    for row in sheets[C.STAFF.vi].iter_rows(min_row=2):
        if row[0].value == person:
            row[1].value = "Tôn Nữ Thị Phương Hoàng Nguyễn Ngọc Bích Trâm Anh Khuê Diễm Thùy"
    sheets.save(book)
    path = write_certificates(book, tmp_path / "docs").files[0]
    lines = _name_fits(path)
    assert any("Diễm Thùy" in text for text, _, _ in lines)
    assert all(measured <= width for _, measured, width in lines), lines
    blanks, grid = write_certificates(book, tmp_path / "docs", blank=True).files
    fresh = [p for _, p in split(year["master"], tmp_path / "copies", half=1).files]  # as we write them
    files = [path, blanks, grid, year["master"], *fresh]  # book: openpyxl saved it
    if VALIDATOR.exists():
        out = subprocess.run([str(VALIDATOR), *map(str, files)], capture_output=True, text=True)
        assert out.stdout.count(" 0 error(s)") == len(files), out.stdout


def test_book_open_in_excel_is_left_alone(year: dict[str, Any], tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(year["master"].read_bytes())
    (tmp_path / "~$book.xlsx").write_bytes(b"")
    digest = _digest(book)
    assert _code(lambda: record_awards(book, "1/QĐ", date(2026, 1, 2))) == "book_open_in_excel"
    assert _code(lambda: collect(book, [year["copies"]["VP"]])) == "book_open_in_excel"
    assert _digest(book) == digest


def test_collect_keeps_votes_and_password_locks_copies(tmp_path: Path) -> None:
    data = _sample(
        council_date=date(2026, 1, 8), council_members=9, council_present=8, copy_password="bí-mật"
    )
    data.tables["council"] = [
        {"code": "VP", "name": "Văn phòng Sở", "award": "gk", "votes": 7, "decision": "YES"}
    ]
    master = build_template(tmp_path / "master.xlsx", sample=data)
    copy = split(master, tmp_path / "c", year=YEAR, units=["VP"]).files[0][1]
    locked = openpyxl.load_workbook(copy)[C.SETTINGS_SHEET.vi].protection
    assert locked.sheet and locked.password  # the setting gives the password
    assert not openpyxl.load_workbook(copy)[C.COUNCIL.vi].max_row > 1  # a unit's copy carries no votes
    assert collect(master, [copy], today=date(2026, 1, 9)).written
    sheets = openpyxl.load_workbook(master)
    assert [c.value for c in sheets[C.COUNCIL.vi][2]][:5] == [
        "VP",
        "Văn phòng Sở",
        "Giấy khen của Giám đốc Sở",
        7,
        "Đồng ý",
    ]
    settings = {r[0].value: r[1].value for r in sheets[C.SETTINGS_SHEET.vi].iter_rows()}
    assert settings["Hội đồng – số thành viên có mặt"] == 8
    assert settings["Hội đồng – ngày họp"].date() == date(2026, 1, 8)


def test_cli_record_awards_and_certificates(year: dict[str, Any], tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(year["master"].read_bytes())
    before = run_cli("documents", book, "--certificates", "-o", tmp_path / "d")
    assert before.returncode == 2 and "record-awards" in before.stdout + before.stderr
    done = run_cli("record-awards", book, "--decision", "7/QĐ-SKHCN", "--date", "20/01/2026")
    assert done.returncode == 0 and "7/QĐ-SKHCN" in done.stdout, done.stderr
    again = run_cli("record-awards", book, "--decision", "7/QĐ-SKHCN", "--date", "2026-01-20")
    assert again.returncode == 0 and "đã được ghi đủ" in again.stdout
    other = run_cli("record-awards", book, "--decision", "7/QĐ-SKHCN", "--date", "2026-01-21")
    assert other.returncode == 2 and "ngày 20/01/2026" in other.stdout + other.stderr
    printed = run_cli("documents", book, "--blanks", "-o", tmp_path / "d")
    assert printed.returncode == 0, printed.stderr
    assert {p.name for p in (tmp_path / "d").iterdir()} == {
        "06_Giay_khen_in_phoi.docx",
        "06_Luoi_can_phoi.docx",
    }


def test_cli_record_awards_reads_the_decision_from_the_settings(tmp_path: Path) -> None:
    bare = _book(tmp_path / "bare.xlsx")
    before = _digest(bare)
    missing = run_cli("record-awards", bare)
    said = missing.stdout + missing.stderr
    assert missing.returncode == 2 and "Traceback" not in said and said.strip().count("\n") == 0, said
    assert "Cấu hình" in said and "bare.xlsx" in said and "--decision" in said
    for key in ("award_decision_no", "award_decision_date"):
        assert C.SETTINGS_BY_KEY[key].label("vi") in said
    assert C.SETTINGS_BY_KEY["award_decision_kind"].label("vi") not in said  # it has a default
    half = run_cli("record-awards", bare, "--decision", "7/QĐ-SKHCN")
    assert half.returncode == 2 and "--date" in half.stdout + half.stderr
    assert _digest(bare) == before

    book = _book(
        tmp_path / "book.xlsx", award_decision_no="9/QĐ-SKHCN", award_decision_date=date(2026, 1, 20)
    )
    done = run_cli("record-awards", book)
    assert done.returncode == 0 and "9/QĐ-SKHCN" in done.stdout and "20/01/2026" in done.stdout, done.stderr
    assert "9/QĐ-SKHCN" in read_inputs(FileAdapter(book)).tables["past_awards"].data["decision_no"]
    given = run_cli("record-awards", bare, "--decision", "10/QĐ-SKHCN", "--date", "2026-01-21")
    assert given.returncode == 0 and "10/QĐ-SKHCN" in given.stdout, given.stderr  # no setting needed


def test_split_asks_the_leadership_for_no_unit_results(tmp_path: Path) -> None:
    """Plan §III.1: the Lãnh đạo Sở unit is not judged as a collective, so its copy gets no blank
    result row to fill and its guide does not ask for one; a division's copy gets both."""
    master = _book(tmp_path / "master.xlsx", without_year=True)
    made = dict(split(master, tmp_path / "c", year=YEAR, units=["BGD", "VP"]).files)
    for code, asked in (("BGD", False), ("VP", True)):
        book = openpyxl.load_workbook(made[code])
        rows = [r for r in book[C.RESULTS.vi].iter_rows(min_row=2, values_only=True) if r[0] is not None]
        assert [r[:2] for r in rows if r[0] == YEAR] == ([(YEAR, code)] if asked else [])
        guide = " ".join(str(c.value) for c in book[C.GUIDE_SHEET.vi]["A"][:4] if c.value)
        assert (f'sheet "{C.RESULTS.vi}"' in guide) is asked, guide
        assert ("không xét như một tập thể" in guide) is not asked
