"""The transplant: our rendered sheets, their drawings and charts moved into the user's package.

`Edit` computes every part that changes before a byte is written: our previous sheets and what
only they used are dropped, the rendered sheet parts take their places (same position, same
part name on a re-run), the workbook, its relationships, content types, defined names and
docProps/app.xml are updated, the cells are written by `sheetxml` with style ids of the user's
styles.xml (`styles.StyleMerge`), and the workbook opens on the sheet needed next.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from ..addresses import quote_sheet
from ..model import OutputSheet
from .opc import (
    CT_RELS,
    NS_CT,
    NS_EP,
    NS_MAIN,
    NS_PKG_REL,
    NS_R,
    NS_VT,
    REL_CALC_CHAIN,
    REL_WORKSHEET,
    Package,
    Packed,
    clone_element,
    content_type,
    folder_of,
    local_name,
    new_rel_id,
    qn,
    relative_target,
    rels_name,
    resolve_target,
    serialize,
    source_of_rels,
    sub_element,
)
from .sheetxml import Palette, SheetCells, fill_sheet
from .styles import StyleMerge


@dataclasses.dataclass
class Plan:
    """Where one output sheet goes: its final name, its marker, the sheet it replaces."""

    output: OutputSheet
    name: str  # final sheet name
    marker: str  # defined name
    replace: int | None  # index in <sheets> of our previous sheet, or None to append
    index: int = -1  # final position in <sheets>


class Edit:
    """Everything that changes, computed before a byte is written."""

    def __init__(
        self,
        pkg: Package,
        rendered: Package,
        plans: list[Plan],
        outputs: list[OutputSheet],
        date_1904: bool,
    ) -> None:
        self.pkg, self.rendered, self.plans = pkg, rendered, plans
        self.outputs, self.date_1904 = outputs, date_1904
        self.written: dict[str, tuple[str, bytes | Packed]] = {}  # lower name -> (name, data)
        self.removed: set[str] = set()  # lower names
        self.used = {info.filename.lower() for info in pkg.infos}

    def put(self, name: str, data: bytes | Packed) -> None:
        self.written[name.lower()] = (name, data)
        self.used.add(name.lower())

    # ------------------------------------------------------------ orchestration
    def run(self) -> None:
        pkg = self.pkg
        sheets = pkg.sheets()
        self.old_names = [el.get("name", "") for el, _, _ in sheets]
        if any(p.replace is not None for p in self.plans):
            self._drop_old(sheets)
            self._drop_calc_chain()
        styles = StyleMerge(pkg, Palette())
        r_sheets = self.rendered.sheets()
        r_names = self.rendered.defined_names()
        for i, plan in enumerate(self.plans):
            r_part = r_sheets[i][1]
            assert r_part is not None
            old_part = sheets[plan.replace][1] if plan.replace is not None else None
            new_part = self._transplant_tree(r_part, old_part, styles, self.outputs[i])
            self._workbook_entry(plan, new_part, sheets)
            self._defined_names(plan, i, r_names)
        styles.finish(self)
        self._activate()
        self._app_titles(sheets)
        self.put(pkg.real("[Content_Types].xml"), serialize(pkg.types))
        self.put(pkg.workbook_part, serialize(pkg.workbook))
        self.put(pkg.wb_rels_part, serialize(pkg.wb_rels))

    def set_workbook_type(self, kind: str) -> None:
        """Give the workbook part the content type its file name calls for (see _workbook_type)."""
        if content_type(self.pkg.types, self.pkg.workbook_part) == kind:
            return
        self._override(self.pkg.workbook_part, kind)
        self.put(self.pkg.real("[Content_Types].xml"), serialize(self.pkg.types))

    # ------------------------------------------------------------ the sheet the workbook opens on
    def _activate(self) -> None:
        """Open the workbook on our sheet marked active (the errors or the nomination list), as
        the Evaluate button does: every workbook view's activeTab points at it, and no other tab
        stays selected (two selected tabs put Excel in group mode, where typing edits both)."""
        plan = next((p for p in self.plans if p.output.active), None)
        if plan is None:
            return
        wb = self.pkg.workbook
        views = wb.find(qn(NS_MAIN, "bookViews"))
        if views is None:
            views = sub_element(wb, qn(NS_MAIN, "bookViews"), index=list(wb).index(self.pkg.sheets_el))
        if views.find(qn(NS_MAIN, "workbookView")) is None:
            sub_element(views, qn(NS_MAIN, "workbookView"))
        for view in views.findall(qn(NS_MAIN, "workbookView")):
            view.set("activeTab", str(plan.index))
            if int(view.get("firstSheet", "0") or 0) > plan.index:
                view.set("firstSheet", str(plan.index))
        for _, part, _ in self.pkg.sheets():
            if part and part.lower() not in self.written and part.lower() not in self.removed:
                if self.pkg.has(part):
                    self._unselect(part)

    def _unselect(self, part: str) -> None:
        """Drop tabSelected from a sheet we do not rewrite, streaming the rest of it unchanged."""
        info = self.pkg.lookup[part.lower()]
        with self.pkg.zf.open(info) as fh:
            head = fh.read(_HEAD)
        cut = head.find(b"<sheetData")
        cut = len(head) if cut < 0 else cut
        if not _TAB_SELECTED.search(head, 0, cut):
            return

        def pieces() -> Iterable[bytes]:
            with self.pkg.zf.open(info) as fh:
                first = fh.read(_HEAD)
                yield _TAB_SELECTED.sub(b"", first[:cut])
                yield first[cut:]
                while chunk := fh.read(1 << 20):
                    yield chunk

        self.put(info.filename, Packed.of(pieces()))

    # ------------------------------------------------------------ removing our previous sheets
    def _all_rels(self) -> dict[str, list[str]]:
        """Source part (lower) -> target parts (lower) of every internal relationship."""
        graph: dict[str, list[str]] = {}
        for info in self.pkg.infos:
            name = info.filename
            if not name.lower().endswith(".rels") or "/_rels/" not in "/" + name.lower():
                continue
            source = source_of_rels(name)
            root = self.pkg.xml(name)
            if root is None:
                continue
            base = folder_of(source)
            graph[source.lower()] = [
                resolve_target(base, rel.get("Target") or "").lower()
                for rel in root
                if rel.get("TargetMode") != "External"
            ]
        return graph

    def _drop_old(self, sheets: list[tuple[Any, str | None, str]]) -> None:
        graph = self._all_rels()
        old = {
            sheets[p.replace][1].lower() for p in self.plans if p.replace is not None and sheets[p.replace][1]
        }
        wb = self.pkg.workbook_part.lower()
        if wb in graph:  # the workbook's link to a sheet we replace does not keep that sheet alive
            graph[wb] = [t for t in graph[wb] if t not in old]
        candidates: set[str] = set()
        todo = list(old)
        while todo:
            part = todo.pop()
            if part in candidates or not self.pkg.has(part):
                continue
            candidates.add(part)
            todo.extend(graph.get(part, []))
        # a part also used from outside (an image shared with a user's drawing) stays
        keep: set[str] = set()
        todo = [
            target
            for source, targets in graph.items()
            if source not in candidates
            for target in targets
            if target in candidates
        ]
        while todo:
            part = todo.pop()
            if part in keep:
                continue
            keep.add(part)
            todo.extend(t for t in graph.get(part, []) if t in candidates)
        for part in candidates - keep:
            self._remove(part)

    def _remove(self, part: str) -> None:
        self.removed.add(part.lower())
        rels = rels_name(part).lower()
        if rels in self.pkg.lookup:
            self.removed.add(rels)
            self._drop_override(rels)
        self.used.discard(part.lower())
        self.used.discard(rels)
        self._drop_override(part)

    def _drop_override(self, part: str) -> None:
        wanted = "/" + part.lower()
        for node in list(self.pkg.types):
            if local_name(node) == "Override" and (node.get("PartName") or "").lower() == wanted:
                self.pkg.types.remove(node)

    def _drop_calc_chain(self) -> None:
        pkg = self.pkg
        for rel in list(pkg.wb_rels):
            if rel.get("Type") == REL_CALC_CHAIN:
                part = pkg.targets.get(rel.get("Id", ""), ("", ""))[1]
                pkg.wb_rels.remove(rel)
                if part and pkg.has(part):
                    self._remove(part)

    # ------------------------------------------------------------ adding parts
    def _allocate(self, rendered_part: str) -> str:
        folder, _, leaf = rendered_part.rpartition("/")
        stem, dot, ext = leaf.rpartition(".")
        stem = stem.rstrip("0123456789") or stem
        n = 1
        while True:
            name = f"{folder}/{stem}{n}{dot}{ext}"
            if name.lower() not in self.used:
                self.used.add(name.lower())
                return name
            n += 1

    def _transplant_tree(
        self, r_sheet: str, old_part: str | None, styles: StyleMerge, output: OutputSheet
    ) -> str:
        """Copy a rendered sheet, with its cells put in, and the parts it uses; return the
        sheet's new part name."""
        rendered = self.rendered
        names: dict[str, str] = {}
        order: list[str] = []
        todo = [r_sheet]
        while todo:
            part = todo.pop(0)
            if part in names:
                continue
            if part == r_sheet and old_part and old_part.lower() not in self.used:
                names[part] = old_part
                self.used.add(old_part.lower())
            else:
                names[part] = self._allocate(part)
            order.append(part)
            rels = rendered.xml(rels_name(part))
            if rels is not None:
                for rel in rels:
                    if rel.get("TargetMode") != "External":
                        todo.append(resolve_target(folder_of(part), rel.get("Target") or ""))
        for part in order:
            new = names[part]
            data: bytes | Packed = rendered.read(part)
            if part == r_sheet:
                skeleton = _TAB_SELECTED.sub(b"", data)
                if output.active:
                    skeleton = skeleton.replace(b"<sheetView ", b'<sheetView tabSelected="1" ', 1)
                cells = SheetCells(output, styles.format_id, self.date_1904)
                data = Packed.of(fill_sheet(skeleton, cells))
            self.put(new, data)
            self._override(new, content_type(rendered.types, part))
            rels = rendered.xml(rels_name(part))
            if rels is not None:
                for rel in rels:
                    if rel.get("TargetMode") != "External":
                        target = resolve_target(folder_of(part), rel.get("Target") or "")
                        rel.set("Target", relative_target(new, names[target]))
                self.put(rels_name(new), serialize(rels))
                self._rels_type(rels_name(new))
        return names[r_sheet]

    def _override(self, part: str, kind: str | None) -> None:
        if not kind:
            return
        self._drop_override(part)
        node = sub_element(self.pkg.types, qn(NS_CT, "Override"))
        node.set("PartName", "/" + part)
        node.set("ContentType", kind)

    def _rels_type(self, part: str) -> None:
        """Packages without a Default for .rels list every relationships part: list ours too."""
        for node in self.pkg.types:
            if local_name(node) == "Default" and (node.get("Extension") or "").lower() == "rels":
                return
        self._override(part, CT_RELS)

    # ------------------------------------------------------------ workbook.xml
    def _workbook_entry(self, plan: Plan, part: str, sheets: list[tuple[Any, str | None, str]]) -> None:
        pkg = self.pkg
        target = relative_target(pkg.workbook_part, part)
        if plan.replace is not None:
            el = sheets[plan.replace][0]
            el.set("name", plan.name)
            rid = el.get(qn(NS_R, "id"), "")
            for rel in pkg.wb_rels:
                if rel.get("Id") == rid:
                    if (
                        resolve_target(folder_of(pkg.workbook_part), rel.get("Target") or "").lower()
                        != part.lower()
                    ):
                        rel.set("Target", target)
            return
        rid = new_rel_id(pkg.wb_rels)
        rel = sub_element(pkg.wb_rels, qn(NS_PKG_REL, "Relationship"))
        rel.set("Id", rid)
        rel.set("Type", REL_WORKSHEET)
        rel.set("Target", target)
        ids = [int(el.get("sheetId", "0")) for el in pkg.sheets_el.findall(qn(NS_MAIN, "sheet"))]
        el = sub_element(pkg.sheets_el, qn(NS_MAIN, "sheet"))
        el.set("name", plan.name)
        el.set("sheetId", str(max(ids, default=0) + 1))
        el.set(qn(NS_R, "id"), rid)

    def _defined_names(self, plan: Plan, r_index: int, r_names: Any) -> None:
        names = self._names_element()
        if plan.replace is not None:  # names that belonged to our previous sheet
            for el in names.findall(qn(NS_MAIN, "definedName")):
                if el.get("localSheetId") == str(plan.index):
                    names.remove(el)
        if r_names is not None:
            for el in r_names.findall(qn(NS_MAIN, "definedName")):
                if el.get("localSheetId") == str(r_index):
                    new = clone_element(names, el)
                    new.set("localSheetId", str(plan.index))
        marker = None
        for el in names.findall(qn(NS_MAIN, "definedName")):
            if el.get("name", "").lower() == plan.marker.lower() and el.get("localSheetId") is None:
                if marker is None:
                    marker = el
                else:
                    names.remove(el)
        if marker is None:
            marker = sub_element(names, qn(NS_MAIN, "definedName"))
            marker.set("name", plan.marker)
            marker.set("hidden", "1")
        marker.text = quote_sheet(plan.name) + "!$A$1"

    def _names_element(self) -> Any:
        wb = self.pkg.workbook
        names = wb.find(qn(NS_MAIN, "definedNames"))
        if names is None:
            after = ("sheets", "functionGroups", "externalReferences")
            index = max(i for i, el in enumerate(wb) if local_name(el) in after) + 1
            names = sub_element(wb, qn(NS_MAIN, "definedNames"), index=index)
        return names

    # ------------------------------------------------------------ docProps/app.xml
    def _app_titles(self, sheets: list[tuple[Any, str | None, str]]) -> None:
        pkg = self.pkg
        if not pkg.app_part or not pkg.has(pkg.app_part):
            return
        root = pkg.xml(pkg.app_part)
        pairs_vec = root.find(f"{qn(NS_EP, 'HeadingPairs')}/{qn(NS_VT, 'vector')}")
        titles_vec = root.find(f"{qn(NS_EP, 'TitlesOfParts')}/{qn(NS_VT, 'vector')}")
        if pairs_vec is None or titles_vec is None:
            return
        variants = list(pairs_vec)
        titles = list(titles_vec)
        groups: list[tuple[str, Any]] = []
        try:
            for k in range(0, len(variants) - 1, 2):
                groups.append(((variants[k][0].text or ""), variants[k + 1][0]))
            counts = [int(el.text) for _, el in groups]
        except (IndexError, ValueError, TypeError):
            return
        if sum(counts) != len(titles):
            return
        old_names = {self.old_names[i] for i, (_, _, kind) in enumerate(sheets) if kind == REL_WORKSHEET}
        start, chosen = 0, None
        for (label, count_el), count in zip(groups, counts, strict=True):
            members = [t.text or "" for t in titles[start : start + count]]
            if label == "Worksheets" or (count and all(m in old_names for m in members)):
                chosen = (start, count, count_el)
                break
            start += count
        if chosen is None:
            return
        start, count, count_el = chosen
        renames = {self.old_names[p.replace]: p.name for p in self.plans if p.replace is not None}
        for title in titles[start : start + count]:
            if title.text in renames:
                title.text = renames[title.text]
        added = [p.name for p in self.plans if p.replace is None]
        for offset, name in enumerate(added):
            el = sub_element(titles_vec, qn(NS_VT, "lpstr"), index=start + count + offset)
            el.text = name
        count_el.text = str(count + len(added))
        titles_vec.set("size", str(len(titles) + len(added)))
        self.put(pkg.app_part, serialize(root))


_TAB_SELECTED = re.compile(rb'\stabSelected="(?:1|true)"')
_HEAD = 1 << 18  # a sheet's views sit in its first bytes, before <sheetData>
