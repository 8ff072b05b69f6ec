"""Sentences of `parcom record-awards` and of the certificates (`parcom documents --certificates`)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "awards_no_decision": (
        'Thiếu số quyết định: hãy ghi --decision, ví dụ --decision "123/QĐ-SKHCN".',
        'The decision number is missing: give --decision, e.g. --decision "123/QĐ-SKHCN".',
    ),
    "awards_data_errors": (
        "Tệp {file} còn {count} lỗi dữ liệu nên chưa biết ai được khen; không ghi gì: hãy chạy parcom validate {file} và sửa lỗi trước.",
        "The file {file} still has {count} data {count:error|errors}, so who is awarded is not known; nothing is "
        "written: run parcom validate {file} and fix them first.",
    ),
    "awards_no_sheet": (
        'Tệp {file} không có sheet "{sheet}" nên không ghi được khen thưởng: hãy thêm sheet đó (lấy từ mẫu của parcom init) rồi chạy lại.',
        'The file {file} has no sheet "{sheet}", so the awards cannot be recorded: add it (from the parcom init template) and run again.',
    ),
    "awards_none": (
        "Danh sách của tệp {file} không có ai được {award} nên không ghi gì: hãy kiểm tra --award và kết quả biểu quyết.",
        "The list of {file} gives no one the {award}, so nothing is written: check --award and the council's votes.",
    ),
    "awards_decision_taken": (
        "Tệp {file} đã ghi quyết định số {decision} cho người khác ({who}) ở sheet Khen thưởng đã nhận nên không ghi: "
        "hãy kiểm tra lại số quyết định.",
        "The file {file} already records the decision {decision} for someone else ({who}) on its awards sheet, so "
        "nothing is written: check the decision number.",
    ),
    "awards.added": (
        'Đã ghi {count} khen thưởng theo Quyết định số {decision} ngày {date} ({award}) vào sheet "{sheet}" của {file}: {names}.',
        'Recorded {count} {count:award|awards} of the decision {decision} of {date} ({award}) on the sheet "{sheet}" of {file}: {names}.',
    ),
    "awards.already": (
        "Đã có sẵn, không ghi lại: {names}.",
        "Already recorded, not added again: {names}.",
    ),
    "awards.nothing": (
        "Quyết định số {decision} đã được ghi đủ cho cả {count} người, tập thể; tệp {file} giữ nguyên.",
        "The decision {decision} is already recorded for all {count}; {file} is left as it was.",
    ),
}
