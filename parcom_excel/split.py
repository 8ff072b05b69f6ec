"""`parcom split`: one workbook per unit, made from the master, for the unit to fill and send back.

Each copy is a template build (`template.build_template`, as the merged master is) holding only
the unit's rows: its unit row and staff, a row to rate for each staff member and year of the
round (the master's rating when it has one), a row per year in the unit results, its initiatives
and discipline records. Settings and the unit's row are locked (sheet protection, a password only
when the `copy_password` setting gives one); the guide starts with what the unit has to fill in
and by when; a very hidden sheet carries the copy's identity (unit, master, round) that
`merge.collect` checks. The master is only read.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import contract as C
from .i18n import Msg, render
from .io.safety import keep_apart, name_digest
from .problems import ParcomError
from .text import clean, fold
from .values import date_or_none

IDENTITY_SHEET = "_parcom_copy"  # very hidden; one "key | value" row per fact
IDENTITY_MARK = "parcom-copy-1"  # its A1: what the sheet is and the layout's version
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


# ---------------------------------------------------------------- the round and the identity


@dataclass(frozen=True)
class Round:
    """The report round a copy is for: a year, a half of a year, or the settings' whole period."""

    first: int
    last: int
    half: int | None = None

    @property
    def key(self) -> str:
        if self.half:
            return f"{self.first}-H{self.half}"
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)

    @property
    def order(self) -> tuple[int, int, int]:
        return (self.last, self.half or 3, -self.first)

    def label(self, lang: str) -> str:
        if self.half:
            return render(f"split.round_half{self.half}", lang, year=self.first)
        if self.first == self.last:
            return render("split.round_year", lang, year=self.first)
        return render("split.round_period", lang, first=self.first, last=self.last)

    @classmethod
    def parse(cls, text: Any) -> Round | None:
        found = re.fullmatch(r"(\d{4})(?:-H([12])|-(\d{4}))?", str(text or "").strip())
        if not found:
            return None
        first = int(found.group(1))
        if found.group(2):
            return cls(first, first, int(found.group(2)))
        return cls(first, int(found.group(3) or first))


def master_id(settings: dict[str, tuple[Any, str]]) -> str:
    """A master's identity, from what names it: its agency, parent agency and movement."""
    parts = []
    for key in ("parent_agency", "agency", "movement"):
        value = settings.get(key, (C.SETTINGS_BY_KEY[key].default, ""))[0]
        parts.append(fold(clean(str(value or ""))))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Identity:
    unit: str
    master: str
    round: Round
    made: str


def read_identity(adapter: Any) -> Identity | None:
    """The identity a unit's copy carries, or None for a workbook `split` did not make."""
    name = next((n for n in adapter.sheet_names() if n == IDENTITY_SHEET), None)
    if name is None:
        return None
    rows = adapter.grid(name).values
    if not rows or not rows[0] or rows[0][0] != IDENTITY_MARK:
        return None
    facts = {str(r[0]): ("" if len(r) < 2 or r[1] is None else str(r[1])) for r in rows[1:] if r and r[0]}
    round_ = Round.parse(facts.get("round"))
    if not facts.get("unit") or not facts.get("master") or round_ is None:
        return None
    return Identity(facts["unit"], facts["master"], round_, facts.get("made", ""))


# ---------------------------------------------------------------- choosing the rows


def _code(value: Any) -> str:
    return fold(clean(str(value))) if value is not None else ""


def _year(value: Any) -> int | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def _on_staff(values: dict[str, Any], year: int) -> bool:
    joined, left = date_or_none(values.get("joined")), date_or_none(values.get("left"))
    return (joined is None or joined <= date(year, 12, 31)) and (left is None or left >= date(year, 1, 1))


def judged_as_collective(kind: Any) -> bool:
    """Whether a unit of this kind (as typed) is judged as a collective: every kind but the
    leadership's (contract.COLLECTIVE_KINDS); a kind that does not read as one is taken as judged."""
    parsed = C.UNIT_KIND.parse(clean(str(kind))) if kind not in (None, "") else None
    return parsed is None or parsed in C.COLLECTIVE_KINDS


