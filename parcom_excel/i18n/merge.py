"""Sentences of `parcom merge`."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "merge.blank": ("(trống)", "(blank)"),
    "merge.conflict_note": ("{word}: {column} khác ở {other}", "{word}: {column} differs in {other}"),
    "merge.is_folder": ("đây là một thư mục", "it is a folder"),
    "merge.no_folder": ("thư mục không tồn tại", "the folder does not exist"),
    "merge.from_into": ("tệp tổng hợp có sẵn (--into)", "the existing master (--into)"),
    "merge.from_first": ("tệp đầu tiên", "the first book"),
    "merge.settings_from": ("Cấu hình lấy từ {file} ({which}).", "Settings taken from {file} ({which})."),
    "merge.sheet_line": (
        "{sheet}: {rows} dòng (đọc {read} dòng; {identical} dòng trùng giống hệt chỉ giữ một; {conflicts} xung đột).",
        "{sheet}: {rows} {rows:row|rows} ({read} read; {identical} identical "
        "{identical:duplicate|duplicates} kept once; {conflicts} {conflicts:conflict|conflicts}).",
    ),
    "merge.written_conflicts": (
        'Đã ghi tệp tổng hợp {file} với {count} xung đột (xem sheet "{sheet}" và cột "{column}"): '
        "hãy xử lý xung đột trước khi đánh giá.",
        'Wrote the master {file} with {count} {count:conflict|conflicts} (see sheet "{sheet}" and column '
        '"{column}"): resolve them before evaluating.',
    ),
    "merge.written": (
        "Đã ghi tệp tổng hợp {file}: hãy chạy parcom evaluate {file}.",
        "Wrote the master {file}: now run parcom evaluate {file}.",
    ),
    "track.sheet": ("Theo dõi báo cáo", "Report tracker"),
    "track.col.unit": ("Mã đơn vị", "Unit code"),
    "track.col.name": ("Tên đơn vị", "Unit"),
    "track.col.round_label": ("Kỳ báo cáo", "Round"),
    "track.col.status": ("Trạng thái", "Status"),
    "track.col.times": ("Số lần nộp", "Times sent"),
    "track.col.file": ("Tệp nhận gần nhất", "Last file received"),
    "track.col.received": ("Ngày nhận", "Received on"),
    "track.col.late": ("Nộp sau hạn (ngày)", "Days late"),
    "track.col.added": ("Dòng thêm", "Rows added"),
    "track.col.changed": ("Dòng sửa", "Rows changed"),
    "track.col.conflicts": ("Dòng xung đột", "Rows in conflict"),
    "track.col.files": ("Các tệp đã nhận", "Files received"),
    "track.col.round": ("Mã kỳ", "Round code"),
    "track.col.fingerprint": ("Dấu nội dung", "Content fingerprint"),
    "track.status.in": ("Đã nộp", "Received"),
    "track.status.again": ("Nộp lại", "Sent again"),
    "track.status.missing": ("Chưa nộp", "Not yet sent"),
    "track.status.overdue": ("Quá hạn", "Overdue"),
    "collect.copy_in": (
        "{file} ({unit}): đã nhận; thêm {added} dòng, sửa {changed} dòng, {conflicts} dòng xung đột.",
        "{file} ({unit}): received; {added} {added:row|rows} added, {changed} changed, {conflicts} in conflict.",
    ),
    "collect.copy_again": (
        "{file} ({unit}): nộp lại; thêm {added} dòng, sửa {changed} dòng, {conflicts} dòng xung đột.",
        "{file} ({unit}): sent again; {added} {added:row|rows} added, {changed} changed, {conflicts} in conflict.",
    ),
    "collect.copy_same": (
        "{file} ({unit}): giống hệt lần nộp trước nên không thay đổi gì.",
        "{file} ({unit}): the same as the copy already merged, so nothing changes.",
    ),
    "collect.missing": (
        "Chưa nhận được ({round}) của {count} đơn vị: {units}.",
        "Not yet in ({round}): {count} {count:unit|units}: {units}.",
    ),
    "collect.all_in": (
        "Đã nhận đủ báo cáo {round} của cả {count} đơn vị.",
        "All {count} units are in for {round}.",
    ),
    "collect.overdue": ("{unit} (quá hạn)", "{unit} (overdue)"),
    "collect.written": (
        'Đã ghi vào {file} (sheet "{sheet}" theo dõi từng đơn vị): hãy chạy parcom evaluate {file}.',
        'Wrote into {file} (the sheet "{sheet}" tracks each unit): now run parcom evaluate {file}.',
    ),
    "collect.written_conflicts": (
        'Đã ghi vào {file} với {count} xung đột (xem sheet "{errors}" và cột "{column}"; sheet "{sheet}" theo dõi '
        "từng đơn vị): hãy xử lý xung đột trước khi đánh giá.",
        'Wrote into {file} with {count} {count:conflict|conflicts} (see the sheet "{errors}" and the column '
        '"{column}"; the sheet "{sheet}" tracks each unit): resolve them before evaluating.',
    ),
    "collect.unchanged": (
        "Không có gì mới: {file} giữ nguyên, không ghi lại.",
        "Nothing new: {file} is left as it was, not written again.",
    ),
    "collect_no_copies": (
        "Không tìm thấy sổ đơn vị nào (.xlsx) trong {file}: hãy chỉ ra các tệp đơn vị gửi về hoặc thư mục chứa chúng.",
        "No unit copy (.xlsx) found in {file}: name the files the units sent back, or the folder holding them.",
    ),
    "collect_missing_copy": (
        "Không có tệp {file}: hãy kiểm tra tên và đường dẫn.",
        "There is no file {file}: check its name and path.",
    ),
    "collect_not_a_copy": (
        "Tệp {file} không phải sổ đơn vị do parcom split tạo từ {master} (không có dấu nhận dạng) nên không gộp: "
        "hãy bỏ tệp này ra, hoặc gộp sổ thường bằng parcom merge … -o SỔ_MỚI.",
        "The file {file} is not a unit copy parcom split made from {master} (it carries no identity), so it is not "
        "merged: leave it out, or merge plain workbooks with parcom merge … -o NEW_MASTER.",
    ),
    "collect_other_master": (
        "Tệp {file} (đơn vị {unit}) được tách từ một sổ tổng hợp khác, không phải {master}, nên không gộp; không tệp nào "
        "được ghi: hãy bỏ tệp này ra và gửi cho đơn vị sổ tách từ {master}.",
        "The file {file} (unit {unit}) was split from another master, not {master}, so it is refused and nothing is "
        "written: leave it out and send the unit a copy split from {master}.",
    ),
    "collect_unknown_unit": (
        "Tệp {file} là sổ của đơn vị mã {unit}, mà sheet Đơn vị của {master} không có, nên không gộp; không tệp nào "
        "được ghi: hãy thêm đơn vị vào {master} hoặc bỏ tệp này ra.",
        "The file {file} is the copy of unit {unit}, which the units sheet of {master} does not list, so it is "
        "refused and nothing is written: add the unit to {master} or leave the file out.",
    ),
    "collect_two_rounds": (
        "Tệp {file} là báo cáo kỳ {round}, khác kỳ {other} của các tệp khác, nên không gộp; không tệp nào được ghi: "
        "hãy gộp mỗi kỳ một lần.",
        "The file {file} is a report of the round {round}, not {other} like the other files, so it is refused and "
        "nothing is written: merge one round at a time.",
    ),
    "collect_old_round": (
        "Tệp {file} là báo cáo kỳ {round}, cũ hơn kỳ {latest} mà sổ tổng hợp đang theo dõi, nên không gộp; không tệp "
        "nào được ghi: hãy bỏ tệp này ra.",
        "The file {file} is a report of the round {round}, older than the round {latest} the master tracks, so it "
        "is refused and nothing is written: leave it out.",
    ),
}
