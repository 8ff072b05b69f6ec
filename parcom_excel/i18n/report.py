"""Sentences of the run summary (console, Excel alert)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "report.data_errors": (
        '{file}: có {count} lỗi dữ liệu, chưa đánh giá. Xem sheet "{sheet}".',
        '{file}: {count} data {count:error|errors}, nothing evaluated. See sheet "{sheet}".',
    ),
    "report.evaluated": ("{file}: đã đánh giá kỳ {period}.", "{file}: evaluated {period}."),
    "report.eligible": (
        "Tập thể: {units}/{total_units} đủ tiêu chuẩn; cá nhân: {people}/{total_people} đủ tiêu chuẩn.",
        "Collectives: {units}/{total_units} eligible; individuals: {people}/{total_people} eligible.",
    ),
    "report.criterion_count": ("{id} {count}", "{id} {count}"),
    "report.met_per_criterion": ("Đạt theo tiêu chí: {items}", "Met per criterion: {items}"),
    "report.award_line": ("{award}: {names}", "{award}: {names}"),
    "report.warnings": ("{count} cảnh báo.", "{count} {count:warning|warnings}."),
    "report.other_warnings": (
        '- {count} cảnh báo về dữ liệu: xem sheet "{sheet}".',
        '- {count} of them about the data: see sheet "{sheet}".',
    ),
}
