"""The model's parameters: one sourced table, with defaults and valid ranges.

Every number the model uses lives in ``biomech/data/parameters.csv``, one row per
parameter with its unit, default, valid range, one-line meaning, source (author
year, journal, table, and how confident we are: *verified text*, *abstract only*,
*secondary*) or the word ``illustrative``, and what the source measured. This
module loads that table once into :data:`PARAMETERS` and checks values against it.

Examples
--------
>>> PARAMETERS["squeeze_demand"].default
9.0
>>> PARAMETERS["flexors_rotation_benefit"].source
'illustrative'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice, check_range

__all__ = ["PARAMETERS", "Parameter", "check_parameter", "parameters_markdown", "resolve_overrides"]

_CSV_NAME = "parameters.csv"
_COLUMNS = ("name", "unit", "default", "min", "max", "meaning", "source", "measured")
_UNIT_WORDS = {"deg": "degrees", "mm": "mm", "deg/deg": "degrees per degree", "body mass": "body masses"}


@dataclass(frozen=True)
class Parameter:
    """One row of the parameter table.

    Attributes
    ----------
    name
        Identifier, also the keyword used to override it in
        :func:`biomech.model.lockout.compensate`.
    unit
        ``"deg"``, ``"mm"``, ``"deg/deg"`` or ``"body mass"`` (a multiple of the lifter's body mass).
    default
        Default value, inside ``[min, max]``.
    min, max
        Inclusive valid range.
    meaning
        One-line meaning.
    source
        Citation (author year, journal, table; confidence) or ``"illustrative"``.
    measured
        What the source measured (method, population), or why it is illustrative.
    """

    name: str
    unit: str
    default: float
    min: float
    max: float
    meaning: str
    source: str
    measured: str

    @property
    def illustrative(self) -> bool:
        """True when the value is not taken from a published measurement."""
        return self.source == "illustrative"


def _load() -> Mapping[str, Parameter]:
    text = resources.files("biomech").joinpath("data").joinpath(_CSV_NAME).read_text("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{_CSV_NAME}: columns must be {list(_COLUMNS)}; got {reader.fieldnames}.")
    table: dict[str, Parameter] = {}
    for line, row in enumerate(reader, start=2):
        where = f"{_CSV_NAME}, line {line} ({row['name']!r})"
        if row["unit"] not in _UNIT_WORDS:
            raise ValueError(f"{where}: unit must be one of {sorted(_UNIT_WORDS)}; got {row['unit']!r}.")
        if not row["source"].strip() or not row["meaning"].strip():
            raise ValueError(f"{where}: every parameter needs a meaning and a source.")
        try:
            low, high, default = float(row["min"]), float(row["max"]), float(row["default"])
        except ValueError:
            raise ValueError(f"{where}: default, min and max must be numbers.") from None
        if not low <= default <= high:
            raise ValueError(f"{where}: default {default} is outside [{low}, {high}].")
        table[row["name"]] = Parameter(
            row["name"],
            row["unit"],
            default,
            low,
            high,
            row["meaning"],
            row["source"],
            row["measured"],
        )
    return MappingProxyType(table)


PARAMETERS: Mapping[str, Parameter] = _load()
"""Every model parameter by name, in the order of the CSV (read-only)."""


def check_parameter(name: str, value: ArrayLike) -> NDArray[np.float64]:
    """Return ``value`` as a float array after checking it against the table.

    Parameters
    ----------
    name
        A key of :data:`PARAMETERS`.
    value
        Scalar or 1-D array, in the parameter's unit.

    Returns
    -------
    numpy.ndarray
        The value as floats, shape ``()`` or ``(N,)``.

    Raises
    ------
    ValueError
        If any element is NaN, infinite or outside the parameter's range; the
        message names the parameter, the range and the offending value.

    Examples
    --------
    >>> check_parameter("squeeze_demand", 30)
    Traceback (most recent call last):
    ...
    ValueError: 'squeeze_demand' must be a finite number of degrees in [0, 20]; got 30.
    """
    p = PARAMETERS[name]
    return check_range(name, value, p.min, p.max, _UNIT_WORDS[p.unit])


def resolve_overrides(overrides: Mapping[str, ArrayLike], allowed: tuple[str, ...]) -> dict[str, NDArray[np.float64]]:
    """Check override names and values; fill in the table's defaults for the rest.

    Parameters
    ----------
    overrides
        Parameter name -> value (scalar or shape ``(N,)``) given by the caller.
    allowed
        The parameter names this caller accepts, in the order to return them.

    Returns
    -------
    dict
        Every name of ``allowed`` -> its checked value or the table's default.

    Raises
    ------
    ValueError
        For a name outside ``allowed`` (``'override' must be one of ...``) or a bad
        value (:func:`check_parameter`).
    """
    for name in overrides:
        check_choice("override", name, allowed)
    return {
        name: check_parameter(name, overrides[name]) if name in overrides else np.asarray(PARAMETERS[name].default)
        for name in allowed
    }


def parameters_markdown() -> str:
    """Return the parameter table as Markdown (name, unit, default, range, source).

    Examples
    --------
    >>> parameters_markdown().splitlines()[0]
    '| parameter | unit | default | range | meaning | source |'
    """
    lines = [
        "| parameter | unit | default | range | meaning | source |",
        "|---|---|---|---|---|---|",
    ]
    for p in PARAMETERS.values():
        lines.append(f"| `{p.name}` | {p.unit} | {p.default:g} | {p.min:g} to {p.max:g} | {p.meaning} | {p.source} |")
    return "\n".join(lines)
