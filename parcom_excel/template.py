"""The standard template workbook, written with XlsxWriter and derived from the contract.

Every sheet name, header, width, dropdown list and setting comes from `contract.py`; this
module only lays them out. Only the instructions' prose lives here. The file is
deterministic: a fixed creation date means rebuilding gives the same content, which lets
the shipped workbooks in `workbook/` be checked against the code (tests/test_template.py).

Regenerate the shipped files with `python -m parcom_excel.template`.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import contract as c
from .addresses import col_letter, quote_sheet
from .i18n import render
from .model import BASE_FONT
from .problems import ParcomError
from .rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA
from .text import fold

if TYPE_CHECKING:
    from .sample import SampleData

# Rows 2..VALIDATION_ROWS carry the dropdowns and formats, so users can add rows below a table.
VALIDATION_ROWS = 5000
# Fixed so that rebuilding the template gives the same file.
CREATED = datetime(2022, 1, 1, 8, 0, 0)
FONT = {"font_name": BASE_FONT, "font_size": 11}
DATE_FORMAT = "dd/mm/yyyy"
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2100, 12, 31)
SOURCE_WIDTH = 34  # a merged master's Nguồn column
GUIDE_WIDTHS = (30, 11, 24, 42, 62)  # the guide's columns A..E
SHIPPED = {"parcom_template.xlsx": False, "parcom_sample.xlsx": True}  # file -> with sample data


def print_setup(ws: Any, landscape: bool, header: bool = True) -> None:
    """Every template sheet prints on A4, one page wide, its header row on every page."""
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    if header:
        ws.repeat_rows(0)
    ws.set_footer("&C&P / &N")


def list_name(enum_key: str) -> str:
    """The workbook defined name of an enum's dropdown source (e.g. "DS_rating")."""
    return f"DS_{enum_key}"


# ---------------------------------------------------------------- code dropdowns
# Enums whose codes are the abbreviations clerks write (SPEC §2: HTXSNV, HTTNV, …): only their
# warning gives an example.
ABBREVIATED = {"rating": "HTTNV"}
# The council votes on a person or a unit: its Mã offers both sheets' codes (SPEC §2c).
COUNCIL_CODE = ("council", "code")


def code_sources(sheet: c.Sheet, column: c.Column) -> tuple[str, ...]:
    """The sheets whose codes a column names: its `ref`, or units and staff for the council."""
    if column.ref:
        return (column.ref,)
    if (sheet.key, column.key) == COUNCIL_CODE:
        return ("units", "staff")
    return ()


def code_list_name(sources: tuple[str, ...]) -> str:
    """The defined name of a code dropdown's source (e.g. "DS_DonVi", "DS_DonViCanBo")."""
    return "DS_" + "".join(c.SHEETS[key].table for key in sources)


def table_column_ref(sheet: c.Sheet, lang: str) -> str:
    """A structured reference to a table's key column, e.g. DonVi[Mã đơn vị]: Excel grows it
    with the table, LibreOffice reads it as the table's range."""
    label = sheet.column(sheet.primary_key[0]).label(lang)
    escaped = "".join(f"'{ch}" if ch in "[]#'" else ch for ch in label)
    return f"{sheet.table}[{escaped}]"


def text_lines(text: str, width: float) -> int:
    """Lines a wrapped cell of `width` (Excel character units, Arial 11) takes: greedy word wrap
    at about 1.1 characters a unit, a little short of what Excel and LibreOffice fit."""
    budget = max(1, int(width * 1.1))
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            if used == 0:
                used = len(word)
            elif used + 1 + len(word) <= budget:
                used += 1 + len(word)
            else:
                lines += 1
                used = len(word)
            while used > budget:  # a word longer than a line breaks over several
                lines += 1
                used -= budget
    return lines


