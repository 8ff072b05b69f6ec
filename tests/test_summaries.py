"""Drafted achievement summaries: every clause is a fact of the period's rows, in the settings' terms.

Each test builds a department where a clause the first wave always wrote would be false, runs the
core in memory and reads the summary the nomination list would print.
"""

from __future__ import annotations

from datetime import date

from parcom_excel.core import run
from parcom_excel.i18n import sentence
from parcom_excel.rules.criteria import summary as summary_of
from tests.workbooks import MemoryBook, book_sheets, department, find


def evaluate(data, settings=None):
    result = run(MemoryBook(book_sheets(data, settings)), write=False)
    assert result.status == "evaluated", [p.message("en") for p in result.errors]
    return result


def summary(result, subject, lang="vi"):
    group = result.evaluation.units + result.evaluation.people
    candidate = next(c for c in group if c.id == subject)
    assert candidate.eligible, subject
    return sentence(candidate.summary, lang)


def test_staff_clause_uses_the_rating_the_settings_require():
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "HTNV"
    text = summary(evaluate(data, {"min_rating": "HTNV"}), "VP")
    assert "hoàn thành tốt nhiệm vụ" not in text
    assert "100% cán bộ được xếp loại từ hoàn thành nhiệm vụ trở lên (8 lượt xếp loại)" in text


def test_staff_clause_counts_ratings_below_the_level_when_the_share_is_lowered():
    data = department()
    find(data["ratings"], staff_id="CB02", year=2023)["rating"] = "HTNV"
    text = summary(evaluate(data, {"tt6_min_pct": 50}), "VP")
    assert "100%" not in text
    assert "7/8 lượt cán bộ được xếp loại từ hoàn thành tốt nhiệm vụ trở lên" in text


def test_only_the_budget_exceeded_is_not_called_a_socio_economic_target():
    data = department()
    find(data["results"], unit_id="VP", year=2023)["budget"] = "Vượt"
    text = summary(evaluate(data), "VP")
    assert "vượt dự toán ngân sách năm 2023" in text
    assert "vượt chỉ tiêu kinh tế" not in text
    assert "đạt dự toán ngân sách năm 2022, 2024, 2025" in text


def test_socio_economic_targets_exceeded_twice_do_not_claim_the_budget():
    data = department()
    for year in (2022, 2024):
        find(data["results"], unit_id="VP", year=year)["socio_targets"] = "Vượt"
    text = summary(evaluate(data), "VP")
    assert "vượt chỉ tiêu kinh tế – xã hội năm 2022, 2024" in text
    assert "vượt dự toán" not in text
    en = summary(evaluate(data), "VP", "en")
    assert "exceeded the socio-economic targets in 2022, 2024" in en and "exceeded the budget" not in en


def test_tasks_and_documents_are_the_sums_of_the_period_rows():
    data = department()
    find(data["results"], unit_id="VP", year=2023).update(tasks_assigned=0, tasks_on_time=0, advisory_docs=5)
    text = summary(evaluate(data), "VP")
    assert text.startswith("Hoàn thành đúng hạn 30/30 nhiệm vụ CCHC được giao giai đoạn 2022–2025;")
    assert "tham mưu 11 văn bản" in text
    one_year = summary(evaluate(data, {"from_year": 2023, "to_year": 2023}), "VP")
    assert one_year.startswith("Không được giao nhiệm vụ CCHC năm 2023;")
    assert "nhiệm vụ CCHC được giao giai đoạn" not in one_year


def test_programmes_not_assigned_are_not_claimed_as_completed():
    data = department()
    find(data["results"], unit_id="VP", year=2025)["programmes"] = "Không giao"
    text = summary(evaluate(data), "VP")
    assert "hoàn thành các chương trình được giao năm 2022, 2023, 2024" in text
    assert "2025" not in text.split("chương trình được giao")[1].split(";")[0]


def test_person_summary_lists_each_rated_year_and_the_initiative_decision():
    data = department()
    find(data["ratings"], staff_id="CB02", year=2024)["rating"] = "HTXSNV"
    text = summary(evaluate(data), "CB02")
    assert 'sáng kiến "Số hóa hồ sơ một cửa" được công nhận cấp cơ sở năm 2023' in text
    assert "Quyết định số 12/QĐ-SKHCN ngày 01/06/2023" in text
    assert "năm 2024: hoàn thành xuất sắc nhiệm vụ" in text and "năm 2023: hoàn thành tốt nhiệm vụ" in text
    assert "chấp hành nghiêm" not in text  # a judgement the data does not hold


def test_an_initiative_without_a_decision_number_names_none():
    data = department()
    find(data["initiatives"], initiative_id="SK01").update(decision_no=None, decision_date=None)
    text = summary(evaluate(data), "CB02")
    assert "Quyết định" not in text


def test_more_than_three_initiatives_are_counted_not_hidden():
    data = department()
    for n in range(3, 7):
        data["initiatives"].append(
            {
                "initiative_id": f"SK0{n}",
                "title": f"Sáng kiến {n}",
                "year": 2024,
                "level": "Cơ sở",
                "authors": "CB02",
            }
        )
    text = summary(evaluate(data), "VP")
    assert "và 2 sáng kiến khác" in text  # SK01 and SK03–SK06: five, three named
    assert "and 2 other initiatives" in summary(evaluate(data), "VP", "en")


def test_discipline_and_missing_ratings_are_stated_when_present():
    # Called on the world directly (rules run in memory): what a summary of a person with a
    # record in effect and a year without a rating would say, instead of "no discipline".
    data = department()
    data["discipline"].append({"decision_date": date(2024, 3, 1), "form": "Khiển trách", "staff_id": "CB02"})
    data["ratings"].remove(find(data["ratings"], staff_id="CB02", year=2025))
    world = evaluate(data).evaluation.world
    text = sentence(summary_of(world, "person", world.people["CB02"]), "vi")
    assert "có 1 quyết định kỷ luật, vi phạm còn hiệu lực trong kỳ" in text
    assert "chưa có xếp loại năm 2025" in text and "không bị kỷ luật" not in text
    unit = sentence(summary_of(world, "unit", world.units["VP"]), "vi")
    assert "có 1 quyết định kỷ luật" in unit and "1 lượt cán bộ chưa có xếp loại" in unit
    assert "100% cán bộ được xếp loại từ hoàn thành tốt nhiệm vụ trở lên (7 lượt xếp loại)" in unit


def test_someone_with_no_year_judged_is_not_proposed():
    # Joined in November 2025: not 6 months of any year of 2022–2025, so no yearly criterion has a
    # year to judge; "met" by default must not become a nomination.
    data = department()
    find(data["staff"], staff_id="CB02")["joined"] = date(2025, 11, 1)
    result = evaluate(data)
    person = next(c for c in result.evaluation.people if c.id == "CB02")
    assert not person.nominable and person.award is None
    assert "Không có năm nào trong kỳ đủ thời gian công tác" in person.note.render("vi")
    assert "Số tháng công tác tối thiểu để xét một năm = 6" in person.note.render("vi")
