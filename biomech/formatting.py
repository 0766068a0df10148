"""The one formatter for the angles people read (no numpy needed).

The readout of the lab, the slide labels, the README's table, the lessons and the
model's own text all print angles through :func:`format_degrees`, so one state shows the
same digits everywhere.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["MINUS", "format_degrees"]


MINUS = "\u2212"
"""The real minus sign (U+2212) that :func:`format_degrees` uses for display."""


def format_degrees(value: float, *, signed: bool = False, display: bool = False, width: int = 0) -> str:
    """Format an angle in degrees: the one formatter for every angle a person reads.

    One decimal, rounded half away from zero (2.45 -> 2.5, -2.45 -> -2.5); a trailing
    ".0" is dropped (17.0 -> 17) and a result of zero is "0" (never "-0" or "+0").
    Before rounding, the value is cut to nine decimals, so binary noise of the
    arithmetic (0.3 * 38.5 = 11.549999999999999) does not change the digit a person
    reads (11.6). The readout, the slides, the lessons, the README table and
    ``Compensation.describe`` all call this, so one state prints the same digits
    everywhere.

    Parameters
    ----------
    value
        The angle, degrees; a number (``inf`` prints as "infinite", without a unit).
    signed
        Print a plus sign on positive values (changes from a reference: "+7.5").
    display
        For figures and the lab's HTML: the real minus sign (U+2212) and the degree
        sign ("\u22127.5°"). Otherwise plain text: ASCII "-" and no unit, for
        sentences that add " deg", tables and anything a person may copy and paste.
    width
        Pad on the left to this many characters (for aligned tables).

    Returns
    -------
    str

    Examples
    --------
    >>> format_degrees(2.45), format_degrees(-2.45), format_degrees(17.0), format_degrees(-0.04)
    ('2.5', '-2.5', '17', '0')
    >>> format_degrees(0.3 * 38.5), format_degrees(7.45, signed=True)
    ('11.6', '+7.5')
    >>> format_degrees(-3.6, display=True), format_degrees(0.0, signed=True, display=True)
    ('\u22123.6°', '0°')
    """
    value = float(value)
    if not math.isfinite(value):
        text = "infinite" if math.isinf(value) else "nan"
        text = ("-" if value < 0 else "+" if signed and value > 0 else "") + text
    else:
        rounded = Decimal(f"{value:.9f}").quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if rounded == 0:
            text = "0"
        else:
            text = f"{rounded:+}" if signed else f"{rounded}"
            text = text[:-2] if text.endswith(".0") else text
    if display:
        text = text.replace("-", MINUS) + ("°" if math.isfinite(value) else "")
    return text.rjust(width)
