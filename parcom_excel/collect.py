"""`parcom merge COPIES… --into MASTER`: the units' copies (made by `parcom split`) back into the
master, in place.

Each copy is recognised by its hidden identity (`split.read_identity`): a copy of another master,
of an earlier round, of a unit the master does not list, or a workbook `split` did not make is
refused before anything is written. A copy's rows are united with the master's by key:
- a new key is added;
- a key the unit owns (its unit row, its staff, their ratings, its results, its initiatives)
  takes the copy's values (the unit is the source of its own rows): changed;
- a key another unit owns, with other values, is a conflict (the master's row kept, marked
  XUNG ĐỘT, as `merge_books` does);
- rows an earlier copy of the same unit brought and a later copy no longer has are removed.
The prefilled rows a unit left empty are not rows. The master keeps its settings, its council
sheet, its log, and a tracker sheet (`Theo dõi báo cáo`) with one row per unit and round.
Merging the same copy again changes nothing and writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import contract as C
from .i18n import Msg, render
from .merge import (
    MERGED_SHEETS,
    Book,
    Conflict,
    Record,
    SheetMerge,
    _blank,
    _order,
    build_master,
    read_book,
)
from .model import Cell, OutputSheet
from .problems import ParcomError, Problem
from .split import Identity, Round, master_id, read_identity
from .text import clean, fold

TRACKER_KEY = "tracker"
TRACKER_NAMES = tuple(render("track.sheet", lang) for lang in C.LANGS)
# column key -> catalog key of its header; the tracker is read back by these headers
TRACKER_COLUMNS = (
    "unit",
    "name",
    "round_label",
    "status",
    "times",
    "file",
    "received",
    "late",
    "added",
    "changed",
    "conflicts",
    "files",
    "round",
    "fingerprint",
)
STATUSES = ("in", "again", "missing", "overdue")  # Đã nộp, Nộp lại, Chưa nộp, Quá hạn


def tracker_name(lang: str) -> str:
    return TRACKER_NAMES[C.LANGS.index(lang)]


@dataclass
class Track:
    """One row of the tracker: a unit in a round."""

    unit: str
    name: str
    round: str
    times: int = 0
    file: str = ""
    received: date | None = None
    late: int | None = None
    added: int = 0
    changed: int = 0
    conflicts: int = 0
    files: list[str] = field(default_factory=list)
    fingerprint: str = ""
    status: str = "missing"


@dataclass
class CopyOutcome:
    file: str
    unit: str
    outcome: str  # "in", "again", "same"
    added: int = 0
    changed: int = 0
    conflicts: int = 0


@dataclass
class Collected:
    master: Path
    round: Round
    copies: list[CopyOutcome]
    tracks: list[Track]
    problems: list[Problem]
    written: bool
    book_lang: str = "vi"  # the master's language: its sheets are named in it

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def missing(self) -> list[Track]:
        return [t for t in self.tracks if t.round == self.round.key and t.status in ("missing", "overdue")]


# ---------------------------------------------------------------- the tracker sheet


def read_tracker(book: Book) -> list[Track]:
    """The tracker rows of a master (none when it has no tracker sheet yet)."""
    names = {fold(n) for n in TRACKER_NAMES}
    sheet = next((n for n in book.adapter.sheet_names() if fold(n) in names), None)
    if sheet is None:
        return []
    rows = book.adapter.grid(sheet).values
    headers = {fold(render(f"track.col.{k}", lang)): k for k in TRACKER_COLUMNS for lang in C.LANGS}
    at = next((i for i, r in enumerate(rows) if r and fold(str(r[0] or "")) in headers), None)
    if at is None:
        return []
    columns = {i: headers.get(fold(str(v or ""))) for i, v in enumerate(rows[at])}
    tracks = []
    for row in rows[at + 1 :]:
        facts = {columns[i]: v for i, v in enumerate(row) if columns.get(i)}
        if _blank(facts.get("unit")) or Round.parse(facts.get("round")) is None:
            continue
        received = facts.get("received")
        tracks.append(
            _counts(
                Track(
                    clean(str(facts["unit"])),
                    clean(str(facts.get("name") or "")),
                    str(facts["round"]).strip(),
                    int(facts.get("times") or 0),
                    str(facts.get("file") or ""),
                    received.date() if isinstance(received, datetime) else received,
                    int(facts["late"]) if isinstance(facts.get("late"), (int, float)) else None,
                    files=[f.strip() for f in str(facts.get("files") or "").split(";") if f.strip()],
                    fingerprint=str(facts.get("fingerprint") or ""),
                    status=_status_of(facts.get("status")) or "missing",
                ),
                facts,
            )
        )
    return tracks


def _counts(track: Track, facts: dict[str | None, Any]) -> Track:
    for key in ("added", "changed", "conflicts"):
        value = facts.get(key)
        setattr(track, key, int(value) if isinstance(value, (int, float)) else 0)
    return track


def tracker_sheet(tracks: list[Track], lang: str) -> OutputSheet:
    header = [Cell(render(f"track.col.{k}", lang), "header") for k in TRACKER_COLUMNS]
    rows: list[list[Cell | None]] = [header]
    for t in sorted(tracks, key=lambda t: (Round.parse(t.round).order, t.unit), reverse=False):
        values: dict[str, Any] = {
            "unit": t.unit,
            "name": t.name,
            "round_label": Round.parse(t.round).label(lang),
            "status": render(f"track.status.{t.status}", lang),
            "times": t.times,
            "file": t.file,
            "received": t.received,
            "late": t.late,
            "added": t.added if t.times else None,
            "changed": t.changed if t.times else None,
            "conflicts": t.conflicts if t.times else None,
            "files": "; ".join(t.files),
            "round": t.round,
            "fingerprint": t.fingerprint,
        }
        style = {"received": "date", "times": "int", "late": "int", "added": "int", "changed": "int"}
        style["conflicts"] = "int"
        rows.append(
            [
                None if values[k] in (None, "") else Cell(values[k], style.get(k, "text"))
                for k in TRACKER_COLUMNS
            ]
        )
    widths = dict(enumerate((9, 28, 14, 11, 7, 28, 11, 9, 8, 8, 8, 22, 8, 17)))  # one A4 page wide
    return OutputSheet(
        TRACKER_KEY,
        tracker_name(lang),
        rows,
        widths=widths,
        freeze=(1, 2),
        autofilter=(0, 0, len(rows) - 1, len(TRACKER_COLUMNS) - 1),
        landscape=True,
        repeat_rows=(0, 0),
        names=TRACKER_NAMES,
    )


# ---------------------------------------------------------------- reading the copies


def copy_paths(inputs: list[Path]) -> list[Path]:
    """The copies named, a folder standing for its workbooks (by name; lock and hidden files left out)."""
    paths: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in (".xlsx", ".xlsm") and not p.name.startswith(("~$", "."))
            )
            if not found:
                raise ParcomError("collect_no_copies", file=str(path))
            paths += found
        elif not path.exists():
            raise ParcomError("collect_missing_copy", file=str(path))
        else:
            paths.append(path)
    return paths


def _check(identity: Identity | None, path: Path, master: Book, known: dict[str, Any]) -> Identity:
    if identity is None:
        raise ParcomError("collect_not_a_copy", file=path.name, master=master.file)
    if identity.master != master_id(master.settings):
        raise ParcomError("collect_other_master", file=path.name, master=master.file, unit=identity.unit)
    if fold(identity.unit) not in known:
        raise ParcomError("collect_unknown_unit", file=path.name, master=master.file, unit=identity.unit)
    return identity


def read_copies(
    paths: list[Path], master: Book, tracks: list[Track]
) -> tuple[Round, list[tuple[Identity, Book]]]:
    from .io.files import FileAdapter

    known = {fold(clean(str(r.values["unit_id"]))): r for r in master.records["units"] if r.values["unit_id"]}
    read = []
    for path in paths:
        identity = _check(read_identity(FileAdapter(path)), path, master, known)
        read.append((identity, read_book(path, path.name)))
    rounds = {i.round for i, _ in read}
    if len(rounds) > 1:
        first, other = sorted(rounds, key=lambda r: r.order)[:2]
        files = [b.file for i, b in read if i.round == other]
        raise ParcomError("collect_two_rounds", file=files[0], round=other.key, other=first.key)
    round_ = rounds.pop()
    latest = max((Round.parse(t.round) for t in tracks), key=lambda r: r.order, default=None)
    if latest is not None and latest.order > round_.order:
        raise ParcomError("collect_old_round", file=read[0][1].file, round=round_.key, latest=latest.key)
    return round_, read


# ---------------------------------------------------------------- uniting the rows


def _codes(value: Any) -> set[str]:
    return {fold(p) for p in re.split(r"[;,\n]", str(value or "")) if p.strip()}


def _owned(record: Record, unit: str, staff: set[str]) -> bool:
    """Whether a row is the unit's own (the unit is the source of its values)."""
    values = {k: fold(clean(str(v))) if v is not None else "" for k, v in record.values.items()}
    key = record.sheet.key
    if key in ("units", "staff", "results"):
        return values.get("unit_id") == unit
    if key == "ratings":
        return values.get("staff_id") in staff
    if key == "initiatives":
        return values.get("unit_id") == unit or bool(_codes(record.values.get("authors")) & staff)
    return False