def fit_row(ws: Any, row: int, cells: list[tuple[str, float]], line: float = 15.0) -> None:
    """Store a height that shows every wrapped cell of the row whole (LibreOffice prints a row
    without a stored height at one line, so wrapped text runs into the next row)."""
    lines = max((text_lines(text, width) for text, width in cells if text), default=1)
    if lines > 1:
        ws.set_row(row, line * lines + 2)


# ---------------------------------------------------------------- value rendering
@dataclass(frozen=True)
class Verbatim:
    """A cell or setting value to write exactly as a user typed it, not a code to translate
    (what `parcom merge` carries over from a unit's book when it does not parse)."""

    value: Any


def setting_value(setting: c.Setting, value: Any, lang: str = "vi") -> Any:
    """A setting's value as users read it: enum codes become labels, ranking keys are translated."""
    if isinstance(value, Verbatim):
        return value.value
    if setting.type == "enum" and setting.enum:
        enum = c.ENUMS[setting.enum]
        code = enum.parse(str(value)) or str(value)
        return enum.get(code).label(lang)
    if setting.type == "keys":
        keys = {fold(k.vi): k for k in (*c.INDIVIDUAL_KEYS, *c.COLLECTIVE_KEYS)}
        keys.update({fold(k.en): k for k in (*c.INDIVIDUAL_KEYS, *c.COLLECTIVE_KEYS)})
        parts = [p.strip() for p in str(value).split(";") if p.strip()]
        return "; ".join(keys[fold(p)].label(lang) if fold(p) in keys else p for p in parts)
    return value


def cell_value(column: c.Column, value: Any, lang: str = "vi") -> Any:
    """A sample value as written in the sheet: codes of enums become labels, lists are joined."""
    if isinstance(value, Verbatim):
        return value.value
    if value is None or value == "" or value == ():
        return None
    if column.type == c.ENUM:
        return c.ENUMS[column.enum].get(value).label(lang)
    if column.type == c.ENUM_LIST:
        return "; ".join(c.ENUMS[column.enum].get(v).label(lang) for v in value)
    if column.type == c.CODES:
        return "; ".join(value)
    return value


# ---------------------------------------------------------------- the workbook
def _repeated_formulas_sheet() -> type:
    """An XlsxWriter worksheet that prepares each distinct formula text once. The hidden lists
    sheet writes one formula thousands of times (the council's codes); XlsxWriter prepares every
    formula it is given (some thirty regular expressions for newer functions), which made a
    template take 0.8 s. The preparation is a function of the text, so its result is kept."""
    from xlsxwriter.worksheet import Worksheet

    class RepeatedFormulas(Worksheet):
        def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
            prepared = self.__dict__.setdefault("_parcom_prepared", {})
            key = (formula, expand_future_functions, self.use_future_functions)
            if key not in prepared:
                prepared[key] = super()._prepare_formula(formula, expand_future_functions)
            return prepared[key]

    return RepeatedFormulas


