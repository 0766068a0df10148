"""What the lockout model returns: :class:`Compensation`, in degrees (numpy only).

Both mechanisms of :func:`biomech.model.lockout.compensate` (the blog's hypothesis and the
muscle geometry) fill the same fields, so the scene, the views and the lessons never
need to know which one ran.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from biomech.formatting import format_degrees

__all__ = ["MECHANISMS", "Compensation", "Cue", "Value"]

Value = float | NDArray[np.float64]
Cue = Literal["stand_tall", "squeeze_glutes"]

MECHANISMS: tuple[str, ...] = ("blog", "geometry")
"""``"blog"``: the blog's hypothesis, linear (one rotation benefit k per tissue).
``"geometry"``: the same question solved on the 3-D muscle geometry with the knee."""


@dataclass(frozen=True)
class Compensation:
    """How the body makes up missing hip extension at lockout, in degrees.

    Every numeric field is a float for scalar inputs, or an array of the broadcast
    input shape. Sign conventions: external rotation +, anterior pelvic tilt +, lumbar
    extension +, hip flexion +, thigh inclination + forward, trunk lean + back.

    Two pelvic tilts, not to be confused: ``pelvic_tilt`` is the compensation's anterior
    tilt of the pelvis *on the trunk* (the lumbar extension, by construction), and
    :attr:`pelvic_tilt_in_room` is the pelvis's tilt in the room from standing, what an
    inclinometer on ASIS and PSIS would read: ``pelvic_tilt - trunk_lean``. The project's
    convention on room angles, hip flexion = pelvic tilt in the room - thigh inclination,
    holds with the room tilt: ``hip_flexion == pelvic_tilt_in_room - thigh_inclination``
    (the shortfall included, since the balance works with the extension reached).

    Attributes
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows where it was measured.
    demand
        Hip extension the cue asks for at lockout: 0 for "stand tall", ``squeeze_demand``
        for "squeeze glutes".
    deficit
        Hip extension missing at lockout before any compensation: for the blog,
        ``max(0, demand - hip_extension_available)``; for the geometry, the same read
        off the tissue's length limit in the lockout posture (the knee may change it).
    rotation_benefit
        Degrees of extension bought by one degree of rotation (``k``) near neutral
        rotation; 0 where rotation does not slacken the tissue.
    rotation_used
        Hip rotation used, external positive, internal negative.
    rotation_needed
        Rotation that would make up the whole deficit alone (same sign convention);
        ``inf`` where rotation cannot do it.
    pelvic_tilt
        Anterior pelvic tilt added by the compensation, relative to the trunk above T12
        (= the lumbar extension); not the tilt in the room, which is also turned back
        with the trunk by ``trunk_lean`` (:attr:`pelvic_tilt_in_room`).
    lumbar_extension
        Lumbar extension added beyond the standing lordosis: equal to ``pelvic_tilt``
        (the pelvis tips forward under the lumbar spine; the balance adds nothing
        there, see ``trunk_lean``).
    shortfall
        Hip extension the lifter cannot find within the ranges: the tilt (and the
        lumbar extension with it) is capped at ``min(max_pelvic_tilt,
        max_lumbar_extension)``, and the lockout stays this far short of the cue's
        demand (0 within the ranges). ``rotation gained + pelvic_tilt + shortfall`` is
        the deficit.
    trunk_lean
        Backward lean (+) of the pelvis and trunk together from their standing
        orientation, taken at the hip (the lumbar curve keeps its shape), such that the
        centre of mass of lifter and bar is over the mid-foot
        (:mod:`biomech.model.balance`): ``demand - shortfall - thigh_inclination``
        (the balance works with the extension reached). With the
        default bar of one body mass and no deficit, 0.7 deg for "stand tall" and 6.8
        deg for "squeeze glutes".
    foot_progression
        Foot angle, toe-out positive: the stance's baseline plus the rotation.
    hip_flexion
        Pelvis-to-thigh angle at lockout, flexion + (the standing hip is at 0):
        ``pelvic_tilt + shortfall - demand``, which is
        ``pelvic_tilt_in_room - thigh_inclination``.
    thigh_inclination
        Forward lean of the straight leg from vertical about the ankle (back:
        negative), set by balance: the part of ``demand`` taken by the leg (2.2 deg of
        the squeeze's 9 with the defaults and no deficit).
    stage
        ``"none"``, ``"rotational"``, ``"lumbopelvic"`` or ``"beyond_range"`` (the tilt
        at its limit, a shortfall left).
    binding
        The tissue parts at their length limit, comma-separated (``""`` for none, and
        for the blog's mechanism, which has no lengths).
    cue, tissue, mechanism
        The cue, the restricting tissue (several joined by ``" + "``) and the mechanism
        the state was computed with.
    """

    hip_extension_available: Value
    demand: Value
    deficit: Value
    rotation_benefit: Value
    rotation_used: Value
    rotation_needed: Value
    pelvic_tilt: Value
    lumbar_extension: Value
    shortfall: Value
    trunk_lean: Value
    foot_progression: Value
    hip_flexion: Value
    thigh_inclination: Value
    stage: str | NDArray[np.str_]
    binding: str | NDArray[np.str_]
    cue: Cue
    tissue: str
    mechanism: str = "blog"

    @property
    def pelvic_tilt_in_room(self) -> Value:
        """Anterior (+) tilt of the pelvis in the room from standing, degrees: ``pelvic_tilt - trunk_lean``.

        The compensation tips the pelvis forward on the trunk by ``pelvic_tilt`` and the
        balance turns pelvis and trunk back together by ``trunk_lean``
        (:mod:`biomech.model.balance`); the drawn pelvis is at the standing tilt plus this.

        Examples
        --------
        >>> from biomech.model.lockout import compensate
        >>> s = compensate(17.0)  # squeeze glutes, no deficit: no tilt on the trunk, the pelvis back in the room
        >>> round(s.pelvic_tilt_in_room, 2), round(s.pelvic_tilt_in_room - s.thigh_inclination, 2)
        (-6.85, -9.0)
        """
        return self.pelvic_tilt - self.trunk_lean

    @property
    def tissues(self) -> tuple[str, ...]:
        """The restricting tissues, one label each."""
        return tuple(self.tissue.split(" + "))

    def __str__(self) -> str:
        if np.ndim(self.deficit) != 0:
            return f"Compensation({self.cue}, {self.tissue}, {self.mechanism}) over {np.size(self.deficit)} states"
        rows = [
            ("hip extension available", self.hip_extension_available),
            ("demand of the cue", self.demand),
            ("deficit", self.deficit),
            ("rotation benefit (deg/deg)", self.rotation_benefit),
            ("rotation used (+ external)", self.rotation_used),
            ("rotation needed alone", self.rotation_needed),
            ("anterior tilt on the trunk", self.pelvic_tilt),
            ("pelvic tilt in the room", self.pelvic_tilt_in_room),
            ("lumbar extension", self.lumbar_extension),
            ("short of the demand", self.shortfall),
            ("pelvis and trunk lean back", self.trunk_lean),
            ("foot progression (toe-out)", self.foot_progression),
            ("hip flexion at lockout", self.hip_flexion),
            ("thigh inclination", self.thigh_inclination),
        ]
        lines = [
            f"Compensation at lockout, cue {self.cue!r}, tissue {self.tissue!r}, mechanism {self.mechanism!r} (degrees)"
        ]
        lines += [f"  {name:<28}{format_degrees(float(value), width=8)}" for name, value in rows]
        lines.append(f"  {'stage':<28}{self.stage:>8}")
        if self.binding:
            lines.append(f"  {'at its length limit':<28}{self.binding}")
        lines.append("  " + self.describe())
        return "\n".join(lines)

    def describe(self, *, balanced: bool = True, stance: bool = True) -> str:
        """Return a one-line, plain-language account of a scalar state.

        ``balanced=False`` for a state whose posture was not balanced (the lift model of
        :mod:`biomech.model.lift` leaves the balance out): the sentence then says so instead
        of giving the leg's and trunk's lean. ``stance=False`` leaves out the stance this
        rotation would need: in the lift the feet are set before the pull at the lockout's
        stance (:mod:`biomech.scene.lift`), not at each phase's, and the lift's readout says that stance.

        Examples
        --------
        >>> from biomech.model.lockout import compensate
        >>> text = compensate(20.0).describe()
        >>> text.split(". ")[0]
        'No deficit: 20 deg of extension available, 9 deg asked for'
        >>> text.split(". ")[1].split(", the lumbar")[0]
        'Leg 2.2 deg forward, pelvis and trunk 6.8 deg back for balance'
        >>> text.endswith("the lumbar curve held rigid (an assumption of the model).")
        True
        >>> "7.5 deg by tipping the pelvis forward on the trunk" in compensate(-10.0, mechanism="blog").describe()
        True
        """
        if np.ndim(self.deficit) != 0:
            raise ValueError("describe() needs a single state; index the arrays first.")
        deg = format_degrees
        balance = (
            f" {_lean_words(float(self.thigh_inclination), float(self.trunk_lean))}"
            if balanced
            else " Not balanced: this posture does not keep the centre of mass over the mid-foot."
        )
        if self.deficit <= 0:
            return (
                f"No deficit: {deg(float(self.hip_extension_available))} deg of extension available, "
                f"{deg(float(self.demand))} deg asked for.{balance}"
            )
        direction = "external" if self.rotation_used >= 0 else "internal"
        bought = float(self.deficit) - float(self.pelvic_tilt) - float(self.shortfall)
        if abs(float(self.rotation_used)) > 0 and bought > 0:
            feet = "out" if self.foot_progression >= 0 else "in"
            by_rotation = (
                f"{deg(bought)} deg made up by {direction} rotation "
                f"({deg(abs(float(self.rotation_used)))} deg"
                + (f"; stance needed: feet {feet} {deg(abs(float(self.foot_progression)))} deg)" if stance else ")")
            )
        else:
            by_rotation = "rotation does not make it up for this tissue"
        beyond = ""
        if float(self.shortfall) > 0:
            beyond = (
                f", beyond the voluntary range (anterior tilt and lumbar extension {deg(float(self.pelvic_tilt))} deg "
                "at most, "
                f"Levine & Whittle 1996): the lockout stays {deg(float(self.shortfall))} deg short"
            )
        tilt = float(self.pelvic_tilt)
        by_tilt = ""
        if deg(tilt) != "0":  # a tilt that rounds to 0 is not named
            by_tilt = (
                f", {deg(tilt)} deg by tipping the pelvis forward on the trunk (as much lumbar extension; "
                f"in the room the pelvis is at {deg(float(self.pelvic_tilt_in_room), signed=True)} deg from standing)"
            )
        return f"{deg(float(self.deficit))} deg short of extension: {by_rotation}{by_tilt}{beyond}.{balance}"


def _lean_words(leg: float, lean: float) -> str:
    """The balance's split in words, e.g. ``"Leg 2.2 deg forward, pelvis and trunk 6.8 deg back (balance, ...)."``.

    The lean is taken at the hip because the model holds the lumbar curve rigid under it
    (:mod:`biomech.model.balance`): balance alone would allow other splits.
    """

    def way(angle: float, ahead: str, behind: str) -> str:
        return f"{format_degrees(abs(angle))} deg {ahead if angle >= 0 else behind}"

    rigid = "the lumbar curve held rigid (an assumption of the model)"
    return f"Leg {way(leg, 'forward', 'back')}, pelvis and trunk {way(lean, 'back', 'forward')} for balance, {rigid}."
