"""The law's gates (NĐ 152/2025 Đ.4), the award history and the council's vote (SPEC §2b, §2c),
on real workbooks written to disk and evaluated through the file adapter or the CLI.

The department of tests/workbooks.py: CB02 (Trần Thị Bình, VP) and CB04 (Phạm Thị Dung, TT) are
equal on every merit key and tie for the one individual Bằng khen; CB01 and CB03 are leaders.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from parcom_excel import contract as C
from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from tests.workbooks import ROOT, department, find, run_cli, write_book

SAMPLE = ROOT / "workbook" / "parcom_sample.xlsx"
PREVIOUS = ROOT / "tests" / "data" / "sample_previous_template.xlsx"


def evaluate(path: Path):
    result = run(FileAdapter(path), write=False)
    assert result.status == "evaluated", [p.message("en") for p in result.errors]
    return result


def book(tmp_path: Path, data, settings=None, name="book.xlsx") -> Path:
    return write_book(tmp_path / name, data, settings)


def people(result):
    return {c.id: c for c in result.evaluation.people}


def units(result):
    return {c.id: c for c in result.evaluation.units}


def with_genders(data, **genders):
    for staff_id, gender in genders.items():
        find(data["staff"], staff_id=staff_id)["gender"] = gender
    return data


def note(candidate) -> str:
    return "; ".join(n.render("vi") for n in (candidate.note, candidate.priority_note) if n)


# ---------------------------------------------------------------- women first (Đ.4 k.6)


def test_equal_candidates_differing_only_by_gender_the_woman_is_nominated(tmp_path):
    data = with_genders(department(), CB01="Nam", CB02="Nữ", CB03="Nam", CB04="Nam")
    result = evaluate(book(tmp_path, data))
    got = people(result)
    assert got["CB02"].award == "bk" and not got["CB02"].tied
    assert got["CB04"].award == "gk" and not got["CB04"].tied
    assert not any(c.tied for c in got.values())  # no tie shown among the individuals
    assert "ưu tiên cá nhân nữ (NĐ 152/2025 Đ.4 k.6)" in note(got["CB02"])
    assert "Phạm Thị Dung" in note(got["CB02"])
    assert "xếp sau vì ưu tiên cá nhân nữ" in note(got["CB04"])


def test_the_women_key_can_be_moved_out_of_the_order(tmp_path):
    data = with_genders(department(), CB01="Nam", CB02="Nữ", CB03="Nam", CB04="Nam")
    order = "Cấp sáng kiến cao nhất; Số năm hoàn thành xuất sắc nhiệm vụ; Số sáng kiến; Không giữ chức vụ lãnh đạo"
    got = people(evaluate(book(tmp_path, data, {"order_individuals": order})))
    assert got["CB02"].tied and got["CB04"].tied


def test_a_blank_gender_is_never_guessed_and_named_by_its_cell(tmp_path):
    data = with_genders(department(), CB01="Nam", CB03="Nam", CB04="Nam")  # CB02 left blank
    result = evaluate(book(tmp_path, data))
    got = people(result)
    assert got["CB02"].keys["female"] == 0 and got["CB02"].tied and got["CB04"].tied
    blank = [p for p in result.problems if p.code == "law_gender_blank"]
    column = C.STAFF.columns.index(C.STAFF.column("gender"))
    assert [(p.sheet, p.cell) for p in blank] == [("Cán bộ", f"{chr(65 + column)}3")]
    assert "Trần Thị Bình" in blank[0].message("vi")


def _unit_staff(unit: str, women: int, total: int, start: int) -> list[dict]:
    return [
        {
            "staff_id": f"X{start + i:03d}",
            "full_name": f"Cán bộ {unit} {i}",
            "unit_id": unit,
            "staff_kind": "Viên chức",
            "gender": "Nữ" if i < women else "Nam",
        }
        for i in range(total)
    ]


@pytest.mark.parametrize("share", [(7, 10), (9, 13)], ids=["70pct", "69pct"])
def test_a_unit_at_70_percent_women_goes_first_one_at_69_does_not(tmp_path, share):
    data = department()
    data["staff"] = [dict(s, gender="Nam") for s in data["staff"] if s["unit_id"] == "TT"]
    women, total = share
    data["staff"] += _unit_staff("VP", women, total, 100) + _unit_staff("TT", 0, total - 2, 200)
    data["ratings"] = [
        {"year": y, "staff_id": s["staff_id"], "rating": "HTTNV"}
        for y in range(2022, 2026)
        for s in data["staff"]
    ]
    find(data["initiatives"], initiative_id="SK01").update(authors="X100")
    got = units(evaluate(book(tmp_path, data)))
    assert got["VP"].keys["women_share"] == (1 if women * 10 >= 7 * total else 0)
    if women * 10 >= 7 * total:  # 7/10 = 70%
        assert got["VP"].award == "bk" and not got["VP"].tied and got["TT"].award == "gk"
        assert "tỷ lệ nữ từ 70% trở lên" in note(got["VP"])
    else:  # 9/13 = 69.2%
        assert got["VP"].tied and got["TT"].tied


# ---------------------------------------------------------------- pending proceedings (Đ.4 k.4)


def pending(data, form="Thanh tra", staff="CB02", status="Đang xem xét"):
    data["discipline"].append(
        {
            "decision_date": date(2025, 11, 3),
            "form": form,
            "staff_id": staff,
            "decision_no": "41/QĐ-TTr",
            "content": "Thanh tra việc quản lý hồ sơ",
            "status": status,
        }
    )
    return data


def test_a_pending_inspection_moves_the_seat_to_the_next_in_rank(tmp_path):
    result = evaluate(book(tmp_path, pending(department())))
    got = people(result)
    held = got["CB02"]
    assert held.eligible and held.outcomes["CN3"].status == "met"  # not a discipline by itself
    assert held.award is None and held.held == "pending" and held.rank is None
    assert got["CB04"].award == "bk" and not got["CB04"].tied
    text = note(held)
    assert "Tạm chưa đề nghị" in text and "Thanh tra 41/QĐ-TTr từ 03/11/2025 (Kỷ luật!A2)" in text
    assert "người kế tiếp được đề nghị thay (NĐ 152/2025 Đ.4 k.4)" in text
    # the unit is not failed by its staff member's pending inspection either
    assert units(result)["VP"].outcomes["TT5"].status == "met"


def test_the_result_sheet_says_held_back_in_plain_words(tmp_path):
    path = book(tmp_path, pending(department()))
    out = tmp_path / "out.xlsx"
    done = run_cli("evaluate", path, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(openpyxl.load_workbook(out, read_only=True)["KQ Cá nhân"].iter_rows(values_only=True))
    row = next(r for r in rows if r[1] == "CB02")
    assert "Đạt – tạm chưa đề nghị" in row and any("Tạm chưa đề nghị: đang Thanh tra" in str(v) for v in row)


def test_a_proceeding_without_pending_status_is_an_error_with_its_cell(tmp_path):
    path = book(tmp_path, pending(department(), status=None))
    done = run_cli("validate", path)
    assert done.returncode == 1
    column = chr(65 + C.DISCIPLINES.columns.index(C.DISCIPLINES.column("status")))
    assert f"'Kỷ luật'!{column}2" in done.stdout and '"Thanh tra" là việc đang xem xét' in done.stdout


def test_the_pending_hold_is_a_setting(tmp_path):
    got = people(evaluate(book(tmp_path, pending(department()), {"pending_hold": "N"})))
    assert got["CB02"].tied and got["CB02"].award == "bk"


PRESS = "Xác minh vụ việc tham nhũng, tiêu cực báo chí nêu"


def test_a_press_case_being_verified_holds_back_with_its_reference(tmp_path):
    result = evaluate(book(tmp_path, pending(department(), form=PRESS)))
    got = people(result)
    held = got["CB02"]
    assert held.eligible and held.held == "pending" and held.award is None
    assert f"Tạm chưa đề nghị: đang {PRESS} 41/QĐ-TTr từ 03/11/2025 (Kỷ luật!A2)" in note(held)
    assert "(NĐ 152/2025 Đ.4 k.4)" in note(held)
    assert got["CB04"].award == "bk" and not got["CB04"].tied
    # typed loosely, as a clerk would
    loose = people(evaluate(book(tmp_path, pending(department(), form="báo chí nêu"), name="b.xlsx")))
    assert loose["CB02"].held == "pending"


def test_a_verification_concluded_without_a_breach_is_proposed_as_usual(tmp_path):
    got = people(
        evaluate(book(tmp_path, pending(department(), form=PRESS, status="Đã kết luận không vi phạm")))
    )
    assert got["CB02"].held == "" and got["CB02"].note is None
    assert got["CB02"].award == "bk" and got["CB02"].tied  # tied with CB04 as in the base


def test_a_decision_marked_concluded_without_a_breach_is_an_error(tmp_path):
    path = book(tmp_path, pending(department(), form="Cảnh cáo", status="Đã kết luận không vi phạm"))
    done = run_cli("validate", path)
    assert done.returncode == 1
    column = chr(65 + C.DISCIPLINES.columns.index(C.DISCIPLINES.column("status")))
    assert f"'Kỷ luật'!{column}2" in done.stdout and '"Cảnh cáo" là quyết định kỷ luật' in done.stdout


def disciplined(data, staff="CB02", unit=None, on=date(2022, 12, 1), form="Khiển trách"):
    target = {"unit_id": unit} if unit else {"staff_id": staff}
    data["discipline"].append({"decision_date": on, "form": form, "decision_no": "5/QĐ-SKHCN", **target})
    return data


def test_years_before_the_end_of_a_discipline_period_do_not_count_and_the_reason_says_so(tmp_path):
    data = department()
    find(data["ratings"], staff_id="CB02", year=2022)["rating"] = "HTNV"
    before = people(evaluate(book(tmp_path, data)))["CB02"].outcomes["CN2"]
    assert before.status == "unmet" and "không tính" not in before.reason.render("vi")
    got = people(evaluate(book(tmp_path, disciplined(data), name="d.xlsx")))["CB02"]
    cn2 = got.outcomes["CN2"]
    assert cn2.status == "met" and got.outcomes["CN3"].status == "unmet"
    reason = cn2.reason.render("vi")
    assert "năm 2022, 2023 không tính: thành tích chỉ tính từ 01/12/2023" in reason
    assert "Khiển trách 5/QĐ-SKHCN ngày 01/12/2022 (Kỷ luật!A2)" in reason and "NĐ 152/2025 Đ.4 k.4" in reason
    assert "2024: " in reason and "2022: " not in reason
    assert "2022, 2023 not counted" in cn2.reason.render("en")
    assert "Kỷ luật!A2" in cn2.sources and "discipline_months" in cn2.settings


def test_a_discipline_period_to_the_end_leaves_no_year_and_says_so(tmp_path):
    got = people(evaluate(book(tmp_path, disciplined(department(), on=date(2025, 3, 1)))))["CB02"]
    cn2 = got.outcomes["CN2"]
    assert cn2.status == "unmet"
    assert cn2.reason.render("vi").startswith("Không năm nào của kỳ được tính (2022, 2023, 2024, 2025)")
    assert got.note is None  # on staff every year: not the "no year on staff" note


def test_the_summary_says_from_when_achievements_count(tmp_path):
    from parcom_excel.i18n import sentence
    from parcom_excel.rules.criteria import summary as summary_of

    data = disciplined(disciplined(department()), unit="VP", on=date(2022, 10, 1), form="Vi phạm pháp luật")
    world = evaluate(book(tmp_path, data)).evaluation.world
    text = sentence(summary_of(world, "person", world.people["CB02"]))
    assert text.startswith("Thành tích tính từ 01/12/2023, khi hết thời hạn kỷ luật (NĐ 152/2025 Đ.4 k.4)")
    assert (
        "xếp loại năm 2024: hoàn thành tốt nhiệm vụ" in text
        and "năm 2022:" not in text
        and "năm 2023:" not in text
    )
    other = sentence(summary_of(world, "person", world.people["CB04"]))
    assert "tích tính từ" not in other and "năm 2022: hoàn thành tốt nhiệm vụ" in other
    unit = sentence(summary_of(world, "unit", world.units["VP"]))
    assert unit.startswith("Thành tích tính từ 01/10/2023")
    assert "hoàn thành đúng hạn 20/20 nhiệm vụ CCHC được giao giai đoạn 2024–2025" in unit
    clean = sentence(summary_of(world, "unit", world.units["TT"]))
    assert "tích tính từ" not in clean and "40/40 nhiệm vụ CCHC được giao giai đoạn 2022–2025" in clean


# ---------------------------------------------------------------- maternity leave (Đ.4 k.5)


def test_a_year_of_maternity_leave_is_judged_on_the_rating_given(tmp_path):
    data = department()
    find(data["ratings"], staff_id="CB04", year=2024)["note"] = "Nghỉ thai sản 6 tháng"
    got = people(evaluate(book(tmp_path, data)))
    reason = got["CB04"].outcomes["CN2"].reason.render("vi")
    assert got["CB04"].outcomes["CN2"].status == "met" and "2024" in reason
    assert "nghỉ thai sản" in reason and "NĐ 152/2025 Đ.4 k.5" in reason
    skipped = people(evaluate(book(tmp_path, data, {"maternity_counts": "N"}, "n.xlsx")))
    assert "2024" not in skipped["CB04"].outcomes["CN2"].reason.render("vi")


# ---------------------------------------------------------------- award history (Luật TĐKT Đ.5 k.2 c)


def past_award(data, **row):
    award = {
        "award": "Giấy khen của Giám đốc Sở",
        "decision_no": "07/QĐ-SKHCN",
        "decision_date": date(2024, 1, 15),
    }
    data["past_awards"] = [*data.get("past_awards", []), {**award, **row}]
    return data


def test_an_initiative_already_used_by_a_past_award_is_not_counted(tmp_path):
    data = past_award(department(), staff_id="CB04", movement="Thi đua năm 2023", initiatives="SK02")
    result = evaluate(book(tmp_path, data))
    got = people(result)
    for staff_id in ("CB03", "CB04"):  # SK02 was their only initiative
        outcome = got[staff_id].outcomes["CN1"]
        assert outcome.status == "unmet"
        assert (
            "SK02 đã dùng cho khen thưởng Quyết định số 07/QĐ-SKHCN ngày 15/01/2024"
            in outcome.reason.render("vi")
        )
    assert units(result)["TT"].outcomes["TT3"].status == "unmet"
    assert got["CB02"].award == "bk" and not got["CB02"].tied  # the tie is gone with CB04
    counted = people(evaluate(book(tmp_path, data, {"initiative_once": "N"}, "n.xlsx")))
    assert counted["CB04"].outcomes["CN1"].status == "met"


def test_a_repeated_award_of_this_movement_is_held_back_with_the_past_decision(tmp_path):
    movement = "Phong trào thi đua Đẩy mạnh cải cách hành chính Nhà nước giai đoạn 2022–2023"
    data = past_award(department(), staff_id="CB02", movement=movement, from_year=2022, to_year=2023)
    result = evaluate(book(tmp_path, data))
    got = people(result)
    assert got["CB02"].award is None and got["CB02"].held == "repeat"
    assert "Không đề nghị lại" in note(got["CB02"]) and "07/QĐ-SKHCN" in note(got["CB02"])
    assert got["CB04"].award == "bk" and not got["CB04"].tied
    (warning,) = [p for p in result.problems if p.code == "law_repeat_award"]
    assert (warning.sheet, warning.cell) == ("Khen thưởng đã nhận", "B2")
    kept = evaluate(book(tmp_path, data, {"repeat_award_hold": "N"}, "n.xlsx"))
    assert people(kept)["CB02"].tied and "law_repeat_award" in [p.code for p in kept.problems]


def test_an_award_of_another_movement_or_period_is_no_repeat(tmp_path):
    data = past_award(department(), staff_id="CB02", movement="Thi đua chuyên đề chuyển đổi số")
    data = past_award(
        data, staff_id="CB02", movement="Đẩy mạnh cải cách hành chính Nhà nước", from_year=2020, to_year=2021
    )
    result = evaluate(book(tmp_path, data))
    assert people(result)["CB02"].tied and "law_repeat_award" not in [p.code for p in result.problems]


# ---------------------------------------------------------------- the council's vote (SPEC §2c)

MEETING = {"council_date": "05/01/2026", "council_members": 9, "council_present": 7}


def votes(data, *rows):
    data["council"] = [
        {"code": code, "award": award, "votes": n, "decision": decision} for code, award, n, decision in rows
    ]
    return data


BK, GK = "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở"


def test_the_council_settles_the_tie_and_the_list_is_final(tmp_path):
    data = votes(
        department(),
        ("VP", BK, 7, "Đồng ý"),
        ("TT", GK, 6, "Đồng ý"),
        ("CB04", BK, 5, "Đồng ý"),
        ("CB02", GK, 6, "Đồng ý"),
        ("CB01", GK, 7, "Đồng ý"),
        ("CB03", GK, 7, "Đồng ý"),
    )
    path = book(tmp_path, data, MEETING)
    result = evaluate(path)
    got = people(result)
    assert got["CB04"].award == "bk" and got["CB02"].award == "gk"
    assert not any(c.tied for c in got.values())
    assert "tie_at_edge" not in [p.code for p in result.problems]
    council = result.evaluation.council
    assert council.final and council.present == 7 and council.needed == 4
    assert {(v.code, v.award, v.votes, v.decision) for v in council.votes} >= {("CB04", "bk", 5, "YES")}
    final = {(o.code, o.award, o.status) for o in council.outcomes}
    assert ("CB04", "bk", "approved") in final and ("CB02", "gk", "approved") in final
    out = tmp_path / "out.xlsx"
    assert run_cli("evaluate", path, "-o", out).returncode == 0
    listing = [
        v
        for row in openpyxl.load_workbook(out, read_only=True)["Đề nghị khen thưởng"].iter_rows(
            values_only=True
        )
        for v in row
        if v
    ]
    assert "Danh sách Hội đồng đã thông qua, ngày 05/01/2026, 7/9 thành viên có mặt" in listing
    assert "Bằng khen của Chủ tịch UBND tỉnh (Đồng ý 5/7 thành viên có mặt)" in listing


def test_a_rejected_nominee_leaves_and_the_next_in_rank_awaits_the_council(tmp_path):
    data = department()
    for staff_id in ("CB04", "CB01"):
        find(data["ratings"], staff_id=staff_id, year=2022)["rating"] = "HTXSNV"
    data = votes(data, ("CB04", BK, 7, "Đồng ý"), ("CB01", GK, 6, "Đồng ý"), ("CB02", GK, 1, "Không đồng ý"))
    result = evaluate(book(tmp_path, data, {**MEETING, "gk_individuals_max": 2, "gk_individuals_min": 0}))
    got = people(result)
    assert got["CB02"].award is None and got["CB02"].council == "rejected"
    assert got["CB03"].award == "gk" and got["CB03"].council == "needs_council"
    assert units(result)["VP"].council == "not_voted"
    assert not result.evaluation.council.final
    summary = result.summary_text("vi")
    assert "Lê Văn Cường (cần Hội đồng xét)" in summary and "Hội đồng chưa thông qua" in summary


def bad(tmp_path, data, settings=None):
    result = run(FileAdapter(book(tmp_path, data, {**MEETING, **(settings or {})})), write=False)
    assert result.status == "data_errors" and result.exit_code == 1
    return {(p.code, p.sheet, p.cell) for p in result.errors}


def test_a_vote_for_someone_not_eligible_is_an_error_at_its_cell(tmp_path):
    data = department()
    find(data["ratings"], staff_id="CB03", year=2023)["rating"] = "HTNV"
    assert ("law_vote_not_eligible", "Hội đồng", "A2") in bad(
        tmp_path, votes(data, ("CB03", GK, 7, "Đồng ý"))
    )


def test_more_approved_than_the_quota_is_an_error(tmp_path):
    data = votes(department(), ("CB02", BK, 7, "Đồng ý"), ("CB04", BK, 7, "Đồng ý"))
    assert ("law_vote_over_quota", "Hội đồng", "E3") in bad(tmp_path, data)


def test_approved_with_fewer_votes_than_needed_is_an_error(tmp_path):
    data = votes(department(), ("CB02", BK, 3, "Đồng ý"))  # 3 of 7 present: more than 1/2 needs 4
    assert ("law_votes_too_few", "Hội đồng", "D2") in bad(tmp_path, data)


def test_more_votes_than_members_present_is_an_error(tmp_path):
    data = votes(department(), ("CB02", BK, 8, "Đồng ý"))
    assert ("law_votes_gt_present", "Hội đồng", "D2") in bad(tmp_path, data)


def test_no_quorum_is_an_error_at_the_members_present(tmp_path):
    data = votes(department(), ("CB02", BK, 5, "Đồng ý"))
    got = bad(tmp_path, data, {"council_present": 5})  # 5 of 9: under 2/3
    ((_, sheet, cell),) = [g for g in got if g[0] == "law_no_quorum"]
    assert sheet == "Cấu hình" and cell.startswith("B")


def test_bad_decisions_exit_1_from_the_command_line(tmp_path):
    path = book(tmp_path, votes(department(), ("CB02", BK, 8, "Đồng ý")), MEETING)
    done = run_cli("evaluate", path)
    assert done.returncode == 1, done.stdout
    assert (
        "'Hội đồng'!D2" in done.stdout and "8 phiếu đồng ý nhiều hơn số thành viên có mặt (7)" in done.stdout
    )
    assert openpyxl.load_workbook(path)["Hội đồng"]["D2"].value == 8  # the user's row is untouched


def test_without_decisions_nothing_changes(tmp_path):
    plain = evaluate(book(tmp_path, department()))
    undecided = evaluate(book(tmp_path, votes(department(), ("CB02", BK, None, None)), MEETING, "u.xlsx"))
    assert [(c.id, c.award, c.tied, c.rank) for c in plain.evaluation.people] == [
        (c.id, c.award, c.tied, c.rank) for c in undecided.evaluation.people
    ]
    assert not undecided.evaluation.council.decided


# ---------------------------------------------------------------- pre-filling the council's sheet


def test_council_sheet_is_prefilled_and_votes_typed_are_kept(tmp_path):
    path = tmp_path / "sample.xlsx"
    shutil.copy(SAMPLE, path)
    assert run_cli("evaluate", path, "--council-sheet").returncode == 0
    sheet = openpyxl.load_workbook(path)["Hội đồng"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ("Mã", "Họ và tên / Tên tập thể", "Hình thức khen thưởng", "Số phiếu đồng ý")
    listed = evaluate(path).evaluation
    expected = {(c.id, c.award) for c in (*listed.units, *listed.people) if c.award}
    codes = {(r[0], C.AWARD_KIND.parse(r[2])) for r in rows[1:]}
    assert codes == expected
    # the secretary types one vote, then pre-fills again: the vote stays, no row twice
    book_ = openpyxl.load_workbook(path)
    first = rows[1][0]
    book_["Hội đồng"]["D2"], book_["Hội đồng"]["E2"] = 7, "Đồng ý"
    for row in book_["Cấu hình"].iter_rows(min_row=2):
        setting = next((s for s in C.SETTINGS if s.vi == row[0].value), None)
        if setting and setting.key in MEETING:
            row[1].value = MEETING[setting.key]
    book_.save(path)
    assert run_cli("evaluate", path, "--council-sheet").returncode == 0
    again = list(openpyxl.load_workbook(path)["Hội đồng"].iter_rows(values_only=True))
    assert again[1][0] == first and again[1][3] == 7 and again[1][4] == "Đồng ý"
    assert len(again) == len(rows)


def test_a_council_sheet_made_by_the_user_is_never_rewritten(tmp_path):
    path = book(tmp_path, votes(department(), ("CB02", BK, None, None)))
    result = run(FileAdapter(path), council_sheet=True)
    assert "law_prefill_user_sheet" in [p.code for p in result.problems]
    assert [r for r in openpyxl.load_workbook(path)["Hội đồng"].iter_rows(values_only=True)][1][0] == "CB02"
    assert "Hội đồng (2)" not in openpyxl.load_workbook(path).sheetnames


# ---------------------------------------------------------------- old workbooks


def test_a_workbook_of_the_previous_template_evaluates_as_before_with_one_warning():
    old = evaluate(PREVIOUS)
    (warning,) = [p for p in old.problems if p.code.startswith("law")]
    text = warning.message("vi")
    for part in (
        '"Giới tính" (Cán bộ)',
        '"Trạng thái" (Kỷ luật)',
        'sheet "Khen thưởng đã nhận"',
        'sheet "Hội đồng"',
    ):
        assert part in text
    assert "Kết quả được tính như trước" in text and "ưu tiên cá nhân nữ" in text
    ranked = sorted((c for c in old.evaluation.people if c.rank), key=lambda c: (c.rank, c.id))
    # the previous order: CB032 before CB057 (no gender key in that workbook's settings)
    assert [c.id for c in ranked][-2:] == ["CB032", "CB057"]


def test_the_same_data_without_the_new_columns_gives_the_same_outcomes(tmp_path):
    new = evaluate(book(tmp_path, department(), name="new.xlsx"))
    path = book(tmp_path, department(), name="old.xlsx")
    wb = openpyxl.load_workbook(path)
    for sheet, column in (("Cán bộ", "Giới tính"), ("Cán bộ", "Ngày sinh"), ("Kỷ luật", "Trạng thái")):
        ws = wb[sheet]
        index = next(c.column for c in ws[1] if c.value == column)
        ws.delete_cols(index)
    for sheet in ("Khen thưởng đã nhận", "Hội đồng"):
        del wb[sheet]
    wb.save(path)
    old = evaluate(path)

    def shape(r):
        return [
            (c.id, c.award, c.rank, c.tied, c.eligible) for c in (*r.evaluation.units, *r.evaluation.people)
        ]

    assert shape(old) == shape(new)
    assert [p.code for p in old.problems if p.code.startswith("law")] == ["law_additions_missing"]


# ---------------------------------------------------------------- settings and merge


def test_a_bad_quorum_setting_is_an_error_with_its_cell(tmp_path):
    result = run(FileAdapter(book(tmp_path, department(), {"council_quorum": "hai phần ba"})), write=False)
    (error,) = result.errors
    assert error.code == "bad_setting" and "2/3 hoặc 67%" in error.message("vi")


def test_merge_unites_the_award_history(tmp_path):
    a, b = department(), department()
    past_award(a, staff_id="CB01", movement="Thi đua năm 2023")
    past_award(b, unit_id="TT", decision_no="09/QĐ-SKHCN", movement="Thi đua năm 2023")
    book_a, book_b = book(tmp_path, a, name="a.xlsx"), book(tmp_path, b, name="b.xlsx")
    master = tmp_path / "master.xlsx"
    done = run_cli("merge", book_a, book_b, "-o", master)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(openpyxl.load_workbook(master)["Khen thưởng đã nhận"].iter_rows(values_only=True))
    assert sorted(r[1] for r in rows[1:]) == ["07/QĐ-SKHCN", "09/QĐ-SKHCN"]
    assert "Khen thưởng đã nhận: 2 dòng" in done.stdout


def test_the_button_prefills_the_council_sheet_through_a_setting(tmp_path):
    path = tmp_path / "sample.xlsx"
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    label = C.SETTINGS_BY_KEY["council_prefill"].vi
    next(r for r in wb["Cấu hình"].iter_rows(min_row=2) if r[0].value == label)[1].value = "Có"
    wb.save(path)
    result = run(FileAdapter(path))  # what the add-in's button runs: no command-line flag
    assert result.status == "evaluated"
    rows = list(openpyxl.load_workbook(path)["Hội đồng"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(result.evaluation.nominated_units) + len(result.evaluation.nominated_people)


def test_the_new_sentences_in_english(tmp_path):
    path = book(
        tmp_path, pending(past_award(department(), staff_id="CB04", movement="x", initiatives="SK02"))
    )
    out = tmp_path / "out.xlsx"
    done = run_cli("evaluate", path, "-o", out, "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = list(openpyxl.load_workbook(out, read_only=True)["Individual results"].iter_rows(values_only=True))
    text = " ".join(str(v) for r in rows for v in r if v)
    assert (
        "Met – held back for now" in text
        and "Held back for now: Inspection 41/QĐ-TTr since 03/11/2025" in text
    )
    assert "SK02 already cited by the award of Decision No. 07/QĐ-SKHCN of 15/01/2024" in text


def test_a_pending_examination_of_a_unit_holds_the_unit_back(tmp_path):
    data = department()
    data["discipline"].append(
        {"decision_date": date(2025, 9, 1), "form": "Kiểm tra", "unit_id": "TT", "status": "Đang xem xét"}
    )
    got = units(evaluate(book(tmp_path, data)))
    assert got["TT"].eligible and got["TT"].held == "pending" and got["TT"].award is None
    assert got["VP"].award == "bk" and not got["VP"].tied


def test_an_old_workbook_with_its_own_sheet_named_like_a_new_one_still_evaluates(tmp_path):
    path = book(tmp_path, department())
    wb = openpyxl.load_workbook(path)
    del wb["Hội đồng"]
    ws = wb.create_sheet("Hội đồng")  # the clerk's own list of the council's members
    ws.append(["Thành viên", "Chức vụ"])
    ws.append(["Nguyễn Văn Chủ tịch", "Giám đốc Sở"])
    wb.save(path)
    result = evaluate(path)
    assert "law_sheet_not_ours" in [p.code for p in result.problems]
    assert people(result)["CB02"].tied
    assert run_cli("evaluate", path, "--council-sheet").returncode == 0
    assert openpyxl.load_workbook(path)["Hội đồng"]["A2"].value == "Nguyễn Văn Chủ tịch"


def test_the_minutes_read_the_recorded_vote(tmp_path):
    from parcom_excel.documents.context import build_dossier

    data = votes(
        department(), ("CB04", BK, 5, "Đồng ý"), ("CB02", GK, 6, "Đồng ý"), ("CB01", GK, 2, "Không đồng ý")
    )
    dossier = build_dossier(evaluate(book(tmp_path, data, MEETING)).evaluation, "vi")
    assert dossier.common["hoi_dong"]["co_mat"] == 7 and dossier.common["hoi_dong"]["thanh_vien"] == 9
    lines = {(row["ma"], row["hinh_thuc"]): row for row in dossier.minutes["phieu"]}
    assert lines[("CB04", BK)]["dong_y"] == 5 and lines[("CB04", BK)]["ket_luan"] == "Đồng ý"
    assert (
        lines[("CB01", GK)]["dong_y"] == 2 and lines[("CB01", GK)]["ket_luan"] == "Không đồng ý"
    )  # rejected, minuted
