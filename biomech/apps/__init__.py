"""Interactive apps: the only layer that imports ipywidgets and ipympl.

- :mod:`~biomech.apps.live_figure`: a blitted ipympl figure with coalesced frames;
- :mod:`~biomech.apps.lab`: the Hip Compensation Lab (:class:`~biomech.apps.lab.HipLab`);
- :mod:`~biomech.apps.lift_lab`: the deadlift from floor to lockout (``LiftLab``);
- :mod:`~biomech.apps.posture_explorer`: muscle actions at any hip flexion;
- :mod:`~biomech.apps.selfcheck`: self-check questions and the table explorers.
"""
