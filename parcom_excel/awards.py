"""`parcom record-awards`: the awards decided, appended to `Khen thưởng đã nhận`.

The book is evaluated as `parcom evaluate` does (nothing of it is written by that); every
candidate the list gives the award (the council's "Đồng ý" once it has voted) gets one row: the
award, the decision's number and date, the person or unit, the movement's name (so the next run
knows it is an award of this movement), the period evaluated, and the initiatives the award
cited (so that the next evaluation does not count them again: one achievement, one award).

The rows are appended to the sheet's table in the user's file itself: the sheet part gets the
new rows and the table part its new range; every other part of the package is copied as it is.
Running it again adds nothing; a decision number already recorded for others is refused.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import contract as C
from .addresses import col_index, col_letter
from .i18n import Msg, render
from .problems import ParcomError
from .text import clean, fold

_EPOCH = date(1899, 12, 30)


@dataclass
class Award:
    """One row to record."""

    kind: str  # "unit" or "person"
    id: str
    name: str
    initiatives: list[str]


@dataclass
class Recorded:
    book: Path
    award: str
    decision: str
    decided: date
    added: list[Award]
    already: list[Award]
    period: tuple[int, int]


def _initiatives(value: Any, found: list[str]) -> list[str]:
    """The initiative codes an outcome cites (its "initiative_ref" facts, however nested)."""
    if isinstance(value, Msg):
        if value.code == "initiative_ref":
            found.append(str(value.params["id"]))
        for item in value.params.values():
            _initiatives(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _initiatives(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _initiatives(item, found)
    return found


def awarded(evaluation: Any, award: str) -> list[Award]:
    """Who receives `award` by the list: the council's approved ones once it has voted."""
    out = []
    for candidate in [*evaluation.units, *evaluation.people]:
        if candidate.award != award or candidate.council in ("rejected", "not_voted", "needs_council"):
            continue
        cited: list[str] = []
        for code in ("TT3", "CN1"):
            outcome = candidate.outcomes.get(code)
            if outcome is not None and outcome.status == "met":
                _initiatives(outcome.params, cited)
        out.append(Award(candidate.kind, candidate.id, candidate.name, list(dict.fromkeys(cited))))
    return out


def _existing(table: Any) -> list[dict[str, Any]]:
    n = len(table.rows)
    return [{k: table.data.get(k, [None] * n)[i] for k in table.columns} for i in range(n)]


def guard(path: Path) -> Any:
    """Before a book is read to be written in place: refuse it while Excel has it open, hold the
    run lock, and return the check that it is still the file read (called just before the swap)."""
    from .io.safety import hold_lock, identity, lock_file, preflight

    if preflight(path) == "xls":
        raise ParcomError("xls_read_only", file=path.name)
    lock = lock_file(path)
    if lock is not None:
        raise ParcomError("book_open_in_excel", file=path.name, lock=lock.name)
    hold_lock(path)
    expected = identity(path)

    def unchanged() -> None:
        if identity(path) != expected:
            raise ParcomError("changed_while_running", file=path.name)

    return unchanged


# The settings that hold the decision to record (the button reads them; the command line, when
# it is given no --decision and --date).
DECISION_SETTINGS = ("award_decision_no", "award_decision_date", "award_decision_kind")


@dataclass
class Decision:
    """The decision the book's settings name: its number, date and award; `missing` lists the
    settings with no usable value (the award has a default: Giấy khen)."""

    number: str
    decided: date | None
    award: str
    sheet: str  # the settings sheet, as the book names it
    missing: list[str]

    def missing_labels(self, lang: str) -> list[str]:
        """The settings left to fill, by their names in quotes, for a sentence."""
        return [f"“{C.SETTINGS_BY_KEY[key].label(lang)}”" for key in self.missing]


def decision_in_settings(book: Path) -> Decision:
    from .merge import read_book
    from .values import date_or_none

    read = read_book(Path(book), Path(book).name)
    number, day, kind = (read.settings.get(key, (None, ""))[0] for key in DECISION_SETTINGS)
    number = clean(str(number or ""))
    day = date_or_none(day)
    award = C.AWARD_KIND.parse(clean(str(kind))) if kind not in (None, "") else "gk"
    found = zip(DECISION_SETTINGS, (number, day, award), strict=True)
    return Decision(number, day, award or "", read.settings_sheet, [key for key, value in found if not value])


