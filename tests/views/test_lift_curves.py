"""The lift's curves and figure draw a LiftScene (biomech.views.lift_curves, biomech.views.lift_figure)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from biomech.scene.lift import lift_scenes
from biomech.views import LiftCurvesView, LiftFigure


def test_the_curves_are_the_lift_scenes_and_the_marker_moves():
    lift = lift_scenes(-8.0, tissue="Rectus femoris", phases=21)
    view = LiftCurvesView(Figure().add_subplot())
    view.set_lift(lift)
    for (cue, name), line in view._lines.items():
        x, y = line.get_data()
        np.testing.assert_array_equal(x, lift.phases)
        np.testing.assert_array_equal(y, getattr(lift.curves[cue], name))
    low, high = view.ax.get_ylim()
    every = np.concatenate(
        [np.asarray(getattr(c, n)) for c in lift.curves.values() for n in ("rotation_used", "pelvic_tilt")]
    )
    assert low < every.min() and every.max() < high
    view.set_phase(0.4)
    assert list(view._now.get_xdata()) == [0.4, 0.4]


def test_the_figure_draws_the_grids_nearest_phase_and_sets_the_curves_once_per_pull():
    lift = lift_scenes(-8.0, phases=11)
    fig = LiftFigure()
    fig.update(lift, 0.43)  # nearest grid phase: 0.4
    assert fig.curves._now.get_xdata()[0] == lift.phases[4]
    for cue in lift.scenes:
        assert fig.plates[cue].get_center() == tuple(lift.scenes[cue][4].sagittal.bar)
    drawn = fig.curves.lift
    fig.update(lift, 0.9)
    assert fig.curves.lift is drawn
    other = lift_scenes(-3.0, phases=11)
    fig.update(other, 0.9)
    assert fig.curves.lift is other


def test_the_key_and_titles_name_the_cues_as_the_side_panels_and_the_rotation_as_needed_with_free_feet():
    from biomech.scene.lift import CUE_TITLES, PELVIS_CURVE, ROTATION_CURVE

    fig = LiftFigure()
    key = [t.get_text() for t in fig.curves.ax.get_legend().get_texts()]
    assert key == [ROTATION_CURVE, PELVIS_CURVE, CUE_TITLES["stand_tall"], CUE_TITLES["squeeze_glutes"]]
    titles = {t.get_text().replace("\n", " ") for t in fig.figure.texts}
    assert set(CUE_TITLES.values()) <= titles


def test_the_hip_label_stays_clear_of_a_two_line_stance_label():
    """In the lift the stance label has two lines; the hip's label moves one line further off, in both figures."""
    lift = lift_scenes(-8.0, phases=11)
    fig = LiftFigure()
    fig.update(lift, 0.5)
    fig.figure.canvas.draw()
    renderer = fig.figure.canvas.get_renderer()
    for view in fig.top.values():
        assert view.feet_label.get_text().startswith("stance set before the pull:\nfeet out ")
        feet, hip = (t.get_window_extent(renderer) for t in (view.feet_label, view.hip_label))
        assert not feet.overlaps(hip)
