"""Sentences of `parcom batch`: outcomes, the summary table and its CSV, the last line."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "batch.outcome.evaluated": ("đã đánh giá", "evaluated"),
    "batch.outcome.data_errors": ("có lỗi dữ liệu", "data errors"),
    "batch.outcome.unchanged": ("bỏ qua: dữ liệu không đổi", "skipped: data unchanged"),
    "batch.outcome.skipped": ("bỏ qua: tệp khóa hoặc tệp tạm", "skipped: lock or temporary file"),
    "batch.outcome.unusable": ("không dùng được", "unusable"),
    "batch.outcome.crashed": ("tiến trình bị dừng", "worker crashed"),
    "batch.data_errors": (
        '{count} lỗi dữ liệu (xem sheet "{sheet}"), đầu tiên là',
        '{count} data {count:error|errors} (see sheet "{sheet}"), the first at',
    ),
    "batch.col.file": ("Tệp", "File"),
    "batch.col.outcome": ("Kết quả", "Outcome"),
    "batch.col.errors": ("Lỗi", "Errors"),
    "batch.col.nominations": ("Đề nghị", "Nominations"),
    "batch.col.seconds": ("Giây", "Seconds"),
    "batch.col.code": ("Mã kết quả", "Outcome code"),
    "batch.col.warnings": ("Cảnh báo", "Warnings"),
    "batch.col.message": ("Ghi chú", "Message"),
    "batch.col.output": ("Tệp kết quả", "Output"),
    "batch.progress": ("Đang đánh giá", "Evaluating"),
    "batch.summary": (
        "{files} tệp: {evaluated} đã đánh giá, {errors} có lỗi dữ liệu, {skipped} bỏ qua, "
        "{unusable} không dùng được, {crashed} tiến trình bị dừng. Tổng hợp: {csv}, {json}.",
        "{files} {files:file|files}: {evaluated} evaluated, {errors} with data errors, {skipped} skipped, "
        "{unusable} unusable, {crashed} crashed. Summary: {csv}, {json}.",
    ),
}