class _Builder:
    def __init__(self, path: Path, lang: str) -> None:
        import xlsxwriter

        self.lang = lang
        self.book = xlsxwriter.Workbook(
            str(path),
            {
                "default_format_properties": dict(FONT),
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self._formats: dict[tuple, Any] = {}

    def fmt(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format({**FONT, **props})
        return self._formats[key]

    def header_fmt(self, required: bool) -> Any:
        return self.fmt(
            bold=True,
            text_wrap=True,
            align="center",
            valign="vcenter",
            border=1,
            bg_color="#F8CBAD" if required else "#DDEBF7",
        )

    def column_fmt(self, column: c.Column) -> Any:
        if column.type == c.DATE:
            return self.fmt(num_format=DATE_FORMAT)
        if column.type in (c.INT, c.YEAR):
            return self.fmt(num_format="0")
        if column.type in (c.TEXT, c.CODES):
            return self.fmt(num_format="@")
        return self.fmt()

    def write(self, ws: Any, row: int, col: int, value: Any, fmt: Any) -> None:
        if value is None:
            return
        if isinstance(value, str):
            ws.write_string(row, col, value, fmt)
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt)
        elif isinstance(value, (date, datetime)):
            ws.write_datetime(row, col, value, fmt)
        else:
            ws.write_string(row, col, str(value), fmt)

    # ------------------------------------------------------------ the guide (Hướng dẫn)
    def guide(self, preface: list[str] | None = None) -> None:
        lang = self.lang
        ws = self.book.add_worksheet(c.GUIDE_SHEET.get(lang))
        ws.hide_gridlines(2)
        for col, width in enumerate(GUIDE_WIDTHS):
            ws.set_column(col, col, width)
        self.styles = {
            "wrap": self.fmt(text_wrap=True, valign="top"),
            "bold": self.fmt(bold=True, font_size=12, valign="top"),
            "head": self.fmt(bold=True, text_wrap=True, valign="top", border=1, bg_color="#DDEBF7"),
            "boxed": self.fmt(text_wrap=True, valign="top", border=1),
            "boxed_bold": self.fmt(text_wrap=True, valign="top", border=1, bold=True),
        }
        names = {
            "settings": c.SETTINGS_SHEET.name(lang),
            "value": c.SETTINGS_SHEET.column("value").label(lang),
            "sheets": ", ".join(f"“{s.name(lang)}”" for s in c.DATA_SHEETS),
            "units": c.UNITS.name(lang),
            "staff": c.STAFF.name(lang),
            **{key: c.output_name(key, lang) for key in c.OUTPUT_SHEETS},
        }
        defaults = {s.key: s.default for s in c.SETTINGS}
        row = 0
        for line in preface or ():  # a unit's copy: what to fill in and by when (parcom split)
            self.span(ws, row, 0, 4, line, "bold" if row == 0 else "wrap")
            row += 1
        row += 1 if preface else 0
        ws.write_string(row, 0, render("tpl.title", lang), self.fmt(bold=True, font_size=14))
        title = render("tpl.doc_title", lang, movement=defaults["movement"])
        ws.write_string(row + 1, 0, title, self.fmt(italic=True))
        agency = f"{defaults['agency']} – {defaults['parent_agency']}"
        ws.write_string(row + 2, 0, agency, self.fmt(italic=True))
        row += 4
        ws.write_string(row, 0, render("tpl.steps", lang), self.styles["bold"])
        row += 1
        for n in range(1, 8):
            ws.write_number(row, 0, n, self.fmt(align="right", valign="top"))
            self.span(ws, row, 1, 4, render(f"tpl.step{n}", lang, **names), "wrap")
            row += 1
        row = self.guide_sheets(ws, row + 1, names)
        row = self.guide_criteria(ws, row + 1)
        awards = "; ".join(a.label(lang) for a in c.AWARDS)
        self.span(ws, row, 0, 4, render("tpl.awards", lang, awards=awards, **names), "wrap")
        self.guide_documents(ws, row + 2)
        print_setup(ws, landscape=True, header=False)

    def span(self, ws: Any, row: int, first: int, last: int, text: str, style: str) -> None:
        """Text over guide columns first..last, its row as high as the wrapped text needs."""
        if first == last:
            ws.write_string(row, first, text, self.styles[style])
        else:
            ws.merge_range(row, first, row, last, text, self.styles[style])
        fit_row(ws, row, [(text, sum(GUIDE_WIDTHS[first : last + 1]))])

    def guide_sheets(self, ws: Any, row: int, names: dict[str, str]) -> int:
        """Every sheet and column of the contract: required, type, allowed values, notes."""
        lang = self.lang
        ws.write_string(row, 0, render("tpl.sheets", lang), self.styles["bold"])
        row += 1
        yes, no = c.YES_NO.labels(lang)
        for sheet in c.all_sheets():
            row += 1
            ws.write_string(
                row, 0, render("tpl.sheet", lang, name=sheet.name(lang)), self.fmt(bold=True, valign="top")
            )
            notes = [sheet.doc(lang)]
            if sheet.key == "settings":
                notes.append(render("tpl.settings_note", lang, **names))
            if sheet.primary_key:
                keys = " + ".join(sheet.column(k).label(lang) for k in sheet.primary_key)
                notes.append(render("tpl.unique", lang, keys=keys))
            self.span(ws, row, 1, 4, " ".join(notes), "wrap")
            row += 1
            for col, text in enumerate(render("tpl.col_header", lang).split("|")):
                ws.write_string(row, col, text, self.styles["head"])
            row += 1
            for column in sheet.columns:
                texts = (
                    column.label(lang),
                    yes if column.required else no,
                    render(f"tpl.type_{column.type}", lang),
                    self.allowed(sheet, column),
                    column.doc(lang),
                )
                for col, text in enumerate(texts):
                    ws.write_string(row, col, text, self.styles["boxed_bold" if col == 0 else "boxed"])
                fit_row(ws, row, list(zip(texts, GUIDE_WIDTHS, strict=True)))
                row += 1
        return row

    def guide_criteria(self, ws: Any, row: int) -> int:
        """The plan's criteria (§IV), then the law's settings with their sources."""
        lang = self.lang
        ws.write_string(row, 0, render("tpl.criteria", lang), self.styles["bold"])
        row += 1
        code, section, criterion_header = render("tpl.crit_header", lang).split("|")
        ws.write_string(row, 0, code, self.styles["head"])
        ws.write_string(row, 1, section, self.styles["head"])
        self.span(ws, row, 2, 4, criterion_header, "head")
        row += 1
        for title, criteria in (
            ("tpl.collective", COLLECTIVE_CRITERIA),
            ("tpl.individual", INDIVIDUAL_CRITERIA),
        ):
            for criterion in criteria:
                texts = (f"{criterion.id} – {render(title, lang)}", criterion.ref, criterion.label(lang))
                ws.write_string(row, 0, texts[0], self.styles["boxed_bold"])
                ws.write_string(row, 1, texts[1], self.styles["boxed"])
                self.span(ws, row, 2, 4, texts[2], "boxed")
                fit_row(ws, row, list(zip(texts, (*GUIDE_WIDTHS[:2], sum(GUIDE_WIDTHS[2:])), strict=True)))
                row += 1
        row += 1
        ws.write_string(row, 0, render("law.guide.title", lang), self.styles["bold"])
        row += 1
        ws.write_string(row, 0, render("law.guide.setting", lang), self.styles["head"])
        self.span(ws, row, 1, 4, render("law.guide.meaning", lang), "head")
        row += 1
        for setting in c.LAW_SETTINGS:
            ws.write_string(row, 0, setting.label(lang), self.styles["boxed_bold"])
            self.span(ws, row, 1, 4, setting.doc(lang), "boxed")
            fit_row(
                ws, row, [(setting.label(lang), GUIDE_WIDTHS[0]), (setting.doc(lang), sum(GUIDE_WIDTHS[1:]))]
            )
            row += 1
        return row + 1

    def guide_documents(self, ws: Any, row: int) -> int:
        """The dossier's templates and every placeholder they may hold (SPEC §5)."""
        from .documents.placeholders import PLACEHOLDERS

        lang = self.lang
        ws.write_string(row, 0, render("guide_docs_title", lang), self.styles["bold"])
        row += 1
        setting, folder = (
            c.SETTINGS_BY_KEY[k].label(lang) for k in ("documents_on_evaluate", "templates_dir")
        )
        self.span(ws, row, 0, 4, render("guide_docs_intro", lang, setting=setting, folder=folder), "wrap")
        row += 1
        name, meaning = render("guide_docs_header", lang).split("|")
        self.span(ws, row, 0, 1, name, "head")
        self.span(ws, row, 2, 4, meaning, "head")
        row += 1
        for tag, key in PLACEHOLDERS:
            text = render(key, lang)
            self.span(ws, row, 0, 1, tag, "boxed_bold")
            self.span(ws, row, 2, 4, text, "boxed")
            fit_row(ws, row, [(tag, sum(GUIDE_WIDTHS[:2])), (text, sum(GUIDE_WIDTHS[2:]))])
            row += 1
        return row

    def allowed(self, sheet: c.Sheet, column: c.Column) -> str:
        lang = self.lang
        if column.enum:
            return ", ".join(c.ENUMS[column.enum].labels(lang))
        sources = code_sources(sheet, column)
        if len(sources) == 1:
            return render("tpl.ref", lang, sheet=c.SHEETS[sources[0]].name(lang))
        if sources:
            return render("tpl.ref_either", lang, units=c.UNITS.name(lang), staff=c.STAFF.name(lang))
        if column.type == c.YEAR:
            low, high = _year_range()
            return f"{low}–{high}"
        if column.type == c.INT and column.min is not None:
            return render("tpl.min", lang, min=column.min)
        if column.type == c.DATE:
            return DATE_FORMAT
        return ""

    # ------------------------------------------------------------ settings (Cấu hình)
    def settings(self, values: dict[str, Any]) -> None:
        lang = self.lang
        sheet = c.SETTINGS_SHEET
        ws = self.book.add_worksheet(sheet.name(lang))
        wrap = self.fmt(text_wrap=True, valign="top")
        for col, column in enumerate(sheet.columns):
            ws.set_column(col, col, column.width, wrap if column.key == "doc" else self.fmt(valign="top"))
        widths = [column.width for column in sheet.columns]
        for row, setting in enumerate(c.SETTINGS, start=1):
            value = setting_value(setting, values.get(setting.key, setting.default), lang)
            value_fmt = {"num_format": DATE_FORMAT} if setting.type == "date" else {}
            label = self.fmt(bold=setting.required, valign="top", text_wrap=True)
            self.write(ws, row, 0, setting.label(lang), label)
            value_cell = self.fmt(align="left", valign="top", text_wrap=True, **value_fmt)
            if value is None and value_fmt:  # a date typed later shows as a date
                ws.write_blank(row, 1, None, value_cell)
            self.write(ws, row, 1, value, value_cell)
            self.write(ws, row, 2, setting.doc(lang), wrap)
            texts = (setting.label(lang), "" if value is None else str(value), setting.doc(lang))
            fit_row(ws, row, list(zip(texts, widths, strict=True)))
            options = self.setting_validation(setting)
            if options:
                ws.data_validation(row, 1, row, 1, options)
        self.table(ws, sheet, len(c.SETTINGS), 22)

    def setting_validation(self, setting: c.Setting) -> dict[str, Any] | None:
        """Stop alerts: a setting must be right, and each alert says what to type."""
        lang = self.lang
        if setting.type == "enum" and setting.enum:
            values = ", ".join(c.ENUMS[setting.enum].labels(lang))
            return {
                "validate": "list",
                "source": f"={list_name(setting.enum)}",
                "error_title": render("tpl.list_error_title", lang),
                "error_message": render("tpl.setting_list_error", lang, values=values),
            }
        if setting.type == "date":
            return self.date_validation()
        if setting.type in ("int", "year"):
            low = setting.min if setting.min is not None else 0
            high = setting.max if setting.max is not None else 2_147_483_647
            title = "tpl.year_error_title" if setting.type == "year" else "tpl.int_error_title"
            message = (
                "tpl.year_error"
                if setting.type == "year"
                else ("tpl.range_error" if setting.max is not None else "tpl.int_error")
            )
            return {
                "validate": "integer",
                "criteria": "between",
                "minimum": low,
                "maximum": high,
                "error_title": render(title, lang),
                "error_message": render(message, lang, min=low, max=high),
            }
        return None

    def date_validation(self) -> dict[str, Any]:
        return {
            "validate": "date",
            "criteria": "between",
            "minimum": FIRST_DATE,
            "maximum": LAST_DATE,
            "error_title": render("tpl.date_error_title", self.lang),
            "error_message": render("tpl.date_error", self.lang),
        }

    # ------------------------------------------------------------ data sheets
    def data_sheet(
        self, sheet: c.Sheet, rows: list[dict[str, Any]], sources: list[str] | None = None
    ) -> None:
        lang = self.lang
        ws = self.book.add_worksheet(sheet.name(lang))
        last_row = max(len(rows), 1)
        formats = [self.column_fmt(col) for col in sheet.columns]
        for col, column in enumerate(sheet.columns):
            ws.set_column(col, col, column.width, formats[col])
            options = self.column_validation(sheet, column)
            if options:
                ws.data_validation(1, col, max(VALIDATION_ROWS, last_row + 1) - 1, col, options)
        for r, record in enumerate(rows, start=1):
            for col, column in enumerate(sheet.columns):
                self.write(ws, r, col, cell_value(column, record.get(column.key), lang), formats[col])
        if sources is not None:  # a merged master's last column: where each row came from
            text = self.fmt(num_format="@")
            ws.set_column(len(sheet.columns), len(sheet.columns), SOURCE_WIDTH, text)
            for r, source in enumerate(sources, start=1):
                self.write(ws, r, len(sheet.columns), source, text)
        if sheet.key == "council":
            # parcom's own sheet (a marker names it), so Evaluate may pre-fill it keeping every row
            # typed; a plain range, not an Excel table, since a pre-fill rewrites it (SPEC §2c)
            for col, column in enumerate(sheet.columns):
                ws.write_string(0, col, column.label(lang), self.header_fmt(column.required))
            self.book.define_name("_parcom_council", f"={quote_sheet(ws.name)}!$A$1")
            ws.set_row(0, 33)
            ws.freeze_panes(1, 0)
            print_setup(ws, landscape=True)  # one page wide, as every data sheet
            return
        self.table(ws, sheet, last_row, 33, sources is not None)
        if sheet.primary_key and any(sheet.key in code_sources(*pair) for pair in _code_columns()):
            # the codes other sheets' dropdowns offer: the key column of this table, as it grows
            self.book.define_name(code_list_name((sheet.key,)), f"={table_column_ref(sheet, lang)}")

    def table(
        self, ws: Any, sheet: c.Sheet, last_row: int, header_height: int, sources: bool = False
    ) -> None:
        """The sheet's Excel table over its rows, headers marked required or not, header frozen."""
        columns = [
            {"header": col.label(self.lang), "header_format": self.header_fmt(col.required)}
            for col in sheet.columns
        ]
        if sources:
            header = c.SOURCE_COLUMN[c.LANGS.index(self.lang)]
            columns.append({"header": header, "header_format": self.header_fmt(False)})
        options = {"name": sheet.table, "style": "Table Style Light 1", "columns": columns}
        ws.add_table(0, 0, last_row, len(columns) - 1, options)
        ws.set_row(0, header_height)
        ws.freeze_panes(1, 0)
        print_setup(ws, landscape=True)

    def list_validation(self, sheet: c.Sheet, column: c.Column) -> dict[str, Any]:
        """A dropdown that still lets a value outside it be kept (a warning names the buttons),
        so validation, not the dialog, has the last word."""
        lang = self.lang
        sources = code_sources(sheet, column)
        if sources:
            names = {"sheet": c.SHEETS[sources[0]].name(lang)}
            if len(sources) > 1:
                key, names = (
                    "tpl.council_code_warning",
                    {"units": c.UNITS.name(lang), "staff": c.STAFF.name(lang)},
                )
            else:
                key = "tpl.codes_warning" if column.type == c.CODES else "tpl.code_warning"
            source, title = code_list_name(sources), render("tpl.code_error_title", lang)
            message = render(key, lang, **names)
        else:
            source, title = list_name(column.enum), render("tpl.list_error_title", lang)
            example = ABBREVIATED.get(column.enum or "")
            if column.type == c.ENUM_LIST:
                message = render("tpl.multi_warning", lang)
            elif example:
                message = render("tpl.list_warning_example", lang, example=example)
            else:
                message = render("tpl.list_warning", lang)
        return {
            "validate": "list",
            "source": f"={source}",
            "error_type": "warning",
            "error_title": title,
            "error_message": message,
        }

    def column_validation(self, sheet: c.Sheet, column: c.Column) -> dict[str, Any] | None:
        lang = self.lang
        options: dict[str, Any]
        if column.type in (c.ENUM, c.ENUM_LIST) or code_sources(sheet, column):
            options = self.list_validation(sheet, column)
        elif column.type == c.YEAR:
            low, high = _year_range()
            options = {
                "validate": "integer",
                "criteria": "between",
                "minimum": low,
                "maximum": high,
                "error_title": render("tpl.year_error_title", lang),
                "error_message": render("tpl.year_error", lang, min=low, max=high),
            }
        elif column.type == c.INT:
            low = column.min if column.min is not None else -2_147_483_648
            options = {
                "validate": "integer",
                "criteria": ">=",
                "value": low,
                "error_title": render("tpl.int_error_title", lang),
                "error_message": render("tpl.int_error", lang, min=low),
            }
        elif column.type == c.DATE:
            options = self.date_validation()
        else:
            options = {"validate": "any"}
        doc = column.doc(lang)
        if doc and len(doc) <= 255:
            options.update(input_title=column.label(lang)[:32], input_message=doc)
        elif options["validate"] == "any":
            return None
        return options

    # ------------------------------------------------------------ dropdown sources (hidden)
    def lists(self, codes: dict[str, list[str]]) -> None:
        """Each enum's labels in a column of the hidden sheet; then the council's codes, units
        then staff, as formulas over both tables (a list must be one range), with the values
        they have now cached for readers that do not calculate."""
        lang = self.lang
        ws = self.book.add_worksheet(c.LISTS_SHEET.get(lang), worksheet_class=_repeated_formulas_sheet())
        head = self.header_fmt(False)
        for col, enum in enumerate(c.ENUMS.values()):
            labels = enum.labels(lang)
            ws.set_column(col, col, max(14, *(len(x) + 2 for x in labels)))
            ws.write_string(0, col, enum.title(lang), head)
            for row, label in enumerate(labels, start=1):
                ws.write_string(row, col, label)
            letter = col_letter(col)
            self.book.define_name(
                list_name(enum.key), f"={quote_sheet(ws.name)}!${letter}$2:${letter}${len(labels) + 1}"
            )
        col = len(c.ENUMS)
        sources = code_sources(c.COUNCIL, c.COUNCIL.column(COUNCIL_CODE[1]))
        ws.set_column(col, col, 14)
        ws.write_string(0, col, render("tpl.council_codes", lang), head)
        first, second = (table_column_ref(c.SHEETS[key], lang) for key in sources)
        formula = f'=IFERROR(INDEX({first},ROW()-1)&"",IFERROR(INDEX({second},ROW()-1-ROWS({first}))&"",""))'
        cached = [code for key in sources for code in codes[key]]
        for row in range(1, VALIDATION_ROWS + len(cached) + 1):
            ws.write_formula(row, col, formula, None, cached[row - 1] if row <= len(cached) else "")
        cell = f"{quote_sheet(ws.name)}!${col_letter(col)}$2"
        self.book.define_name(
            code_list_name(sources), f"=OFFSET({cell},0,0,MAX(1,ROWS({first})+ROWS({second})),1)"
        )
        ws.hide()

    def close(self) -> None:
        lang = self.lang
        defaults = {s.key: s.default for s in c.SETTINGS}
        self.book.set_properties(
            {
                "title": render("tpl.doc_title", lang, movement=defaults["movement"]),
                "subject": c.SETTINGS_SHEET.doc(lang),
                "author": "parcom-excel",
                "company": str(defaults["agency"]),
                "comments": "parcom init",
                "created": CREATED,
            }
        )
        self.book.close()


def _year_range() -> tuple[int, int]:
    from_year = c.SETTINGS_BY_KEY["from_year"]
    return int(from_year.min or 2000), int(from_year.max or 2100)


def build_template(
    path: Path,
    *,
    lang: str = "vi",
    sample: SampleData | None = None,
    preface: list[str] | None = None,
    finish: Callable[[Any], None] | None = None,
) -> Path:
    """Write the standard template (with the sample's rows if given) to `path`.

    A unit's copy (`parcom split`) adds lines at the top of the guide (`preface`) and, through
    `finish(book)` called with the XlsxWriter workbook before the dropdown lists, its sheet
    protection and hidden identity."""
    if lang not in c.LANGS:
        raise ValueError(f"lang must be one of {c.LANGS}")
    path = Path(path)
    builder = _Builder(path, lang)
    builder.guide(preface)
    builder.settings(sample.settings if sample else {})
    for sheet in c.DATA_SHEETS:
        sources = sample.sources.get(sheet.key) if sample else None
        builder.data_sheet(sheet, sample.rows(sheet.key) if sample else [], sources)
    if finish is not None:
        finish(builder.book)
    builder.lists({key: _codes(sample, key, lang) for key in ("units", "staff")})
    builder.close()
    return path


def _code_columns() -> list[tuple[c.Sheet, c.Column]]:
    """Every column whose dropdown offers another sheet's codes."""
    return [(s, col) for s in c.DATA_SHEETS for col in s.columns if code_sources(s, col)]


def _codes(sample: SampleData | None, key: str, lang: str) -> list[str]:
    """A table's key column as its cells read: one blank row for an empty table."""
    sheet = c.SHEETS[key]
    column = sheet.column(sheet.primary_key[0])
    rows = sample.rows(key) if sample else []
    values = [cell_value(column, row.get(column.key), lang) for row in rows] or [None]
    return ["" if v is None else str(v) for v in values]


def build_shipped(folder: Path) -> list[Path]:
    """Write the workbooks shipped in `workbook/`: the empty template and the sample, in Vietnamese."""
    from .sample import make_sample

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        build_template(folder / name, lang="vi", sample=make_sample() if with_sample else None)
        for name, with_sample in SHIPPED.items()
    ]


# ---------------------------------------------------------------- `parcom init`
def _os_detail(exc: OSError, lang: str) -> str:
    key = {
        errno.ENOENT: "tpl.no_dir",
        errno.ENOTDIR: "tpl.not_dir",
        errno.EEXIST: "tpl.not_dir",
        errno.EACCES: "tpl.denied",
        errno.EPERM: "tpl.denied",
        errno.ENOSPC: "tpl.no_space",
        errno.EROFS: "tpl.read_only",
        errno.EISDIR: "tpl.is_dir",
    }.get(exc.errno or 0)
    return render(key, lang) if key else (exc.strerror or type(exc).__name__)


def write_template(
    path: Path, *, lang: str = "vi", sample: SampleData | None = None, force: bool = False
) -> Path:
    """Build into a temporary file beside `path`, then replace it: never a half-written template."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ParcomError("bad_option", file=str(path), detail=render("tpl.not_xlsx", lang))
    if path.is_dir():
        raise ParcomError("not_writable", file=str(path), detail=render("tpl.is_dir", lang))
    if path.exists() and not force:
        raise ParcomError("exists", file=str(path))
    from .io.safety import replace_file, verify_package

    replace_file(
        path,
        lambda tmp: build_template(tmp, lang=lang, sample=sample),
        verify=verify_package,
        refuse=lambda exc: ParcomError("not_writable", file=str(path), detail=_os_detail(exc, lang)),
    )
    return path


if __name__ == "__main__":
    for shipped in build_shipped(Path(__file__).resolve().parents[1] / "workbook"):
        print(shipped)
