"""The modified Thomas test's readings: checked, placed at the hip angle they were taken at, and ruled on.

Three steps of :func:`biomech.model.thomas.modified_thomas_test`, each a function here:
:func:`check_reading` (one plausible number of degrees), :func:`read_at` (which hip angle each
reading was taken at, from what holding the thigh down showed) and :func:`apply_rules` (one
:class:`Finding` per rule of a rule set, keyed by the reading it rules on). How the readings are
combined is explained in :mod:`biomech.model.thomas`; the rule sets and measurement errors are
the sourced data of :mod:`biomech.model.thomas_sources`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from biomech._validation import check_range
from biomech.formatting import format_degrees
from biomech.model.thomas_sources import ERRORS, Criteria, MeasurementError, Rule
from biomech.parameters import PARAMETERS

__all__ = ["Finding", "ReadAt", "apply_rules", "check_reading", "hip_words", "read_at", "side_words"]


def check_reading(name: str, value: object, bounds: str) -> float:
    """One client's reading as a float, within the range of the parameter ``bounds`` (degrees).

    Raises
    ------
    ValueError
        For NaN, a value outside the range (the message names ``name``, the range and the value)
        or an array.
    """
    p = PARAMETERS[bounds]
    arr = check_range(name, value, p.min, p.max)  # type: ignore[arg-type]
    if arr.ndim:
        raise ValueError(f"{name!r} must be a single number of degrees (one client); got shape {arr.shape}.")
    return float(arr)


def hip_words(flexion: float) -> str:
    """A hip angle in words (``"hip flexion 5 deg"``, ``"hip extension 3 deg"``)."""
    if flexion > 0:
        return f"hip flexion {format_degrees(flexion)} deg"
    if flexion < 0:
        return f"hip extension {format_degrees(-flexion)} deg"
    return "hip at 0 deg (thigh on the table)"


def side_words(angle: float) -> str:
    """A thigh angle in words (``"5 deg above the table"``)."""
    if angle > 0:
        return f"{format_degrees(angle)} deg above the table"
    if angle < 0:
        return f"{format_degrees(-angle)} deg below the table"
    return "on the table"


@dataclass(frozen=True)
class ReadAt:
    """Which hip angle each reading was taken at (degrees; see :mod:`biomech.model.thomas`).

    Attributes
    ----------
    held
        What holding the thigh down showed: ``"not read"``, ``"came down"`` (the knee
        extended), ``"stayed up"`` or ``"on the table"`` (the thigh was not raised).
    hip, hip_as
        The one-joint flexors' reading (the thigh angle, or 0 if the thigh came down) and
        where it was read, in words.
    knee, knee_hip, knee_as
        The knee reading, the hip flexion it was taken at, and where, in words.
    """

    held: str
    hip: float
    hip_as: str
    knee: float
    knee_hip: float
    knee_as: str


def read_at(thigh_angle: float, knee_flexion: float, knee_flexion_thigh_held: float | None) -> ReadAt:
    """Place each reading at the hip angle it was taken at (Kendall's K3 and K4).

    Examples
    --------
    >>> read_at(5.0, 70.0, 65.0).held, read_at(5.0, 70.0, 75.0).held, read_at(5.0, 70.0, None).knee_hip
    ('came down', 'stayed up', 5.0)
    """
    t, k, kh = thigh_angle, knee_flexion, knee_flexion_thigh_held
    if kh is None:
        return ReadAt("not read", t, "thigh, hanging leg", k, t, f"knee, hanging leg, thigh {side_words(t)}")
    if t > 0 and kh < k:
        came_down = "thigh held down: it came to the table as the knee extended"
        return ReadAt("came down", 0.0, came_down, kh, 0.0, "knee, thigh held on the table")
    if t > 0:
        stayed_up = "thigh held down: it stayed up, the knee did not extend"
        return ReadAt("stayed up", t, stayed_up, kh, t, f"knee, thigh held down but still {side_words(t)}")
    return ReadAt("on the table", t, "thigh, hanging leg", kh, 0.0, "knee, thigh held on the table")


@dataclass(frozen=True)
class Finding:
    """One rule applied to the client: did it fire, and by how much (degrees)?

    Attributes
    ----------
    rule
        The rule.
    value
        The reading the rule was applied to.
    threshold
        The cut-off used: the rule's, or under Kendall for the knee, 80 plus the hip's
        flexion where the knee was read.
    fired
        True when the value lies strictly on the short side of the cut-off.
    margin
        How far the value lies on the short side (negative = on the normal side); for
        Kendall's knee, his two-joint deficit (hip plus knee).
    read_as
        Which reading, in words (e.g. ``"knee, thigh held on the table"``).
    error
        The reading's measurement error, from the paper that measured it.
    within_error
        True when the value lies within the 95% measurement band of one reading around the
        cut-off, ``abs(margin) < error.band`` (1.96 x SEM, Weir 2005): the same examiner
        could read it on the other side. ``None`` where no error is published.
    """

    rule: Rule
    value: float
    threshold: float
    fired: bool
    margin: float
    read_as: str
    error: MeasurementError
    within_error: bool | None

    def claim(self) -> str:
        """The rule's claim with this client's numbers (meaningful when it fired)."""
        return self.rule.claim.format(
            value=format_degrees(self.value),
            threshold=format_degrees(self.threshold),
            margin=format_degrees(self.margin),
        )


def apply_rules(criteria: Criteria, at: ReadAt, thigh_abduction: float) -> Mapping[str, Finding]:
    """Every rule of ``criteria`` applied to the readings: reading name -> :class:`Finding`.

    The names are the rules' ``measurement`` (``"thigh_angle"``, ``"knee_flexion"``,
    ``"thigh_abduction"``), in the rule set's order. Comparisons are strict; under a rule set
    with ``knee_adds_hip_flexion`` the knee's cut-off grows by the hip's flexion where the
    knee was read (not below 0).
    """
    values = {"thigh_angle": at.hip, "knee_flexion": at.knee, "thigh_abduction": thigh_abduction}
    words = {"thigh_angle": at.hip_as, "knee_flexion": at.knee_as, "thigh_abduction": "thigh abduction, hanging leg"}
    findings: dict[str, Finding] = {}
    for rule in criteria.rules:
        value, threshold = values[rule.measurement], rule.threshold
        if rule.measurement == "knee_flexion" and criteria.knee_adds_hip_flexion:
            threshold += max(at.knee_hip, 0.0)
        margin = value - threshold if rule.short_if == ">" else threshold - value
        error = ERRORS[rule.measurement]
        within = None if error.band is None else bool(abs(margin) < error.band)
        findings[rule.measurement] = Finding(
            rule, value, threshold, bool(margin > 0), float(margin), words[rule.measurement], error, within
        )
    return MappingProxyType(findings)
