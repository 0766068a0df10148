"""Input checks shared by the public functions of :mod:`biomech`.

Every check raises a :class:`ValueError` with one message shape: the parameter's
name, what is allowed, and what was received, e.g.::

    'hip_extension_available' must be a finite number of degrees in [-30, 40]; got nan at index 4.
    'cue' must be one of {'squeeze_glutes', 'stand_tall'}; got 'squeze' (did you mean 'squeeze_glutes'?)

Public functions validate once, at the edge; private helpers trust their inputs.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["check_choice", "check_range", "format_number"]


def format_number(value: float) -> str:
    """Format a number for an error message: integers without a decimal point."""
    value = float(value)
    if np.isfinite(value) and value == round(value):
        return str(int(round(value)))
    return f"{value:g}"


def check_range(name: str, value: ArrayLike, low: float, high: float, unit: str = "degrees") -> NDArray[np.float64]:
    """Return ``value`` as a float array after checking it lies in ``[low, high]``.

    Parameters
    ----------
    name
        Parameter name, quoted in the error message.
    value
        Scalar or 1-D array-like of numbers.
    low, high
        Inclusive bounds.
    unit
        Unit word used in the message ("degrees", "mm", ...).

    Returns
    -------
    numpy.ndarray
        ``np.asarray(value, dtype=float)``, shape ``()`` or ``(N,)``.

    Raises
    ------
    ValueError
        If the value is not numeric, has more than one dimension, or any element
        is NaN, infinite or outside ``[low, high]``.
    """
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and low <= number <= high:  # the common case, checked without numpy
            return np.asarray(number)
    expected = f"{name!r} must be a finite number of {unit} in [{format_number(low)}, {format_number(high)}]"
    if isinstance(value, (str, bytes)) or value is None:
        raise ValueError(f"{expected}; got {value!r}.")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{expected}; got {value!r}.") from None
    if arr.ndim > 1:
        raise ValueError(f"{expected}, as a scalar or a 1-D array; got shape {arr.shape}.")
    bad = ~np.isfinite(arr) | (arr < low) | (arr > high)
    if np.any(bad):
        if arr.ndim == 0:
            raise ValueError(f"{expected}; got {format_number(float(arr))}.")
        index = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{expected}; got {format_number(arr[index])} at index {index}.")
    return arr


def check_choice(name: str, value: object, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``; otherwise raise a helpful error.

    Parameters
    ----------
    name
        Parameter name, quoted in the error message.
    value
        The received value.
    choices
        The allowed strings.

    Raises
    ------
    ValueError
        Naming the parameter, the choices, the received value, and the closest
        choice when one is close enough ("did you mean ...?").
    """
    options = list(choices)
    if isinstance(value, str) and value in options:
        return value
    shown = "{" + ", ".join(repr(c) for c in sorted(options)) + "}"
    message = f"{name!r} must be one of {shown}; got {value!r}"
    if isinstance(value, str):
        lowered = {c.lower(): c for c in options}
        close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.5)
        if close:
            message += f" (did you mean {lowered[close[0]]!r}?)"
    raise ValueError(message + ".")
