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
}
