"""Moment-arm views (biomech.views.moment_arms)."""

from __future__ import annotations

import numpy as np

from biomech.anatomy.geometry import AXES


def test_moment_arm_view_draws_once_and_moves_the_posture_marker():
    from matplotlib.figure import Figure

    from biomech.views.moment_arms import AxisCurvesView, MomentArmView

    fig = Figure()
    view = MomentArmView(fig.add_subplot())
    x = np.array([0.0, 45.0, 90.0])
    view.show("Piriformis", x, {a: x / 10 for a in AXES}, flips=[57.0])
    lines = list(fig.axes[0].lines)
    view.update(45.0, {a: 4.5 for a in AXES})
    assert list(fig.axes[0].lines) == lines  # no new artists
    assert list(view.now.get_xdata()) == [45.0, 45.0]
    assert view.title.get_text() == "Piriformis"
    curves = AxisCurvesView(fig.add_subplot(), "rotation")
    curves.show(x, {"a": x, "b": -x})
    curves.show(x, {"a": x})
    assert len(curves.lines) == 1


# ipympl's toolbar passes an argument traitlets deprecates (third-party, not ours)
