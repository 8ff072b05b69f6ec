"""`parcom merge`: unite the units' workbooks into one new master workbook.

Units fill their own copy of the standard template; the office merges them (SPEC §1). Rows are
united by each sheet's primary key (the discipline sheet has none: the whole row is its key).
Identical rows are kept once; rows with the same key and different values are never resolved
silently: the first source's row is kept, marked in the "Nguồn" column, and the conflict is
reported with both files and cells on stdout and in the master's "Lỗi dữ liệu" sheet (exit 1).

The master is always a NEW file built by `template.build_template` (tables, dropdowns, guide),
so it can be evaluated like any workbook. Rows are sorted by key, so merging the same books
again gives the same master.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import contract as C
from .addresses import col_index, col_letter, quote_sheet
from .i18n import Msg, render
from .problems import ERROR, WARNING, ParcomError, Problem
from .text import clean, fold

SOURCE_HEADER = dict(zip(C.LANGS, C.SOURCE_COLUMN, strict=True))
_SOURCE_KEYS = {fold(h) for h in SOURCE_HEADER.values()}
SOURCE_SEPARATOR = "; "
CONFLICT_MARK = " — "  # what follows it in a Nguồn cell is the conflict note, not a source


# The units' sheets; the council votes in the master, so its sheet is not united.
MERGED_SHEETS = tuple(sheet for sheet in C.DATA_SHEETS if sheet.key != "council")


# ---------------------------------------------------------------- comparing values


def _typed(column: C.Column, value: Any) -> tuple[bool, Any]:
    """(ok, value as validation reads it); lists become tuples so they can be compared."""
    from .values import BAD, typer  # one reading of a cell for validation and merge

    typed = typer(column)(value)
    if typed is BAD:
        return False, None
    if isinstance(typed, list):
        typed = tuple(typed)
    return True, typed


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def normalized(column: C.Column, value: Any) -> Any:
    """The comparison form of a cell: what it means, not how it was typed."""
    if _blank(value):
        return None
    ok, typed = _typed(column, value)
    if not ok:
        return ("?", fold(str(value)))
    if column.type in (C.CODES, C.ENUM_LIST):
        return tuple(sorted(typed))  # the same authors or indexes in another order
    return typed  # codes compare without case, like validation does


def written(column: C.Column, value: Any) -> Any:
    """The value the master's builder takes: enum codes, tuples, numbers and dates; a value that
    does not parse is carried over as the unit typed it (Verbatim), so that evaluating the
    master points at it."""
    from .template import Verbatim

    if _blank(value):
        return None
    ok, typed = _typed(column, value)
    if column.type in (C.ENUM, C.ENUM_LIST):
        return typed if ok else Verbatim(_plain(value))
    if column.type == C.CODES:
        parts = [p.strip() for p in clean(_text(value)).replace(",", ";").replace("\n", ";").split(";")]
        return tuple(p for p in parts if p)
    if column.type in (C.INT, C.YEAR, C.DATE):
        return typed if ok else _plain(value)
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value)) if isinstance(value, str) else str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _display(value: Any) -> str:
    from .i18n import fmt as _fmt

    return "" if value is None else _fmt(_plain(value))


def _order(value: Any) -> tuple:
    """A sort token for any normalized value (None first, then numbers, dates, text)."""
    if value is None:
        return (0, "")
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, (int, float)):
        return (1, value)
    if hasattr(value, "isoformat"):
        return (2, value.isoformat())
    if isinstance(value, tuple):
        return (3, tuple(_order(v) for v in value))
    return (4, str(value).casefold(), str(value))


# ---------------------------------------------------------------- records


@dataclass
class Record:
    """One data row of one input book."""

    sheet: C.Sheet
    values: dict[str, Any]  # column key -> raw value
    norm: tuple  # normalized values in contract column order
    key: tuple
    file: str  # how the book is named in messages
    sheet_name: str  # the sheet's real name in that book
    row: int  # Excel row in that book
    letters: dict[str, str]  # column key -> letter in that book
    sources: list[str]  # the files the row came from (a master's Nguồn, or this book)
    conflicts: list[str] = field(default_factory=list)  # notes for the Nguồn cell

    def cell(self, column: str) -> str:
        letter = self.letters.get(column) or next(iter(self.letters.values()), "A")
        return f"{self.file} {quote_sheet(self.sheet_name)}!{letter}{self.row}"


@dataclass
class Book:
    path: Path
    file: str
    lang: str
    settings: dict[str, tuple[Any, str]]
    settings_sheet: str
    records: dict[str, list[Record]]
    log_rows: list[list[Any]] = field(default_factory=list)  # its Nhật ký, kept by `collect`
    adapter: Any = None


def _source_values(adapter: Any, table: Any) -> list[str | None]:
    """The Nguồn column of a table, when the book is an earlier master; else Nones."""
    letter = next((v for k, v in table.extra.items() if fold(k) in _SOURCE_KEYS), None)
    if letter is None:
        return [None] * len(table.rows)
    grid = adapter.grid(table.sheet)
    col = col_index(letter) - (grid.left - 1)
    out: list[str | None] = []
    for row in table.rows:
        r = row - grid.top
        cells = grid.values[r] if 0 <= r < len(grid.values) else []
        value = cells[col] if 0 <= col < len(cells) else None
        out.append(None if _blank(value) else str(value))
    return out


def _split_sources(text: str | None) -> list[str]:
    if not text:
        return []
    text = text.split(CONFLICT_MARK, 1)[0]
    return [part.strip() for part in text.split(SOURCE_SEPARATOR.strip()) if part.strip()]


def read_book(path: Path, file: str) -> Book:
    """Read one unit's workbook (or an earlier master) into records; ParcomError if unusable."""
    from .io.files import FileAdapter
    from .reader import read_inputs

    adapter = FileAdapter(path)
    inputs = read_inputs(adapter)
    records: dict[str, list[Record]] = {}
    for sheet in C.DATA_SHEETS:  # the council's rows are read too: the master keeps them
        table = inputs.tables[sheet.key]
        sources = _source_values(adapter, table)
        rows = []
        for i, excel_row in enumerate(table.rows):
            values = {col.key: table.data.get(col.key, [None] * len(table.rows))[i] for col in sheet.columns}
            norm = tuple(normalized(col, values[col.key]) for col in sheet.columns)
            rows.append(
                Record(
                    sheet,
                    values,
                    norm,
                    _key(sheet, norm),
                    file,
                    table.sheet,
                    excel_row,
                    dict(table.columns),
                    _split_sources(sources[i]) or [file],
                )
            )
        records[sheet.key] = rows
    book = Book(path, file, inputs.lang, inputs.settings, inputs.settings_sheet, records, inputs.log_rows)
    book.adapter = adapter
    return book


