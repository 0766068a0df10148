"""Every claim about what the model shows is true now, and printed word for word where it is said.

When the model changes, a failing check or a missing sentence names the text to rewrite
(``biomech/lessons/claims.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from biomech.lessons.claims import FEMORAL_HEAD_RADIUS_MM, band_clearance, claim, claims, normalise

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = claims()


def _text(path: str, kind: str = "markdown") -> str:
    """A file's prose (a notebook's markdown cells, or the whole file), or a notebook's code (``kind="code"``)."""
    raw = (ROOT / path).read_text("utf-8")
    if path.endswith(".ipynb"):
        cells = json.loads(raw)["cells"]
        raw = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == kind)
    return normalise(raw) if kind == "markdown" else raw


def test_ids_are_unique_and_every_claim_names_its_condition_and_files():
    assert len({c.id for c in CLAIMS}) == len(CLAIMS)
    for c in CLAIMS:
        assert c.condition.strip() and c.where, c.id
        for path in c.where:
            assert (ROOT / path).is_file(), (c.id, path)


@pytest.mark.parametrize("c", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_check_holds(c):
    assert c.check() is True


@pytest.mark.parametrize(
    ("c", "path"), [(c, p) for c in CLAIMS for p in c.where], ids=[f"{c.id}:{p}" for c in CLAIMS for p in c.where]
)
def test_every_sentence_is_printed_where_it_says(c, path):
    # a notebook may print the sentence from a code cell (computed where it stands) instead of typing it
    code = _text(path, "code") if path.endswith(".ipynb") else ""
    printed = f'claim("{c.id}")' in code or (f'"{c.id}"' in code and "claim(i).sentence" in code)
    assert printed or normalise(c.sentence) in _text(path), f"rewrite the claim {c.id!r} in {path}: {c.sentence}"


def test_normalise_ignores_emphasis_and_line_breaks():
    assert normalise("the *hip*\n  turns `out`") == "the hip turns out"


def test_the_inferior_band_enters_the_head_only_beyond_neutral():
    # a hand check of band_clearance: at neutral the line clears the head, in extension it does not
    assert band_clearance(0.0) > FEMORAL_HEAD_RADIUS_MM
    assert band_clearance(-10.0) < FEMORAL_HEAD_RADIUS_MM
    assert band_clearance(-10.0) < band_clearance(-5.0) < band_clearance(0.0)


def test_a_check_can_fail(monkeypatch):
    import biomech.lessons.claims as module

    monkeypatch.setattr(module, "ligament_paths", lambda: {})  # no bands: the capsule claim cannot be checked
    with pytest.raises(KeyError):
        claim("capsule_sketch").check()


def test_unknown_claim_is_named():
    with pytest.raises(ValueError, match="'claim_id' must be one of"):
        claim("duck feet")


def test_sentences_carry_their_condition_words():
    assert "if every flexor part is at its limit at once" in claim("flexors_all_no_rotation").sentence
    tfl = claim("tfl_near_neutral").sentence
    assert "near neutral" in tfl and "into extension" in tfl
    assert "gracilis" in claim("adductors_which").sentence
    assert "by construction" in claim("psoas_lumbar").sentence
    assert "hip flexion 0 deg, knee straight" in claim("external_rotation_shortens").sentence
    assert "no direction of rotation" in claim("capsule_sketch").sentence


def test_the_ligament_bands_are_labelled_a_sketch_and_claim_no_rotation():
    rows = (ROOT / "biomech/data/hip_ligaments.csv").read_text("utf-8").strip().splitlines()[1:]
    assert rows and all('"illustrative: a sketch' in row for row in rows)
    for path in ("README.md", "notebooks/01_hip_compensation_lab.ipynb", "notebooks/03_deadlift_lockout.ipynb"):
        text = _text(path).lower()
        assert "with the capsule the hip turns in" not in text
        assert "it is restrained, not freed" not in text


def test_the_blog_rate_is_sized_by_the_project_not_the_blog():
    import re

    from biomech.parameters import PARAMETERS

    k = PARAMETERS["flexors_rotation_benefit"]
    assert k.source == "illustrative" and "the blog gives no number" in k.measured
    stated = float(re.search(r"absorbs about (\d+) deg", k.measured).group(1))
    assert abs(PARAMETERS["external_rotation_range"].default * k.default - stated) <= 1.0


def test_the_squeeze_is_hips_through_not_a_vertical_thigh():
    from biomech.parameters import PARAMETERS

    meaning = PARAMETERS["squeeze_demand"].meaning
    assert "thigh vertical" not in meaning and "straight leg leans forward" in meaning and "proxy" in meaning


def test_rectus_femoris_bites_in_the_lift_only_with_a_straight_knee_limit():
    import numpy as np

    from biomech.anatomy.geometry import path_length
    from biomech.lessons.cases import LIFTER
    from biomech.model.lift import lift_posture

    sentence = claim("rectus_femoris_lift").sentence
    assert "only if its limit was read with the knee straight" in sentence and "bites nowhere in the lift" in sentence
    angles = lift_posture(np.linspace(0.0, 1.0, 201))
    along = path_length("rect_fem_r", hip_flexion=angles.hip_flexion, knee_flexion=angles.knee_flexion)
    straight = float(path_length("rect_fem_r", hip_flexion=-LIFTER.hip_extension_available))
    thomas = float(path_length("rect_fem_r", hip_flexion=15.0, knee_flexion=80.0))  # thigh 15 deg up, Kendall's knee
    assert along.min() < straight < along.max() < thomas
    # the straight-knee limit, read at the Thomas test's knee, would hold the thigh far up
    assert float(path_length("rect_fem_r", hip_flexion=60.0, knee_flexion=80.0)) > straight


def test_the_squeezed_lift_ends_beyond_the_toes_and_stays_there():
    import numpy as np

    from biomech.lessons.claims_balance import beyond_toes_from, lift_centre_of_mass, toes_ahead_of_mid_foot

    from_available, first, last = beyond_toes_from()
    toes = toes_ahead_of_mid_foot()
    phase = np.linspace(last, 1.0, 41)
    for available in (from_available, -8.0, 17.0, 40.0):
        assert np.all(lift_centre_of_mass(phase, np.full_like(phase, available)) > toes)
        # standing tall, the same lifter stays behind the toes all lift long
        tall = lift_centre_of_mass(np.linspace(0, 1, 41), np.full(41, available), cue="stand_tall")
        assert np.all(tall < toes)
    assert float(lift_centre_of_mass(1.0, from_available - 1.0)) < toes
    assert float(lift_centre_of_mass(first - 0.01, -8.0)) < toes  # before the earliest phase, inside the foot
