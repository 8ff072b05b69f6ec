"""The printed page of an output sheet: row heights that show every line, print zoom, page breaks.

Heights are written (Excel and LibreOffice do not always grow a row a program wrote, and the
nomination list places its page breaks by them), so they must hold the whole text: the text is
measured for its column's width and its style's font (`measure.py`), with slack.
"""

from __future__ import annotations

from .measure import column_points, line_height, wrapped_lines
from .model import STYLES, OutputSheet

# A4 less XlsxWriter's default margins (0.7 in left and right, 0.75 in top and bottom).
LANDSCAPE_WIDTH_PT = 841.9 - 2 * 50.4
LANDSCAPE_HEIGHT_PT = 595.3 - 2 * 54.0
PORTRAIT_WIDTH_PT = LANDSCAPE_HEIGHT_PT + 2 * 54.0 - 2 * 50.4
MIN_SCALE = 60  # below this a printed sheet is too small to read: it is printed landscape first
# Large sheets (the results of a province) are estimated rather than laid out word by word: an
# Arial 10 character takes 4.2-4.9 points in Vietnamese and English text, so 5.0 points, and a
# line loses a few characters where a word does not fit.
_SANS_CHAR_PT = 5.0
_WRAP_LOSS = 0.9
_SLACK = 3.0  # points below the last line


def _wrapping_styles() -> dict[str, tuple[str, float, bool, bool, float, float]]:
    """Style -> (font, size, bold, laid out exactly, estimated points a character, points a line)
    for the styles whose text wraps."""
    found = {}
    for name, props in STYLES.items():
        if props.get("text_wrap"):
            font, size = props.get("font_name", "Arial"), props.get("font_size", 10)
            exact = font != "Arial"
            found[name] = (
                font,
                size,
                bool(props.get("bold")),
                exact,
                _SANS_CHAR_PT * size / 10,
                line_height(size),
            )
    return found


_WRAPPING = _wrapping_styles()


def _lines(text: str, room: float, spec: tuple[str, float, bool, bool, float, float]) -> int:
    font, size, bold, exact, char_pt, _ = spec
    if exact:
        return wrapped_lines(text, room, font, size, bold)
    return sum(max(1, -(-int(len(part) * char_pt) // int(room * _WRAP_LOSS))) for part in text.split("\n"))


def _merged_cells(sheet: OutputSheet) -> tuple[dict[tuple[int, int], int], set[tuple[int, int]]]:
    """The first cell of each one-row merge with its last column; the cells measured with no one."""
    merged: dict[tuple[int, int], int] = {}
    hidden = set()
    for r1, c1, r2, c2 in sheet.merges:
        if r1 == r2:
            merged[(r1, c1)] = c2
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1) or r1 != r2:
                    hidden.add((r, c))
    return merged, hidden


def fit_heights(sheet: OutputSheet) -> OutputSheet:
    """Give each row holding wrapped text the height its longest cell needs."""
    merged, hidden = _merged_cells(sheet)
    ncols = max((len(row) for row in sheet.rows), default=0)
    room = [column_points(sheet.widths.get(c, 8.43)) for c in range(ncols)]
    # a text no longer than this fits one line of its column in any of our fonts
    short = [width / 12.0 for width in room]
    lost = [int(width * _WRAP_LOSS) for width in room]
    wrapping, heights, memo = _WRAPPING, sheet.heights, {}
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
            text = value if value.__class__ is str else str(value or "")
            if "\n" not in text and (
                len(text) * spec[4] <= lost[c] if not spec[3] else len(text) <= short[c]
            ):
                continue  # one line
            width = room[c]
            if merged or hidden:
                if (r, c) in hidden:
                    continue
                if (r, c) in merged:
                    width = sum(room[c : merged[(r, c)] + 1])
            if spec[3]:  # laid out word by word: the same text in the same column, once
                key = (text, width, cell.style)
                lines = memo.get(key)
                if lines is None:
                    lines = memo[key] = _lines(text, width, spec)
            elif "\n" in text or width != room[c]:
                lines = _lines(text, width, spec)
            else:  # inline: most cells of a large sheet
                lines = -(-int(len(text) * spec[4]) // lost[c])
            if lines > 1:
                height = lines * spec[5] + _SLACK
                if height > needed:
                    needed = height
        if needed:
            heights[r] = min(409.0, needed)
    return sheet


def width_pt(chars: float) -> float:
    """A column of `chars` characters in points: 8 pixels a character plus 5, as for the template's
    Arial 11 (Calibri 11 takes 7, so the page then has room to spare)."""
    return (int(chars * 8 + 5)) * 0.75


def print_scale(widths: dict[int, float], ncols: int, page_width: float = LANDSCAPE_WIDTH_PT) -> int:
    """The zoom at which `ncols` columns of these widths fit across the page, with a little room
    to spare (a zoom, not "fit to width": Excel ignores manual page breaks when fitting)."""
    total = sum(width_pt(widths.get(c, 8.43)) for c in range(ncols))
    return max(10, min(100, int(page_width / total * 100) - 2))


def fit_across(sheet: OutputSheet) -> OutputSheet:
    """One page wide, as large as it reads: portrait when it fits at a readable zoom, else landscape."""
    ncols = max((len(row) for row in sheet.rows), default=1)
    sheet.fit_width = False
    sheet.landscape = print_scale(sheet.widths, ncols, PORTRAIT_WIDTH_PT) < MIN_SCALE
    page = LANDSCAPE_WIDTH_PT if sheet.landscape else PORTRAIT_WIDTH_PT
    sheet.scale = print_scale(sheet.widths, ncols, page)
    return sheet


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
