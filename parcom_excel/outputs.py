"""Output sheets as adapter-neutral `OutputSheet`s: results, nominations, dashboard, errors, log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from . import __version__
from . import contract as C
from .addresses import quote_sheet, split_cell
from .i18n import fmt, render, sentence
from .model import Cell, Chart, OutputSheet
from .problems import Problem, sort_key
from .rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA, MET, MISSING, UNMET
from .rules.evaluate import Evaluation
from .rules.ranking import Candidate

STATUS_STYLE = {MET: "met", UNMET: "unmet", MISSING: "missing"}
MAX_SHEET_ROWS = 1_048_576  # rows of an Excel worksheet
# Styles whose text wraps, with the points one line takes; rows holding them get a height that
# shows the whole text (Excel and LibreOffice do not always grow rows written by a program).
_WRAPPING = {  # style -> (points per line, uses the document's wider font)
    "wrap": (13.0, False),
    "header": (13.0, False),
    "met": (13.0, False),
    "unmet": (13.0, False),
    "missing": (13.0, False),
    "doc_cell": (14.6, True),  # Times New Roman 12: about 14 points a line
    "doc_note": (14.6, True),
    "doc_header": (14.6, True),
}


def fit_heights(sheet: OutputSheet) -> OutputSheet:
    """Estimate each row's height from its wrapped text and the column widths."""
    merged = {(r, c) for r1, c1, r2, c2 in sheet.merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    ncols = max((len(row) for row in sheet.rows), default=0)
    # characters per line of each column, for our fonts and for the document's larger one
    per_line = {
        doc: [max(4, int(sheet.widths.get(c, 10) * (1.25 if doc else 1.2))) for c in range(ncols)]
        for doc in (False, True)
    }
    shortest = min(min(per_line[False], default=4), min(per_line[True], default=4))
    wrapping, heights = _WRAPPING, sheet.heights
    for r, row in enumerate(sheet.rows):
        if r in heights:
            continue
        needed = 0.0
        for c, cell in enumerate(row):
            if cell is None:
                continue
            spec = wrapping.get(cell.style)
            if spec is None:
                continue
            value = cell.value
            text = value if isinstance(value, str) else str(value or "")
            size = len(text)
            breaks = "\n" in text
            if size <= shortest and not breaks:
                continue  # one line: never taller than the default height
            if merged and (r, c) in merged:
                continue
            line, doc = spec
            width = per_line[doc][c]
            if breaks:
                lines = sum(max(1, -(-len(part) // width)) for part in text.split("\n"))
            elif size > width:
                lines = -(-size // width)
            else:
                continue
            if lines * line > needed:
                needed = lines * line
        if needed > 16:
            heights[r] = min(409.0, needed + 3)
    return sheet


def _stamp(lang: str, when: datetime, fingerprint: str, period: str) -> Cell:
    return Cell(
        render("sheet.stamp", lang, when=when, period=period, fingerprint=fingerprint[:12]), "subtitle"
    )


def _link(ref: str) -> str | None:
    """ "Sheet!B7" -> an in-workbook link target "'Sheet'!B7"."""
    if "!" not in ref:
        return None
    sheet, cell = ref.rsplit("!", 1)
    return f"{quote_sheet(sheet)}!{cell}"


def _award_label(candidate: Candidate, lang: str) -> str:
    if not candidate.award:
        return ""
    award = next(a for a in C.AWARDS if a.key == candidate.award)
    return award.label(lang)


def _decision(candidate: Candidate, lang: str) -> tuple[str, str]:
    if candidate.eligible and candidate.held in ("pending", "repeat"):
        return render(f"law.conclusion.{candidate.held}", lang), "missing"
    if candidate.eligible and not candidate.nominable:
        return render("decision.not_nominated", lang), "missing"
    if candidate.eligible:
        return render("decision.eligible", lang), "met"
    if any(o.status == UNMET for o in candidate.outcomes.values()):
        return render("decision.not_eligible", lang), "unmet"
    return render("decision.missing", lang), "missing"


def results_sheet(key: str, evaluation: Evaluation, lang: str, stamp: Cell) -> OutputSheet:
    units = key == "units_result"
    candidates = evaluation.units if units else evaluation.people
    criteria = COLLECTIVE_CRITERIA if units else INDIVIDUAL_CRITERIA
    title = render("kq.title.units" if units else "kq.title.people", lang)
    head = [
        render("col.no", lang),
        C.UNITS.column("unit_id").label(lang) if units else C.STAFF.column("staff_id").label(lang),
        C.UNITS.column("unit_name").label(lang) if units else C.STAFF.column("full_name").label(lang),
        C.UNITS.column("unit_kind").label(lang) if units else render("col.unit", lang),
    ]
    if not units:
        head.append(C.STAFF.column("position").label(lang))
    for criterion in criteria:
        head += [
            render("col.criterion", lang, id=criterion.id, label=criterion, ref=criterion.ref),
            render("col.reason", lang, id=criterion.id),
        ]
    head += [render(key, lang) for key in ("col.conclusion", "col.rank", "col.proposed", "col.note")]
    council = evaluation.council if evaluation.council and evaluation.council.votes else None
    if council:
        head.append(render("law_council_column", lang))
    rows: list[list[Cell | None]] = [[Cell(title, "title")], [stamp], [], [Cell(h, "header") for h in head]]
    order = sorted(candidates, key=lambda c: (c.rank is None, c.rank or 0, c.id))
    labels = {status: render(f"status.{status}", lang) for status in STATUS_STYLE}
    ids = [criterion.id for criterion in criteria]
    # Reasons shared by many (the same facts object) are rendered once. Every candidate's outcome
    # lives until the sheet is made, so the id of its facts names them alone meanwhile.
    texts: dict[tuple[str, int], str] = {}
    for n, c in enumerate(order, 1):
        row = [
            Cell(n, "int"),
            Cell(c.id, "link", _link(c.cell)),
            Cell(c.name, "wrap"),
            Cell(fmt(c.position, lang) if units else c.unit_name, "wrap"),
        ]
        if not units:
            row.append(Cell(c.position, "wrap"))
        outcomes = c.outcomes
        for cid in ids:
            outcome = outcomes[cid]
            status = outcome.status
            row.append(Cell(labels[status], STATUS_STYLE[status]))
            facts = (outcome.code, id(outcome.params))
            text = texts.get(facts)
            if text is None:
                text = texts[facts] = outcome.reason.render(lang)
            row.append(Cell(text, "wrap", _link(outcome.sources[0]) if outcome.sources else None))
        conclusion, style = _decision(c, lang)
        note = "; ".join(n.render(lang) for n in (c.tie_note or c.note, c.priority_note) if n)
        row += [
            Cell(conclusion, style),
            Cell(c.rank, "int") if c.rank else None,
            Cell(_award_label(c, lang), "wrap"),
            Cell(note or None, "wrap"),
        ]
        if council:
            row.append(Cell(council_text(c, evaluation, lang), "wrap"))
        rows.append(row)
    first = 5 if not units else 4
    widths = {0: 6, 1: 12, 2: 30, 3: 22}
    if not units:
        widths[4] = 18
    for i in range(len(criteria)):
        widths[first + 2 * i] = 12
        widths[first + 2 * i + 1] = 40
    tail = first + 2 * len(criteria)
    widths.update({tail: 18, tail + 1: 8, tail + 2: 26, tail + 3: 36, tail + 4: 24})
    return OutputSheet(
        key,
        C.output_name(key, lang),
        rows,
        widths=widths,
        freeze=(4, 3),
        autofilter=(3, 0, 3 + len(order), len(head) - 1),
        landscape=True,
        fit_width=False,
        scale=70,  # the reasons stay readable; the code and name columns print on every page
        repeat_rows=(3, 3),
        repeat_cols=(0, 2),
        tab_color="#2F75B5",
    )


def council_text(c: Candidate, evaluation: Evaluation, lang: str) -> str:
    """The council's word on one candidate, as the KQ sheets and the list show it."""
    council = evaluation.council
    if not c.council or council is None:
        return ""
    return render(f"law.council.{c.council}", lang, votes=c.votes, present=council.present)


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


def nominations_sheet(evaluation: Evaluation, lang: str, when: datetime) -> OutputSheet:
    s = evaluation.world.settings
    rows: list[list[Cell | None]] = []
    merges: list[tuple[int, int, int, int]] = []

    def line(left: Cell | None, right: Cell | None) -> None:
        r = len(rows)
        rows.append([left, None, None, right, None, None])
        if left is not None:
            merges.append((r, 0, r, 2))
        if right is not None:
            merges.append((r, 3, r, 5))

    def full(cell: Cell) -> None:
        r = len(rows)
        rows.append([cell, None, None, None, None, None])
        merges.append((r, 0, r, 5))

    line(
        Cell(s.parent_agency.upper(), "doc_agency"),
        Cell(render("doc.nation", lang), "doc_nation"),
    )
    line(
        Cell(s.agency.upper(), "doc_agency_bold"),
        Cell(render("doc.motto", lang), "doc_motto"),
    )
    rule_row = len(rows)
    line(Cell(AGENCY_RULE, "doc_rule"), None)
    line(
        None,
        Cell(
            render("doc.place_date", lang, place=s.place, day=when.day, month=when.month, year=when.year),
            "doc_date",
        ),
    )
    rows.append([])
    full(Cell(render("nom.title", lang), "doc_title"))
    movement = render("nom.movement", lang, movement=s.movement, from_year=s.from_year, to_year=s.to_year)
    full(Cell(movement, "doc_title"))
    full(Cell(list_status(evaluation, lang), "doc_date"))
    rows.append([])
    header_row = len(rows)
    rows.append(
        [
            Cell(h, "doc_header")
            for h in (
                render(key, lang)
                for key in (
                    "col.no",
                    "nom.col.name",
                    "nom.col.position",
                    "col.unit",
                    "nom.col.summary",
                    "nom.col.award",
                )
            )
        ]
    )
    roman = ["I", "II", "III", "IV"]
    keep_next: set[int] = set()  # section headings: printed on the same page as the row after them
    for a, award in enumerate(C.AWARDS):
        keep_next.add(len(rows))
        full(Cell(f"{roman[a]}. {award.label(lang).upper()}", "doc_section"))
        for g, (label, group) in enumerate(
            (
                (render("nom.collectives", lang), evaluation.units),
                (render("nom.individuals", lang), evaluation.people),
            ),
            1,
        ):
            keep_next.add(len(rows))
            full(Cell(f"{g}. {label}", "doc_section"))
            chosen = sorted((c for c in group if c.award == award.key), key=lambda c: (c.rank or 0, c.id))
            if not chosen:
                full(Cell(render("nom.none", lang), "doc_cell"))
            for n, c in enumerate(chosen, 1):
                award_text = render("nom.tied", lang, award=award) if c.tied else award.label(lang)
                if c.council and not c.tied:
                    award_text += f" ({council_text(c, evaluation, lang)})"
                summary = sentence(c.summary, lang) + (f"\n{c.tie_note.render(lang)}" if c.tie_note else "")
                rows.append(
                    [
                        Cell(n, "doc_center"),
                        Cell(c.name, "doc_cell"),
                        Cell("" if c.kind == "unit" else c.position, "doc_cell"),
                        Cell(c.unit_name if c.kind == "person" else "", "doc_cell"),
                        Cell(summary, "doc_cell"),
                        Cell(
                            award_text,
                            "doc_note" if c.tied or c.council not in ("", "approved") else "doc_cell",
                        ),
                    ]
                )
    signature = len(rows) - 1  # the block starts with the list's last row: it never stands alone
    rows.append([])
    line(
        Cell(render("nom.prepared_by", lang), "doc_agency_bold"),
        Cell(s.signer_title.upper(), "doc_agency_bold"),
    )
    line(
        Cell(render("doc_sign_hint_plain", lang), "doc_hint"), Cell(render("doc_sign_hint", lang), "doc_hint")
    )
    for _ in range(3):
        rows.append([])
    line(
        None,
        Cell(
            s.signer_name or render("doc_gap", lang, what=render("doc_gap_signer", lang)), "doc_agency_bold"
        ),
    )
    sheet = OutputSheet(
        "nominations",
        C.output_name("nominations", lang),
        rows,
        widths={0: 6, 1: 24, 2: 16, 3: 22, 4: 60, 5: 20},
        merges=merges,
        repeat_rows=(header_row, header_row),
        fit_width=False,
        landscape=True,
        tab_color="#C00000",
    )
    fit_heights(sheet)
    for r, row in enumerate(rows):
        sheet.heights.setdefault(r, 19.0 if any(cell is not None for cell in row) else 10.0)
    sheet.heights[rule_row] = 12.0  # the agency's rule
    sheet.scale = print_scale(sheet, LANDSCAPE_WIDTH_PT)
    sheet.page_breaks = page_breaks(sheet, keep_next, (signature, len(rows) - 1), LANDSCAPE_HEIGHT_PT)
    return sheet


# A4 landscape less XlsxWriter's default margins (0.7 in left and right, 0.75 in top and bottom).
LANDSCAPE_WIDTH_PT = 841.9 - 2 * 50.4
LANDSCAPE_HEIGHT_PT = 595.3 - 2 * 54.0
AGENCY_RULE = "_" * 14  # about half the agency's name (Nghị định 30/2020, Phụ lục I)


def _width_pt(chars: float) -> float:
    """A column of `chars` characters in points: 8 pixels a character plus 5, as for the template's
    Arial 11 (Calibri 11 takes 7, so the page then has room to spare)."""
    return (int(chars * 8 + 5)) * 0.75


def print_scale(sheet: OutputSheet, page_width: float) -> int:
    """The zoom that fits the sheet's columns across the page, with a little room to spare (a
    zoom, not "fit to width": Excel ignores manual page breaks when fitting)."""
    ncols = max((len(row) for row in sheet.rows), default=1)
    return print_scale_cols(sheet.widths, ncols, page_width)


def page_breaks(
    sheet: OutputSheet, keep_next: set[int], block: tuple[int, int], page_height: float
) -> list[int]:
    """Rows that start a page, so that no section heading ends a page and the signature block
    stays whole. Heights are the sheet's (estimated) row heights, at the sheet's print zoom."""
    usable = page_height / ((sheet.scale or 100) / 100) * 0.95
    heights = sheet.heights
    header = sheet.repeat_rows[0] if sheet.repeat_rows else None
    repeated = heights.get(header, 19.0) if header is not None else 0.0
    breaks: list[int] = []
    used, r, n = 0.0, 0, len(sheet.rows)
    while r < n:
        end = r
        if r == block[0]:
            end = block[1]
        else:
            while end in keep_next and end + 1 < n:
                end += 1
        height = sum(heights.get(i, 15.0) for i in range(r, end + 1))
        fresh = repeated if breaks else 0.0
        if used + height > usable and used > fresh:
            breaks.append(r)
            used = repeated if header is not None and r > header else 0.0
        used += height
        r = end + 1
    return breaks


def council_sheet(typed: list[dict[str, Any]], evaluation: Evaluation, lang: str) -> OutputSheet:
    """The `Hội đồng` sheet pre-filled for the secretary: every row already there, as typed,
    then one row per candidate of the list that has none, votes left blank (SPEC §2c)."""
    columns = C.COUNCIL.columns
    rows: list[list[Cell | None]] = [[Cell(col.label(lang), "header") for col in columns]]
    present = set()
    for record in typed:
        rows.append(
            [None if record.get(col.key) is None else Cell(record[col.key], "text") for col in columns]
        )
        present.add(
            (str(record.get("code") or "").upper(), C.AWARD_KIND.parse(str(record.get("award") or "")))
        )
    for award in C.AWARDS:
        for group in (evaluation.units, evaluation.people):
            listed = sorted((c for c in group if c.award == award.key), key=lambda c: (c.rank or 0, c.id))
            for c in listed:
                if (c.id.upper(), award.key) in present:
                    continue
                rows.append([Cell(c.id, "text"), Cell(c.name, "text"), Cell(award.label(lang), "text")])
    return OutputSheet(
        "council",
        C.COUNCIL.name(lang),
        rows,
        widths={i: col.width for i, col in enumerate(columns)},
        freeze=(1, 0),
        tab_color="#7030A0",
    )


def dashboard_sheet(evaluation: Evaluation, lang: str, stamp: Cell) -> OutputSheet:
    world = evaluation.world
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
    # One page at a glance: the pass rate of each criterion, as a table and a chart of 9 bars.
    rows.append([Cell(render("dash.rates", lang), "title")])
    rate_header = len(rows)
    rows.append(
        [
            Cell(render("dash.col.criterion", lang), "header"),
            Cell(render("dash.col.rate", lang), "header"),
            Cell(render("dash.col.met", lang), "header"),
            Cell(render("dash.col.evaluated", lang), "header"),
        ]
    )
    rate_first = len(rows)
    for criteria, group in (
        (COLLECTIVE_CRITERIA, evaluation.units),
        (INDIVIDUAL_CRITERIA, evaluation.people),
    ):
        for criterion in criteria:
            met = sum(c.outcomes[criterion.id].status == MET for c in group)
            rows.append(
                [
                    Cell(f"{criterion.id} – {criterion.label(lang)}", "text"),
                    Cell(met / len(group) if group else 0.0, "pct"),
                    Cell(met, "int"),
                    Cell(len(group), "int"),
                ]
            )
    rate_last = len(rows) - 1
    chart = None
    if evaluation.units or evaluation.people:
        chart = Chart(
            title=render("dash.rates", lang),
            categories=(rate_first, rate_last, 0),
            series=[(rate_header, 1, rate_first, 1)],
            last_row=rate_last,
            anchor=(rate_last + 2, 0),
            size=(860, 340),
            labels=True,
        )
    # Then, from a new page, the same rates unit by unit (a table: 81 bars were unreadable).
    chart_rows = 19  # rows of the default height the chart covers below its anchor
    unit_title = rate_last + 2 + chart_rows
    while len(rows) < unit_title:
        rows.append([])
    rows.append([Cell(render("dash.table", lang), "title")])
    criteria = [c.id for c in COLLECTIVE_CRITERIA] + [c.id for c in INDIVIDUAL_CRITERIA]
    header_row = len(rows)
    rows.append([Cell(render("col.unit", lang), "header")] + [Cell(c, "header") for c in criteria])
    people_by_unit: dict[str, list[Candidate]] = {}
    for person in evaluation.people:
        unit_id = world.people[person.id].unit_id
        people_by_unit.setdefault(unit_id, []).append(person)
    for unit in evaluation.units:
        row: list[Cell | None] = [Cell(unit.name, "text")]
        for cid in criteria[:6]:
            row.append(Cell(1.0 if unit.outcomes[cid].status == MET else 0.0, "pct"))
        staff = people_by_unit.get(unit.id, [])
        for cid in criteria[6:]:
            share = sum(p.outcomes[cid].status == MET for p in staff) / len(staff) if staff else 0.0
            row.append(Cell(share, "pct"))
        rows.append(row)
    widths = {0: 44} | {i: 11 for i in range(1, len(criteria) + 1)}
    return OutputSheet(
        "dashboard",
        C.output_name("dashboard", lang),
        rows,
        widths=widths,
        chart=chart,
        landscape=True,
        fit_width=False,
        scale=print_scale_cols(widths, len(criteria) + 1),
        repeat_rows=(header_row, header_row),
        page_breaks=[unit_title],
        tab_color="#70AD47",
    )


def print_scale_cols(widths: dict[int, float], ncols: int, page_width: float = 0.0) -> int:
    """The zoom at which `ncols` columns of these widths fit across the (landscape A4) page."""
    total = sum(_width_pt(widths.get(c, 8.43)) for c in range(ncols))
    return max(10, min(100, int((page_width or LANDSCAPE_WIDTH_PT) / total * 100) - 2))


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
    header = [
        render(key, lang)
        for key in (
            "col.no",
            "err.col.severity",
            "err.col.sheet",
            "err.col.cell",
            "err.col.value",
            "err.col.message",
        )
    ]
    header_row = len(rows)
    rows.append([Cell(h, "header") for h in header])
    if not problems:
        rows.append([None, None, None, None, None, Cell(render("err.none", lang), "met")])
    listed = sorted(problems, key=sort_key)
    room = max_rows - len(rows) - 1  # one row kept for the line saying what was left out
    if len(listed) > room:
        listed = listed[:room]
    for n, p in enumerate(listed, 1):
        severity = render("err.error" if p.is_error else "err.warning", lang)
        link = (
            f"{quote_sheet(p.sheet)}!{p.cell.split(':')[0]}"
            if p.sheet and p.cell and split_cell(p.cell.split(":")[0])[1]
            else None
        )
        rows.append(
            [
                Cell(n, "int"),
                Cell(severity, "error" if p.is_error else "warning"),
                Cell(p.sheet or "", "text"),
                Cell(p.cell or "", "link" if link else "text", link),
                Cell("" if p.value is None else _plain(p.value), "wrap"),
                Cell(p.message(lang), "wrap"),
            ]
        )
    if len(listed) < len(problems):
        left = len(problems) - len(listed)
        rows.append(
            [
                None,
                None,
                None,
                None,
                None,
                Cell(render("err.more", lang, left=left), "banner"),
            ]
        )
    return OutputSheet(
        "errors",
        C.output_name("errors", lang),
        rows,
        widths={0: 6, 1: 11, 2: 20, 3: 9, 4: 26, 5: 90},
        freeze=(header_row + 1, 0),
        autofilter=(header_row, 0, header_row + max(len(listed), 1), 5),
        repeat_rows=(header_row, header_row),
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


LOG_COLUMNS = (
    "time",
    "version",
    "period",
    "fingerprint",
    "file",
    "units",
    "staff",
    "errors",
    "warnings",
    "eligible_units",
    "eligible_people",
    "nominated_units",
    "nominated_people",
    "outcome",
)


def log_value(row: list[Any], column: str) -> Any:
    """One column of a `Nhật ký` row read back by name (None when the row is shorter)."""
    index = LOG_COLUMNS.index(column)
    return row[index] if len(row) > index else None


def log_sheet(previous: list[list[Any]], entry: list[Any], lang: str) -> OutputSheet:
    rows: list[list[Cell | None]] = [[Cell(render(f"log.{k}", lang), "header") for k in LOG_COLUMNS]]
    for old in [*previous, entry]:
        row: list[Cell | None] = []
        for i, value in enumerate(old[: len(LOG_COLUMNS)]):
            if value is None:
                row.append(None)
            elif i == 0 and isinstance(value, datetime):
                row.append(Cell(value, "datetime"))
            elif isinstance(value, float) and value.is_integer():
                row.append(Cell(int(value), "int"))
            else:
                row.append(Cell(value, "int" if isinstance(value, int) else "text"))
        rows.append(row)
    widths = {0: 20, 1: 9, 2: 11, 3: 18, 4: 28} | {i: 11 for i in range(5, 13)} | {13: 40}
    return OutputSheet(
        "log", C.output_name("log", lang), rows, widths=widths, freeze=(1, 0), tab_color="#7F7F7F"
    )


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
