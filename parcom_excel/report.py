"""The run's summary as the console and the Excel alert show it: a view of `core.RunResult`."""

from __future__ import annotations

from typing import Any

from . import contract as C
from .i18n import Msg, render
from .rules.criteria import COLLECTIVE_CRITERIA, INDIVIDUAL_CRITERIA

# Warnings about the outcome itself (not about a row): shown one by one; the rest are counted.
SHOWN_WARNINGS = ("tie_at_edge", "quota_short", "sheet_name_taken", "marker_untrusted", "stray_cells")


def _named(candidate: Any) -> Any:
    """A nominee as the summary names it: with its tie, or the council's word still awaited."""
    if candidate.tied:
        return Msg("tied_suffix", {"name": candidate.name})
    if candidate.council in ("not_voted", "needs_council"):
        return Msg(
            "law.report.awaiting", {"name": candidate.name, "status": Msg(f"law.council.{candidate.council}")}
        )
    return candidate.name


def summary_text(result: Any, lang: str) -> str:
    errors_sheet = C.output_name("errors", lang)
    # a period holding no data at all comes first: every result below rests on nothing
    first = [p.message(lang) for p in result.warnings if p.code == "period_without_data"]
    if result.status == "data_errors":
        count = len(result.errors)
        return "\n".join(
            [*first, render("report.data_errors", lang, file=result.label, count=count, sheet=errors_sheet)]
        )
    ev = result.evaluation
    c = result.counts()
    lines = [
        *first,
        render("report.evaluated", lang, file=result.label, period=result.period),
        render(
            "report.eligible",
            lang,
            units=c["eligible_units"],
            total_units=c["units"],
            people=c["eligible_people"],
            total_people=c["staff"],
        ),
    ]
    for criteria, counted in (
        (COLLECTIVE_CRITERIA, ev.unit_tally),
        (INDIVIDUAL_CRITERIA, ev.people_tally),
    ):
        items = [
            Msg("report.criterion_count", {"id": cr.id, "count": counted.met.get(cr.id, 0)})
            for cr in criteria
        ]
        lines.append(render("report.met_per_criterion", lang, items=items))
    for award in C.AWARDS:
        for group in (ev.nominated_units, ev.nominated_people):
            chosen = sorted((x for x in group if x.award == award.key), key=lambda x: (x.rank or 0, x.id))
            if chosen:
                names = [_named(x) for x in chosen]
                lines.append(render("report.award_line", lang, award=award, names=names))
    if ev.council is not None and ev.council.decided:
        from .outputs import list_status

        lines.append(list_status(ev, lang))
    warnings = result.warnings
    if warnings:
        lines.append(render("report.warnings", lang, count=len(warnings)))
        held, counted = held_back_line(warnings, lang)
        lines += held
        shown = [p for p in warnings if p.code in SHOWN_WARNINGS]
        lines += ["- " + p.message(lang) for p in shown]
        counted += len(shown) + len(first)
        if counted < len(warnings):
            rest = len(warnings) - counted
            lines.append(render("report.other_warnings", lang, count=rest, sheet=errors_sheet))
    return "\n".join(lines)


def held_back_line(warnings: list[Any], lang: str) -> tuple[list[str], int]:
    """The line naming the candidates held back by missing data (each with the criteria it
    lacks data for), and how many warnings it stands for."""
    from .rules.missing import held_back_names

    held = held_back_names(warnings)
    names = [f"{name}: {', '.join(criteria)}" for group in held.values() for name, criteria in group.items()]
    if not names:
        return [], 0
    line = render("summary_held_back", lang, count=len(names), names="; ".join(names))
    return [line], sum(p.code.startswith("held_back_") for p in warnings)


def problem_line(p: Any, lang: str) -> str:
    severity = render("console_error" if p.is_error else "console_warning", lang)
    where = p.where()
    return f"{severity:9} {where + '  ' if where else ''}{p.message(lang)}"


def problem_lines(problems: list[Any], lang: str, limit: int = 200) -> list[str]:
    """The problems as the console lists them, errors first, at most `limit` then a count."""
    from .problems import sort_key

    ordered = sorted(problems, key=sort_key)
    lines = [problem_line(p, lang) for p in ordered[:limit]]
    if len(ordered) > limit:
        sheet = C.output_name("errors", lang)
        lines.append(render("console_more", lang, count=len(ordered) - limit, sheet=sheet))
    return lines


def validation_text(result: Any, file: str, lang: str) -> str:
    counts = {"errors": len(result.errors), "warnings": len(result.warnings)}
    return "\n".join(
        [render("console_counts", lang, file=file, **counts), *problem_lines(result.problems, lang)]
    )


def evaluation_text(result: Any, target: Any, lang: str) -> str:
    lines = [summary_text(result, lang)]
    if result.errors:
        lines += problem_lines(result.errors, lang, limit=50)
    lines.append(result.written_text(target, lang))
    return "\n".join(lines)


def to_json(result: Any, lang: str, **where: Any) -> dict[str, Any]:
    """The run as JSON: codes and numbers, never labels (`parcom … --format json`)."""
    payload: dict[str, Any] = dict(where)
    if result.errors_only:
        payload |= {"errors": len(result.errors), "warnings": len(result.warnings)}
    else:
        payload |= {
            "status": result.status,
            "period": result.period,
            "fingerprint": result.fingerprint,
            "counts": result.counts(),
        }
    payload["problems"] = [p.to_dict(lang) for p in result.problems]
    if result.evaluation is not None and not result.errors_only:
        payload["nominations"] = [
            {"kind": c.kind, "id": c.id, "name": c.name, "award": c.award, "rank": c.rank, "tied": c.tied}
            for c in result.evaluation.nominated_units + result.evaluation.nominated_people
        ]
    return payload
