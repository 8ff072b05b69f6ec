"""Sentences of Excel itself: the add-in's ribbon and the alert's title."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "excel.alert_title": ("parcom – Thi đua CCHC", "parcom – PAR emulation"),
    "ribbon.tab": ("Thi đua CCHC", "PAR emulation"),
    "ribbon.group": ("Phong trào thi đua", "Emulation movement"),
    "ribbon.button": ("Đánh giá", "Evaluate"),
    "ribbon.screentip": ("Đánh giá phong trào thi đua CCHC", "Evaluate the PAR emulation movement"),
    "ribbon.supertip": (
        "Kiểm tra dữ liệu của sổ làm việc đang mở rồi ghi kết quả, danh sách đề nghị khen thưởng "
        "và tổng quan vào các sheet kết quả. Nếu dữ liệu có lỗi, sheet Lỗi dữ liệu liệt kê từng lỗi "
        "kèm liên kết tới ô cần sửa.",
        "Checks the open workbook's data, then writes the results, the nomination list and the "
        "dashboard into the result sheets. If the data has errors, the Data errors sheet lists each "
        "one with a link to the cell to fix.",
    ),
}
