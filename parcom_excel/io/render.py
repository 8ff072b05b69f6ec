"""Render the frame of each output sheet with XlsxWriter: settings, page setup and charts.

The cells are not written here: `sheetxml` writes them straight into the rendered sheet XML,
with the user's style ids, when `package.py` transplants the sheets into the user's workbook.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ..model import Chart, OutputSheet
from ..sheetnames import safe_sheet_name
from .celltext import clean_text
from .sheetxml import MAX_WIDTH, clamp

A4 = 9
FIXED_CREATED = datetime(2000, 1, 1)  # deterministic docProps/core.xml


def render_skeleton(outputs: list[OutputSheet], path: Path | IO[bytes]) -> None:
    """Write `outputs` as a new workbook at `path` (a file or a buffer), one worksheet each, in
    order, without cells: in memory, so no temp file is left (XlsxWriter's constant_memory mode
    never removed the row files of sheets without rows).

    Each sheet gets its settings (column widths, frozen panes, filter, page setup, print titles,
    tab colour) and its chart; `sheetxml` writes the cells into it afterwards.
    """
    import xlsxwriter

    target = path if hasattr(path, "write") else str(path)
    workbook = xlsxwriter.Workbook(target, {"in_memory": True})
    try:
        workbook.set_properties({"created": FIXED_CREATED})
        for output in outputs:
            _render_sheet(workbook, output)
    finally:
        workbook.close()


def _render_sheet(workbook: Any, out: OutputSheet) -> None:
    name = safe_sheet_name(out.name)
    ws = workbook.add_worksheet(name)
    for col, width in sorted(out.widths.items()):
        ws.set_column(col, col, clamp(width, MAX_WIDTH - 0.72))  # XlsxWriter adds its padding
    if out.freeze:
        ws.freeze_panes(*out.freeze)
    if out.autofilter:
        ws.autofilter(*out.autofilter)
    ws.set_paper(A4)
    if out.landscape:
        ws.set_landscape()
    if out.scale:
        ws.set_print_scale(out.scale)
    elif out.fit_width:
        ws.fit_to_pages(1, 0)
    if out.repeat_rows:
        ws.repeat_rows(*out.repeat_rows)
    if out.repeat_cols:
        ws.repeat_columns(*out.repeat_cols)
    if out.page_breaks:
        ws.set_h_pagebreaks(out.page_breaks)
    if out.tab_color:
        ws.set_tab_color(out.tab_color)
    if out.chart and out.chart.series:  # Excel has no chart without a series
        _render_chart(workbook, ws, name, out.chart)


def _render_chart(workbook: Any, ws: Any, sheet: str, spec: Chart) -> None:
    kind = spec.kind if spec.kind in ("bar", "column") else "bar"
    chart = workbook.add_chart({"type": kind, **({"subtype": "percent_stacked"} if spec.stacked else {})})
    first, last, cat_col = spec.categories
    for n, (name_row, name_col, first_row, col) in enumerate(spec.series):
        chart.add_series(
            {
                "name": [sheet, name_row, name_col],
                "categories": [sheet, first, cat_col, last, cat_col],
                "values": [sheet, first_row, col, spec.last_row, col],
                **({"data_labels": {"value": True}} if spec.labels else {}),
                **({"fill": {"color": spec.colors[n]}} if n < len(spec.colors) else {}),
            }
        )
    value_axis: dict[str, Any] = {"major_gridlines": {"visible": True}}
    if spec.y_title:
        value_axis["name"] = clean_text(spec.y_title)
    if spec.percent:
        value_axis.update({"num_format": "0%", "min": 0, "max": 1})
    if kind == "bar":  # horizontal bars: values on x, first category on top
        chart.set_x_axis(value_axis)
        chart.set_y_axis({"reverse": True})
    else:
        chart.set_y_axis(value_axis)
    chart.set_title({"name": clean_text(spec.title)})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": spec.size[0], "height": spec.size[1]})
    ws.insert_chart(spec.anchor[0], spec.anchor[1], chart)
