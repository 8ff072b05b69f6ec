"""The one text catalog: every sentence the tool shows a user, in Vietnamese and English.

Entries are keyed; each area of the product keeps its sentences in its own module of this
package (`problems`, `rules`, `law`, `documents`, `cli`, ...), and this module joins them into
one `CATALOG` (a key defined twice is a bug, caught at import). Code outside this package
passes keys and parameters; text is rendered only at the edges (sheets, console, Excel alert,
documents) through `render`.

Templates use `{name}` fields. A field's value may be a `Msg` (a code and its parameters,
rendered in the same language), anything with a `label(lang)` method (the contract's choices,
columns, settings, awards: so parameters hold codes, never translated labels), a date, a number
or a list of those (joined by ", "; `{items:sep=; }` names another separator). English plurals: `{count:warning|warnings}` renders the word
that fits `count` ("1 warning", "2 warnings"); Vietnamese has no plural, so the same field
there is written once, e.g. "{count} cảnh báo".
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple


class Text(NamedTuple):
    """A label in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def _modules() -> list[Any]:
    from . import (
        awards,
        batch,
        cli,
        deploy,
        documents,
        excel,
        files,
        law,
        merge,
        problems,
        report,
        results,
        rules,
        sheets,
        split,
        template,
    )

    modules = [
        problems,
        files,
        rules,
        sheets,
        report,
        results,
        law,
        documents,
        cli,
        template,
        excel,
        merge,
        batch,
        split,
        awards,
        deploy,
    ]
    return modules


def _join() -> dict[str, Text]:
    catalog: dict[str, Text] = {}
    for module in _modules():
        for key, pair in module.TEXTS.items():
            if key in catalog:
                raise RuntimeError(f"text key {key!r} defined twice (second time in {module.__name__})")
            catalog[key] = Text(*pair)
    return catalog


CATALOG: dict[str, Text] = _join()


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence not yet rendered: its catalog key and the facts that fill it."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "vi") -> str:
        return render(self.code, lang, **self.params)

    def _fill(self, lang: str) -> str:
        return _fill(self.code, lang, self.params)


@dataclass(frozen=True, slots=True)
class Term:
    """A name as the user's workbook writes it (a column, a setting, a dropdown value): the same
    in every language of the messages, since a translation would name something not there."""

    of: Any
    book: str = "vi"

    def label(self, lang: str = "vi") -> str:
        return self.of.label(self.book)


@dataclass(frozen=True, slots=True)
class Lower:
    """A label in lower case inside a sentence ("cấp tỉnh", "hoàn thành tốt nhiệm vụ")."""

    of: Any

    def label(self, lang: str = "vi") -> str:
        return fmt(self.of, lang).lower()


def fmt(value: Any, lang: str = "vi", sep: str = ", ") -> str:
    """A value as a sentence shows it: dates dd/mm/yyyy, whole floats without ".0", lists joined."""
    kind = type(value)
    if kind is str:
        return value
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if kind is Msg:
        return value._fill(lang)
    if isinstance(value, (list, tuple)):
        return sep.join([fmt(v, lang) for v in value])
    label = getattr(value, "label", None)
    if label is not None and callable(label):
        return label(lang)
    if isinstance(value, datetime):
        return (
            value.strftime("%d/%m/%Y %H:%M") if (value.hour or value.minute) else value.strftime("%d/%m/%Y")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field(value: Any, spec: str, lang: str) -> str:
    if not spec:
        return fmt(value, lang)
    if "|" in spec:  # "{n:item|items}": the English word that fits n
        one, many = spec.split("|", 1)
        try:
            return one if float(value) == 1 else many
        except (TypeError, ValueError):
            return many
    if spec.startswith("sep="):
        return fmt(value, lang, spec[4:])
    if isinstance(value, (int, float, date)):
        return format(value, spec)
    return fmt(value, lang)


# Each template parsed once: (literal, field name or None, format spec) triples.
_PARSED: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}


def _parts(key: str, lang: str) -> list[tuple[str, str | None, str]] | None:
    parts = _PARSED.get((key, lang))
    if parts is None:
        text = CATALOG.get(key)
        if text is None:
            return None
        parts = [(lit, name, spec or "") for lit, name, spec, _ in string.Formatter().parse(text.get(lang))]
        _PARSED[(key, lang)] = parts
    return parts


def _fill(key: str, lang: str, fields: Mapping[str, Any]) -> str:
    parts = _parts(key, lang)
    if parts is None:
        return key
    out = []
    for literal, name, spec in parts:
        if literal:
            out.append(literal)
        if name is not None:
            value = fields.get(name)
            out.append(fmt(value, lang) if not spec else _field(value, spec, lang))
    return "".join(out)


def render(key: str, lang: str = "vi", **fields: Any) -> str:
    """The sentence `key` in `lang`, its fields filled; an unknown key renders as itself."""
    text = _fill(key, lang, fields)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def sentence(facts: list[Msg], lang: str = "vi", sep: str = "; ") -> str:
    """Clauses rendered and joined into one sentence: capital first letter, full stop at the end."""
    text = sep.join([fact.render(lang) for fact in facts])
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
