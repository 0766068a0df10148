"""Hip Compensation Lab: how restricted hip extension is compensated at deadlift lockout.

Layers, each importing only the ones before it (DESIGN.md section 4)::

    data -> muscles -> parameters -> tissues -> model -> posture -> style -> views
         -> export -> app -> __main__

``import biomech`` loads nothing heavy; the model and the muscle table need numpy only.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
