"""The posture explorer (biomech.apps.posture_explorer)."""

from __future__ import annotations

import pytest

from biomech.anatomy.actions_by_posture import action_table_cells


@pytest.mark.filterwarnings(r"ignore:Passing unrecognized arguments to super\(Toolbar\):DeprecationWarning")
def test_explorer_recomputes_the_table_and_highlights_flips():
    from biomech.apps.posture_explorer import PostureExplorer, action_table_html

    explorer = PostureExplorer()
    assert "was external rotation" not in explorer.table.value
    explorer.set(hip_flexion=90.0, muscle="Obturator internus")
    explorer.set(muscle="Gluteus medius (posterior fibers)")
    assert "was external rotation" in explorer.table.value
    assert explorer.errors.outputs == ()
    html = action_table_html(action_table_cells(0.0))
    assert "anatomic position" in html and "generic adult" in html and "\u22120 mm" not in html
    explorer.reset()
    assert (explorer.slider.value, explorer.muscle.value) == (0.0, "Piriformis")