def _key(sheet: C.Sheet, norm: tuple) -> tuple:
    if sheet.primary_key:
        positions = [i for i, col in enumerate(sheet.columns) if col.key in sheet.primary_key]
        key = tuple(norm[i] for i in positions)
        if all(part is not None for part in key):
            return (1, *key)
    return (0, *norm)  # no key (discipline), or a key left blank: the whole row is the key


# ---------------------------------------------------------------- merging


@dataclass
class Conflict:
    kept: Record
    other: Record
    column: C.Column


@dataclass
class SheetMerge:
    sheet: C.Sheet
    records: list[Record]  # kept rows, sorted by key
    read: int = 0  # rows read from every book
    identical: int = 0  # identical duplicates dropped
    conflicts: list[Conflict] = field(default_factory=list)


def merge_records(sheet: C.Sheet, groups: list[list[Record]]) -> SheetMerge:
    """Unite the rows of every book (in order); the first row of a key wins, conflicts are kept."""
    kept: dict[tuple, Record] = {}
    result = SheetMerge(sheet, [])
    for records in groups:
        for record in records:
            result.read += 1
            first = kept.get(record.key)
            if first is None:
                kept[record.key] = record
                continue
            if first.norm == record.norm:
                result.identical += 1
                for source in record.sources:
                    if source not in first.sources:
                        first.sources.append(source)
                continue
            for i, column in enumerate(sheet.columns):
                if first.norm[i] != record.norm[i]:
                    result.conflicts.append(Conflict(first, record, column))
    result.records = sorted(kept.values(), key=lambda r: tuple(_order(v) for v in r.key))
    return result


def _key_text(record: Record) -> str:
    sheet = record.sheet
    keys = sheet.primary_key or tuple(col.key for col in sheet.columns)
    return " / ".join(_display(record.values[k]) for k in keys if not _blank(record.values[k]))


def _shown(value: Any, lang: str) -> str:
    return render("merge.blank", lang) if _blank(value) else _display(value)


