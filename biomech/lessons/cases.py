"""The lifter and the client of the lessons, defined once (numpy only).

Lesson 03 follows one lifter through the deadlift; lesson 05 examines one client with the
modified Thomas test. The notebooks and their self-check questions use these same
objects: a teacher who makes another case (``Client(thigh_angle=10.0, ...)``) and passes
it to the quiz gets the questions answered for that case.

Examples
--------
>>> LIFTER.hip_extension_available, LIFTER.tissue
(-8.0, 'Rectus femoris')
>>> Client(thigh_angle=10.0).measurements()
(10.0, 70.0, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from biomech._validation import check_choice, check_range
from biomech.model.lockout import tissues
from biomech.parameters import PARAMETERS, check_parameter

__all__ = ["CLIENT", "LIFTER", "Client", "Lifter"]


@dataclass(frozen=True)
class Lifter:
    """A lifter whose hip extension is restricted (lesson 03).

    Attributes
    ----------
    hip_extension_available
        Passive hip extension the tight tissue allows, degrees (negative: short of neutral).
    tissue
        The tight tissue, one of :func:`biomech.model.lockout.tissues`.
    """

    hip_extension_available: float = -8.0
    tissue: str = "Rectus femoris"

    def __post_init__(self) -> None:
        check_parameter("hip_extension_available", self.hip_extension_available)
        check_choice("tissue", self.tissue, tissues("blog"))


@dataclass(frozen=True)
class Client:
    """A client's modified Thomas test (lesson 05), angles in degrees.

    Attributes
    ----------
    thigh_angle
        Thigh above (+) or below (-) the horizontal, hanging off the plinth.
    knee_flexion
        Knee flexion with the leg hanging.
    thigh_abduction
        Thigh abduction (+) from the midline.
    """

    thigh_angle: float = 5.0
    knee_flexion: float = 70.0
    thigh_abduction: float = 0.0

    def __post_init__(self) -> None:
        for name in ("thigh_angle", "knee_flexion", "thigh_abduction"):
            p = PARAMETERS[f"mtt_{name}"]
            check_range(name, getattr(self, name), p.min, p.max)

    def measurements(self) -> tuple[float, float, float]:
        """Return ``(thigh_angle, knee_flexion, thigh_abduction)`` as the test takes them."""
        return (float(self.thigh_angle), float(self.knee_flexion), float(self.thigh_abduction))


LIFTER = Lifter()
"""Lesson 03's lifter: 8 deg short of neutral hip extension, rectus femoris tight."""
CLIENT = Client()
"""Lesson 05's client: thigh 5 deg above horizontal, knee 70 deg, no abduction."""
