"""Money: integer fen in storage and JSON output, Decimal in rules, decimal yuan strings in input."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from station_app.domain.errors import InvalidValue

FEN_PER_YUAN = 100
# 1 亿元 is far beyond any consumer dispute a station handles; a larger figure is a typing slip.
MAX_FEN = 100_000_000 * FEN_PER_YUAN


def yuan_to_fen(value: object) -> int:
    """Parse an amount of yuan ("1550.00", "1550", 1550, "1,550.5") into integer fen.

    Refuses negatives, more than two decimals (fen precision), floats with binary noise,
    and anything that is not a number.
    """
    if isinstance(value, bool) or value is None:
        raise InvalidValue("金额必须是数字，例如 1550.00")
    if isinstance(value, float):
        text = repr(value)
    elif isinstance(value, (int, Decimal)):
        text = str(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "").replace("￥", "").replace("¥", "")
        text = text.removesuffix("元").strip()
        text = text.translate(_FULL_WIDTH_DIGITS)
    else:
        raise InvalidValue("金额必须是数字，例如 1550.00")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise InvalidValue(f"“{value}”不是有效金额，请写成 1550.00 这样的数字") from None
    if not amount.is_finite():
        raise InvalidValue("金额必须是有限的数字")
    if amount < 0:
        raise InvalidValue("金额不能为负数")
    fen = amount * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise InvalidValue("金额最多保留两位小数（精确到分）")
    if fen > MAX_FEN:
        raise InvalidValue("金额过大，请核对")
    return int(fen)


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_yuan(fen: int) -> str:
    """``155000`` → ``"1550.00"`` (no thousands separator: the form scripts read back)."""
    return f"{fen_to_yuan(fen):.2f}"


def grouped_yuan(fen: int) -> str:
    """``620000`` → ``"6,200.00"``: thousands separators for reading (620000 fen is easily read as 62万)."""
    return f"{fen_to_yuan(fen):,.2f}"


def money_words(fen: int, english: bool = False) -> str:
    """An amount as people read it: ``"6,200.00 元"`` (``"6,200.00 yuan"`` in English)."""
    return f"{grouped_yuan(fen)} {'yuan' if english else '元'}"


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