def conflict_problem(conflict: Conflict, lang: str, master_sheet: str, master_cell: str) -> Problem:
    sheet, kept, other = conflict.kept.sheet, conflict.kept, conflict.other
    key_label = " + ".join(sheet.column(k).label(lang) for k in sheet.primary_key) or sheet.name(lang)
    return Problem(
        "merge_conflict",
        ERROR,
        master_sheet,
        master_cell,
        _key_text(kept),
        {
            "key_label": key_label,
            "column": conflict.column.label(lang),
            "first": kept.cell(conflict.column.key),
            "second": other.cell(conflict.column.key),
            "first_value": _shown(kept.values[conflict.column.key], lang),
            "second_value": _shown(other.values[conflict.column.key], lang),
            "first_file": kept.file,
        },
    )


def setting_problems(source: Book, others: list[Book], lang: str, master_sheet: str) -> list[Problem]:
    """A warning for each setting another book sets differently from the one the master uses."""
    problems = []
    for setting in C.SETTINGS:
        if setting.key not in source.settings:
            continue
        value, cell = source.settings[setting.key]
        for book in others:
            if setting.key not in book.settings:
                continue
            other, other_cell = book.settings[setting.key]
            if _setting_norm(setting, value) != _setting_norm(setting, other):
                problems.append(
                    Problem(
                        "merge_setting_differs",
                        WARNING,
                        master_sheet,
                        None,
                        _display(value),
                        {
                            "name": setting.label(lang),
                            "other_value": _display(other),
                            "source": f"{source.file} {quote_sheet(source.settings_sheet)}!{cell}",
                            "other": f"{book.file} {quote_sheet(book.settings_sheet)}!{other_cell}",
                        },
                    )
                )
    return problems


def _setting_norm(setting: C.Setting, value: Any) -> Any:
    if _blank(value):
        return None
    if setting.type == "enum" and setting.enum:
        return C.ENUMS[setting.enum].parse(_text(value)) or fold(_text(value))
    if setting.type == "keys":
        return tuple(fold(p) for p in _text(value).split(";") if p.strip())
    return fold(_text(value))


def master_settings(book: Book) -> dict[str, Any]:
    """The master's settings, from the chosen book: codes where they parse, else as typed."""
    from .template import Verbatim

    values: dict[str, Any] = {}
    for setting in C.SETTINGS:
        if setting.key not in book.settings:
            continue
        value = book.settings[setting.key][0]
        if _blank(value):
            values[setting.key] = Verbatim(None)
        elif setting.type == "enum" and setting.enum:
            code = C.ENUMS[setting.enum].parse(_text(value))
            values[setting.key] = Verbatim(_plain(value)) if code is None else code
        elif setting.type in ("int", "year"):
            values[setting.key] = _plain(value)
        elif setting.type == "date":  # a date stays a date (the sheet holds it as a serial number)
            from .values import date_or_none

            day = date_or_none(value)
            values[setting.key] = day if day is not None else Verbatim(_plain(value))
        else:
            values[setting.key] = _text(value) if isinstance(value, (str, float)) else value
    return values


# ---------------------------------------------------------------- writing the master


def _source_text(record: Record) -> str:
    text = SOURCE_SEPARATOR.join(record.sources)
    if record.conflicts:
        text += CONFLICT_MARK + SOURCE_SEPARATOR.join(record.conflicts)
    return text


def build_master(
    path: Path,
    merges: list[SheetMerge],
    settings_book: Book,
    lang: str,
    extra_problems: list[Problem],
    sheets: list[Any] | None = None,
    unchanged: Any = None,
) -> list[Problem]:
    """Write the master at `path` atomically; return the problems (conflicts) it reports.

    One template build writes the tables (with their Nguồn column), the settings and the council's
    rows of the book the settings come from (the meeting and its votes stay together: a unit's
    copy never carries votes); the error list, when there is one, and `sheets` (the tracker,
    the log) are written by the file adapter, as `parcom evaluate` writes its sheets."""
    from .io.safety import atomic_write
    from .sample import SampleData
    from .template import build_template

    for merge in merges:  # the conflict notes go into the Nguồn cells
        for record in merge.records:
            record.conflicts.clear()
        for conflict in merge.conflicts:
            conflict.kept.conflicts.append(
                render(
                    "merge.conflict_note",
                    lang,
                    word=C.CONFLICT_WORDS[C.LANGS.index(lang)],
                    column=conflict.column.label(lang),
                    other=conflict.other.cell(conflict.column.key),
                )
            )
    council = settings_book.records.get("council", [])
    sample = SampleData(
        tables={
            m.sheet.key: [
                {col.key: written(col, r.values[col.key]) for col in m.sheet.columns} for r in m.records
            ]
            for m in merges
        }
        | {"council": [{c.key: written(c, r.values[c.key]) for c in C.COUNCIL.columns} for r in council]},
        settings=master_settings(settings_book),
        sources={m.sheet.key: [_source_text(r) for r in m.records] for m in merges},
    )
    problems: list[Problem] = []
    for merge in merges:
        rows = {id(record): row for row, record in enumerate(merge.records, start=2)}  # under the header
        letters = {col.key: col_letter(i) for i, col in enumerate(merge.sheet.columns)}
        for conflict in merge.conflicts:
            cell = f"{letters[conflict.column.key]}{rows[id(conflict.kept)]}"
            problems.append(conflict_problem(conflict, lang, merge.sheet.name(lang), cell))
    problems.extend(extra_problems)

    def write(tmp: Path) -> None:
        build_template(tmp, lang=lang, sample=sample)
        outputs = list(sheets or [])
        if problems:
            from .outputs import errors_sheet

            outputs.insert(0, errors_sheet(problems, lang, None, path.name))
        if outputs:
            from .io.files import FileAdapter

            FileAdapter(tmp).write(outputs)

    atomic_write(path, write, unchanged)
    return problems


