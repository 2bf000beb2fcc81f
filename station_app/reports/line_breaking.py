"""Chinese line-breaking rules (标点符号用法 GB/T 15834-2011 §5.1.3/§5.1.4 and W3C's 中文排版需求 §3.1.7) for every
paragraph the documents wrap, table cells included: no line starts with closing punctuation (，。、；：？！）》」』”’
…) and none ends with opening punctuation (“‘（《「『 …).

reportlab's CJK wrapping (``wordWrap="CJK"``, ``paragraph.cjkFragSplit``) knows only a few of the closing marks
(not ，；：？！》”) and lets one of them hang past the right edge, over a table's rule; opening marks it ignores.
:func:`split` replaces it: when a line is full, the break moves back ("推出") until the rules hold, so the
characters before a closing mark or after an opening one go to the next line with it. Latin words and numbers
(a model number, 12315) are not cut either when a break before them lies in the last two thirds of the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

# 点号, closing quotes and brackets, 连接号 and 间隔号, and their ASCII look-alikes. 破折号 and 省略号 may start a line,
# but their two halves stay together (see :func:`break_ok`).
CANNOT_START = frozenset(
    "，。、；：？！）》」』”’〉】〕］｝〗〙｠｡､・·‧～－–%‰℃°′″"  # full-width and typographic
    ",.;:?!)]}"  # ASCII: a clerk's half-width punctuation obeys the same rule
)
# Opening quotes, brackets and book-title marks; currency and number signs belong to what follows them.
CANNOT_END = frozenset("“‘（《「『〈【〔［｛〖〘｟([{￥＄$£#＃№")
UNSPLIT = frozenset("—…‥")  # ——, ……: one mark of two halves


def _latin(ch: str) -> bool:
    """Part of a word or number that should not be cut (ASCII letters and digits, and what joins them)."""
    return ch.isascii() and (ch.isalnum() or ch in "-_/.@+")


def break_ok(before: str, after: str) -> bool:
    """May a line end with ``before`` and the next one start with ``after``?"""
    if before == after and before in UNSPLIT:
        return False
    return not (after in CANNOT_START or before in CANNOT_END)


def _break_at(chars: Sequence[str], start: int, end: int) -> int:
    """Where the line ``chars[start:]`` ends, given that ``chars[end]`` no longer fits (``start < end``).

    Moves back from ``end`` while the break would leave closing punctuation at a line's start or opening
    punctuation at its end, or would cut a Latin word; gives up (and breaks at ``end``) when no such place
    exists on the line, so that every line holds at least one character."""
    third = start + (end - start) // 3
    j = end
    while j > start:
        if _latin(chars[j - 1]) and _latin(chars[j]):
            word = j
            while word > start and _latin(chars[word - 1]):
                word -= 1
            if word > third:  # a word moves whole unless that empties two thirds of the line
                j = word
                continue
        if break_ok(chars[j - 1], chars[j]):
            return j
        j -= 1
    return end


def lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], hard: Sequence[bool] = ()
) -> list[tuple[int, int, float, bool]]:
    """The lines of ``chars`` (glyph widths ``widths``, line ``n`` at most ``max_widths[n]`` wide; ``hard[i]``: a
    forced break after glyph ``i``), each as (start, end, width used, forced)."""
    result: list[tuple[int, int, float, bool]] = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < len(chars):
        used += widths[i]
        i += 1
        forced = bool(hard) and hard[i - 1]
        if not (forced or (used > max_width + _FUZZ and used > 0)):
            continue
        if not forced and i - 1 > start:  # the glyph that overflowed goes to the next line, maybe with others
            i = _break_at(chars, start, i - 1)
            used = sum(widths[start:i])
        result.append((start, i, used, forced))
        max_width = max_widths[min(len(result), len(max_widths) - 1)]
        start, used = i, 0.0
    if used > 0:
        result.append((start, len(chars), used, False))
    return result


def split(frags: list[Any], max_widths: Sequence[float], calc_bounds: bool, encoding: str = "utf8") -> Any:
    """reportlab's ``cjkFragSplit`` (paragraphs of several frags: fonts, <b>, <br/>) with the rules above."""
    glyphs: list[Any] = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        # An empty frag (a <br/>) is kept as one zero-width glyph: it carries the line break.
        glyphs.extend(paragraph.cjkU(t, frag, encoding) for t in text or [text])
    widths = []
    for glyph in glyphs:
        width = glyph.width
        if hasattr(width, "normalizedValue"):  # an image sized in % of the line
            width._normalizer = max_widths[0]
            width = width.normalizedValue(max_widths[0])
        widths.append(width)
    hard = [hasattr(g.frag, "lineBreak") for g in glyphs]
    laid = []
    for n, (start, end, used, forced) in enumerate(lines([str(g) for g in glyphs], widths, max_widths, hard)):
        width = max_widths[min(n, len(max_widths) - 1)]
        laid.append(paragraph.makeCJKParaLine(glyphs[start:end], width, used, width - used, forced, calc_bounds))
    return paragraph.ParaLines(kind=1, lines=laid)


def word_split(word: str | bytes, max_widths: Any, font_name: str, font_size: float, encoding: str = "utf8") -> list:
    """reportlab's ``textsplit.wordSplit`` (paragraphs of one frag) with the rules above: [extra space, text]."""
    text = word.decode(encoding) if isinstance(word, bytes) else word
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    widths = [stringWidth(ch, font_name, font_size) for ch in text]
    result = []
    for n, (start, end, used, _) in enumerate(lines(text, widths, max_widths)):
        part = text[start:end]
        result.append(
            [max_widths[min(n, len(max_widths) - 1)] - used, part.encode(encoding) if isinstance(word, bytes) else part]
        )
    return result


@lru_cache(maxsize=1)
def install() -> None:
    """Every ``wordWrap="CJK"`` paragraph of this process breaks its lines here (reportlab looks both functions up
    in its module each time it wraps a paragraph)."""
    paragraph.cjkFragSplit = split
    paragraph.wordSplit = word_split