def unit_tables(book: Any, code: str, round_: Round) -> dict[str, list[dict[str, Any]]]:
    """The unit's rows of every sheet it fills, as the template builder takes them."""
    from .merge import written

    def rows(key: str) -> list[Any]:
        return book.records[key]

    def out(record: Any) -> dict[str, Any]:
        return {col.key: written(col, record.values[col.key]) for col in record.sheet.columns}

    unit = _code(code)
    own = [r for r in rows("units") if _code(r.values["unit_id"]) == unit]
    collective = judged_as_collective(own[0].values.get("unit_kind") if own else None)
    staff = [r for r in rows("staff") if _code(r.values["unit_id"]) == unit]
    staff_ids = {_code(r.values["staff_id"]) for r in staff}
    ratings = {(_code(r.values["staff_id"]), _year(r.values["year"])): r for r in rows("ratings")}
    results = {(_code(r.values["unit_id"]), _year(r.values["year"])): r for r in rows("results")}
    tables: dict[str, list[dict[str, Any]]] = {
        "units": [out(r) for r in own],
        "staff": [out(r) for r in staff],
        "ratings": [],
        "results": [],
    }
    for year in round_.years:
        for person in staff:
            pid = person.values["staff_id"]
            if not _on_staff(person.values, year):
                continue
            found = ratings.get((_code(pid), year))
            tables["ratings"].append(out(found) if found else {"year": year, "staff_id": clean(str(pid))})
        found = results.get((unit, year))
        if found or collective:  # the leadership's unit has no results to fill (plan §III.1)
            tables["results"].append(out(found) if found else {"year": year, "unit_id": code})

    def authors(record: Any) -> set[str]:
        return {_code(a) for a in re.split(r"[;,\n]", str(record.values.get("authors") or "")) if a.strip()}

    tables["initiatives"] = [
        out(r) for r in rows("initiatives") if _code(r.values["unit_id"]) == unit or authors(r) & staff_ids
    ]
    tables["discipline"] = [
        out(r)
        for r in rows("discipline")
        if _code(r.values["unit_id"]) == unit or _code(r.values["staff_id"]) in staff_ids
    ]
    return tables


# ---------------------------------------------------------------- writing a copy


NAME_BYTES = 90  # UTF-8 bytes of a unit's name in its copy's file name
CODE_BYTES = 40  # and of its code; a longer part is cut and ends in a hash of the whole


def _part(text: str, limit: int) -> str:
    """Text as part of a file name: Vietnamese letters kept (NFC), the characters a file name
    refuses as "-", at most `limit` bytes of UTF-8 (a longer text cut, then "~" and a hash)."""
    whole = unicodedata.normalize("NFC", clean(text))
    word = _UNSAFE.sub("-", whole).strip(" .-") or "x"
    if len(word.encode("utf-8")) <= limit:
        return word
    cut = word.encode("utf-8")[: limit - 7].decode("utf-8", "ignore").rstrip(" .-")
    return f"{cut}~{name_digest(whole)}"


def copy_names(units: list[tuple[str, str]], lang: str = "vi") -> tuple[dict[str, str], list[str]]:
    """Each unit's copy file name, "CODE - Name.xlsx": readable, bounded in length; units whose
    names still meet (once case and accent form are folded, as Windows folds them) each get a
    suffix from their own code, and a note names them all. `units`: (code, name)."""
    stems = {code: f"{_part(code, CODE_BYTES)} - {_part(name, NAME_BYTES)}" for code, name in units}
    notes = []
    for codes in keep_apart(stems, lambda code, stem: f"{stem} ({name_digest(code)})"):
        files = ", ".join(f"{code} → {stems[code]}.xlsx" for code in codes)
        notes.append(render("split.names_collide", lang, codes=", ".join(codes), files=files))
    return {code: f"{stem}.xlsx" for code, stem in stems.items()}, notes


def preface(unit: dict[str, Any], round_: Round, deadline: date | None, lang: str) -> list[str]:
    """The first lines of the copy's guide: whose copy, which round, what to fill in, by when."""
    names = {key: C.SHEETS[key].name(lang) for key in ("staff", "ratings", "results", "initiatives")}
    names |= {"discipline": C.SHEETS["discipline"].name(lang), "units": C.UNITS.name(lang)}
    names["settings"] = C.SETTINGS_SHEET.name(lang)
    due = Msg("split.guide_due", {"date": deadline}) if deadline else Msg("split.guide_no_due")
    return [
        render(
            "split.guide_title", lang, name=unit["unit_name"], code=unit["unit_id"], round=round_.label(lang)
        ),
        render("split.guide_deadline", lang, due=due),
        render(
            "split.guide_fill" if judged_as_collective(unit.get("unit_kind")) else "split.guide_fill_leaders",
            lang,
            **names,
        ),
        render("split.guide_locked", lang, **names),
    ]


def _finish(identity: dict[str, str], password: str | None, lang: str):
    def finish(book: Any) -> None:
        for sheet in (C.SETTINGS_SHEET, C.UNITS):
            ws = book.get_worksheet_by_name(sheet.name(lang))
            ws.protect(password or "", {"autofilter": True, "sort": True})
        ws = book.add_worksheet(IDENTITY_SHEET)
        ws.write_string(0, 0, IDENTITY_MARK)
        for row, (key, value) in enumerate(identity.items(), start=1):
            ws.write_string(row, 0, key)
            ws.write_string(row, 1, value)
        ws.very_hidden()

    return finish


@dataclass
class SplitResult:
    round: Round
    files: list[tuple[str, Path]]  # unit code, copy written
    notes: list[str] = field(default_factory=list)  # rendered sentences for the user