def _filled(record: Record) -> bool:
    """A row the unit filled: something beyond its key and unit (the prefilled empty rows are not)."""
    skip = {*record.sheet.primary_key, "unit_id"} if record.sheet.primary_key else set()
    return any(not _blank(v) for k, v in record.values.items() if k not in skip)


def fingerprint(book: Book) -> str:
    rows = sorted(repr((s.key, r.norm)) for s in MERGED_SHEETS for r in book.records[s.key] if _filled(r))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


@dataclass
class _State:
    rows: dict[str, dict[tuple, Record]]
    conflicts: dict[str, list[Conflict]]


def _unit_staff(state: _State, copy: Book, unit: str) -> set[str]:
    people = [*state.rows["staff"].values(), *copy.records["staff"]]
    return {fold(clean(str(r.values["staff_id"]))) for r in people if _owned(r, unit, set())}


def _apply(state: _State, copy: Book, unit: str, earlier: set[str], outcome: CopyOutcome) -> None:
    """Unite one copy's rows with the master's (see the module's docstring)."""
    staff = _unit_staff(state, copy, unit)
    for sheet in MERGED_SHEETS:
        table = state.rows[sheet.key]
        keys = set()
        for record in (r for r in copy.records[sheet.key] if _filled(r)):
            record.sources = [copy.file]
            keys.add(record.key)
            kept = table.get(record.key)
            if kept is None:
                table[record.key] = record
                outcome.added += 1
            elif kept.norm == record.norm:
                continue
            elif _owned(kept, unit, staff) and _owned(record, unit, staff):
                table[record.key] = record
                outcome.changed += 1
            else:
                columns = [c for i, c in enumerate(sheet.columns) if kept.norm[i] != record.norm[i]]
                state.conflicts[sheet.key] += [Conflict(kept, record, c) for c in columns]
                outcome.conflicts += 1
        for key, kept in list(table.items()):  # what an earlier copy of the unit brought, now gone
            if key not in keys and kept.sources and set(kept.sources) <= earlier:
                del table[key]
                outcome.changed += 1