# ---------------------------------------------------------------- the command


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _names(paths: list[Path]) -> list[str]:
    """How each book is named in messages: its file name, or its path where names repeat."""
    names = [p.name for p in paths]
    return [p.name if names.count(p.name) == 1 else str(p) for p in paths]


@dataclass
class MergeResult:
    """What a merge did: the book whose settings the master took, each sheet's merge, and the
    master's problems (conflicts are errors)."""

    master: Path
    settings_book: Book
    from_into: bool
    merges: list[SheetMerge]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def _check_target(inputs: list[Path], master: Path, force: bool, lang: str) -> None:
    if master.suffix.lower() != ".xlsx":
        raise ParcomError("bad_option", detail=f"-o {master} (.xlsx)")
    for path in inputs:
        if _same_file(path, master):
            raise ParcomError("merge_output_is_input", file=str(master))
    if master.is_dir():
        raise ParcomError("not_writable", file=str(master), detail=render("merge.is_folder", lang))
    if master.exists() and not force:
        raise ParcomError("exists", file=str(master))
    if not master.parent.is_dir():
        raise ParcomError("not_writable", file=str(master), detail=render("merge.no_folder", lang))
    from .io.safety import hold_lock, lock_file

    lock = lock_file(master)  # a master written over (--force) must not be open in Excel
    if lock is not None:
        raise ParcomError("book_open_in_excel", file=master.name, lock=lock.name)
    hold_lock(master)  # two runs never write one master at once (released at the command's end)


def merge_books(
    books: list[Path], master: Path, *, into: Path | None = None, force: bool = False, lang: str = "vi"
) -> MergeResult:
    """Merge the units' workbooks (same template) into a new master workbook at `master`."""
    inputs: list[Path] = []
    for path in ([into] if into is not None else []) + list(books):
        if not any(_same_file(path, seen) for seen in inputs):
            inputs.append(path)
    _check_target(inputs, master, force, lang)
    loaded = [read_book(path, name) for path, name in zip(inputs, _names(inputs), strict=True)]
    merges = [merge_records(sheet, [book.records[sheet.key] for book in loaded]) for sheet in MERGED_SHEETS]
    settings_book = loaded[0]
    warnings = setting_problems(settings_book, loaded[1:], lang, C.SETTINGS_SHEET.name(lang))
    problems = build_master(master, merges, settings_book, lang, warnings)
    return MergeResult(master, settings_book, into is not None, merges, problems)


def merge_text(result: MergeResult, lang: str) -> str:
    """What the console says of a merge."""
    from .report import problem_lines

    which = Msg("merge.from_into" if result.from_into else "merge.from_first")
    lines = [render("merge.settings_from", lang, file=result.settings_book.file, which=which)]
    for merge in result.merges:
        name = merge.sheet.name(lang)
        facts = {"rows": len(merge.records), "read": merge.read, "identical": merge.identical}
        lines.append(render("merge.sheet_line", lang, sheet=name, conflicts=len(merge.conflicts), **facts))
    if result.problems:
        lines += ["", *problem_lines(result.problems, lang, limit=len(result.problems)), ""]
    if result.errors:
        sheet, column = C.output_name("errors", lang), SOURCE_HEADER[lang]
        count = len(result.errors)
        facts = {"file": result.master, "count": count, "sheet": sheet, "column": column}
        lines.append(render("merge.written_conflicts", lang, **facts))
    else:
        lines.append(render("merge.written", lang, file=result.master))
    return "\n".join(lines)
