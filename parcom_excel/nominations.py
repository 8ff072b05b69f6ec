"""The columns of the nomination list, declared once: the `Đề nghị khen thưởng` sheet and the
Word list attached to the Tờ trình and the Quyết định both read them.

Each column has its header (a catalog key), its width on the sheet (characters) and in the Word
list (millimetres; None when the Word list has no such column: there the award is the list's
title), the name of its field in the Word template, and its value for one nominee. An internal
note (a tie, an awaited vote) is never a value of the summary: it stands in the award column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import contract as C
from .i18n import render, sentence
from .rules.ranking import Candidate


@dataclass(frozen=True, slots=True)
class Nominee:
    """One row of the list: a candidate, its number within its group, its award."""

    n: int
    candidate: Candidate
    award: C.Award
    present: int | None = None  # members present at the council's meeting, once it met


@dataclass(frozen=True, slots=True)
class NominationColumn:
    key: str
    header: str  # catalog key
    field: str  # the Word template's field
    sheet_width: float  # characters
    doc_width: float | None  # millimetres; None: not a column of the Word list
    centred: bool
    value: Callable[[Nominee, str], Any]


def council_word(c: Candidate, present: int | None, lang: str) -> str:
    """The council's word on one candidate ("Đồng ý 8/9 thành viên có mặt"), empty before a vote."""
    if not c.council or present is None:
        return ""
    return render(f"law.council.{c.council}", lang, votes=c.votes, present=present)


def award_text(row: Nominee, lang: str) -> str:
    """The award as the sheet's list gives it, with the council's word or the tie's note."""
    c = row.candidate
    if c.tied:
        text = render("nom.tied", lang, award=row.award)
    else:
        text = row.award.label(lang)
        word = council_word(c, row.present, lang)
        text += f" ({word})" if word else ""
    if c.tie_note:
        text += "\n" + c.tie_note.render(lang)
    return text


def flagged(c: Candidate) -> bool:
    """Not settled: tied at a quota's edge, or awaiting the council's vote."""
    return c.tied or c.council not in ("", "approved")


NOMINATION_COLUMNS: tuple[NominationColumn, ...] = (
    NominationColumn("no", "col.no", "stt", 6, 11, True, lambda row, lang: row.n),
    NominationColumn("name", "nom.col.name", "ten", 24, 36, False, lambda row, lang: row.candidate.name),
    NominationColumn(
        "position",
        "nom.col.position",
        "chuc_vu",
        16,
        22,
        False,
        lambda row, lang: row.candidate.position if row.candidate.kind == "person" else "",
    ),
    NominationColumn(
        "unit",
        "col.unit",
        "don_vi",
        22,
        26,
        False,
        lambda row, lang: row.candidate.unit_name if row.candidate.kind == "person" else "",
    ),
    NominationColumn(
        "summary",
        "nom.col.summary",
        "thanh_tich",
        56,
        70,
        False,
        lambda row, lang: sentence(row.candidate.summary, lang),
    ),
    NominationColumn("award", "nom.col.award", "hinh_thuc", 24, None, False, award_text),
)


def nominees(candidates: list[Candidate], award: C.Award, present: int | None = None) -> list[Nominee]:
    """The candidates listed for `award`, in rank order, numbered from 1."""
    chosen = sorted((c for c in candidates if c.award == award.key), key=lambda c: (c.rank or 0, c.id))
    return [Nominee(n, c, award, present) for n, c in enumerate(chosen, 1)]
