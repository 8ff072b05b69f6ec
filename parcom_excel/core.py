"""The one pipeline every entry point runs: read, validate, evaluate, build outputs, write.

The CLI, the batch runner and the Excel button differ only by the adapter they pass in.
"""

from __future__ import annotations

import functools
import gc
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from . import contract as C
from .adapter import Adapter
from .i18n import render
from .lifetime import keep
from .model import Cell, OutputSheet
from .problems import WARNING, Problem, ProblemList

EVALUATED, DATA_ERRORS = "evaluated", "data_errors"


@dataclass
class RunResult(ProblemList):
    label: str
    lang: str
    status: str
    problems: list[Problem]
    fingerprint: str
    period: str
    evaluation: Any = None  # rules.evaluate.Evaluation when evaluated
    outputs: list[OutputSheet] = field(default_factory=list)
    written: bool = False
    read: dict[str, int] = field(default_factory=dict)  # rows read (units, staff), even on an error run
    errors_only: bool = False  # a validation run: no evaluation was asked for

    @property
    def exit_code(self) -> int:
        return 0 if self.status == EVALUATED else 1

    @property
    def next_sheet(self) -> str | None:
        """The sheet a user needs next: the errors, or the nomination list."""
        return self.next_sheet_of(self.outputs)

    def next_sheet_of(self, outputs: list[OutputSheet]) -> str | None:
        keys = ("errors",) if self.status == DATA_ERRORS else ("nominations", "errors")
        return next((o.name for key in keys for o in outputs if o.key == key), None)

    def counts(self) -> dict[str, int]:
        counts = {"errors": len(self.errors), "warnings": len(self.warnings), **self.read}
        if self.evaluation is not None:
            ev = self.evaluation
            counts |= {
                "units": len(ev.units),
                "staff": len(ev.people),
                "eligible_units": ev.unit_tally.eligible,
                "eligible_people": ev.people_tally.eligible,
                "nominated_units": len(ev.nominated_units),
                "nominated_people": len(ev.nominated_people),
            }
        return counts

    def summary_text(self, lang: str | None = None) -> str:
        from .report import summary_text

        return summary_text(self, lang or self.lang)

    def written_text(self, target: Any, lang: str | None = None) -> str:
        """What the run wrote into `target`: the results, or only the error list."""
        lang = lang or self.lang
        if self.status == EVALUATED:
            return render("written_results", lang, file=target)
        text = render("written_errors", lang, file=target, sheet=C.output_name("errors", lang))
        stale = [o.name for o in self.outputs if o.key in STALE_KEYS]
        if stale:
            text += " " + render("written_stale", lang, sheets=", ".join(f'"{name}"' for name in stale))
        return text


STALE_KEYS = ("units_result", "staff_result", "nominations", "dashboard")


def _canonical(value: Any) -> Any:
    """The same value read by calamine or by Excel (floats for integers, datetimes for dates)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if not (value.hour or value.minute or value.second)
            else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if value == "":
        return None
    return value


def fingerprint_inputs(inputs: Any, from_year: int | None, to_year: int | None) -> str:
    """A hash of what the evaluation reads (not of the file, which our own sheets change)."""
    digest = hashlib.sha256()
    settings = sorted((key, _canonical(value)) for key, (value, _) in inputs.settings.items())
    digest.update(repr((settings, from_year, to_year)).encode("utf-8"))
    for key in sorted(inputs.tables):
        table = inputs.tables[key]
        for column in sorted(table.data):
            values = [v if type(v) is str or v is None else _canonical(v) for v in table.data[column]]
            digest.update(repr((key, column, values)).encode("utf-8"))
    return digest.hexdigest()


def _without_gc(func):
    """Run with the cyclic GC off: a run allocates millions of acyclic records, and the full
    collections their growth triggers cost about 8% of a province run (benchmarks/RESULTS.md)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper


@_without_gc
def run(
    adapter: Adapter,
    *,
    lang: str = "vi",
    from_year: int | None = None,
    to_year: int | None = None,
    write: bool = True,
    errors_only: bool = False,
    now: datetime | None = None,
    council_sheet: bool = False,
) -> RunResult:
    """Read, validate, evaluate and (unless `write` is false) write the output sheets."""
    from .reader import read_inputs
    from .validate import validate

    when = (now or datetime.now()).replace(microsecond=0)
    inputs = read_inputs(adapter)
    validation = validate(inputs, from_year, to_year)
    fingerprint = fingerprint_inputs(inputs, from_year, to_year)
    result = RunResult(
        adapter.label,
        lang,
        DATA_ERRORS if validation.errors else EVALUATED,
        list(validation.problems),
        fingerprint,
        _period(inputs, from_year, to_year),
        read={key: len(inputs.tables[key].rows) for key in ("units", "staff")},
        errors_only=errors_only,
    )
    owned = adapter.owned()
    if errors_only:
        _stale_results(result, inputs, owned)
    else:
        _evaluate(result, validation)
    result.outputs = _outputs(result, inputs, adapter, owned, when, council_sheet)
    if write:
        _release_inputs(inputs, validation)
        result.problems += adapter.write(result.outputs)
        result.written = True
    keep(inputs, validation, result)  # never freed by the `parcom` program (lifetime.py)
    return result


