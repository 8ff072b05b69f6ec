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
}
