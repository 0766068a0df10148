"""The input checks and the one formatter for degrees (biomech._validation)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biomech.formatting import MINUS, format_degrees


@pytest.mark.parametrize(
    "value, plain",
    [
        (2.45, "2.5"),
        (-2.45, "-2.5"),
        (2.449, "2.4"),
        (0.05, "0.1"),
        (-0.05, "-0.1"),
        (17.0, "17"),
        (49.8, "49.8"),
        (0.3 * 38.5, "11.6"),
        (14 - 0.3 * 38.5, "2.5"),
        (-0.04, "0"),
        (1e-12, "0"),
        (123.45, "123.5"),
        (math.inf, "infinite"),
        (-math.inf, "-infinite"),
    ],
)
def test_rounds_half_away_from_zero_to_one_decimal_and_trims_the_zero(value, plain):
    assert format_degrees(value) == plain


def test_signed_and_display_forms():
    assert format_degrees(7.45, signed=True) == "+7.5"
    assert format_degrees(-7.45, signed=True) == "-7.5"
    assert format_degrees(0.0, signed=True) == "0"  # never "+0" or "-0"
    assert format_degrees(-3.6, display=True) == f"{MINUS}3.6°"
    assert format_degrees(7.45, signed=True, display=True) == "+7.5°"
    assert format_degrees(math.inf, display=True) == "infinite"  # no unit on a word


@given(st.floats(-1000, 1000, allow_nan=False))
def test_the_digits_are_the_value_to_a_twentieth_and_plain_text_is_ascii(value):
    text = format_degrees(value)
    assert text.isascii() and not text.endswith(".0") and text not in ("-0", "+0")
    assert abs(float(text) - value) <= 0.05 + 1e-9
    assert format_degrees(value, display=True) == text.replace("-", MINUS) + "°"
    assert format_degrees(-value) == (text if text == "0" else text[1:] if text.startswith("-") else "-" + text)