def _stale_results(result: RunResult, inputs: Any, owned: dict[str, str]) -> None:
    """A validation run says when the results in the book are of other data than today's."""
    from .outputs import log_value

    if inputs.log_rows and "units_result" in owned:
        last = inputs.log_rows[-1]
        logged = log_value(last, "fingerprint")  # a row too short to hold one says nothing
        if logged is not None and str(logged) != result.fingerprint[:16]:
            result.problems.append(Problem("results_stale", WARNING, owned["units_result"], None, last[0]))


def _evaluate(result: RunResult, validation: Any) -> None:
    if validation.errors:
        return
    from .records import build_world
    from .rules.evaluate import evaluate

    evaluation = evaluate(build_world(validation.data))
    result.problems += evaluation.problems
    if any(p.is_error for p in evaluation.problems):
        # the council's decisions are checked against the evaluation: bad ones stop it too
        result.status = DATA_ERRORS
    else:
        result.evaluation = evaluation


def _outputs(
    result: RunResult, inputs: Any, adapter: Adapter, owned: dict[str, str], when: datetime, council: bool
) -> list[OutputSheet]:
    """The sheets this run writes: the error list alone, or every result sheet; then the log."""
    from .outputs import _stamp, errors_sheet, fit_heights, log_entry, log_sheet, stale_sheet

    lang, period, fingerprint, evaluation = result.lang, result.period, result.fingerprint, result.evaluation
    stamp = _stamp(lang, when, fingerprint, period)
    if evaluation is None:
        checked = Cell(
            render("errors_stamp", lang, when=when, period=period, fingerprint=fingerprint[:12]), "subtitle"
        )
        outputs = [errors_sheet(result.problems, lang, checked, adapter.label)]
        if not result.errors_only:
            outputs += [stale_sheet(key, lang, when) for key in STALE_KEYS if key in owned]
    else:
        outputs = _result_sheets(result, inputs, adapter, stamp, when, council)
    if not result.errors_only:
        outcome = render("log.evaluated" if result.status == EVALUATED else "log.data_errors", lang)
        entry = log_entry(when, period, fingerprint, adapter.label, result.counts(), outcome)
        outputs.append(log_sheet(inputs.log_rows, entry, lang))
    outputs = [fit_heights(sheet) for sheet in outputs]
    following = result.next_sheet_of(outputs)
    for sheet in outputs:  # a sheet under another language's name is ours, not renamed
        sheet.names = C.OUTPUT_SHEETS.get(
            sheet.key, (C.COUNCIL.vi, C.COUNCIL.en) if sheet.key == "council" else ()
        )
        sheet.active = sheet.name == following  # the workbook opens on it (as the button does)
    return outputs


def _result_sheets(
    result: RunResult, inputs: Any, adapter: Adapter, stamp: Any, when: datetime, council: bool
) -> list[OutputSheet]:
    from .outputs import dashboard_sheet, errors_sheet, nominations_sheet, results_sheet
    from .rules.missing import held_back

    evaluation, lang = result.evaluation, result.lang
    result.problems += held_back(evaluation)
    outputs = [
        errors_sheet(result.problems, lang, stamp, adapter.label),
        results_sheet("units_result", evaluation, lang, stamp),
        results_sheet("staff_result", evaluation, lang, stamp),
        nominations_sheet(evaluation, lang, when),
        dashboard_sheet(evaluation, lang, stamp),
    ]
    if council or evaluation.world.settings.council_prefill == "Y":
        outputs += _council_prefill(inputs, adapter, evaluation, lang, result.problems)
    return outputs


def _release_inputs(inputs: Any, validation: Any) -> None:
    """The raw and typed copies of the input are not read any more: free them before the writer's
    peak (at Excel's row limit they hold several hundred MB)."""
    for table in inputs.tables.values():
        table.data.clear()
    if validation.data is not None:
        validation.data.frames.clear()
        validation.data.columns.clear()


def _council_prefill(
    inputs: Any, adapter: Adapter, evaluation: Any, lang: str, problems: list[Problem]
) -> list[OutputSheet]:
    """The council's sheet with the list's candidates added, when it is ours to rewrite: made by
    the template or by an earlier pre-fill. A sheet the user made is never rewritten."""
    from .outputs import council_sheet
    from .reader import locate_sheet

    owned = adapter.owned()
    table = inputs.tables["council"]
    if "council" not in inputs.absent and table.sheet != owned.get("council"):
        problems.append(Problem("law_prefill_user_sheet", WARNING, table.sheet, None))
        return []
    if "council" in inputs.absent and locate_sheet(adapter.sheet_names(), C.COUNCIL):
        problems.append(Problem("law_prefill_user_sheet", WARNING, C.COUNCIL.name(lang), None))
        return []
    keys = list(table.data)
    typed = [dict(zip(keys, values, strict=True)) for values in zip(*table.data.values(), strict=True)]
    return [council_sheet(typed, evaluation, lang)]


def _period(inputs: Any, from_year: int | None, to_year: int | None) -> str:
    def year(key: str, override: int | None) -> str:
        if override is not None:
            return str(override)
        value = inputs.settings.get(key, (C.SETTINGS_BY_KEY[key].default, ""))[0]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    lo, hi = year("from_year", from_year), year("to_year", to_year)
    return lo if lo == hi else f"{lo}–{hi}"
