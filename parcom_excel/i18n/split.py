"""Sentences of `parcom split` (the units' copies) and of a copy's guide."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "split.round_year": ("năm {year}", "year {year}"),
    "split.round_half1": ("6 tháng đầu năm {year}", "first half of {year}"),
    "split.round_half2": ("6 tháng cuối năm {year}", "second half of {year}"),
    "split.round_period": ("giai đoạn {first}–{last}", "period {first}–{last}"),
    "split.guide_title": (
        "Sổ báo cáo của đơn vị {name} ({code}), kỳ báo cáo {round}.",
        "Report workbook of the unit {name} ({code}), round: {round}.",
    ),
    "split.guide_deadline": ("Hạn nộp: {due}", "Deadline: {due}"),
    "split.guide_due": (
        "gửi lại tệp này cho Văn phòng Sở trước hết ngày {date}.",
        "send this file back to the office by {date}.",
    ),
    "split.guide_no_due": (
        "Văn phòng Sở chưa đặt hạn nộp; gửi lại tệp này khi điền xong.",
        "the office has set no deadline; send this file back once filled in.",
    ),
    "split.guide_fill": (
        'Cần điền: Xếp loại của từng cán bộ ở sheet "{ratings}" (đã có sẵn một dòng cho mỗi người và năm); '
        'kết quả của đơn vị ở sheet "{results}" (một dòng mỗi năm); sáng kiến mới ở sheet "{initiatives}", '
        'quyết định kỷ luật mới ở sheet "{discipline}"; người mới đến, chuyển đi, nghỉ hưu ở sheet "{staff}".',
        'To fill in: each staff member\'s rating on "{ratings}" (one row per person and year is there); '
        'the unit\'s results on "{results}" (one row a year); new initiatives on "{initiatives}", new '
        'disciplinary decisions on "{discipline}"; arrivals and departures on "{staff}".',
    ),
    "split.guide_fill_leaders": (
        'Cần điền: Xếp loại của từng người ở sheet "{ratings}" (đã có sẵn một dòng cho mỗi người và năm); '
        'sáng kiến mới ở sheet "{initiatives}", quyết định kỷ luật mới ở sheet "{discipline}"; người mới đến, '
        'chuyển đi, nghỉ hưu ở sheet "{staff}". Lãnh đạo Sở không xét như một tập thể nên không có kết quả đơn vị để điền.',
        'To fill in: each member\'s rating on "{ratings}" (one row per person and year is there); new '
        'initiatives on "{initiatives}", new disciplinary decisions on "{discipline}"; arrivals and departures '
        'on "{staff}". The leadership is not judged as a collective, so there are no unit results to fill in.',
    ),
    "split.guide_locked": (
        'Sheet "{settings}" và "{units}" đã khóa. Không đổi tên sheet, không xóa cột, không đổi tên tệp; '
        "lưu lại rồi gửi đúng tệp này, vì tệp mang dấu nhận dạng của đơn vị và kỳ báo cáo.",
        'The sheets "{settings}" and "{units}" are locked. Do not rename sheets, delete columns or rename '
        "the file; save and send this very file back, since it carries the unit's and the round's identity.",
    ),
    "split.not_folder": ("đây là một tệp, không phải thư mục", "it is a file, not a folder"),
    "split_no_year": (
        "Tệp {file}, sheet {sheet} ô {cell}: kỳ xét ({value}) không phải một năm nên không biết tách sổ cho năm nào: "
        "hãy ghi năm ở Cấu hình hoặc dùng --year.",
        "File {file}, sheet {sheet} cell {cell}: the period ({value}) is not a year, so the round is unknown: "
        "write the year in Settings or give --year.",
    ),
    "split_no_units": (
        "Tệp {file}: sheet {sheet} không có đơn vị nào nên không có sổ nào để tách: hãy ghi các đơn vị trước.",
        "File {file}: the sheet {sheet} lists no unit, so there is no copy to make: list the units first.",
    ),
    "split_unknown_unit": (
        "Tệp {file} không có đơn vị mã {codes} ở sheet Đơn vị: hãy dùng một trong các mã {known}.",
        "File {file} has no unit with the code {codes} on its units sheet: use one of {known}.",
    ),
    "split.written": (
        "Đã ghi {count} sổ đơn vị ({round}) vào {folder}: {files}.",
        "Wrote {count} unit {count:copy|copies} ({round}) into {folder}: {files}.",
    ),
    "split.names_collide": (
        "Các đơn vị {codes} cho cùng một tên sổ, nên mỗi sổ mang thêm một hậu tố riêng: {files}.",
        "The units {codes} give one copy file name, so each copy carries a suffix of its own: {files}.",
    ),
    "split_copy_open": (
        "Sổ đơn vị {file} trong thư mục {folder} đang mở trong Excel hoặc chương trình khác (có tệp khóa {lock}): hãy lưu, đóng sổ rồi chạy lại; nếu sổ không còn mở, hãy xóa tệp khóa. Chưa sổ nào bị thay.",
        "The unit copy {file} in {folder} is open in Excel or another program (lock file {lock}): save and close it, then run again; if it is not open any more, delete the lock file. No copy was replaced.",
    ),
}
