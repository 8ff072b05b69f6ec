"""The settings sheet read into a `Settings` value: quotas, thresholds, periods and orders, each
parsed, checked and cited by its cell."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import contract as C
from .i18n import Msg
from .problems import ERROR, Problem
from .settings import Settings
from .text import clean, fold, strip_marks
from .values import BAD, as_date


def defaults() -> Settings:
    values = {}
    for s in C.SETTINGS:
        if s.type == "keys":
            values[s.key] = parse_keys(s.default, s.key)[0]
        elif s.type == "ratio":
            values[s.key] = parse_ratio(s.default)
        else:
            values[s.key] = s.default
    return Settings(values)


def parse_ratio(value: Any) -> Fraction | None:
    """ "2/3", "67%", "0,5" or 0.5 -> a fraction between 0 and 1; None when it is none of these."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)):
            ratio = Fraction(value).limit_denominator(1000)
            ratio = ratio / 100 if ratio > 1 else ratio
        else:
            text = str(value).strip().replace(",", ".").replace(" ", "")
            if text.endswith("%"):
                ratio = Fraction(text[:-1]) / 100
            else:
                ratio = Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None
    return ratio if 0 <= ratio <= 1 else None


def parse_keys(text: Any, key: str) -> tuple[list[str], list[str]]:
    """Ranking order text -> (known keys, unknown words)."""
    catalog = C.INDIVIDUAL_KEYS if key == "order_individuals" else C.COLLECTIVE_KEYS
    known, unknown = [], []
    for word in str(text or "").replace(",", ";").replace("\n", ";").split(";"):
        if not word.strip():
            continue
        match = next(
            (
                k.key
                for k in catalog
                if fold(word) in (fold(k.vi), fold(k.en), k.key) or strip_marks(word) == strip_marks(k.vi)
            ),
            None,
        )
        (known if match else unknown).append(match or clean(word))
    return known, unknown


def _as_date(value: Any) -> Any:
    day = as_date(value)
    return None if day is BAD else day


# setting type -> (parser giving None for an unusable value, the hint of the catalog)
_PARSERS = {"ratio": (parse_ratio, "law_hint_ratio"), "date": (_as_date, "law_hint_date")}


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        if text.lstrip("-").isdigit():
            return int(text)
    return None


def read_settings(
    raw: dict[str, tuple[Any, str]], sheet: str, lang: str = "vi"
) -> tuple[Settings, list[Problem]]:
    """The settings sheet's rows (key -> value, cell) as a `Settings`, and what is wrong with them;
    `lang` is the workbook's, so messages name settings as the sheet writes them."""
    settings = defaults()
    settings.sheet = sheet
    settings.book = lang
    problems: list[Problem] = []
    for setting in C.SETTINGS:
        if setting.key not in raw:
            if setting.required:
                facts = {"name": setting.label(lang), "default": setting.default}
                problems.append(Problem("setting_missing", ERROR, sheet, None, None, facts))
            continue
        value, cell = raw[setting.key]
        settings.cells[setting.key] = cell
        said: list[tuple[str, Any, dict[str, Any]]] = []
        parsed = _parse(setting, value, lang, said)
        problems += [Problem(code, ERROR, sheet, cell, v, facts) for code, v, facts in said]
        if parsed is not _UNSET:
            settings.values[setting.key] = parsed
    return settings, problems + _quota_problems(settings, lang)


_UNSET = object()  # a blank or unusable value: the default stays


def _parse(setting: Any, value: Any, lang: str, said: list[tuple[str, Any, dict[str, Any]]]) -> Any:
    """One setting's value, or _UNSET; what is wrong goes into `said` as (code, value, facts)."""

    def bad(hint: Msg) -> Any:
        said.append(("bad_setting", value, {"name": setting.label(lang), "hint": hint}))
        return _UNSET

    if value is None or (isinstance(value, str) and not value.strip()):
        return bad(Msg("hint.enter_value")) if setting.required else _UNSET
    if setting.type in ("int", "year"):
        number = _as_int(value)
        if number is None:
            return bad(Msg("hint.whole_number"))
        if (setting.min is not None and number < setting.min) or (
            setting.max is not None and number > setting.max
        ):
            lo = setting.min if setting.min is not None else ""
            hi = setting.max if setting.max is not None else ""
            return bad(Msg("hint.number_range", {"min": lo, "max": hi}))
        return number
    if setting.type == "enum":
        code = C.ENUMS[setting.enum].parse(str(value))
        return (
            bad(Msg("hint.choose_one", {"choices": C.ENUMS[setting.enum].labels(lang)}))
            if code is None
            else code
        )
    if setting.type in _PARSERS:
        parse, hint = _PARSERS[setting.type]
        parsed = parse(value)
        return bad(Msg(hint)) if parsed is None else parsed
    if setting.type == "keys":
        known, unknown = parse_keys(value, setting.key)
        catalog = C.INDIVIDUAL_KEYS if setting.key == "order_individuals" else C.COLLECTIVE_KEYS
        for word in unknown:
            said.append(("unknown_tiebreak", word, {"choices": "; ".join(k.label(lang) for k in catalog)}))
        return known or _UNSET
    return clean(str(value))


def _quota_problems(settings: Settings, lang: str) -> list[Problem]:
    problems = []
    for award in ("bk", "gk"):
        for target in ("collectives", "individuals"):
            lo, hi = settings.quota(award, target)
            if lo > hi:
                key = f"{award}_{target}_min"
                facts = {"max": hi, "name": C.SETTINGS_BY_KEY[key].label(lang)}
                problems.append(
                    Problem("quota_min_gt_max", ERROR, settings.sheet, settings.cells.get(key), lo, facts)
                )
    return problems


def override_period(
    settings: Settings, from_year: int | None, to_year: int | None, file: str | None = None
) -> list[Problem]:
    """Apply the command's period; a reversed period is the settings' error (exit 1, the cell
    named) when the settings alone give it, and the command's (ParcomError, exit 2) otherwise."""
    from .problems import ParcomError

    given = {"from_year": from_year, "to_year": to_year}
    for key, value in given.items():
        if value is not None:
            settings.values[key] = value
            settings.cells.pop(key, None)  # a reason must not cite the cell the command overrode
    if settings.from_year <= settings.to_year:
        return []
    if from_year is None and to_year is None:
        return [
            Problem(
                "period_reversed",
                ERROR,
                settings.sheet,
                settings.cells.get("from_year"),
                settings.from_year,
                {"from_year": settings.from_year, "to_year": settings.to_year},
            )
        ]
    ends = {}
    for key, option in (("from_year", "--from-year"), ("to_year", "--to-year")):
        cell = settings.cells.get(key)
        ends[key] = (
            option if given[key] is not None else f"{settings.sheet}!{cell}" if cell else settings.sheet
        )
    raise ParcomError(
        "period_reversed_option",
        file=file,
        from_year=settings.from_year,
        to_year=settings.to_year,
        from_where=ends["from_year"],
        to_where=ends["to_year"],
    )
