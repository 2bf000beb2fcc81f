"""Plain-text tables that line up Chinese (double-width) characters in a terminal."""

from __future__ import annotations


def display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def render(rows: list[list[str]], headers: list[str], *, right_align_from: int | None = None) -> str:
    columns = [headers, *rows]
    widths = [max(display_width(str(r[i])) for r in columns) for i in range(len(headers))]
    lines = []
    for row in columns:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(str(cell)))
            right = right_align_from is not None and i >= right_align_from
            cells.append(pad + str(cell) if right else str(cell) + pad)
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
