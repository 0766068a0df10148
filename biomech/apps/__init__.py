"""Interactive apps: the only layer that imports ipywidgets and ipympl.

- :mod:`~biomech.apps.live_figure`: a blitted ipympl figure with coalesced frames;
- :mod:`~biomech.apps.lab`: the Hip Compensation Lab (:class:`~biomech.apps.lab.HipLab`), with its
  controls (:mod:`~biomech.apps.lab_controls`), page (:mod:`~biomech.apps.lab_layout`) and actions
  (:mod:`~biomech.apps.lab_actions`);
- :mod:`~biomech.apps.guard`: the one guard of the apps' callbacks;
- :mod:`~biomech.apps.lift_lab`: the deadlift from floor to lockout (``LiftLab``);
- :mod:`~biomech.apps.posture_explorer`: muscle actions at any hip flexion;
- :mod:`~biomech.apps.selfcheck`: self-check questions and the table explorers.
"""
