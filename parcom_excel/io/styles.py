"""Our named styles merged into the user's styles.xml, reusing equal entries.

`sheetxml.Palette` holds our styles as a styles.xml of their own; `StyleMerge` maps each of its
cell formats onto the user's fonts, fills, borders and number formats (appending only what is
missing), so the user's own formats and their ids never change.
"""

from __future__ import annotations

import copy
from typing import Any, Protocol

from .opc import (
    NS_MAIN,
    NS_PKG_REL,
    REL_STYLES,
    Package,
    child_count,
    clone_element,
    local_name,
    new_rel_id,
    qn,
    relative_target,
    serialize,
    sub_element,
)
from .sheetxml import Palette


class Parts(Protocol):
    """What the style merge needs of the package edit (transplant.Edit) to add its part."""

    used: set[str]

    def put(self, name: str, data: bytes) -> None: ...

    def _allocate(self, rendered_part: str) -> str: ...

    def _override(self, part: str, kind: str | None) -> None: ...


def _canon(el: Any) -> tuple:
    """A comparable form of a style element, blind to namespace prefixes and attribute order."""
    return (
        local_name(el),
        tuple(sorted((k.rsplit("}", 1)[-1], v) for k, v in el.attrib.items())),
        (el.text or "").strip(),
        tuple(_canon(child) for child in el if isinstance(child.tag, str)),
    )


class StyleMerge:
    """Map our palette's cell formats (`sheetxml.Palette`) onto the user's styles.xml, reusing
    equal entries; a workbook without styles gets the palette itself."""

    LISTS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")

    def __init__(self, pkg: Package, palette: Palette) -> None:
        self.pkg = pkg
        self.palette = palette
        self.r_root = palette.root
        self.root = pkg.xml(pkg.styles_part) if pkg.styles_part else None
        self.own_styles = self.root is None  # no styles part: ours becomes the workbook's
        self.xf_map: dict[int, int] = {}
        self.index: dict[str, dict[tuple, int]] = {}
        self.changed = False

    def format_id(self, style: str, num_format: str | None, quote: bool) -> int:
        """The workbook's cell format id for one of our named styles."""
        return self.xf(self.palette.xf(style, num_format, quote))

    def _list(self, name: str, create: bool = False) -> Any:
        el = self.root.find(qn(NS_MAIN, name))
        if el is None and create:
            order = self.LISTS
            index = 0
            for i, child in enumerate(self.root):
                if local_name(child) in order[: order.index(name)]:
                    index = i + 1
            el = sub_element(self.root, qn(NS_MAIN, name), index=index)
        return el

    def _find_or_add(self, list_name: str, element: Any) -> int:
        container = self._list(list_name, create=True)
        table = self.index.get(list_name)
        if table is None:
            table = {}
            for i, child in enumerate(c for c in container if isinstance(c.tag, str)):
                table.setdefault(_canon(child), i)
            self.index[list_name] = table
        key = _canon(element)
        if key in table:
            return table[key]
        index = child_count(container)
        clone_element(container, element)
        table[key] = index
        container.set("count", str(index + 1))
        self.changed = True
        return index

    def _num_fmt(self, r_id: int) -> int:
        if r_id < 164:
            return r_id
        r_fmts = self.r_root.find(qn(NS_MAIN, "numFmts"))
        code = None
        for el in r_fmts if r_fmts is not None else []:
            if el.get("numFmtId") == str(r_id):
                code = el.get("formatCode")
        if code is None:
            return 0
        container = self._list("numFmts", create=True)
        ids = []
        for el in container:
            if el.get("formatCode") == code:
                return int(el.get("numFmtId", "0"))
            ids.append(int(el.get("numFmtId", "0")))
        new = max([163, *ids]) + 1
        el = sub_element(container, qn(NS_MAIN, "numFmt"))
        el.set("numFmtId", str(new))
        el.set("formatCode", code)
        container.set("count", str(child_count(container)))
        self.changed = True
        return new

    def xf(self, r_index: int) -> int:
        if self.own_styles or r_index == 0:
            return r_index
        if r_index in self.xf_map:
            return self.xf_map[r_index]
        r_xfs = [c for c in self.r_root.find(qn(NS_MAIN, "cellXfs")) if isinstance(c.tag, str)]
        source = copy.deepcopy(r_xfs[r_index])
        for attr, list_name in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            r_list = [c for c in self.r_root.find(qn(NS_MAIN, list_name)) if isinstance(c.tag, str)]
            source.set(attr, str(self._find_or_add(list_name, r_list[int(source.get(attr, "0"))])))
        source.set("numFmtId", str(self._num_fmt(int(source.get("numFmtId", "0")))))
        style_xfs = self._list("cellStyleXfs")
        if style_xfs is not None and len(style_xfs):
            source.set("xfId", "0")
        elif "xfId" in source.attrib:
            del source.attrib["xfId"]
        self.xf_map[r_index] = self._find_or_add("cellXfs", source)
        return self.xf_map[r_index]

    def finish(self, edit: Parts) -> None:
        pkg = self.pkg
        if self.own_styles:
            # the usual name when it is free: some readers (openpyxl) look for no other
            part = "xl/styles.xml" if "xl/styles.xml" not in edit.used else edit._allocate("xl/styles.xml")
            edit.put(part, serialize(self.r_root))
            edit._override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")
            rel = sub_element(pkg.wb_rels, qn(NS_PKG_REL, "Relationship"))
            rel.set("Id", new_rel_id(pkg.wb_rels))
            rel.set("Type", REL_STYLES)
            rel.set("Target", relative_target(pkg.workbook_part, part))
        elif self.changed:
            edit.put(pkg.styles_part, serialize(self.root))
