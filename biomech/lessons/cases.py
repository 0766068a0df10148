"""The lifter and the clients of the lessons, defined once (numpy only).

Lesson 03 follows one lifter through the deadlift; lesson 05 examines clients with the
modified Thomas test: three cases (:data:`CLIENTS`), one each for rectus femoris,
iliopsoas and the tensor fasciae latae, of which :data:`CLIENT` is the lesson's main one.
The notebooks and their self-check questions use these same objects: a teacher who makes
another case (``Client(thigh_angle=10.0, ...)``) and passes it to the quiz gets the
questions answered for that case.

The three clients are teaching cases, not patients: their angles are chosen to show
Kendall's readings (see :mod:`biomech.model.thomas`), each within the plausible ranges of
the ``mtt_*`` parameters.

Examples
--------
>>> LIFTER.hip_extension_available, LIFTER.tissue
(-8.0, 'Rectus femoris')
>>> CLIENT is CLIENTS["rectus femoris"], list(CLIENTS)
(True, ['rectus femoris', 'iliopsoas', 'TFL/ITB'])
>>> Client(thigh_angle=10.0).readings()
{'thigh_angle': 10.0, 'knee_flexion': 70.0, 'thigh_abduction': 0.0, 'knee_flexion_thigh_held': None}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from biomech._validation import check_choice, check_range
from biomech.model.lockout import tissue_choices
from biomech.model.thomas import Readings
from biomech.parameters import PARAMETERS, check_parameter

__all__ = ["CLIENT", "CLIENTS", "LIFTER", "Client", "Lifter"]


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
        check_choice("tissue", self.tissue, tissue_choices("blog"))


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
    knee_flexion_thigh_held
        Knee flexion with the examiner holding the thigh down and letting the knee flex;
        ``None`` if not read.
    """

    thigh_angle: float = 5.0
    knee_flexion: float = 70.0
    thigh_abduction: float = 0.0
    knee_flexion_thigh_held: float | None = None

    def __post_init__(self) -> None:
        for name in ("thigh_angle", "knee_flexion", "thigh_abduction"):
            p = PARAMETERS[f"mtt_{name}"]
            check_range(name, getattr(self, name), p.min, p.max)
        if self.knee_flexion_thigh_held is not None:
            p = PARAMETERS["mtt_knee_flexion"]
            check_range("knee_flexion_thigh_held", self.knee_flexion_thigh_held, p.min, p.max)

    def readings(self) -> Readings:
        """Return the readings as keywords of :func:`~biomech.model.thomas.modified_thomas_test`."""
        held = self.knee_flexion_thigh_held
        return Readings(
            thigh_angle=float(self.thigh_angle),
            knee_flexion=float(self.knee_flexion),
            thigh_abduction=float(self.thigh_abduction),
            knee_flexion_thigh_held=None if held is None else float(held),
        )


LIFTER = Lifter()
"""Lesson 03's lifter: 8 deg short of neutral hip extension, rectus femoris tight."""
CLIENTS: Mapping[str, Client] = MappingProxyType(
    {
        # The thigh hangs 5 deg up with the knee at 70; held down, the thigh reaches the
        # table as the knee extends to 65 (Kendall: a short rectus femoris lifted it).
        "rectus femoris": Client(thigh_angle=5.0, knee_flexion=70.0, thigh_abduction=0.0, knee_flexion_thigh_held=65.0),
        # The thigh stays 8 deg up when held down and the knee flexes 90, more than
        # 80 + 8 (Kendall: short one-joint flexors, two-joint flexors of normal length).
        "iliopsoas": Client(thigh_angle=8.0, knee_flexion=90.0, thigh_abduction=0.0, knee_flexion_thigh_held=90.0),
        # The thigh hangs 5 deg below the table, the knee flexes 85, and the thigh drifts
        # 15 deg into abduction as the hip extends (Kendall: a sign of a short tensor
        # fasciae latae; he gives no number, so "abduction > 0" is the project's own
        # cut-off); the thigh is below the table, so it was not held down. Its lockout
        # prediction is an upper bound (the resting abduction read as TFL's end range).
        "TFL/ITB": Client(thigh_angle=-5.0, knee_flexion=85.0, thigh_abduction=15.0),
    }
)
"""Lesson 05's three clients, by the tissue the test points to."""
CLIENT = CLIENTS["rectus femoris"]
"""Lesson 05's main client: thigh 5 deg above horizontal, knee 70 deg hanging and 65 deg
with the thigh held down, no abduction."""
