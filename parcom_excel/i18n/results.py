"""Run summaries and warnings about results: see parcom_excel/i18n/__init__.py."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- the period
    "rows_outside_period": (
        "{count} dòng có năm ngoài kỳ xét {from_year}–{to_year} (năm {years}; ô {cells}) nên không được tính.",
        "{count} {count:row|rows} dated outside the period {from_year}–{to_year} (years {years}; cells {cells}) {count:is|are} not counted.",
    ),
    "period_without_data": (
        'Kỳ xét {from_year}–{to_year} không có xếp loại, kết quả đơn vị hay sáng kiến nào (sheet "{ratings}", "{results}", "{initiatives}"): kết quả tính ra không dựa trên dữ liệu nào; hãy kiểm tra Từ năm, Đến năm.',
        'The period {from_year}–{to_year} holds no rating, unit result or initiative (sheets "{ratings}", "{results}", "{initiatives}"): the results rest on no data; check the From and To years.',
    ),
    # ---- a merged master
    "merge_conflict_unresolved": (
        'Dòng này vẫn đánh dấu xung đột khi gộp ("{value}"): tệp của các đơn vị ghi khác nhau nên chưa biết giá trị nào đúng. Hãy thống nhất với đơn vị, sửa giá trị đúng vào dòng này (hoặc sửa tệp của đơn vị rồi chạy lại parcom merge), xóa phần "XUNG ĐỘT: …" trong ô này, rồi đánh giá lại.',
        'This row is still marked as a merge conflict ("{value}"): the units\' files disagree, so which value is right is not known. Agree with the units, enter the right value in this row (or correct the unit\'s file and run parcom merge again), delete the "CONFLICT: …" part of this cell, then evaluate again.',
    ),
    # ---- what a run says on the console (RunResult.summary_text, written_text)
    "summary_held_back": (
        "- {count} tập thể, cá nhân không trượt tiêu chí nào nhưng thiếu dữ liệu nên chưa được xét khen thưởng: {names}.",
        "- {count} {count:candidate fails|candidates fail} no criterion but {count:lacks|lack} data, so {count:is|are} not considered for an award: {names}.",
    ),
    "written_results": ("Đã ghi kết quả vào {file}.", "Results written to {file}."),
    "written_errors": (
        'Đã ghi danh sách lỗi vào sheet "{sheet}" của {file}; không có kết quả đánh giá nào được ghi.',
        'The error list was written to sheet "{sheet}" of {file}; no results were written.',
    ),
    "written_stale": (
        "Các sheet kết quả cũ ({sheets}) đã được thay bằng thông báo kết quả cũ đã bị xóa.",
        "The earlier result sheets ({sheets}) now say that their results were removed.",
    ),
    "errors_stamp": (
        "Danh sách lỗi lập lúc {when} cho kỳ {period}, từ dữ liệu có mã {fingerprint}.",
        "Error list made on {when} for {period}, from data {fingerprint}.",
    ),
    # ---- candidates held back by missing data (rules/missing.py)
    "held_back_result": (
        '{name} ({id}) chưa được xét khen thưởng vì thiếu dữ liệu {criteria} năm {year}: sheet "{rows_sheet}" không có dòng năm {year} của đơn vị {id}; hãy thêm dòng đó rồi đánh giá lại.',
        '{name} ({id}) is not considered for an award: no data for {criteria} in {year}, as sheet "{rows_sheet}" has no row of unit {id} for {year}; add it and evaluate again.',
    ),
    "held_back_rating": (
        '{name} ({id}) chưa được xét khen thưởng vì thiếu dữ liệu {criteria} năm {year}: sheet "{rows_sheet}" không có xếp loại năm {year} của {person} ({person_id}); hãy thêm dòng đó rồi đánh giá lại.',
        '{name} ({id}) is not considered for an award: no data for {criteria} in {year}, as sheet "{rows_sheet}" has no {year} rating of {person} ({person_id}); add it and evaluate again.',
    ),
    "held_back_own_rating": (
        '{name} ({id}) chưa được xét khen thưởng vì thiếu dữ liệu {criteria} năm {year}: sheet "{rows_sheet}" không có xếp loại năm {year} của người này; hãy thêm dòng đó rồi đánh giá lại.',
        '{name} ({id}) is not considered for an award: no data for {criteria} in {year}, as sheet "{rows_sheet}" has no {year} rating of this person; add it and evaluate again.',
    ),
    "held_back_replicable": (
        '{name} ({id}) chưa được xét khen thưởng vì thiếu dữ liệu {criteria}: sáng kiến {initiative} ({row}, công nhận năm {year}) chưa ghi cột "{column}"; hãy ghi cột đó rồi đánh giá lại.',
        '{name} ({id}) is not considered for an award: no data for {criteria}, as initiative {initiative} ({row}, recognised in {year}) has no "{column}" value; fill it in and evaluate again.',
    ),
}
