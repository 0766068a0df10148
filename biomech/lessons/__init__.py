"""What the lessons compute with: their cases and their self-check questions (numpy only).

- :mod:`~biomech.lessons.cases`: the lifter and the client of the lessons, defined once;
- :mod:`~biomech.lessons.questions`: the self-check questions, answered by the model for
  whichever lifter and client the lesson uses.
- :mod:`~biomech.lessons.rivals`: the other explanations the lessons weigh against the blog's;
- :mod:`~biomech.lessons.claims`: every qualitative claim the README, lessons and docs make
  about what the model shows, with its condition, the files that print it and a check.

Public names (``bm.lessons.X``) are this package's ``__all__``, each loaded from its module on
first use; the modules themselves are not part of the public API (``docs/architecture.md``).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # the lessons' cases
    "CLIENT": "biomech.lessons.cases",
    "CLIENTS": "biomech.lessons.cases",
    "LIFTER": "biomech.lessons.cases",
    "Client": "biomech.lessons.cases",
    "Lifter": "biomech.lessons.cases",
    # what the footnote means
    "flexion_examples_markdown": "biomech.lessons.flexion_examples",
    # the claims the texts make
    "claim": "biomech.lessons.claims",
    # the other explanations
    "rival_explanations": "biomech.lessons.rivals",
    "rivals_markdown": "biomech.lessons.rivals",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
