"""Joint angles to drawable points (numpy only; nothing here draws).

- :mod:`~biomech.scene.pose`: segment lengths and the side and top poses of the lifter;
- :mod:`~biomech.scene.scene`: one model state with its poses, curves and highlights;
- :mod:`~biomech.scene.lift`: the lifter posed at a phase of the lift.
"""
