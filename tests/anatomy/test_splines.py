"""The generic splines: OpenSim's SimmSpline end conditions, the natural spline, bad knots."""

from __future__ import annotations

import numpy as np
import pytest

from biomech.anatomy.splines import Spline


def test_simmspline_reproduces_knots_a_cubic_and_extends_linearly():
    x = np.array([-2.0, -1.0, 0.0, 0.5, 2.0])
    s = Spline.through(x, x**3 - x)
    np.testing.assert_allclose(s(x), x**3 - x, atol=1e-12)
    t = np.linspace(-2.0, 2.0, 41)
    np.testing.assert_allclose(s(t), t**3 - t, atol=1e-12)  # opensim ends are exact for a cubic
    np.testing.assert_allclose(s(t, derivative=True), 3 * t**2 - 1, atol=1e-12)
    assert s(3.0) == pytest.approx(6.0 + 11.0 * 1.0)  # y(2) + slope(2) * 1
    assert s(-3.0) == pytest.approx(-6.0 - 11.0 * 1.0)
    assert s(-3.0, derivative=True) == pytest.approx(11.0)


def test_natural_spline_has_zero_end_curvature_and_is_not_opensims():
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    natural = Spline.through(x, x**3, ends="natural")
    assert natural.c[0] == pytest.approx(0.0, abs=1e-12)
    assert abs(float(natural(0.5)) - 0.125) > 1e-3


def test_bad_spline_knots_are_rejected():
    with pytest.raises(ValueError, match="spline knots"):
        Spline.through([0.0, 0.0, 1.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="'ends' must be"):
        Spline.through([0.0, 1.0, 2.0], [1.0, 2.0, 3.0], ends="clamped")
