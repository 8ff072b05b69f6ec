"""Output sheets as adapter-neutral `OutputSheet`s: results, nominations, dashboard, errors, log.

Each table is a declared list of columns (`model.Column`): widths, frozen panes, filters and print
titles come from it. The nomination list's columns are declared in `nominations.py`, which the
Word list reads too.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from . import __version__
from . import contract as C
from .addresses import quote_sheet, split_cell
from .i18n import Msg, fmt, render
from .model import Cell, Chart, Column, OutputSheet, Table
from .nominations import NOMINATION_COLUMNS, council_word, flagged, nominees
from .printing import (
    LANDSCAPE_HEIGHT_PT,
    fit_across,
    fit_heights,
    page_breaks,
    print_scale,
)
from .problems import Problem, sort_key
from .rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, MET, MISSING, UNMET
from .rules.evaluate import Evaluation
from .rules.kinds import Criterion
from .rules.ranking import Candidate

STATUS_STYLE = {MET: "met", UNMET: "unmet", MISSING: "missing"}
MAX_SHEET_ROWS = 1_048_576  # rows of an Excel worksheet
AGENCY_RULE = "_" * 14  # about half the agency's name (Nghị định 30/2020, Phụ lục I)


def _stamp(lang: str, when: datetime, fingerprint: str, period: str) -> Cell:
    return Cell(
        render("sheet.stamp", lang, when=when, period=period, fingerprint=fingerprint[:12]), "subtitle"
    )


def _link(ref: str) -> str | None:
    """ "Sheet!B7" -> an in-workbook link target "'Sheet'!B7"."""
    sheet, bang, cell = ref.rpartition("!")
    return quote_sheet(sheet) + bang + cell if bang else None


def _award_label(candidate: Candidate, lang: str) -> str:
    if not candidate.award:
        return ""
    award = next(a for a in C.AWARDS if a.key == candidate.award)
    return award.label(lang)


def _decision(candidate: Candidate, lang: str) -> tuple[str, str]:
    if candidate.eligible and candidate.held in ("pending", "repeat"):
        return _word(f"law.conclusion.{candidate.held}", lang), "missing_box"
    if candidate.eligible and not candidate.nominable:
        return _word("decision.not_nominated", lang), "missing_box"
    if candidate.eligible:
        return _word("decision.eligible", lang), "met_box"
    if any(o.status == UNMET for o in candidate.outcomes.values()):
        return _word("decision.not_eligible", lang), "unmet_box"
    return _word("decision.missing", lang), "missing_box"


@functools.cache
def _conclusion(text: str, style: str) -> Cell:
    return Cell(text, style)  # never changed once made: one per conclusion, shared by its rows


@functools.cache
def _word(key: str, lang: str) -> str:
    """A sentence of the catalog with no facts (a conclusion, a status), rendered once a run's
    thousands of rows."""
    return render(key, lang)


def outside_quota(candidate: Candidate) -> bool:
    """Eligible, held back by nothing, and yet without an award: every seat was taken."""
    c = candidate
    return not (c.award or c.council) and c.nominable and c.eligible


def quota_note(kind: str, evaluation: Evaluation) -> Msg:
    """The quotas an eligible candidate was outside of, from the settings ("Ngoài số lượng khen
    thưởng: Bằng khen … tối đa 1 tập thể, Giấy khen … tối đa 2 tập thể")."""
    target = "collectives" if kind == "unit" else "individuals"
    settings = evaluation.world.settings
    quotas = [
        Msg(f"kq.quota.{kind}", {"award": award, "max": settings.quota(award.key, target)[1]})
        for award in C.AWARDS
    ]
    return Msg("kq.outside_quota", {"quotas": quotas})


# ---------------------------------------------------------------- KQ Tập thể, KQ Cá nhân


def _result_columns(units: bool, evaluation: Evaluation, lang: str) -> list[Column]:
    """The columns of a results sheet: who, each criterion's status and reason, the conclusion.
    A row's item is (its number, the candidate)."""
    outside = quota_note("unit" if units else "person", evaluation).render(lang)
    sheet = C.UNITS if units else C.STAFF
    code, name = ("unit_id", "unit_name") if units else ("staff_id", "full_name")
    columns = [
        Column("no", Msg("col.no"), 6, "int_box", lambda row: Cell(row[0], "int_box")),
        Column(
            "id",
            sheet.column(code),
            12,
            "link_box",
            lambda row: Cell(row[1].id, "link_box", _link(row[1].cell)),
        ),
        Column("name", sheet.column(name), 30, "wrap_box", lambda row: Cell(row[1].name, "wrap_box")),
    ]
    if units:
        kind = C.UNITS.column("unit_kind")
        columns.append(
            Column("kind", kind, 22, "wrap_box", lambda row: Cell(fmt(row[1].position, lang), "wrap_box"))
        )
    else:
        columns += [
            Column("unit", Msg("col.unit"), 22, "wrap_box", lambda row: Cell(row[1].unit_name, "wrap_box")),
            Column(
                "position",
                C.STAFF.column("position"),
                18,
                "wrap_box",
                lambda row: Cell(row[1].position, "wrap_box"),
            ),
        ]
    for criterion in COLLECTIVE_CRITERIA if units else INDIVIDUAL_CRITERIA:
        columns += _criterion_columns(criterion, lang)
    columns += [
        Column(
            "conclusion",
            Msg("col.conclusion"),
            18,
            "text_box",
            lambda row: _conclusion(*_decision(row[1], lang)),
        ),
        Column("rank", Msg("col.rank"), 8, "int_box", lambda row: Cell(row[1].rank or None, "int_box")),
        Column(
            "proposed",
            Msg("col.proposed"),
            26,
            "wrap_box",
            lambda row: Cell(_award_label(row[1], lang), "wrap_box"),
        ),
        Column(
            "note",
            Msg("col.note"),
            36,
            "wrap_box",
            lambda row: Cell(_note(row[1], outside, lang), "wrap_box"),
        ),
    ]
    council = evaluation.council
    if council and council.votes:
        present = council.present
        columns.append(
            Column(
                "council",
                Msg("law_council_column"),
                24,
                "wrap_box",
                lambda row: Cell(council_word(row[1], present, lang), "wrap_box"),
            )
        )
    return columns


def _criterion_columns(criterion: Criterion, lang: str) -> list[Column]:
    """A criterion's status (linked to the row that decided it) and its reason (a cell of its own:
    LibreOffice does not wrap a cell holding a link). Reasons shared by many candidates (the same
    facts object) are rendered once: every outcome lives until the sheet is made, so the id of its
    facts names them alone meanwhile."""
    cid = criterion.id
    labels = {status: render(f"status.{status}", lang) for status in STATUS_STYLE}
    styles = {status: f"{style}_box" for status, style in STATUS_STYLE.items()}
    texts: dict[tuple[str, int], Cell] = {}  # cells are never changed once made: shared rows share one

    def status(row: tuple[int, Candidate]) -> Cell:
        outcome = row[1].outcomes[cid]
        sources = outcome.sources
        return Cell(labels[outcome.status], styles[outcome.status], _link(sources[0]) if sources else None)

    def reason(row: tuple[int, Candidate]) -> Cell:
        outcome = row[1].outcomes[cid]
        facts = (outcome.code, id(outcome.params))
        cell = texts.get(facts)
        if cell is None:
            cell = texts[facts] = Cell(outcome.reason.render(lang), "wrap_box")
        return cell

    header = Msg("col.criterion", {"id": cid, "label": criterion, "ref": criterion_ref(criterion, lang)})
    return [
        Column(f"{cid}.status", header, 12, "met_box", status),
        Column(f"{cid}.reason", Msg("col.reason", {"id": cid}), 40, "wrap_box", reason),
    ]


def criterion_ref(criterion: Criterion, lang: str) -> str:
    """The plan's paragraph of a criterion, in the sheet's language."""
    return criterion.reference(lang)


def _note(c: Candidate, outside: str, lang: str) -> str | None:
    """The notes on one candidate: a tie, why it is not nominated, a priority, the quotas."""
    notes = [n.render(lang) for n in (c.tie_note or c.note, c.priority_note) if n]
    if outside_quota(c):
        notes.append(outside)
    return "; ".join(notes) or None


def results_sheet(key: str, evaluation: Evaluation, lang: str, stamp: Cell) -> OutputSheet:
    units = key == "units_result"
    candidates = evaluation.units if units else evaluation.people
    title = render("kq.title.units" if units else "kq.title.people", lang)
    table = Table(_result_columns(units, evaluation, lang), header_row=3)
    rows: list[list[Cell | None]] = [[Cell(title, "title")], [stamp], [], table.header(lang)]
    order = sorted(candidates, key=lambda c: (c.rank is None, c.rank or 0, c.id))
    rows += table.rows(enumerate(order, 1))
    return OutputSheet(
        key,
        C.output_name(key, lang),
        rows,
        **table.frame(len(order), identity="name"),
        landscape=True,
        fit_width=False,
        scale=70,  # the reasons stay readable; the code and name columns print on every page
        tab_color="#2F75B5",
    )


def council_text(c: Candidate, evaluation: Evaluation, lang: str) -> str:
    """The council's word on one candidate, as the KQ sheets and the list show it."""
    council = evaluation.council
    return council_word(c, council.present if council else None, lang)


def list_status(evaluation: Evaluation, lang: str) -> str:
    """Which list this is: the tool's proposal, or the one the council passed (SPEC §2c)."""
    council = evaluation.council
    if council is None or not council.decided:
        return render("law_list_proposal", lang)
    if council.final:
        return render(
            "law_list_final", lang, date=council.date or "…", present=council.present, members=council.members
        )
    listed = [c for c in (*evaluation.units, *evaluation.people) if c.award]
    waiting = sum(c.council != "approved" for c in listed)
    return render("law_list_partial", lang, waiting=waiting, count=len(listed))


# ---------------------------------------------------------------- Đề nghị khen thưởng


class _Document:
    """Rows of a document-like sheet whose lines span the table's columns."""

    def __init__(self, ncols: int, split: int) -> None:
        self.rows: list[list[Cell | None]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.ncols, self.split = ncols, split  # the right half starts at column `split`

    def line(self, left: Cell | None, right: Cell | None) -> int:
        r, n, split = len(self.rows), self.ncols, self.split
        row: list[Cell | None] = [None] * n
        row[0], row[split] = left, right
        self.rows.append(row)
        if left is not None:
            self.merges.append((r, 0, r, split - 1))
        if right is not None:
            self.merges.append((r, split, r, n - 1))
        return r

    def full(self, cell: Cell) -> int:
        r = len(self.rows)
        self.rows.append([cell] + [None] * (self.ncols - 1))
        self.merges.append((r, 0, r, self.ncols - 1))
        return r

    def blank(self, count: int = 1) -> None:
        self.rows += [[] for _ in range(count)]


def _letterhead(doc: _Document, evaluation: Evaluation, lang: str, when: datetime) -> int:
    """The heading of Nghị định 30/2020 and the list's title; returns the agency rule's row."""
    s = evaluation.world.settings
    doc.line(Cell(s.parent_agency.upper(), "doc_agency"), Cell(render("doc.nation", lang), "doc_nation"))
    doc.line(Cell(s.agency.upper(), "doc_agency_bold"), Cell(render("doc.motto", lang), "doc_motto"))
    rule = doc.line(Cell(AGENCY_RULE, "doc_rule"), None)
    place = render("doc.place_date", lang, place=s.place, day=when.day, month=when.month, year=when.year)
    doc.line(None, Cell(place, "doc_date"))
    doc.blank()
    doc.full(Cell(render("nom.title", lang), "doc_title"))
    movement = render("nom.movement", lang, movement=s.movement, from_year=s.from_year, to_year=s.to_year)
    doc.full(Cell(movement, "doc_title"))
    doc.full(Cell(list_status(evaluation, lang), "doc_date"))
    doc.blank()
    return rule


def _nomination_cell(column: Any, row: Any, lang: str) -> Cell:
    value = column.value(row, lang)
    if column.key == "award" and flagged(row.candidate):
        return Cell(value, "doc_note")
    return Cell(value, "doc_center" if column.centred else "doc_cell")


def _nomination_body(doc: _Document, evaluation: Evaluation, lang: str) -> set[int]:
    """Each award, its collectives then its individuals; returns the section headings' rows."""
    council = evaluation.council
    present = council.present if council and council.votes else None
    keep_next: set[int] = set()  # section headings: printed on the same page as the row after them
    roman = ["I", "II", "III", "IV"]
    groups = (("nom.collectives", evaluation.units), ("nom.individuals", evaluation.people))
    for a, award in enumerate(C.AWARDS):
        keep_next.add(doc.full(Cell(f"{roman[a]}. {award.label(lang).upper()}", "doc_section")))
        for g, (label, group) in enumerate(groups, 1):
            keep_next.add(doc.full(Cell(f"{g}. {render(label, lang)}", "doc_section")))
            listed = nominees(group, award, present)
            if not listed:
                doc.full(Cell(render("nom.none", lang), "doc_cell"))
            for row in listed:
                doc.rows.append([_nomination_cell(column, row, lang) for column in NOMINATION_COLUMNS])
    return keep_next


def _signature(doc: _Document, evaluation: Evaluation, lang: str) -> None:
    s = evaluation.world.settings
    doc.blank()
    doc.line(
        Cell(render("nom.prepared_by", lang), "doc_agency_bold"),
        Cell(s.signer_title.upper(), "doc_agency_bold"),
    )
    doc.line(
        Cell(render("doc_sign_hint_plain", lang), "doc_hint"), Cell(render("doc_sign_hint", lang), "doc_hint")
    )
    doc.blank(3)
    signer = s.signer_name or render("doc_gap", lang, what=render("doc_gap_signer", lang))
    doc.line(None, Cell(signer, "doc_agency_bold"))


def nominations_sheet(evaluation: Evaluation, lang: str, when: datetime) -> OutputSheet:
    columns = NOMINATION_COLUMNS
    keys = [column.key for column in columns]
    doc = _Document(len(columns), keys.index("unit"))  # the right half of the heading: from "Đơn vị"
    rule_row = _letterhead(doc, evaluation, lang, when)
    header_row = len(doc.rows)
    doc.rows.append([Cell(render(column.header, lang), "doc_header") for column in columns])
    keep_next = _nomination_body(doc, evaluation, lang)
    signature = len(doc.rows) - 1  # the block starts with the list's last row: it never stands alone
    _signature(doc, evaluation, lang)
    sheet = OutputSheet(
        "nominations",
        C.output_name("nominations", lang),
        doc.rows,
        widths={i: column.sheet_width for i, column in enumerate(columns)},
        merges=doc.merges,
        repeat_rows=(header_row, header_row),
        fit_width=False,
        landscape=True,
        tab_color="#C00000",
    )
    fit_heights(sheet)
    for r, row in enumerate(doc.rows):
        sheet.heights.setdefault(r, 19.0 if any(cell is not None for cell in row) else 10.0)
    sheet.heights[rule_row] = 12.0  # the agency's rule
    sheet.scale = print_scale(sheet.widths, len(columns))
    sheet.page_breaks = page_breaks(sheet, keep_next, (signature, len(doc.rows) - 1), LANDSCAPE_HEIGHT_PT)
    return sheet


# ---------------------------------------------------------------- Hội đồng


def council_sheet(typed: list[dict[str, Any]], evaluation: Evaluation, lang: str) -> OutputSheet:
    """The `Hội đồng` sheet pre-filled for the secretary: every row already there, as typed,
    then one row per candidate of the list that has none, votes left blank (SPEC §2c)."""
    table = Table(
        [Column(col.key, col, col.width, "text_box") for col in C.COUNCIL.columns],
        header_row=0,
    )
    width = len(table.columns)
    rows: list[list[Cell | None]] = [table.header(lang)]
    present = set()
    for record in typed:
        rows.append([Cell(record.get(col.key), "text_box") for col in C.COUNCIL.columns])
        present.add(
            (str(record.get("code") or "").upper(), C.AWARD_KIND.parse(str(record.get("award") or "")))
        )
    for award in C.AWARDS:
        for group in (evaluation.units, evaluation.people):
            for row in nominees(group, award):
                c = row.candidate
                if (c.id.upper(), award.key) in present:
                    continue
                cells = [
                    Cell(c.id, "text_box"),
                    Cell(c.name, "text_box"),
                    Cell(award.label(lang), "text_box"),
                ]
                rows.append(cells + [Cell(None, "text_box")] * (width - len(cells)))
    frame = table.frame(len(rows) - 1, filtered=False)
    sheet = OutputSheet("council", C.COUNCIL.name(lang), rows, **frame, tab_color="#7030A0")
    return fit_across(sheet)


# ---------------------------------------------------------------- Tổng quan


def _counts(group: list[Candidate], cid: str) -> tuple[int, int, int]:
    """How many met, failed and lacked data on one criterion."""
    met = unmet = 0
    for c in group:
        status = c.outcomes[cid].status
        if status == MET:
            met += 1
        elif status == UNMET:
            unmet += 1
    return met, unmet, len(group) - met - unmet


def _rates_table(evaluation: Evaluation, lang: str, rows: list[list[Cell | None]]) -> Chart | None:
    """Each criterion: met, not met and lacking data (never counted as failed), the pass rate of
    those judged; and a chart of the three as shares of each bar."""
    rows.append([Cell(render("dash.rates_note", lang), "subtitle")])
    columns = ("criterion", "met", "unmet", "missing", "evaluated", "rate")
    rows.append([Cell(render(f"dash.col.{key}", lang), "header") for key in columns])
    header = len(rows) - 1
    for criteria, group in (
        (COLLECTIVE_CRITERIA, evaluation.units),
        (INDIVIDUAL_CRITERIA, evaluation.people),
    ):
        for criterion in criteria:
            met, unmet, missing = _counts(group, criterion.id)
            judged = met + unmet
            rows.append(
                [
                    Cell(f"{criterion.id} – {criterion.label(lang)}", "text_box"),
                    Cell(met, "int_box"),
                    Cell(unmet, "int_box"),
                    Cell(missing, "int_box"),
                    Cell(len(group), "int_box"),
                    Cell(met / judged if judged else None, "pct_box"),
                ]
            )
    last = len(rows) - 1
    if not (evaluation.units or evaluation.people):
        return None
    return Chart(
        title=render("dash.rates", lang),
        categories=(header + 1, last, 0),
        series=[(header, col, header + 1, col) for col in (1, 2, 3)],
        last_row=last,
        anchor=(last + 2, 0),
        size=(860, 340),
        kind="bar",
        stacked=True,
        colors=("#70AD47", "#C00000", "#FFC000"),
    )


def _unit_cell(outcome_status: str, lang: str) -> Cell:
    return Cell(render(f"status.{outcome_status}", lang), f"{STATUS_STYLE[outcome_status]}_box")


def _unit_rows(evaluation: Evaluation, lang: str) -> list[list[Cell | None]]:
    """Unit by unit: its own criteria's status, and the share of its staff meeting each individual
    criterion among those judged (empty when no one of them could be judged)."""
    people_by_unit: dict[str, list[Candidate]] = {}
    for person in evaluation.people:
        people_by_unit.setdefault(evaluation.world.people[person.id].unit_id, []).append(person)
    rows: list[list[Cell | None]] = []
    for unit in evaluation.units:
        row: list[Cell | None] = [Cell(unit.name, "wrap_box")]
        row += [_unit_cell(unit.outcomes[c.id].status, lang) for c in COLLECTIVE_CRITERIA]
        staff = people_by_unit.get(unit.id, [])
        for criterion in INDIVIDUAL_CRITERIA:
            met, unmet, _ = _counts(staff, criterion.id)
            row.append(Cell(met / (met + unmet) if met + unmet else None, "pct_box"))
        rows.append(row)
    return rows


def dashboard_sheet(evaluation: Evaluation, lang: str, stamp: Cell) -> OutputSheet:
    rows: list[list[Cell | None]] = [[Cell(render("dash.title", lang), "title")], [stamp], []]
    counts = [
        ("dash.units", len(evaluation.units)),
        ("dash.eligible_units", evaluation.unit_tally.eligible),
        ("dash.nominated_units", len(evaluation.nominated_units)),
        ("dash.people", len(evaluation.people)),
        ("dash.eligible_people", evaluation.people_tally.eligible),
        ("dash.nominated_people", len(evaluation.nominated_people)),
    ]
    for label, value in counts:
        rows.append([Cell(render(label, lang), "text"), Cell(value, "int")])
    rows.append([])
    # One page at a glance: each criterion's outcomes, as a table and a chart of 9 bars.
    rows.append([Cell(render("dash.rates", lang), "title")])
    chart = _rates_table(evaluation, lang, rows)
    # Then, from a new page, unit by unit (a table: 81 bars were unreadable).
    chart_rows = 19  # rows of the default height the chart covers below its anchor
    unit_title = len(rows) + 1 + chart_rows
    rows += [[] for _ in range(unit_title - len(rows))]
    rows.append([Cell(render("dash.table", lang), "title")])
    rows.append([Cell(render("dash.table_note", lang), "subtitle")])
    criteria = [c.id for c in (*COLLECTIVE_CRITERIA, *INDIVIDUAL_CRITERIA)]
    table = Table([Column("unit", Msg("col.unit"), 46)] + [Column(c, c, 12) for c in criteria], len(rows))
    rows.append(table.header(lang))
    rows += _unit_rows(evaluation, lang)
    frame = table.frame(len(evaluation.units))
    return OutputSheet(
        "dashboard",
        C.output_name("dashboard", lang),
        rows,
        widths=frame["widths"],
        chart=chart,
        landscape=True,
        fit_width=False,
        scale=print_scale(frame["widths"], len(table.columns)),
        repeat_rows=frame["repeat_rows"],
        page_breaks=[unit_title],
        tab_color="#70AD47",
    )


# ---------------------------------------------------------------- Lỗi dữ liệu


def _problem_link(p: Problem) -> str | None:
    first = p.cell.split(":")[0] if p.cell else ""
    return f"{quote_sheet(p.sheet)}!{first}" if p.sheet and first and split_cell(first)[1] else None


def _error_columns(lang: str) -> list[Column]:
    def cell_ref(item: tuple[int, Problem]) -> Cell:
        link = _problem_link(item[1])
        return Cell(item[1].cell or "", "link" if link else "text", link)

    return [
        Column("no", Msg("col.no"), 6, "int", lambda item: Cell(item[0], "int")),
        Column(
            "severity",
            Msg("err.col.severity"),
            11,
            "text",
            lambda item: (
                Cell(render("err.error", lang), "error")
                if item[1].is_error
                else Cell(render("err.warning", lang), "warning")
            ),
        ),
        Column("sheet", Msg("err.col.sheet"), 20, "text", lambda item: Cell(item[1].sheet or "", "text")),
        Column("cell", Msg("err.col.cell"), 9, "link", cell_ref),
        Column(
            "value",
            Msg("err.col.value"),
            26,
            "wrap",
            lambda item: Cell("" if item[1].value is None else _plain(item[1].value), "wrap"),
        ),
        Column(
            "message", Msg("err.col.message"), 90, "wrap", lambda item: Cell(item[1].message(lang), "wrap")
        ),
    ]


def errors_sheet(
    problems: list[Problem], lang: str, stamp: Cell | None, file: str, max_rows: int = MAX_SHEET_ROWS
) -> OutputSheet:
    rows: list[list[Cell | None]] = [[Cell(render("err.title", lang), "title")]]
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = render("err.summary", lang, errors=errors, warnings=warnings, file=file)
    rows.append([Cell(summary, "banner" if errors else "subtitle")])
    if stamp is not None:
        rows.append([stamp])
    rows.append([])
    table = Table(_error_columns(lang), header_row=len(rows))
    rows.append(table.header(lang))
    last = [None] * table.index("message")  # a sentence across the table stands in its last column
    if not problems:
        rows.append([*last, Cell(render("err.none", lang), "met")])
    listed = sorted(problems, key=sort_key)
    room = max_rows - len(rows) - 1  # one row kept for the line saying what was left out
    if len(listed) > room:
        listed = listed[:room]
    rows += table.rows(enumerate(listed, 1))
    if len(listed) < len(problems):
        rows.append([*last, Cell(render("err.more", lang, left=len(problems) - len(listed)), "banner")])
    return OutputSheet(
        "errors",
        C.output_name("errors", lang),
        rows,
        **table.frame(len(listed)),
        landscape=True,
        tab_color="#FF0000",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, (int, float, str)):
        return value
    return fmt(value)


def stale_sheet(key: str, lang: str, when: datetime) -> OutputSheet:
    """What replaces an earlier result sheet when the data now has errors."""
    text = render("stale.banner", lang, when=when, errors=C.output_name("errors", lang))
    return OutputSheet(
        key, C.output_name(key, lang), [[Cell(text, "banner")]], widths={0: 120}, tab_color="#808080"
    )


# ---------------------------------------------------------------- Nhật ký

# The log's columns in order, with their widths: rows are read back by name (`log_value`).
LOG_TABLE = (
    ("time", 16, "datetime"),
    ("version", 7, "text_box"),
    ("period", 9, "text_box"),
    ("fingerprint", 15, "text_box"),
    ("file", 18, "wrap_box"),
    ("units", 7, "int_box"),
    ("staff", 7, "int_box"),
    ("errors", 7, "int_box"),
    ("warnings", 7, "int_box"),
    ("eligible_units", 8, "int_box"),
    ("eligible_people", 8, "int_box"),
    ("nominated_units", 8, "int_box"),
    ("nominated_people", 8, "int_box"),
    ("outcome", 16, "wrap_box"),
)
LOG_COLUMNS = tuple(key for key, _, _ in LOG_TABLE)


def log_value(row: list[Any], column: str) -> Any:
    """One column of a `Nhật ký` row read back by name (None when the row is shorter)."""
    index = LOG_COLUMNS.index(column)
    return row[index] if len(row) > index else None


def _log_cell(value: Any, style: str) -> Cell:
    if isinstance(value, datetime):
        return Cell(value, "datetime_box")
    if isinstance(value, float) and value.is_integer():
        return Cell(int(value), "int_box")
    if isinstance(value, int) and not isinstance(value, bool):
        return Cell(value, "int_box")
    return Cell(value, style if style != "datetime" else "text_box")


def log_sheet(previous: list[list[Any]], entry: list[Any], lang: str) -> OutputSheet:
    table = Table([Column(key, Msg(f"log.{key}"), width, style) for key, width, style in LOG_TABLE], 0)
    rows: list[list[Cell | None]] = [table.header(lang)]
    for old in [*previous, entry]:
        rows.append([_log_cell(value, style) for value, (_, _, style) in zip(old, LOG_TABLE, strict=False)])
    frame = table.frame(len(rows) - 1, filtered=False)
    sheet = OutputSheet("log", C.output_name("log", lang), rows, **frame, tab_color="#7F7F7F")
    return fit_across(sheet)


def log_entry(
    when: datetime, period: str, fingerprint: str, file: str, counts: dict[str, int], outcome: str
) -> list[Any]:
    return [
        when,
        __version__,
        period,
        fingerprint[:16],
        file,
        counts.get("units"),
        counts.get("staff"),
        counts.get("errors"),
        counts.get("warnings"),
        counts.get("eligible_units"),
        counts.get("eligible_people"),
        counts.get("nominated_units"),
        counts.get("nominated_people"),
        outcome,
    ]
