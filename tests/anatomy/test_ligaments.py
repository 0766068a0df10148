"""The front of the hip capsule: two bands of the iliofemoral ligament as straight lines.

Anatomy to check (textbook function of the iliofemoral, "Y" ligament): it is taut in hip
extension and limits external rotation, so both bands must lengthen with extension
(negative hip flexion) and with external rotation (negative hip rotation, internal +)
around the neutral posture, and shorten with flexion. The landmarks are illustrative
(``biomech/data/README.md``, section ``hip_ligaments.csv``).
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from biomech.anatomy import actions_by_posture
from biomech.anatomy.geometry import LIGAMENTS, PARTS, moment_arms, muscle_length, path_length
from biomech.anatomy.paths import ligament_paths

STEP_DEG = 5.0


def test_ligaments_are_named_and_kept_out_of_the_muscle_parts():
    assert LIGAMENTS == ("iliofem_sup_r", "iliofem_inf_r")
    assert not set(LIGAMENTS) & set(PARTS)
    assert len(PARTS) == 27 and muscle_length().shape == (27,) and moment_arms().flexion.shape == (27,)
    mapped = {p for parts in actions_by_posture.TABLE_PARTS.values() for p in parts}
    assert not mapped & set(LIGAMENTS)


def test_bands_run_from_the_pelvis_to_the_femur():
    for band in ligament_paths().values():
        assert [p.segment for p in band.points] == ["pelvis", "femur"]
        assert not any(p.active or p.moving for p in band.points)


@pytest.mark.parametrize("band", LIGAMENTS)
@pytest.mark.parametrize(("angle", "sign"), [("hip_flexion", -1.0), ("hip_rotation", -1.0)])
def test_each_band_lengthens_with_extension_and_external_rotation(band, angle, sign):
    """Around neutral (and at 10 deg either side), a step of extension or of external
    rotation lengthens the band; the opposite step shortens it."""
    for centre in (-10.0, 0.0, 10.0):
        values = centre + np.array([-STEP_DEG, 0.0, STEP_DEG]) * sign  # toward flexion/internal, neutral, away
        lengths = path_length(band, **{angle: values})
        assert lengths[0] < lengths[1] < lengths[2]


def test_bands_lengthen_over_the_whole_extension_range():
    flexion = np.arange(-30.0, 91.0, 5.0)
    lengths = path_length(LIGAMENTS, flexion)
    assert np.all(np.diff(lengths, axis=0) < 0)  # shorter at every step into flexion


def test_superior_band_is_the_external_rotation_check_inferior_the_extension_check():
    """The superior (lateral) band is the more sensitive to external rotation, the
    inferior (medial) band to extension (mm per 10 deg from neutral)."""
    neutral = path_length(LIGAMENTS)
    extension = path_length(LIGAMENTS, hip_flexion=-10.0) - neutral
    external = path_length(LIGAMENTS, hip_rotation=-10.0) - neutral
    assert external[0] > external[1] and extension[1] > extension[0]


def test_path_length_matches_muscle_length_for_muscles():
    f, k = np.array([-20.0, 0.0, 45.0]), np.array([0.0, 60.0, 110.0])
    names = ("rect_fem_r", "iliofem_inf_r", "peri_r")
    lengths = path_length(names, f, 5.0, -10.0, k)
    assert lengths.shape == (3, 3)
    all_muscles = muscle_length(f, 5.0, -10.0, k)
    np.testing.assert_array_equal(lengths[:, 0], all_muscles[:, PARTS.index("rect_fem_r")])
    np.testing.assert_array_equal(lengths[:, 2], all_muscles[:, PARTS.index("peri_r")])
    assert np.shape(path_length("iliofem_sup_r")) == ()
    assert path_length("iliofem_sup_r", [0.0, 10.0]).shape == (2,)


def test_unknown_or_missing_names_are_rejected():
    suggestion = r"'name' must be one of .*; got 'iliofem_sup' \(did you mean 'iliofem_sup_r'\?\)"
    with pytest.raises(ValueError, match=suggestion):
        path_length("iliofem_sup")
    with pytest.raises(ValueError, match="'names' must name at least one"):
        path_length([])


def test_landmarks_are_labelled_illustrative_in_the_data_and_the_readme():
    text = resources.files("biomech").joinpath("data", "hip_ligaments.csv").read_text("utf-8")
    rows = text.strip().splitlines()[1:]
    assert rows and all('"illustrative:' in row for row in rows)
    readme = resources.files("biomech").joinpath("data", "README.md").read_text("utf-8")
    section = readme.split("## hip_ligaments.csv", 1)[1].split("\n## ", 1)[0]
    assert "illustrative" in section.lower() and "CC BY 3.0" in section