def record_awards(
    book: Path, decision: str, decided: date, *, award: str = "gk", lang: str = "vi"
) -> Recorded:
    """Append the awards of `decision` to the book's `Khen thưởng đã nhận`; see the module."""
    from .core import run
    from .io.files import FileAdapter
    from .reader import read_inputs

    book = Path(book)
    decision = clean(decision)
    if not decision:
        raise ParcomError("awards_no_decision")
    unchanged = guard(book)
    result = run(FileAdapter(book), lang=lang, write=False)
    if result.evaluation is None:
        raise ParcomError(
            "awards_data_errors", file=book.name, count=sum(p.is_error for p in result.problems)
        )
    inputs = read_inputs(FileAdapter(book))
    table = inputs.tables["past_awards"]
    if "past_awards" in inputs.absent:
        raise ParcomError("awards_no_sheet", file=book.name, sheet=C.PAST_AWARDS.name(inputs.lang))
    settings = result.evaluation.world.settings
    winners = awarded(result.evaluation, award)
    if not winners:
        raise ParcomError("awards_none", file=book.name, award=C.AWARD_KIND.get(award))
    rows = _existing(table)
    label = C.AWARD_KIND.get(award).label(inputs.lang)
    same = [r for r in rows if fold(clean(str(r.get("decision_no") or ""))) == fold(decision)]
    for r in same:  # the decision is there: this run again, or the number of another decision
        kind = C.AWARD_KIND.parse(clean(str(r.get("award") or "")))
        day = r.get("decision_date")
        day = day.date() if isinstance(day, datetime) else day
        if kind != award or day != decided:
            who = clean(str(r.get("staff_id") or r.get("unit_id") or ""))
            facts = {"decision": decision, "who": who, "date": day, "award": clean(str(r.get("award") or ""))}
            raise ParcomError("awards_decision_taken", file=book.name, **facts)
    period = (settings.from_year, settings.to_year)
    if same:
        ids = [clean(str(r.get("staff_id") or r.get("unit_id") or "")) for r in same]
        return Recorded(book, award, decision, decided, [], [Award("", i, i, []) for i in ids], period)
    winners = awarded(result.evaluation, award)
    if not winners:
        raise ParcomError("awards_none", file=book.name, award=C.AWARD_KIND.get(award))
    added, already = winners, []
    new = [_row(w, label, decision, decided, settings.movement, period) for w in added]
    _append(book, table, new, unchanged)
    return Recorded(book, award, decision, decided, added, already, period)


def recorded_text(done: Recorded, lang: str) -> str:
    """What was recorded, in one sentence: the command line and the Excel button say the same."""
    facts = {"decision": done.decision, "file": Path(done.book).name}
    if not done.added:
        return render("awards.nothing", lang, count=len(done.already), **facts)
    names = [f"{a.name} ({a.id})" for a in done.added]
    return render(
        "awards.added",
        lang,
        count=len(names),
        date=done.decided,
        award=C.AWARD_KIND.get(done.award),
        sheet=C.PAST_AWARDS.name(lang),
        names=names,
        **facts,
    )


def _row(w: Award, label: str, decision: str, decided: date, movement: str, period: tuple) -> dict:
    return {
        "award": label,
        "decision_no": decision,
        "decision_date": decided,
        "staff_id": w.id if w.kind == "person" else None,
        "unit_id": w.id if w.kind == "unit" else None,
        "movement": movement,
        "from_year": period[0],
        "to_year": period[1],
        "initiatives": "; ".join(w.initiatives) or None,
    }


# ---------------------------------------------------------------- writing into the user's file


