"""What a claim is: :class:`Claim`, the files claims are printed in, and how sentences are found (no numpy).

The claims themselves are in :mod:`biomech.lessons.claims` (and :mod:`biomech.lessons.claims_rectus`),
which re-exports :class:`Claim` and :func:`normalise`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "DATA_README",
    "FIGURES_README",
    "LESSON_01",
    "LESSON_03",
    "LIFT_MODULE",
    "MODEL_DOC",
    "README",
    "Claim",
    "normalise",
]

README, FIGURES_README = "README.md", "figures/README.md"
LESSON_01, LESSON_03 = "notebooks/01_hip_compensation_lab.ipynb", "notebooks/03_deadlift_lockout.ipynb"
DATA_README = "biomech/data/README.md"
MODEL_DOC, LIFT_MODULE = "docs/model.md", "biomech/model/lift.py"


@dataclass(frozen=True)
class Claim:
    """One qualitative statement about what the model shows.

    Attributes
    ----------
    id
        A short name.
    sentence
        The sentence as it appears in each file of ``where`` (Markdown emphasis aside).
    condition
        Where the statement holds (posture, muscles, range), in words; the sentence
        carries it too.
    where
        Paths (from the repository root) of the files that print the sentence.
    check
        Computes from the model whether the statement holds.
    """

    id: str
    sentence: str
    condition: str
    where: tuple[str, ...]
    check: Callable[[], bool]


def normalise(text: str) -> str:
    """Text without Markdown emphasis (``*``, ``_``, backticks) and with single spaces, for finding sentences."""
    for mark in ("*", "`", "\\"):
        text = text.replace(mark, "")
    text = text.replace(" _", " ").replace("_ ", " ")
    return " ".join(text.split())