def _status_of(text: Any) -> str | None:
    labels = {fold(render(f"track.status.{s}", lang)): s for s in STATUSES for lang in C.LANGS}
    return labels.get(fold(str(text or "")))


def _settle(
    tracks: list[Track], units: list[Record], round_: Round, deadline: date | None, today: date
) -> None:
    """A row for every unit of the master in the round, each with its status of today."""
    have = {(fold(t.unit), t.round) for t in tracks}
    for unit in units:
        code = clean(str(unit.values["unit_id"]))
        if (fold(code), round_.key) not in have:
            tracks.append(Track(code, clean(str(unit.values["unit_name"] or "")), round_.key))
    for t in tracks:
        if t.round != round_.key:
            continue
        if t.times:
            t.status = "again" if t.times > 1 else "in"
            late = (t.received - deadline).days if deadline and t.received else 0
            t.late = late if late > 0 else None
        else:
            t.status = "overdue" if deadline is not None and today > deadline else "missing"
            t.late = None


def collect(master: Path, inputs: list[Path], *, today: date | None = None) -> Collected:
    """Merge the units' copies into `master` itself; nothing is written when nothing changed."""
    from .awards import guard
    from .outputs import log_sheet
    from .values import date_or_none

    today = today or date.today()
    master = Path(master)
    unchanged = guard(master)
    book = read_book(master, master.name)
    paths = [p for p in copy_paths(inputs) if not _same(p, master)]
    if not paths:
        raise ParcomError("collect_no_copies", file=", ".join(str(p) for p in inputs))
    tracks = read_tracker(book)
    before = [repr(vars(t)) for t in tracks]
    round_, copies = read_copies(paths, book, tracks)
    state = _State(
        {s.key: {r.key: r for r in book.records[s.key]} for s in MERGED_SHEETS},
        {s.key: [] for s in MERGED_SHEETS},
    )
    outcomes = []
    for identity, copy in copies:
        track = _find(tracks, identity.unit, book, round_)
        outcome = CopyOutcome(copy.file, track.unit, "again" if track.times else "in")
        print_ = fingerprint(copy)
        if track.fingerprint == print_:
            outcome.outcome = "same"
        else:
            earlier = {f for t in tracks if fold(t.unit) == fold(track.unit) for f in t.files}
            _apply(state, copy, fold(clean(track.unit)), earlier, outcome)
            track.times += 1
            track.file, track.received, track.fingerprint = copy.file, today, print_
            track.added, track.changed, track.conflicts = outcome.added, outcome.changed, outcome.conflicts
            track.files = [*track.files, copy.file] if copy.file not in track.files else track.files
        outcomes.append(outcome)
    deadline = date_or_none(book.settings.get("report_deadline", (None, ""))[0])
    _settle(tracks, book.records["units"], round_, deadline, today)
    changed = any(o.outcome != "same" for o in outcomes) or [repr(vars(t)) for t in tracks] != before
    problems: list[Problem] = []
    if changed:
        merges = []
        for sheet in MERGED_SHEETS:
            rows = sorted(state.rows[sheet.key].values(), key=lambda r: tuple(_order(v) for v in r.key))
            alive = {id(r) for r in rows}
            merges.append(
                SheetMerge(
                    sheet, rows, conflicts=[c for c in state.conflicts[sheet.key] if id(c.kept) in alive]
                )
            )
        sheets = [tracker_sheet(tracks, book.lang)]
        if book.log_rows:
            sheets.append(log_sheet(book.log_rows[:-1], book.log_rows[-1], book.lang))
        problems = build_master(master, merges, book, book.lang, [], sheets, unchanged)
    return Collected(master, round_, outcomes, tracks, problems, changed, book.lang)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _find(tracks: list[Track], unit: str, book: Book, round_: Round) -> Track:
    for t in tracks:
        if fold(t.unit) == fold(unit) and t.round == round_.key:
            return t
    row = next(r for r in book.records["units"] if fold(clean(str(r.values["unit_id"]))) == fold(unit))
    track = Track(clean(str(row.values["unit_id"])), clean(str(row.values["unit_name"] or "")), round_.key)
    tracks.append(track)
    return track


