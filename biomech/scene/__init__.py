"""Joint angles to drawable points (numpy only; nothing here draws).

- :mod:`~biomech.scene.pose`: segment lengths and the side and top poses of the lifter;
- :mod:`~biomech.scene.bones`: gait2392's bone outlines posed on the lifter;
- :mod:`~biomech.scene.muscle_lines`: gait2392's muscle paths posed like the bones;
- :mod:`~biomech.scene.scene`: one model state with its poses, curves and highlights;
- :mod:`~biomech.scene.lift`: the lifter posed at a phase of the lift.
"""
