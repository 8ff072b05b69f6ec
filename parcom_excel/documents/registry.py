"""The documents of the dossier, declared once: kind, template file, output name, builder and
the context each file is filled with. Adding a document is one entry here, its builder in
`templates.py`, its facts in `context.py` and its wording in `i18n/documents.py`.

`python -m parcom_excel.documents.registry` rewrites the shipped templates (`workbook/mau_van_ban/`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import templates as T
from .context import Dossier


@dataclass(frozen=True)
class Document:
    """One kind of document. `output` is the file's stem; a "{}" in it takes each file's own part
    (a nominee's code, "so_ket" or "tong_ket"), which `part` matches (a regular expression)."""

    kind: str
    template: str  # file name, in workbook/mau_van_ban/ and in the office's own folder
    output: str
    build: Callable[[str], bytes]  # lang -> the template's bytes
    files: Callable[[Dossier], list[tuple[str, dict[str, Any]]]]  # (part of the name, context) per file
    part: str = ""

    def pattern(self) -> str:
        return re.escape(self.output).replace(re.escape("{}"), self.part)


def _reports(kind: str) -> Callable[[Dossier], list[tuple[str, dict[str, Any]]]]:
    return lambda d: [(code, context) for code, k, context in d.reports if k == kind] if d.submission else []


DOCUMENTS: tuple[Document, ...] = (
    Document(
        "submission",
        "01_to_trinh_bang_khen.docx",
        "01_To_trinh_Bang_khen",
        T.submission,
        lambda d: [("", d.submission)] if d.submission is not None else [],
    ),
    Document(
        "report_unit",
        "02_bao_cao_thanh_tich_tap_the.docx",
        "02_Bao_cao_thanh_tich_{}",
        T.report_unit,
        _reports("unit"),
        part="[A-Za-z0-9_-]+",
    ),
    Document(
        "report_person",
        "02_bao_cao_thanh_tich_ca_nhan.docx",
        "02_Bao_cao_thanh_tich_{}",
        T.report_person,
        _reports("person"),
        part="[A-Za-z0-9_-]+",
    ),
    Document(
        "decision",
        "03_quyet_dinh_giay_khen.docx",
        "03_Quyet_dinh_Giay_khen",
        T.decision,
        lambda d: [("", d.decision)] if d.decision is not None else [],
    ),
    Document(
        "minutes", "04_bien_ban_hoi_dong.docx", "04_Bien_ban_Hoi_dong", T.minutes, lambda d: [("", d.minutes)]
    ),
    Document(
        "review",
        "05_bao_cao_so_ket_tong_ket.docx",
        "05_Bao_cao_{}",
        T.review,
        lambda d: [("tong_ket" if d.final_review else "so_ket", d.review)],
        part="(so|tong)_ket",
    ),
)
BY_KIND = {d.kind: d for d in DOCUMENTS}
# Our own output files: a re-run replaces exactly these, and nothing else in the folder.
OURS = re.compile(r"^(" + "|".join(d.pattern() for d in DOCUMENTS) + r")\.(docx|pdf)$")


def build(kind: str, lang: str = "vi") -> bytes:
    return BY_KIND[kind].build(lang)


def write_shipped(folder: Path = T.SHIPPED_DIR) -> list[Path]:
    """Rewrite the shipped Vietnamese templates (`workbook/mau_van_ban/`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for document in DOCUMENTS:
        path = folder / document.template
        path.write_bytes(document.build("vi"))
        written.append(path)
    return written


if __name__ == "__main__":
    for shipped in write_shipped():
        print(shipped)
