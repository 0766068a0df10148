"""Anatomy: what the textbook and the muscle geometry say, before any model (numpy only).

- :mod:`~biomech.anatomy.textbook`: Neumann's table of hip muscle actions, loaded and queried;
- :mod:`~biomech.anatomy.textbook_render`: the same table as markdown, HTML or text;
- :mod:`~biomech.anatomy.geometry`: 3-D muscle paths (gait2392), lengths and moment arms;
- :mod:`~biomech.anatomy.action_rule`: the one rule that turns a moment arm into an action;
- :mod:`~biomech.anatomy.actions_by_posture`: the table recomputed at any hip flexion;
- :mod:`~biomech.anatomy.tissues`: the tissues that may restrict hip extension;
- :mod:`~biomech.anatomy.bones`: outlines of the bones, projected from gait2392's meshes.
"""