def collect_text(result: Collected, lang: str) -> str:
    """What the console says of a collect: each copy, the units not yet in, what was written."""
    from .merge import SOURCE_HEADER
    from .report import problem_lines

    lines = [
        render(
            f"collect.copy_{o.outcome}",
            lang,
            file=o.file,
            unit=o.unit,
            added=o.added,
            changed=o.changed,
            conflicts=o.conflicts,
        )
        for o in result.copies
    ]
    label = result.round.label(lang)
    missing = result.missing
    units = [
        Msg("collect.overdue", {"unit": f"{t.name} ({t.unit})"})
        if t.status == "overdue"
        else f"{t.name} ({t.unit})"
        for t in missing
    ]
    if missing:
        lines.append(render("collect.missing", lang, round=label, count=len(missing), units=units))
    else:
        count = sum(1 for t in result.tracks if t.round == result.round.key)
        lines.append(render("collect.all_in", lang, round=label, count=count))
    if result.problems:
        lines += ["", *problem_lines(result.problems, lang, limit=len(result.problems)), ""]
    facts = {"file": result.master, "sheet": tracker_name(result.book_lang)}
    if not result.written:
        lines.append(render("collect.unchanged", lang, file=result.master))
    elif result.errors:
        errors, column = C.output_name("errors", result.book_lang), SOURCE_HEADER[result.book_lang]
        lines.append(
            render(
                "collect.written_conflicts",
                lang,
                count=len(result.errors),
                errors=errors,
                column=column,
                **facts,
            )
        )
    else:
        lines.append(render("collect.written", lang, **facts))
    return "\n".join(lines)