def _cell(ns: str, ref: str, value: Any, style: str | None) -> Any:
    from lxml import etree

    cell = etree.Element(f"{{{ns}}}c", r=ref)
    if style:
        cell.set("s", style)
    if isinstance(value, (date, datetime)):
        day = value.date() if isinstance(value, datetime) else value
        etree.SubElement(cell, f"{{{ns}}}v").text = str((day - _EPOCH).days)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        etree.SubElement(cell, f"{{{ns}}}v").text = str(value)
    else:
        cell.set("t", "inlineStr")
        text = etree.SubElement(etree.SubElement(cell, f"{{{ns}}}is"), f"{{{ns}}}t")
        text.text = str(value)
        if text.text != text.text.strip():
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return cell


def _column_styles(root: Any, ns: str) -> dict[int, str]:
    styles: dict[int, str] = {}
    cols = root.find(f"{{{ns}}}cols")
    for col in cols if cols is not None else []:
        if col.get("style"):
            for i in range(int(col.get("min")), int(col.get("max")) + 1):
                styles[i] = col.get("style")
    return styles


def _add_rows(root: Any, ns: str, letters: dict[str, str], first: int, rows: list[dict]) -> int:
    """Write `rows` from Excel row `first` into the sheet's XML; return the last row written."""
    from lxml import etree

    data = root.find(f"{{{ns}}}sheetData")
    styles = _column_styles(root, ns)
    existing = {int(r.get("r")): r for r in data.findall(f"{{{ns}}}row") if r.get("r")}
    for n, values in enumerate(rows, start=first):
        row = existing.get(n)
        if row is None:
            row = etree.Element(f"{{{ns}}}row", r=str(n))
            later = [r for k, r in existing.items() if k > n]
            (later[0].addprevious(row) if later else data.append(row))
            existing[n] = row
        for child in list(row):
            row.remove(child)
        cells = sorted(
            (col_index(letters[k]), k) for k, v in values.items() if v is not None and k in letters
        )
        for index, key in cells:
            row.append(_cell(ns, f"{col_letter(index)}{n}", values[key], styles.get(index + 1)))
        for attr in ("spans",):
            row.attrib.pop(attr, None)
    return first + len(rows) - 1


def _retarget(ref: str, last: int) -> str:
    """A range ("A1:I2") reaching down to row `last` at least."""
    from .addresses import split_cell

    start, _, end = ref.partition(":")
    letters, bottom = split_cell(end or start)
    return f"{start}:{letters}{max(bottom, last)}"


def _append(book: Path, table: Any, rows: list[dict], unchanged: Any) -> None:
    """Append `rows` under the table of `Khen thưởng đã nhận` in the file itself (atomically)."""
    from .io.opc import NS_MAIN, NS_R, Package, ZipOut, folder_of, rels_name, resolve_target, serialize
    from .io.safety import atomic_write

    with zipfile.ZipFile(book) as zf:
        package = Package(zf, book.name)
        part = next(p for el, p, _ in package.sheets() if el.get("name") == table.sheet)
        root = package.xml(part)
        first = max(table.rows, default=table.header_row) + 1
        last = _add_rows(root, NS_MAIN, dict(table.columns), first, rows)
        dimension = root.find(f"{{{NS_MAIN}}}dimension")
        if dimension is not None:
            dimension.set("ref", _retarget(dimension.get("ref", "A1"), last))
        changed = {part: serialize(root)}
        rels = package.xml(rels_name(part))
        for tp in root.iter(f"{{{NS_MAIN}}}tablePart"):
            rel = (
                next((r for r in rels if r.get("Id") == tp.get(f"{{{NS_R}}}id")), None)
                if rels is not None
                else None
            )
            if rel is None:
                continue
            target = package.real(resolve_target(folder_of(part), rel.get("Target") or ""))
            tree = package.xml(target)
            tree.set("ref", _retarget(tree.get("ref", "A1"), last))
            for auto in tree.iter(f"{{{NS_MAIN}}}autoFilter"):
                auto.set("ref", _retarget(auto.get("ref", "A1"), last))
            changed[target] = serialize(tree)

        def write(tmp: Path) -> None:
            with tmp.open("wb") as fh, zipfile.ZipFile(book) as source_zip, book.open("rb") as source:
                out = ZipOut(fh, book.name)
                for info in source_zip.infolist():
                    if info.filename in changed:
                        out.write(info.filename, changed[info.filename])
                    else:
                        out.copy(source, info)
                out.close()

        atomic_write(book, write, unchanged)