def _round(book: Any, year: int | None, half: int | None) -> Round:
    if year is not None:
        return Round(year, year, half)
    values = {}
    for key in ("from_year", "to_year"):
        value, cell = book.settings.get(key, (None, ""))
        values[key] = _year(value)
        if values[key] is None:
            raise ParcomError(
                "split_no_year", file=book.file, sheet=book.settings_sheet, cell=cell or None, value=value
            )
    if half is not None:
        return Round(values["to_year"], values["to_year"], half)
    return Round(values["from_year"], values["to_year"])


def split(
    master: Path,
    out: Path,
    *,
    units: list[str] | None = None,
    year: int | None = None,
    half: int | None = None,
    lang: str = "vi",
    force: bool = False,
) -> SplitResult:
    """Write one copy per unit of `master` into the folder `out`; the master is only read."""
    from .merge import master_settings, read_book

    book = read_book(Path(master), Path(master).name)
    round_ = _round(book, year, half)
    known = {_code(r.values["unit_id"]): r for r in book.records["units"] if r.values["unit_id"]}
    if not known:
        raise ParcomError("split_no_units", file=book.file, sheet=C.UNITS.name(book.lang))
    wanted = [_code(u) for u in units] if units else list(known)
    unknown = [u for u, w in zip(units or [], wanted, strict=False) if w not in known]
    if unknown:
        listed = ", ".join(clean(str(r.values["unit_id"])) for r in known.values())
        raise ParcomError("split_unknown_unit", file=book.file, codes=", ".join(unknown), known=listed)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ParcomError("not_writable", file=str(out), detail=render("split.not_folder", lang))
    chosen = [known[code] for code in dict.fromkeys(wanted)]
    names, notes = copy_names(
        [(clean(str(r.values["unit_id"])), str(r.values["unit_name"] or "")) for r in chosen], lang
    )
    ident_master = master_id(book.settings)
    earlier = _earlier_copies(out, ident_master, {_code(r.values["unit_id"]) for r in chosen})
    if not force:
        present = [out / n for n in names.values() if (out / n).exists()] + [out / n for n in earlier]
        if present:
            raise ParcomError("exists", file=str(present[0]))
    settings = master_settings(book)
    deadline = date_or_none(book.settings.get("report_deadline", (None, ""))[0])
    password = book.settings.get("copy_password", (None, ""))[0]
    made = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    files: dict[str, Any] = {}
    written_files = []
    for record in chosen:
        tables = unit_tables(book, clean(str(record.values["unit_id"])), round_)
        unit = tables["units"][0]
        identity = {"unit": unit["unit_id"], "master": ident_master, "round": round_.key, "made": made}
        lines = preface(unit, round_, deadline, book.lang)
        name = names[clean(str(record.values["unit_id"]))]
        files[name] = _copy_writer(tables, settings, identity, lines, password, book.lang)
        written_files.append((unit["unit_id"], out / name))
    _write_all(out, files, earlier, lang)
    return SplitResult(round_, written_files, notes)


def _earlier_copies(out: Path, master: str, units: set[str]) -> set[str]:
    """The workbooks in `out` that an earlier split of this master made for these units (under
    whatever name they had then), and temp files a killed run of an older version left for them:
    the new set replaces them."""
    from .io.files import FileAdapter

    found: set[str] = set()
    if not out.is_dir():
        return found
    for path in out.iterdir():
        if path.suffix.lower() != ".xlsx" or path.name.startswith(("~$", ".")) or not path.is_file():
            continue
        try:
            identity = read_identity(FileAdapter(path))
        except Exception:  # a workbook we cannot read is not one of ours
            continue
        if identity is not None and identity.master == master and _code(identity.unit) in units:
            found.add(path.name)
    return found


def _write_all(out: Path, files: dict[str, Any], earlier: set[str], lang: str) -> None:
    """The copies as one set (io.safety.write_set): every copy replaced together, or none. A copy
    open in Excel is refused in the words of a workbook."""
    from .io.safety import write_set

    legacy = re.compile(r"^\.(.{1,40})\.[0-9a-f]{12}\.[A-Za-z0-9_]{8}\.parcom-tmp$")  # older versions' temps
    starts = {n[:40] for n in [*files, *earlier]}

    def ours(name: str) -> bool:
        found = legacy.match(name)
        return name in earlier or bool(found and found.group(1) in starts)

    try:
        write_set(out, files, ours=ours)
    except ParcomError as exc:
        if exc.code != "set_open_elsewhere":
            raise
        raise ParcomError("split_copy_open", file=exc.file, **exc.params) from exc


def _copy_writer(
    tables: dict[str, list[dict[str, Any]]],
    settings: dict[str, Any],
    identity: dict[str, str],
    lines: list[str],
    password: Any,
    lang: str,
):
    """What writes one unit's copy at the path it is given (verified to re-open)."""
    from .io.safety import verify_package
    from .sample import SampleData
    from .template import build_template

    sample = SampleData(tables=tables, settings=settings)
    secret = clean(str(password)) if password not in (None, "") else None

    def write(path: Path) -> None:
        build_template(path, lang=lang, sample=sample, preface=lines, finish=_finish(identity, secret, lang))
        verify_package(path, path.name)

    return write
