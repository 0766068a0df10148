"""The one way numbers are shown to people: degrees to one decimal (numpy only).

The readout of the lab, the slide labels, the README's table, the lessons and the
model's own text all print angles through :func:`format_degrees`, so one state shows the
same digits everywhere. Rounding is half away from zero on the number as Python prints
it (``repr``), so 11.55 shows as 11.6 whatever its binary representation; a trailing
``.0`` is dropped and ``-0`` shows as ``0``.

Examples
--------
>>> format_degrees(11.55), format_degrees(-0.04), format_degrees(14.0), format_degrees(2.45)
('11.6', '0', '14', '2.5')
>>> format_degrees(7.45, signed=True), format_degrees(-3.0, minus="\u2212"), format_degrees(float("inf"))
('+7.5', '\u22123', 'inf')
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_degrees"]


def format_degrees(
    value: float, *, signed: bool = False, decimals: int = 1, minus: str = "-", width: int = 0
) -> str:
    """Return an angle in degrees as text (no unit), rounded half away from zero.

    Parameters
    ----------
    value
        The angle, degrees.
    signed
        Put ``+`` before positive values.
    decimals
        Decimals to keep (trailing zeros are dropped).
    minus
        The minus sign: ``"-"`` for plain text, ``"\u2212"`` for typeset labels.
    width
        Pad on the left to this width (for tables).
    """
    value = float(value)
    if math.isnan(value):
        text = "nan"
    elif math.isinf(value):
        text = ("-" if value < 0 else "+" if signed else "") + "inf"
    else:
        q = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = format(q, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", "0"):
            text = "0"
        elif signed and not text.startswith("-"):
            text = "+" + text
    return text.replace("-", minus).rjust(width)
