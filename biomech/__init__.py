"""Hip Compensation Lab: how restricted hip extension is compensated at deadlift lockout.

Layers, each importing only the ones before it (DESIGN.md section 4)::

    data -> muscles, parameters, geometry, bones -> actions_by_posture -> tissues -> model
         -> lift, thomas -> questions -> posture -> style -> views -> export
         -> live_figure -> app, lift_app, posture_explorer, selfcheck -> __main__

(tests/test_layers.py checks it). The geometry sits below the model because the model
takes each tissue's rotation benefit from the geometry's moment arms.

``import biomech`` loads nothing heavy; the model and the muscle table need numpy only.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
