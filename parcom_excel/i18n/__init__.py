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
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from ..text import nfc


class Text(NamedTuple):
    """A label in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def _modules() -> list[Any]:
    from . import cli, documents, files, law, problems, report, results, rules, sheets

    return [problems, files, rules, sheets, report, results, law, documents, cli]


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


@dataclass(frozen=True, slots=True)
class Lower:
    """A label in lower case inside a sentence ("cấp tỉnh", "hoàn thành tốt nhiệm vụ")."""

    of: Any

    def label(self, lang: str = "vi") -> str:
        return fmt(self.of, lang).lower()


def fmt(value: Any, lang: str = "vi", sep: str = ", ") -> str:
    """A value as a sentence shows it: dates dd/mm/yyyy, whole floats without ".0", lists joined."""
    if value is None:
        return ""
    if isinstance(value, Msg):
        return value.render(lang)
    if hasattr(value, "label") and callable(value.label):
        return value.label(lang)
    if isinstance(value, datetime):
        return (
            value.strftime("%d/%m/%Y %H:%M") if (value.hour or value.minute) else value.strftime("%d/%m/%Y")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return sep.join(fmt(v, lang) for v in value)
    return str(value)


class _Formatter(string.Formatter):
    lang = "vi"

    def get_value(self, key: Any, args: Any, kwargs: Any) -> Any:
        return kwargs.get(key, "") if isinstance(key, str) else super().get_value(key, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:  # "{n:item|items}": the English word that fits n
            one, many = format_spec.split("|", 1)
            try:
                return one if float(value) == 1 else many
            except (TypeError, ValueError):
                return many
        if format_spec.startswith("sep="):
            return fmt(value, self.lang, format_spec[4:])
        if format_spec and isinstance(value, (int, float, date)):
            return format(value, format_spec)
        return fmt(value, self.lang)


def render(key: str, lang: str = "vi", **fields: Any) -> str:
    """The sentence `key` in `lang`, its fields filled; an unknown key renders as itself."""
    text = CATALOG.get(key)
    if text is None:
        return key
    formatter = _Formatter()
    formatter.lang = lang
    return nfc(formatter.vformat(text.get(lang), (), fields))


def sentence(facts: list[Msg], lang: str = "vi", sep: str = "; ") -> str:
    """Clauses rendered and joined into one sentence: capital first letter, full stop at the end."""
    text = sep.join(fact.render(lang) for fact in facts)
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def plural(count: int, one: str, many: str) -> str:
    """The English word that fits `count` (for text assembled outside a template)."""
    return one if count == 1 else many
