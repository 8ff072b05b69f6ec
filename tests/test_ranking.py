"""Ranking within the quotas of §V: order keys from settings, one award each, ties for the council."""

from __future__ import annotations

from parcom_excel.core import run
from parcom_excel.io.files import FileAdapter
from tests.test_rules import evaluate, find, set_rating
from tests.workbooks import department, write_book


def people(result):
    return {c.id: c for c in result.evaluation.people}


def units(result):
    return {c.id: c for c in result.evaluation.units}


def test_tie_at_the_bang_khen_edge_is_listed_whole_for_the_council(tmp_path):
    # CB02 and CB04 are equal on every key (grassroots initiative, no "xuất sắc", one initiative,
    # not leaders) and there is one Bằng khen seat for individuals.
    result = evaluate(tmp_path, department())
    got = people(result)
    assert got["CB02"].award == got["CB04"].award == "bk"
    assert got["CB02"].tied and got["CB04"].tied
    assert got["CB02"].rank == got["CB04"].rank == 1
    assert "Hội đồng xem xét" in got["CB02"].tie_note.render("vi")
    assert not got["CB01"].tied and got["CB01"].award == "gk"
    codes = [p.code for p in result.problems]
    assert "tie_at_edge" in codes


def test_a_tie_breaker_decides_and_each_winner_gets_one_award(tmp_path):
    data = department()
    set_rating(data, "CB04", 2022, "HTXSNV")
    got = people(evaluate(tmp_path, data))
    assert got["CB04"].award == "bk" and not got["CB04"].tied
    assert {got[k].award for k in ("CB01", "CB02", "CB03")} == {"gk"}
    assert got["CB02"].rank == 2  # not a leader: ahead of CB01 and CB03


def test_order_of_keys_comes_from_the_settings(tmp_path):
    data = department()
    set_rating(data, "CB01", 2022, "HTXSNV")  # a leader with one "xuất sắc" year
    default = people(evaluate(tmp_path, data))
    assert default["CB01"].award == "bk"
    reordered = people(
        evaluate(
            tmp_path,
            data,
            {"order_individuals": "Không giữ chức vụ lãnh đạo; Số năm hoàn thành xuất sắc nhiệm vụ"},
        )
    )
    assert reordered["CB01"].award == "gk"
    assert reordered["CB02"].tied and reordered["CB02"].award == "bk"


def test_higher_initiative_level_ranks_first_for_collectives(tmp_path):
    data = department()
    find(data["initiatives"], initiative_id="SK02").update(level="Toàn quốc")
    got = units(evaluate(tmp_path, data))
    assert got["TT"].award == "bk" and got["VP"].award == "gk"
    assert got["TT"].keys["best_level"] == 3


def test_fewer_eligible_than_the_minimum_quota_is_said(tmp_path):
    result = evaluate(tmp_path, department())
    short = [p for p in result.problems if p.code == "quota_short"]
    assert any("Giấy khen" in p.message("vi") and "cá nhân" in p.message("vi") for p in short)


def test_quota_of_zero_nominates_nobody_for_that_award(tmp_path):
    result = evaluate(tmp_path, department(), {"bk_individuals_min": 0, "bk_individuals_max": 0})
    got = people(result)
    assert not any(c.award == "bk" for c in got.values())
    assert got["CB02"].award == "gk"


def test_nomination_sheet_lists_the_tied_group(tmp_path):
    path = write_book(tmp_path / "book.xlsx", department())
    result = run(FileAdapter(path), write=False)
    sheet = next(o for o in result.outputs if o.key == "nominations")
    texts = [c.value for row in sheet.rows for c in row if c is not None and isinstance(c.value, str)]
    assert any("đồng hạng – Hội đồng xem xét" in t for t in texts)
    assert "Trần Thị Bình" in texts and "Phạm Thị Dung" in texts
    summary = next(t for t in texts if t.startswith("Là tác giả sáng kiến"))
    assert "12/QĐ-SKHCN" in summary or "30/QĐ-SKHCN" in summary
    assert "không bị kỷ luật, không vi phạm pháp luật trong kỳ" in summary
